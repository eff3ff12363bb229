import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import RssParser from 'rss-parser';
import { renderRss } from '../../src/feeds/render-rss.js';
import type { Article } from '../../src/shared/article.js';
import {
  feedFor,
  loadArticleFixtures,
  hasControlChars,
  newestFirst,
  withoutControls,
} from './article-fixtures.js';

const MEDTOP = 'http://cv.iptc.org/newscodes/mediatopic/';
const ARRAYS = new Set([
  'rss.channel.item',
  'rss.channel.item.category',
  'rss.channel.item.dc:creator',
  'rss.channel.item.enclosure',
  'rss.channel.atom:link',
]);
const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  alwaysCreateTextNode: true,
  // Plain-text elements use hexadecimal references (&#x26;), which a real XML parser decodes.
  htmlEntities: true,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});

type Node = Record<string, unknown> & { '#text'?: string };
const text = (node: unknown): string | undefined => (node as Node | undefined)?.['#text'];
const unescapeHtml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

const fixtures = loadArticleFixtures();
const articles = newestFirst(fixtures.map((f) => f.article));
const feed = feedFor(articles, 'rss');
const xml = renderRss(feed, articles);
const channel = PARSER.parse(xml).rss.channel as Node;
const items = channel.item as Node[];

function expectedAuthors(a: Article): string[] {
  return a.byline.length > 0 ? a.byline.map((n) => withoutControls(n).trim()) : [a.dateline.agency ?? a.sourceId];
}

function expectedImage(a: Article): string | undefined {
  const img = a.renditions.find(
    (r) => /^https?:/.test(r.href) && (r.type?.startsWith('image/') ?? /\.(jpe?g|png|webp|gif)$/i.test(r.href)),
  );
  return img ? new URL(img.href).href : undefined;
}

