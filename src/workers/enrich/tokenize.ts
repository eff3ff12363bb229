/**
 * Splits text into word tokens with offsets and the flags every extractor needs, so each
 * extractor walks one shared array instead of running its own regexes over the text.
 */
import { tokenKeys as foldToken } from './fold.js';

export interface Token {
  /** The token as written. */
  text: string;
  start: number;
  end: number;
  /** Tone-placement-insensitive lowercase key (see fold.ts). */
  key: string;
  /** Lowercase ASCII fold. */
  ascii: string;
  /** Starts with an uppercase letter. */
  cap: boolean;
  /** Two or more letters, all uppercase (UBND, TTXVN, VFF). */
  upper: boolean;
  /** Non-space characters between the previous token and this one ("," "." "(" ...). */
  sep: string;
  /** Written directly after the previous token with no space (a hyphen or dot joins them). */
  glued: boolean;
  /** First token of a sentence or paragraph: its capital letter says nothing. */
  sentenceStart: boolean;
  /** Written with a possessive "'s" ("Vietnam's"): the name ends here. */
  possessive: boolean;
  /**
   * Memo of lexicon lookups starting at this token (title length, role break, honorific),
   * filled on first use by role-phrases.ts; -1 means not looked up yet. Tokens live for one call.
   */
  memo: { title: number; roleBreak: number; honorific: number };
}

// "M. Brochet", "Dr. Smith": the dot after these abbreviations neither ends a sentence nor
// separates the honorific from the name.
const DOTTED_HONORIFICS = new Set(['M', 'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Mme', 'Mlle', 'Gen', 'Col', 'Sen']);
const POSSESSIVE_END = /\p{L}{2}['’]s$/u;

// Hyphens and apostrophes stay inside a token: "Jin-woo", "Mát-xcơ-va", "People's", "l'État".
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
// French elision: "l'Agriculture" is capitalized for our purposes.
const UPPER_START = /^(?:[dlDL]['’])?\p{Lu}/u;
const LETTER_LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}.*\p{L}/u;
const SENTENCE_BREAK = /[.!?…:;\n"“”]/u;
const SPACE = /\s+/gu;

/** Tokenizes `text`; `text` is one section (headline, lead or body), so its first token starts a sentence. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) {
    const t = m[0];
    const start = m.index;
    const gap = text.slice(prevEnd, start);
    const prev = out[out.length - 1];
    const rawSep = gap === ' ' ? '' : gap.replace(SPACE, '');
    const sep = rawSep === '.' && prev && DOTTED_HONORIFICS.has(prev.text) ? '' : rawSep;
    const first = out.length === 0;
    const { key, ascii } = foldToken(t);
    const cap = UPPER_START.test(t);
    out.push({
      text: t,
      start,
      end: start + t.length,
      key,
      ascii,
      cap,
      upper: cap && LETTERS.test(t) && !LETTER_LOWER.test(t),
      sep,
      glued: !first && gap.length > 0 && !/\s/u.test(gap) && sep !== '',
      // A newline in the gap is a paragraph break; sep alone would lose it.
      sentenceStart: first || (sep !== '' && SENTENCE_BREAK.test(sep) && /\s/u.test(gap)) || gap.includes('\n'),
      possessive: (t.includes("'") || t.includes('’')) && POSSESSIVE_END.test(t),
      memo: { title: -1, roleBreak: -1, honorific: -1 },
    });
    prevEnd = start + t.length;
  }
  return out;
}

/** Keys of `text` tokenized exactly as `tokenize` does, joined by one space. */
export function tokenKeys(text: string): string {
  return tokenize(text)
    .map((t) => t.key)
    .join(' ');
}
