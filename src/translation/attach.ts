/**
 * Putting translations on an article, now (translate-tag) or later (the follow-up job), and
 * deciding what the follow-up job should retry. Translations never bump `version`: the story's
 * content is unchanged, so partners keyed on (id, version) see no spurious correction.
 */
import type { Article, Translation } from '../shared/article.js';
import type { FailedTarget, TranslateArticleResult } from './translate-article.js';

/**
 * `article` with `translations` merged in: one entry per language (case-insensitive), a new one
 * replacing an old one, languages in first-seen order. `version` and content are untouched.
 */
export function attachTranslations<A extends Pick<Article, 'translations'>>(article: A, translations: readonly Translation[]): A {
  if (translations.length === 0) return article;
  const byLang = new Map<string, Translation>();
  for (const t of article.translations) byLang.set(t.lang.toLowerCase(), t);
  for (const t of translations) byLang.set(t.lang.toLowerCase(), t);
  return { ...article, translations: [...byLang.values()] };
}

export interface FollowUpPlan {
  /** Targets worth another try later (passing faults only; permanent refusals are dropped). */
  langs: string[];
  /** When to try: the longest Retry-After any target got, but at least `minDelayMs`. */
  delayMs: number;
}

/** What a follow-up job should retry for this result, or null when nothing is worth retrying. */
export function planFollowUp(result: Pick<TranslateArticleResult, 'failed'>, minDelayMs = 60_000): FollowUpPlan | null {
  const retryable = result.failed.filter((f: FailedTarget) => f.retryable);
  if (retryable.length === 0) return null;
  const delayMs = Math.max(minDelayMs, ...retryable.map((f) => f.retryAfterMs ?? 0));
  return { langs: retryable.map((f) => f.lang), delayMs };
}

/**
 * A deterministic BullMQ job id for the follow-up of one story version: a re-sent story or a
 * second failure adds the same id, which BullMQ ignores. '.' because BullMQ refuses ':'.
 */
export function followUpJobId(articleId: string, version: number): string {
  return `${articleId}.v${version}.translate`;
}
