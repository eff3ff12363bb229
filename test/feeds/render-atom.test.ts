import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import RssParser from 'rss-parser';
import { renderAtom } from '../../src/feeds/render-atom.js';
import type { Article } from '../../src/shared/article.js';
import {
  feedFor,
  loadArticleFixtures,
  hasControlChars,
  newestFirst,
  withoutControls,
} from './article-fixtures.js';

const MEDTOP = 'http://cv.iptc.org/newscodes/mediatopic/';
const ARRAYS = new Set(['feed.entry', 'feed.link', 'feed.entry.author', 'feed.entry.category', 'feed.entry.link']);
const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  alwaysCreateTextNode: true,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});
// RFC 3339 date-time as Atom requires (section 3.3).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isMedtop = (code: string): boolean => /^medtop:\d{8}$/.test(code);

type Node = Record<string, unknown> & { '#text'?: string };
const text = (node: unknown): string | undefined => (node as Node | undefined)?.['#text'];

const fixtures = loadArticleFixtures();
const articles = newestFirst(fixtures.map((f) => f.article));
const feed = feedFor(articles, 'atom');
const xml = renderAtom(feed, articles);
const root = PARSER.parse(xml).feed as Node;
const entries = root.entry as Node[];

function links(node: Node): Node[] {
  return (node.link as Node[] | undefined) ?? [];
}

function expectedImage(a: Article): string | undefined {
  const img = a.renditions.find(
    (r) => /^https?:/.test(r.href) && (r.type?.startsWith('image/') ?? /\.(jpe?g|png|webp|gif)$/i.test(r.href)),
  );
  return img ? new URL(img.href).href : undefined;
}

