/**
 * Character references in the text of HTML fields and blocks ("&eacute;", "&#8211;", "&shy;"): what
 * each stands for. Every HTML5 name is known (the table of the `entities` package), but only when
 * closed by ";", as this stage always required: a summary that is really plain text may hold
 * "&copy2026" or "&para" meaning just that, and the old names HTML5 reads without ";" are those.
 */
import { decodeCodePoint, decodeHTMLStrict } from 'entities/decode';

// Decimal, hex, or a name; one pass, so "&amp;eacute;" gives "&eacute;" as a browser shows it.
const REFERENCE = '&(?:#(\\d+)|#x([0-9a-f]+)|([a-z][a-z0-9]*));';
const REFERENCE_RE = new RegExp(REFERENCE, 'giu');
const REFERENCE_AT_RE = new RegExp(`^${REFERENCE}`, 'iu');
// Longest reference the table holds, "&CounterClockwiseContourIntegral;" (33), with room to spare.
const LONGEST_NAMED_REFERENCE = 40;

// The names this stage read before it knew all of HTML5, case-insensitively ("&AMP;", "&Nbsp;"),
// which stays so: "&Lt;" is "<" here, not HTML5's "≪". They are also nearly every reference met,
// and are read without asking the table.
const COMMON_NAMES: ReadonlyMap<string, string> = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00A0']]);

/**
 * The character a numeric reference names, as HTML5 reads it: U+FFFD for one that names none
 * ("&#99999999;", "&#0;", a lone surrogate), never a RangeError; and 128–159 as Windows-1252
 * ("&#150;" is "–"), which is what the pages that write them mean: read as C1 controls, cleaning
 * would delete them and the dashes and quotes would be lost.
 */
function codePointText(cp: number): string {
  return Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? decodeCodePoint(cp) : '\uFFFD';
}

/** What a matched reference stands for; a name HTML5 does not know stays as written. */
function referenceText(ref: string, dec: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (dec !== undefined) return codePointText(Number(dec));
  if (hex !== undefined) return codePointText(parseInt(hex, 16));
  const common = COMMON_NAMES.get(name!.toLowerCase());
  return common ?? decodeHTMLStrict(ref);
}

/** The text with every character reference decoded, in one pass; text without "&" is returned as is. */
export function decodeCharacterReferences(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE_RE, referenceText) : text;
}

/**
 * The reference written at `text[i]` (a "&"), as decodeCharacterReferences reads it: what it stands
 * for and how many characters it takes; null when no reference starts there.
 */
export function referenceAt(text: string, i: number): { text: string; length: number } | null {
  const m = REFERENCE_AT_RE.exec(text.slice(i, i + LONGEST_NAMED_REFERENCE));
  return m === null ? null : { text: referenceText(m[0], m[1], m[2], m[3]), length: m[0].length };
}
