import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import RssParser from 'rss-parser';
import { renderAtom } from '../../src/feeds/render-atom.js';
import { renderJsonFeed } from '../../src/feeds/render-json-feed.js';
import { renderRss } from '../../src/feeds/render-rss.js';
import type { Article } from '../../src/shared/article.js';
import { articleFixture, feedFor, loadArticleFixtures, newestFirst } from './article-fixtures.js';

const RENDERERS = [
  ['rss', renderRss],
  ['atom', renderAtom],
  ['json', renderJsonFeed],
] as const;

const articles = newestFirst(loadArticleFixtures().map((f) => f.article));

/** Entry ids in document order, read back with each format's own reader. */
async function idsOf(format: 'rss' | 'atom' | 'json', text: string): Promise<string[]> {
  if (format === 'json') return (JSON.parse(text) as { items: { id: string }[] }).items.map((i) => i.id);
  const parsed = await new RssParser().parseString(text);
  return parsed.items.map((i) => (format === 'rss' ? (i.guid ?? '') : ((i as { id?: string }).id ?? '')));
}

describe.each(RENDERERS)('%s rendering', (format, render) => {
  it('is deterministic, so the feed server can use its hash as an ETag', () => {
    const feed = feedFor(articles, format);
    expect(render(feed, articles)).toBe(render(feed, [...articles]));
  });

  it('lists a story once when two versions of it are passed (newest, first, wins)', async () => {
    const v2 = articleFixture('vi-hagiang');
    const v1 = { ...v2, version: 1, headline: 'Phiên bản cũ', versionCreated: v2.firstCreated } as Article;
    const text = render(feedFor([v2, v1], format), [v2, v1]);
    expect(await idsOf(format, text)).toEqual([v2.uri]);
    expect(text).not.toContain('Phiên bản cũ');
  });

  it('keeps every distinct story, in order', async () => {
    const text = render(feedFor(articles, format), articles);
    expect(await idsOf(format, text)).toEqual(articles.map((a) => a.uri));
  });
});

describe('the three formats agree', () => {
  it('on entry ids, titles and first-author for every fixture', async () => {
    const rss = await new RssParser({ customFields: { item: ['dc:creator'] } }).parseString(
      renderRss(feedFor(articles, 'rss'), articles),
    );
    const atom = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' || n === 'author' }).parse(
      renderAtom(feedFor(articles, 'atom'), articles),
    ).feed.entry as { id: string; title: { '#text': string }; author: { name: string }[] }[];
    const json = JSON.parse(renderJsonFeed(feedFor(articles, 'json'), articles)).items as {
      id: string;
      title: string;
      authors: { name: string }[];
    }[];
    expect(atom.map((e) => e.id)).toEqual(json.map((i) => i.id));
    expect(rss.items.map((i) => i.guid)).toEqual(json.map((i) => i.id));
    expect(atom.map((e) => e.title['#text'])).toEqual(json.map((i) => i.title));
    expect(rss.items.map((i) => i.title)).toEqual(json.map((i) => i.title));
    expect(atom.map((e) => String(e.author[0]?.name))).toEqual(json.map((i) => i.authors[0]?.name));
    expect(rss.items.map((i) => i.creator)).toEqual(json.map((i) => i.authors[0]?.name));
  });
});