describe('renderAtom', () => {
  it('is well-formed XML in the Atom namespace, without CDATA', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(root['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(xml).not.toContain('<![CDATA[');
    // The hostile fixture is full of control characters; none may reach the document.
    expect(hasControlChars(xml)).toBe(false);
  });

  it('has feed id (an IRI), title, updated, xml:lang and self/alternate links', () => {
    // RFC 2141 (as the W3C validator checks it) has no '/', so the feed id's slash is escaped.
    expect(text(root.id)).toBe('urn:wirepipe:feed:category%2Fhoi-nhap');
    expect(text(root.title)).toBe(feed.title);
    expect(text(root.subtitle)).toBe(feed.description);
    expect(text(root.updated)).toBe(feed.updated.toISOString());
    expect(root['@_xml:lang']).toBe('vi');
    const byRel = links(root).map((l) => [l['@_rel'], l['@_type'], l['@_href']]);
    expect(byRel).toContainEqual(['self', 'application/atom+xml', feed.selfUrl]);
    expect(byRel).toContainEqual(['alternate', 'text/html', feed.homeUrl]);
    expect(byRel).toContainEqual(['alternate', 'application/rss+xml', feed.alternates.rss]);
    expect(byRel).toContainEqual(['alternate', 'application/feed+json', feed.alternates.json]);
    // RFC 4287 4.1.1: at most one alternate link per type.
    const alternateTypes = links(root).filter((l) => l['@_rel'] === 'alternate').map((l) => l['@_type']);
    expect(new Set(alternateTypes).size).toBe(alternateTypes.length);
  });

  it('has no feed-level author, so every entry carries at least one (W3C validator rule)', () => {
    expect(root.author).toBeUndefined();
    for (const entry of entries) {
      const authors = entry.author as Node[];
      expect(authors.length).toBeGreaterThan(0);
      for (const author of authors) expect(text(author.name)?.length).toBeGreaterThan(0);
    }
  });

  describe.each(fixtures.map((f) => [f.name, f.article] as const))('entry for %s', (_name, article) => {
    const entry = entries[articles.indexOf(article)] as Node;

    it('has id = uri, plain-text title and xml:lang', () => {
      expect(text(entry.id)).toBe(article.uri);
      expect(text(entry.title)).toBe(withoutControls(article.headline).trim());
      expect((entry.title as Node)['@_type']).toBe('text');
      expect(entry['@_xml:lang']).toBe(article.language);
    });

    it('published = firstCreated, updated = versionCreated, both RFC 3339', () => {
      expect(text(entry.published)).toMatch(RFC3339);
      expect(text(entry.updated)).toMatch(RFC3339);
      expect(Date.parse(text(entry.published) ?? '')).toBe(Date.parse(article.firstCreated));
      expect(Date.parse(text(entry.updated) ?? '')).toBe(Date.parse(article.versionCreated));
    });

    it('links: alternate only when the article has a url; the first image as rel=enclosure', () => {
      const alternate = links(entry).filter((l) => l['@_rel'] === 'alternate');
      expect(alternate.map((l) => l['@_href'])).toEqual(article.url ? [new URL(article.url).href] : []);
      for (const link of links(entry)) expect(link['@_href']).toBeTruthy();
      const enclosures = links(entry).filter((l) => l['@_rel'] === 'enclosure');
      const image = expectedImage(article);
      expect(enclosures.map((l) => l['@_href'])).toEqual(image ? [image] : []);
      for (const e of enclosures) expect(e['@_type']).toMatch(/^image\//);
    });

    it('authors: the byline, else the agency, else the source id', () => {
      const names = (entry.author as Node[]).map((a) => text(a.name));
      const expected =
        article.byline.length > 0
          ? article.byline.map((n) => withoutControls(n).trim())
          : [article.dateline.agency ?? article.sourceId];
      expect(names).toEqual(expected);
    });

    it('categories all have a term; Media Topics have scheme + numeric term + label', () => {
      const categories = (entry.category as Node[] | undefined) ?? [];
      for (const c of categories) expect(String(c['@_term'] ?? '').length).toBeGreaterThan(0);
      const terms = categories.map((c) => c['@_term']);
      const plain = [article.category, ...article.tags, ...article.subjects.filter((s) => !isMedtop(s.code)).map((s) => s.name)];
      expect(terms).toEqual(expect.arrayContaining(plain.filter(Boolean)));
      const medtop = article.subjects
        .filter((s) => isMedtop(s.code))
        .map((s) => ({ '#text': '', '@_term': s.code.slice('medtop:'.length), '@_scheme': MEDTOP, '@_label': s.name }));
      expect(categories).toEqual(expect.arrayContaining(medtop));
    });

    it('summary as text, body as html content', () => {
      expect(text(entry.summary)).toBe(withoutControls(article.summary).trim());
      expect((entry.summary as Node)['@_type']).toBe('text');
      expect(text(entry.content)).toBe(withoutControls(article.body.html).trim());
      expect((entry.content as Node)['@_type']).toBe('html');
    });
  });

  it('rss-parser reads back the same titles, ids and alternate links', async () => {
    const parsed = await new RssParser().parseString(xml);
    expect(parsed.title).toBe(feed.title);
    expect(parsed.feedUrl).toBe(feed.selfUrl);
    expect(parsed.items.map((i) => i.title)).toEqual(articles.map((a) => withoutControls(a.headline).trim()));
    expect(parsed.items.map((i) => (i as { id?: string }).id)).toEqual(articles.map((a) => a.uri));
    // rss-parser falls back to the first <link> when there is no rel=alternate, so an entry
    // without a url but with an image reports the image: a quirk of the reader, noted here.
    expect(parsed.items.map((i) => i.link)).toEqual(
      articles.map((a) => (a.url ? new URL(a.url).href : expectedImage(a))),
    );
  });

  it('renders an empty feed, and omits xml:lang when the feed has no language', () => {
    const updated = new Date('2024-01-02T03:04:05Z');
    const out = renderAtom(feedFor([], 'atom', { updated, language: null }), []);
    expect(XMLValidator.validate(out)).toBe(true);
    const f = PARSER.parse(out).feed as Node;
    expect(f.entry).toBeUndefined();
    expect(f['@_xml:lang']).toBeUndefined();
    expect(text(f.updated)).toBe('2024-01-02T03:04:05.000Z');
  });

  it('does not throw on invalid dates (the feed package does) and falls back to valid ones', () => {
    const [first] = articles;
    const broken = { ...first, firstCreated: 'not a date', versionCreated: 'never' } as Article;
    const out = renderAtom(feedFor([broken], 'atom', { updated: new Date(Number.NaN) }), [broken]);
    expect(XMLValidator.validate(out)).toBe(true);
    const entry = (PARSER.parse(out).feed.entry as Node[])[0] as Node;
    expect(text(entry.updated)).toMatch(RFC3339);
    expect(text(entry.published)).toMatch(RFC3339);
  });
});
