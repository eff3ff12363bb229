/**
 * The one call translate-tag (and the follow-up job) needs: translate within the budget, attach
 * what came back without touching `version`, and say what a follow-up job should retry.
 */
import type { Article } from '../shared/article.js';
import { attachTranslations, planFollowUp, type FollowUpPlan } from './attach.js';
import { translateArticle, type TranslateArticleOptions, type TranslateArticleResult } from './translate-article.js';

export interface TranslateAndAttachResult {
  /** The input article plus any new translations; the same object when none were made. */
  article: Article;
  result: TranslateArticleResult;
  /** Targets worth retrying later and when, or null. */
  followUp: FollowUpPlan | null;
}

/**
 * `article` with translations into `opts.targets` attached (same version); never throws for
 * provider or cache faults. `followUpDelayMs` is the least delay planned for a follow-up.
 */
export async function translateAndAttach(
  article: Article,
  opts: TranslateArticleOptions & { followUpDelayMs?: number },
): Promise<TranslateAndAttachResult> {
  const result = await translateArticle(article, opts);
  return {
    article: attachTranslations(article, result.translations),
    result,
    followUp: planFollowUp(result, opts.followUpDelayMs),
  };
}
