import type { Article } from '../../shared/article.js';
import { isLetterNumberOrMark, isNumber, isSurrogate } from '../normalize/char-classes.js';

// A word is a run of letters/digits, joined by inner apostrophes, hyphens or dots ("l'État", "COVID-19").
// Vietnamese is written one syllable per space-separated token, so each syllable counts as a word,
// as Vietnamese newsrooms count.
// Digits grouped or decimal with a comma ("3,5", "1.245") are one number.
const WORD = /[\p{L}\p{N}\p{M}]+(?:(?:['’.-]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;

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
    const unit = text.charCodeAt(i);
    if (isLetterNumberOrMark(unit)) {
      if (!inWord) n++;
      inWord = true;
      continue;
    }
    // Every unit comes through this loop, so a surrogate anywhere hands the whole text to the regex.
    if (isSurrogate(unit)) return countWordsByRegex(text);
    if (inWord && i + 1 < len) {
      const next = text.charCodeAt(i + 1);
      // "l'État", "COVID-19", "U.S": a joiner between word characters; "3,5": a comma between digits.
      const joiner = unit === 0x27 || unit === 0x2019 || unit === 0x2e || unit === 0x2d;
      if ((joiner && isLetterNumberOrMark(next)) || (unit === 0x2c && isNumber(next) && isNumber(text.charCodeAt(i - 1)))) continue;
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
