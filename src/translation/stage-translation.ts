/**
 * What the translate-tag stage needs to translate for partner desks: a provider, a cache, the
 * target languages and the budget, plus where to hand targets that failed for a passing reason.
 */
import type { Article } from '../shared/article.js';
import type { FollowUpPlan } from './attach.js';
import type { TranslationCache } from './cache.js';
import type { TranslationProvider } from './provider.js';

export interface StageTranslation {
  provider: TranslationProvider;
  cache: TranslationCache;
  /** BCP 47 codes partners want; the article's own language is skipped. */
  targets: string[];
  maxAttempts?: number;
  budgetMs?: number;
  /** Least wait before a follow-up attempt (default 60 s). */
  followUpDelayMs?: number;
  /** Queues a later attempt for the targets that failed for a passing reason. */
  scheduleFollowUp?: (article: Article, plan: FollowUpPlan) => Promise<void>;
}
