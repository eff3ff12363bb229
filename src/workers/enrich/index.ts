/**
 * The enrich stage: people with roles, organisations, places on Vietnam's 2025 map, keywords,
 * summary, slug and word count. Pure and synchronous inside; lexicons and the gazetteer are built
 * once at module load, so a call only walks the story's tokens.
 */
import type { Article } from '../../shared/article.js';
import type { ArticleStage } from '../stage.js';
import { extractEntities } from './extract.js';
import { DEFAULT_IDF, type IdfReader } from './idf-store.js';
import { extractKeywords } from './keywords.js';
import { makeSlug } from './slug.js';
import { makeSummary } from './summary.js';
import { articleWordCount } from './word-count.js';

export { makeSlug } from './slug.js';
export { makeSummary, clip } from './summary.js';
export { countWords, articleWordCount } from './word-count.js';
export { extractEntities } from './extract.js';
export { extractKeywords } from './keywords.js';
export { DEFAULT_IDF, MemoryIdfStore, type IdfReader, type IdfStore } from './idf-store.js';
export { lookupPlace } from './places.js';

export interface EnrichOptions {
  /** Document frequencies for keyword IDF; defaults to the built-in table. */
  idf?: IdfReader;
  /** Counts each story's terms into the IDF (the archive learning as it grows). */
  learn?: (terms: Iterable<string>) => void;
}

/** Returns a copy of `article` with people, organisations, places, keywords, summary, slug and wordCount filled. */
export function enrichArticle(article: Article, options: EnrichOptions = {}): Article {
  const found = extractEntities(article);
  return {
    ...article,
    people: found.people,
    organisations: found.organisations,
    places: found.places,
    keywords: extractKeywords(found.sections, found.entitySpans, options.idf ?? DEFAULT_IDF, options.learn),
    summary: makeSummary(article),
    slug: makeSlug(article.headline),
    wordCount: articleWordCount(article),
  };
}

/** Builds the enrich stage with its own IDF source (e.g. the archive's frequencies kept in Redis). */
export function makeEnrich(options: EnrichOptions = {}): ArticleStage {
  return async (article) => enrichArticle(article, options);
}

/** The enrich stage with the built-in IDF table; never drops a story. */
export const enrich: ArticleStage = makeEnrich();
