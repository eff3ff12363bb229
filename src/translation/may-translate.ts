/**
 * Whether a story's text may be sent to a translation provider now. A provider is a third party:
 * copy under embargo, withheld or killed must not leave the house before partners may see it.
 */
import type { Article } from '../shared/article.js';

export type TranslationGate = { ok: true } | { ok: false; retryInMs: number | null; reason: string };

/** `ok`, or why not and, for an embargo, how long until it lifts (null: not until a new version). */
export function mayTranslate(article: Pick<Article, 'pubStatus' | 'embargoedUntil'>, now: Date): TranslationGate {
  if (article.pubStatus !== 'usable') return { ok: false, retryInMs: null, reason: `pubStatus ${article.pubStatus}` };
  if (article.embargoedUntil !== null) {
    const left = Date.parse(article.embargoedUntil) - now.getTime();
    if (left > 0) return { ok: false, retryInMs: left, reason: `under embargo until ${article.embargoedUntil}` };
  }
  return { ok: true };
}
