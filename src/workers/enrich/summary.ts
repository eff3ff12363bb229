import type { Article } from '../../shared/article.js';

export const MAX_SUMMARY = 300;
const ELLIPSIS = '…';
// A sentence ends at . ! ? … (optionally closed by a quote or bracket) before a space.
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)/gu;
const WS = /\s+/gu;
/** Whitespace that collapsing would change: a run of two, or any whitespace other than a space. */
const UNEVEN_SPACE = /\s\s|[^\S ]/u;

/**
 * `text` with whitespace runs as one space and trimmed, or, when that is longer than `room` + 2
 * characters, an exact prefix of it longer than that. A summary reads at most the first `room` + 1
 * characters, so a long body is collapsed only as far as it needs: a run of whitespace cut at the
 * window's end still collapses to the one space the whole run does.
 */
export function collapsedHead(text: string, room: number): string {
  const window = 2 * room + 16;
  if (text.length > window) {
    const head = text.slice(0, window).replace(WS, ' ').trim();
    if (head.length > room + 2) return head;
  }
  // Most leads are already single-spaced: one scan says so, and nothing is rebuilt.
  return UNEVEN_SPACE.test(text) ? text.replace(WS, ' ').trim() : text.trim();
}

/** Clips `text` to `max` characters on a word boundary, adding "…" only when something was cut. */
export function clip(text: string, max: number = MAX_SUMMARY): string {
  const t = collapsedHead(text, max);
  if (t.length <= max) return t;
  const room = t.slice(0, max - ELLIPSIS.length + 1);
  const space = room.lastIndexOf(' ');
  const head = (space > 0 ? room.slice(0, space) : room.slice(0, max - ELLIPSIS.length)).replace(/[\s,;:–-]+$/u, '');
  return head + ELLIPSIS;
}

/** The first whole sentences of `text` that fit in `max` characters (clipped if the first one does not). */
function firstSentences(text: string, max: number): string {
  const t = collapsedHead(text, max);
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
