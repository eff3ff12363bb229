import type { Article } from '../../shared/article.js';

// A word is a run of letters/digits, joined by inner apostrophes, hyphens or dots ("l'État", "COVID-19").
// Vietnamese is written one syllable per space-separated token, so each syllable counts as a word,
// as Vietnamese newsrooms count.
// Digits grouped or decimal with a comma ("3,5", "1.245") are one number.
const WORD = /[\p{L}\p{N}\p{M}]+(?:(?:['’.-]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;

/** Number of words in `text`. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/** Words of headline + lead + body text. */
export function articleWordCount(article: Pick<Article, 'headline' | 'lead' | 'body'>): number {
  return countWords(article.headline) + countWords(article.lead ?? '') + countWords(article.body.text);
}
