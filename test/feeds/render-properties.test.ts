import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderAtom } from '../../src/feeds/render-atom.js';
import { renderJsonFeed } from '../../src/feeds/render-json-feed.js';
import { renderRss } from '../../src/feeds/render-rss.js';
import { articleArbitrary } from './article-arbitrary.js';
import { feedFor, hasControlChars } from './article-fixtures.js';
import { jsonFeedValidator } from '../support/schemas.js';

const validateJsonFeed = jsonFeedValidator();
const PARSER = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'author', 'category'].includes(name),
});
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const articlesArb = fc.array(articleArbitrary, { maxLength: 4 });

const RUNS = { numRuns: 300 };

const rssIsWellFormed = fc.property(articlesArb, (articles) => {
  const xml = renderRss(feedFor(articles, 'rss'), articles);
  const items = (PARSER.parse(xml).rss.channel.item as unknown[] | undefined) ?? [];
  return (
    XMLValidator.validate(xml) === true &&
    !hasControlChars(xml) &&
    !LONE_SURROGATE.test(xml) &&
    items.length === new Set(articles.map((a) => a.id)).size
  );
});

const atomIsValid = fc.property(articlesArb, (articles) => {
  const xml = renderAtom(feedFor(articles, 'atom'), articles);
  if (XMLValidator.validate(xml) !== true || hasControlChars(xml) || LONE_SURROGATE.test(xml)) return false;
  const entries = (PARSER.parse(xml).feed.entry as Record<string, unknown>[] | undefined) ?? [];
  return entries.every((e) => {
    const authors = e.author as { name: unknown }[];
    const categories = (e.category as Record<string, string>[] | undefined) ?? [];
    return (
      authors.length > 0 &&
      authors.every((a) => String(a.name ?? '').trim() !== '') &&
      categories.every((c) => (c['@_term'] ?? '') !== '')
    );
  });
});

const jsonFeedIsValid = fc.property(articlesArb, (articles) =>
  validateJsonFeed(JSON.parse(renderJsonFeed(feedFor(articles, 'json'), articles))),
);

describe('any schema-valid articles, however hostile their text', () => {
  it('render as well-formed RSS without control characters or lone surrogates, one item per story', () => {
    expect(() => fc.assert(rssIsWellFormed, RUNS)).not.toThrow();
  });

  it('render as well-formed Atom where every entry has a named author and every category a term', () => {
    expect(() => fc.assert(atomIsValid, RUNS)).not.toThrow();
  });

  it('render as JSON Feed 1.1 that validates against the schema', () => {
    expect(() => fc.assert(jsonFeedIsValid, RUNS)).not.toThrow();
  });

  it('the generator really produces hostile text (guards against a vacuous property)', () => {
    const sample = fc.sample(articleArbitrary, { numRuns: 200, seed: 42 });
    expect(sample.some((a) => hasControlChars(a.headline + a.summary + a.body.html))).toBe(true);
    expect(sample.some((a) => a.byline.length === 0 && a.dateline.agency === null)).toBe(true);
  });
});
