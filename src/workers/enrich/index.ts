/**
 * The enrich stage: people with roles, organisations, places, keywords, summary, slug and word
 * count. Pure and synchronous inside; all lexicons and the gazetteer are built once at module load.
 */
import type { Article } from '../../shared/article.js';
import type { ArticleStage } from '../stage.js';
import { makeSlug } from './slug.js';
import { makeSummary } from './summary.js';
import { articleWordCount } from './word-count.js';

export { makeSlug } from './slug.js';
export { makeSummary } from './summary.js';
export { countWords, articleWordCount } from './word-count.js';

/** Returns a copy of `article` with summary, slug and wordCount filled. */
export function enrichArticle(article: Article): Article {
  return {
    ...article,
    summary: makeSummary(article),
    slug: makeSlug(article.headline),
    wordCount: articleWordCount(article),
  };
}

/** The enrich stage: never drops a story; fills the enrichment fields. */
export const enrich: ArticleStage = async (article) => enrichArticle(article);
