import type { Article, Dateline } from '../../shared/article.js';

export const MAX_SUMMARY = 300;
const ELLIPSIS = '…';
// A sentence may end at . ! ? … (optionally closed by a quote or bracket) before a space;
// endsSentence decides whether it does.
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)/gu;
// Words a "." follows without ending the sentence: titles and abbreviations of the Vietnamese
// ("TP." thành phố = city, "PGS. TS." = associate professor, doctor, "Q."/"P." quận/phường =
// district/ward), English and French house styles. Only the letters after the last dot are looked
// up, so "U.S.", "Th.S." and "PGS.TS." are caught by their last part; a single capital (an
// initial, "Nguyễn Văn A.", "M. Macron") never ends a sentence either.
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'TP', 'TS', 'PGS', 'GS', 'ThS', 'BS', 'Q', 'P',
  'Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Inc', 'Co', 'No', 'Gen', 'Sen',
  'Mme', 'Mlle',
]);
const LONGEST_ABBREVIATION = 4;
// The letters just before a ".", read from a short slice so the cost does not grow with the text.
const LETTERS_BEFORE = /[\p{L}\p{M}]+$/u;
const SINGLE_CAPITAL = /^\p{Lu}\p{M}*$/u;
const LOWERCASE = /^\p{Ll}/u;
// A first word in lowercase letters only: "tại", not "iPhone" or "eBay", which are written so.
const LOWERCASE_WORD = /^\p{Ll}[\p{Ll}\p{M}]*(?![\p{L}\p{M}])/u;
// The place and agency of a dateline ("HÀ NỘI (TTXVN) - ", "TTXVN - "): what follows is its date
// phrase. Agency marks hold no dash and places no ")", so the first ")-" or first dash ends it.
const DATELINE_SOURCE = /^[^)]*\)\s*[-–—]+\s*|^[^-–—]*[-–—]+\s*/u;
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

/**
 * Whether the sentence-end mark `mark` found at `index` of the collapsed text `t` ends a sentence:
 * not after an abbreviation or an initial, and not when the next word starts in lowercase.
 */
function endsSentence(t: string, index: number, mark: string): boolean {
  // The first character of the next word: most are ASCII, told apart without a regex.
  const next = index + mark.length + 1;
  const c = t.charCodeAt(next);
  if (c >= 0x61 && c <= 0x7a) return false;
  if (c >= 0x80 && LOWERCASE.test(t.slice(next, next + 2))) return false;
  if (mark !== '.') return true;
  const word = LETTERS_BEFORE.exec(t.slice(Math.max(0, index - LONGEST_ABBREVIATION - 1), index))?.[0];
  return word === undefined || !(ABBREVIATIONS.has(word) || SINGLE_CAPITAL.test(word));
}

/**
 * Where the first whole sentences of the collapsed text `t` that fit in `max` characters end, or 0
 * when the first one does not fit. A text cut by collapsedHead(…, max) gives what the whole does:
 * a sentence end is judged by at most the letters before it and the first one after its space.
 */
export function sentencesEnd(t: string, max: number): number {
  let end = 0;
  for (const m of t.matchAll(SENTENCE_END)) {
    const stop = m.index + m[0].length;
    if (stop > max) break;
    if (endsSentence(t, m.index, m[0])) end = stop;
  }
  return end;
}

/** The first whole sentences of `text` that fit in `max` characters (clipped if the first one does not). */
function firstSentences(text: string, max: number): string {
  const t = collapsedHead(text, max);
  const end = sentencesEnd(t, max);
  return end > 0 ? t.slice(0, end) : clip(t, max);
}

/**
 * `text` with its first letter capitalized when its first word is all lowercase: a summary that
 * starts mid-sentence still reads as one, and "iPhone" keeps its spelling.
 */
export function capitalized(text: string): string {
  if (!LOWERCASE_WORD.test(text)) return text;
  const first = String.fromCodePoint(text.codePointAt(0)!);
  return first.toLocaleUpperCase('vi') + text.slice(first.length);
}

/**
 * The date phrase of a dateline ("Sáng 14/3," of "HÀ NỘI (TTXVN) - Sáng 14/3,"): normalize takes
 * it out of the body with the place and agency, though the sentence goes on after it ("Sáng 14/3,
 * tại trụ sở Chính phủ, Thủ tướng …"). A dateline without an agency is a bare date phrase.
 */
function datelinePhrase(dateline: Pick<Dateline, 'raw' | 'agency'> | undefined): string {
  const raw = dateline?.raw?.trim();
  if (!raw) return '';
  if (dateline?.agency == null) return raw;
  const source = DATELINE_SOURCE.exec(raw);
  return source ? raw.slice(source[0].length) : '';
}

// A paragraph that ends as a sentence does.
const PARAGRAPH_END = /[.!?…]["'”’)\]]*$/u;

/**
 * The body up to its first paragraph, after the first, that is no sentence (a table row, a
 * subheading): a summary reads whole sentences, and such a line would run into the next one
 * ("… đầu năm. Tỉnh | Số ca TP Hồ Chí Minh | 5.200 Theo Bộ Y tế, …"). Only paragraphs a summary
 * can reach are looked at: those within twice its length of text.
 */
export function proseHead(body: string): string {
  let seen = 0;
  let paragraphs = 0;
  let from = 0;
  while (from < body.length && seen <= 2 * MAX_SUMMARY) {
    const next = body.indexOf('\n\n', from);
    const end = next < 0 ? body.length : next;
    const paragraph = body.slice(from, end).trim();
    if (paragraph !== '') {
      if (paragraphs > 0 && !PARAGRAPH_END.test(paragraph)) return body.slice(0, from);
      paragraphs++;
      seen += paragraph.length;
    }
    if (next < 0) break;
    from = next + 2;
  }
  return body;
}

/**
 * The story's summary: its lead, else the first sentences of the body (read from after the
 * dateline's place and agency), ≤ 300 chars on a word boundary, starting with a capital.
 */
export function makeSummary(
  article: Pick<Article, 'lead' | 'body' | 'headline'> & { dateline?: Pick<Dateline, 'raw' | 'agency'> },
): string {
  const lead = article.lead?.trim();
  if (lead) return capitalized(clip(lead));
  const body = proseHead(article.body.text).trim();
  if (body) {
    const phrase = datelinePhrase(article.dateline);
    // Only the collapsed head of the body is joined to the phrase: joining the whole would copy
    // a long body that the summary reads the first few hundred characters of.
    const opening = phrase === '' || body.startsWith(phrase) ? body : `${phrase} ${collapsedHead(body, MAX_SUMMARY)}`;
    return capitalized(firstSentences(opening, MAX_SUMMARY));
  }
  return capitalized(clip(article.headline));
}
