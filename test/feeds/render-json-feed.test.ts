import { describe, expect, it } from 'vitest';
import { renderJsonFeed } from '../../src/feeds/render-json-feed.js';
import type { Article } from '../../src/shared/article.js';
import {
  feedFor,
  loadArticleFixtures,
  newestFirst,
  withoutControls,
} from './article-fixtures.js';
import { jsonFeedValidator } from '../support/schemas.js';

const validate = jsonFeedValidator();

type Item = Record<string, unknown>;

const fixtures = loadArticleFixtures();
const articles = newestFirst(fixtures.map((f) => f.article));
const feed = feedFor(articles, 'json');
const text = renderJsonFeed(feed, articles);
const doc = JSON.parse(text) as Item & { items: Item[] };

function expectedImage(a: Article): string | undefined {
  const img = a.renditions.find(
    (r) => /^https?:/.test(r.href) && (r.type?.startsWith('image/') ?? /\.(jpe?g|png|webp|gif)$/i.test(r.href)),
  );
  return img ? new URL(img.href).href : undefined;
}

describe('renderJsonFeed', () => {
  it('validates against the JSON Feed 1.1 schema', () => {
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is version 1.1 with feed-level title, urls, description and language', () => {
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1');
    expect(doc.title).toBe(feed.title);
    expect(doc.home_page_url).toBe(feed.homeUrl);
    expect(doc.feed_url).toBe(feed.selfUrl);
    expect(doc.description).toBe(feed.description);
    expect(doc.language).toBe('vi');
    expect(doc.items.map((i) => i.id)).toEqual(articles.map((a) => a.uri));
  });

  describe.each(fixtures.map((f) => [f.name, f.article] as const))('item for %s', (_name, article) => {
    const item = doc.items[articles.indexOf(article)] as Item;

    it('has id, title, url (only with one), html and text content, summary and language', () => {
      expect(item.id).toBe(article.uri);
      expect(item.title).toBe(withoutControls(article.headline));
      expect(item.url).toBe(article.url ? new URL(article.url).href : undefined);
      expect(item.content_html).toBe(withoutControls(article.body.html));
      expect(item.content_text).toBe(withoutControls(article.body.text));
      expect(item.summary).toBe(withoutControls(article.summary));
      expect(item.language).toBe(article.language);
    });

    it('uses 1.1 `authors` (array), never the version 1 `author`', () => {
      expect(item).not.toHaveProperty('author');
      const expected =
        article.byline.length > 0 ? article.byline.map(withoutControls) : [article.dateline.agency ?? article.sourceId];
      expect(item.authors).toEqual(expected.map((name) => ({ name })));
    });

    it('dates are RFC 3339 and match firstCreated / versionCreated', () => {
      expect(Date.parse(item.date_published as string)).toBe(Date.parse(article.firstCreated));
      expect(Date.parse(item.date_modified as string)).toBe(Date.parse(article.versionCreated));
    });

    it('tags: section, tags and subject names', () => {
      const tags = (item.tags as string[] | undefined) ?? [];
      const expected = [article.category, ...article.tags, ...article.subjects.map((s) => s.name)].filter(Boolean);
      expect(tags).toEqual(expect.arrayContaining(expected));
      expect(new Set(tags).size).toBe(tags.length);
    });

    it('image = first image rendition; attachments = every usable rendition with its media type', () => {
      expect(item.image).toBe(expectedImage(article));
      const attachments = (item.attachments as Item[] | undefined) ?? [];
      const usable = article.renditions.filter((r) => /^https?:/.test(r.href));
      expect(attachments.map((a) => a.url)).toEqual(usable.map((r) => new URL(r.href).href));
      for (const a of attachments) expect(a.mime_type).toMatch(/^(image|video|audio)\//);
    });

    it('machine translations only as the _wirepipe extension', () => {
      const expected = article.translations.length > 0 ? { translations: article.translations } : undefined;
      expect(item._wirepipe).toEqual(expected);
    });
  });

  it('the Vietnamese story carries its English machine translation', () => {
    const vi = doc.items.find((i) => i.language === 'vi' && i._wirepipe) as Item;
    expect(vi._wirepipe).toMatchObject({ translations: [{ lang: 'en', machine: true }] });
  });

  it('an empty feed still validates and omits language when the feed has none', () => {
    const empty = JSON.parse(renderJsonFeed(feedFor([], 'json', { language: null }), [])) as Item;
    expect(validate(empty)).toBe(true);
    expect(empty.items).toEqual([]);
    expect(empty).not.toHaveProperty('language');
  });
});
