import type { Article } from '../../shared/article.js';

export const MAX_SUMMARY = 300;
const ELLIPSIS = '…';
// A sentence ends at . ! ? … (optionally closed by a quote or bracket) before a space.
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)/gu;
const WS = /\s+/gu;

/** Clips `text` to `max` characters on a word boundary, adding "…" only when something was cut. */
export function clip(text: string, max: number = MAX_SUMMARY): string {
  const t = text.replace(WS, ' ').trim();
  if (t.length <= max) return t;
  const room = t.slice(0, max - ELLIPSIS.length + 1);
  const space = room.lastIndexOf(' ');
  const head = (space > 0 ? room.slice(0, space) : room.slice(0, max - ELLIPSIS.length)).replace(/[\s,;:–-]+$/u, '');
  return head + ELLIPSIS;
}

/** The first whole sentences of `text` that fit in `max` characters (clipped if the first one does not). */
function firstSentences(text: string, max: number): string {
  const t = text.replace(WS, ' ').trim();
  let end = 0;
  for (const m of t.matchAll(SENTENCE_END)) {
    const stop = (m.index ?? 0) + m[0].length;
    if (stop > max) break;
    end = stop;
  }
  return end > 0 ? t.slice(0, end) : clip(t, max);
}

/** The story's summary: its lead, else the first sentences of the body, ≤ 300 chars on a word boundary. */
export function makeSummary(article: Pick<Article, 'lead' | 'body' | 'headline'>): string {
  const lead = article.lead?.trim();
  if (lead) return clip(lead);
  const body = article.body.text.trim();
  if (body) return firstSentences(body, MAX_SUMMARY);
  return clip(article.headline);
}