describe('renderRss', () => {
  it('is well-formed XML without CDATA', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<![CDATA[');
    // The hostile fixture is full of control characters; none may reach the document.
    expect(hasControlChars(xml)).toBe(false);
  });

  it('writes & and < in plain-text elements as hex references (RSS Best Practices Profile)', () => {
    const hostile = articles.find((a) => a.headline.includes('<vàng>'));
    expect(hostile).toBeDefined();
    expect(xml).toContain('<title>Giá &#x3C;vàng&gt; &#x26; USD ]]&gt; tăng mạnh "kỷ lục"</title>');
    expect(xml).toContain('<category>A&#x26;B</category>');
  });

  it('describes the channel with title, home link, language, build date and an atom:link rel=self', () => {
    expect(text(channel.title)).toBe(feed.title);
    expect(text(channel.link)).toBe(feed.homeUrl);
    expect(text(channel.description)).toBe(feed.description);
    expect(text(channel.language)).toBe('vi');
    expect(Date.parse(text(channel.lastBuildDate) ?? '')).toBe(feed.updated.getTime());
    const self = (channel['atom:link'] as Node[]).find((l) => l['@_rel'] === 'self');
    expect(self?.['@_href']).toBe(feed.selfUrl);
    expect(self?.['@_type']).toBe('application/rss+xml');
  });

  it('keeps the articles in the given (newest first) order', () => {
    expect(items.map((i) => text(i.guid))).toEqual(articles.map((a) => a.uri));
  });

  describe.each(fixtures.map((f) => [f.name, f.article] as const))('item for %s', (_name, article) => {
    const item = items[articles.indexOf(article)] as Node;

    it('has title, non-permalink guid = uri, link only when the article has a url', () => {
      expect(text(item.title)).toBe(withoutControls(article.headline).trim());
      expect(text(item.guid)).toBe(article.uri);
      expect((item.guid as Node)['@_isPermaLink']).toBe('false');
      expect(text(item.link)).toBe(article.url ? new URL(article.url).href : undefined);
    });

    it('dates: pubDate = firstCreated, dcterms:modified = versionCreated', () => {
      expect(Date.parse(text(item.pubDate) ?? '')).toBe(Date.parse(article.firstCreated));
      expect(Date.parse(text(item['dcterms:modified']) ?? '')).toBe(Date.parse(article.versionCreated));
    });

    it('summary as HTML-escaped description, body HTML as content:encoded', () => {
      expect(unescapeHtml(text(item.description) ?? '')).toBe(withoutControls(article.summary).trim());
      expect(text(item['content:encoded'])).toBe(withoutControls(article.body.html).trim());
    });

    it('credits authors as dc:creator (byline, else agency, else source) and never as <author>', () => {
      expect((item['dc:creator'] as Node[]).map(text)).toEqual(expectedAuthors(article));
      expect(item.author).toBeUndefined();
    });

    it('lists section, tags and subject names as categories, Media Topics with their domain', () => {
      const categories = ((item.category as Node[] | undefined) ?? []).map((c) => ({
        label: text(c),
        domain: c['@_domain'],
      }));
      const labels = categories.map((c) => c.label);
      expect(labels).toEqual(expect.arrayContaining([article.category, ...article.tags].filter(Boolean)));
      for (const subject of article.subjects) {
        const domain = subject.code.startsWith('medtop:') ? MEDTOP : undefined;
        expect(categories).toContainEqual({ label: subject.name, domain });
      }
      expect(new Set(labels).size).toBe(labels.length);
    });

    it('states the item language as dc:language', () => {
      expect(text(item['dc:language'])).toBe(article.language);
    });

    it('carries the first image as enclosure and media:content', () => {
      const image = expectedImage(article);
      const enclosures = (item.enclosure as Node[] | undefined) ?? [];
      expect(enclosures.map((e) => e['@_url'])).toEqual(image ? [image] : []);
      for (const e of enclosures) {
        expect(e['@_length']).toBe('0');
        expect(e['@_type']).toMatch(/^image\/(jpeg|png|webp|gif)$/);
      }
      expect((item['media:content'] as Node | undefined)?.['@_url']).toBe(image);
    });
  });

  it('rss-parser reads back the same titles, links and guids', async () => {
    const parsed = await new RssParser().parseString(xml);
    expect(parsed.title).toBe(feed.title);
    expect(parsed.feedUrl).toBe(feed.selfUrl);
    expect(parsed.items.map((i) => i.title)).toEqual(articles.map((a) => withoutControls(a.headline).trim()));
    expect(parsed.items.map((i) => i.link)).toEqual(articles.map((a) => (a.url ? new URL(a.url).href : undefined)));
    expect(parsed.items.map((i) => i.guid)).toEqual(articles.map((a) => a.uri));
    expect(parsed.items.map((i) => i.isoDate)).toEqual(articles.map((a) => new Date(a.firstCreated).toISOString()));
  });

  it('renders an empty feed with its channel and no items', () => {
    const updated = new Date('2024-01-02T03:04:05Z');
    const out = renderRss(feedFor([], 'rss', { updated, language: null }), []);
    expect(XMLValidator.validate(out)).toBe(true);
    const ch = PARSER.parse(out).rss.channel as Node;
    expect(ch.item).toBeUndefined();
    expect(ch.language).toBeUndefined();
    expect(text(ch.lastBuildDate)).toBe(updated.toUTCString());
  });

  it('does not throw on invalid dates and still writes valid RFC 822 dates', () => {
    const [first] = articles;
    const broken = { ...first, firstCreated: 'not a date', versionCreated: 'never' } as Article;
    const out = renderRss(feedFor([broken], 'rss', { updated: new Date(Number.NaN) }), [broken]);
    expect(XMLValidator.validate(out)).toBe(true);
    const it0 = (PARSER.parse(out).rss.channel.item as Node[])[0] as Node;
    expect(Number.isNaN(Date.parse(text(it0.pubDate) ?? ''))).toBe(false);
  });
});
