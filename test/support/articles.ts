/** A valid canonical article with overridable fields, for tests that need one without running normalize. */
import { ArticleSchema, emptyEnrichment, type Article } from '../../src/shared/article.js';
import { storyUri } from '../../src/shared/ids.js';

/** A complete, schema-valid article; `overrides` replace top-level fields. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  const id = overrides.id ?? 'test-story';
  return ArticleSchema.parse({
    id,
    version: 1,
    uri: storyUri(id),
    sourceId: 'test',
    url: null,
    language: 'en',
    languageConfidence: 1,
    category: null,
    tags: [],
    headline: 'A headline',
    lead: 'A lead.',
    body: { text: 'Body text.', html: '<p>Body text.</p>' },
    dateline: { place: null, date: null, agency: null, raw: null },
    byline: [],
    credits: [],
    renditions: [],
    summary: 'A lead.',
    slug: 'a-headline',
    wordCount: 4,
    contentHash: 'hash',
    firstCreated: '2026-11-01T00:00:00Z',
    versionCreated: '2026-11-01T00:00:00Z',
    pubStatus: 'usable',
    embargoedUntil: null,
    duplicateOf: null,
    translationOf: null,
    ...emptyEnrichment(),
    ...overrides,
  });
}
