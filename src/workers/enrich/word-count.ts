import type { Article } from '../../shared/article.js';

// A word is a run of letters/digits, joined by inner apostrophes, hyphens or dots ("l'État", "COVID-19").
// Vietnamese is written one syllable per space-separated token, so each syllable counts as a word,
// as Vietnamese newsrooms count.
// Digits grouped or decimal with a comma ("3,5", "1.245") are one number.
const WORD = /[\p{L}\p{N}\p{M}]+(?:(?:['’.-]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const DIGIT_CHAR = /\p{N}/u;
/** Per UTF-16 code unit: 0 unknown, 1 word character, 2 digit, 3 other, 4 surrogate. Filled on first sight. */
const CLASS = new Uint8Array(0x10000);

const SURROGATE = 4;

function classOf(code: number): number {
  let c = CLASS[code] ?? 0;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = code >= 0xd800 && code <= 0xdfff ? SURROGATE : DIGIT_CHAR.test(ch) ? 2 : WORD_CHAR.test(ch) ? 1 : 3;
    CLASS[code] = c;
  }
  return c;
}

/**
 * Number of words in `text`: the matches of WORD, counted by one pass over the characters with a
 * per-character class table instead of the regex (whose lookbehind makes it slow on long text).
 * Characters outside the Basic Multilingual Plane are rare in copy and go through the regex.
 */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = classOf(text.charCodeAt(i));
    if (c === SURROGATE) return countWordsByRegex(text);
    if (c !== 3) {
      if (!inWord) n++;
      inWord = true;
      continue;
    }
    if (inWord && i + 1 < len) {
      const ch = text.charCodeAt(i);
      const next = classOf(text.charCodeAt(i + 1));
      // "l'État", "COVID-19", "U.S": a joiner between word characters; "3,5": a comma between digits.
      const joiner = ch === 0x27 || ch === 0x2019 || ch === 0x2e || ch === 0x2d;
      if ((joiner && next !== 3) || (ch === 0x2c && next === 2 && classOf(text.charCodeAt(i - 1)) === 2)) continue;
    }
    inWord = false;
  }
  return n;
}

function countWordsByRegex(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/** Words of headline + lead + body text. */
export function articleWordCount(article: Pick<Article, 'headline' | 'lead' | 'body'>): number {
  return countWords(article.headline) + countWords(article.lead ?? '') + countWords(article.body.text);
}
