/**
 * The translate-tag stage: detects the story's language (body first, headline when the body is
 * empty) and tags it with IPTC Media Topics. Pure: no I/O, no clients from ctx.
 */
import type { Article } from '../../shared/article.js';
import type { ArticleStage } from '../stage.js';
import { detectLanguage } from './detect-language.js';

export { detectLanguage } from './detect-language.js';
export type { LanguageGuess } from './detect-language.js';

/** The article's language fields: the body's language, or the headline's when the body is empty. */
export function articleLanguage(article: Pick<Article, 'headline' | 'lead' | 'body'>): {
  language: string;
  languageConfidence: number;
} {
  const body = detectLanguage(article.body.text);
  if (body.lang !== 'und') return { language: body.lang, languageConfidence: body.confidence };
  const fallback = detectLanguage(article.lead ?? '');
  const chosen = fallback.lang !== 'und' ? fallback : detectLanguage(article.headline);
  return { language: chosen.lang, languageConfidence: chosen.confidence };
}

/** Fills language and languageConfidence; never drops a story. */
export const translateTag: ArticleStage = async (article) => {
  return { ...article, ...articleLanguage(article) };
};
