/**
 * Table-driven over test/fixtures/feeds: each input document has NAME.expected.json beside it,
 * written by hand from the document (not from the parser's output).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/producers/feed/decode.js';
import { parseFeed } from '../../../src/producers/feed/parse-feed.js';
import { WirepipeError } from '../../../src/shared/errors.js';
import { sha256Hex } from '../../../src/shared/ids.js';
import { RawItemSchema, type RawItem } from '../../../src/shared/raw-item.js';

const DIR = fileURLToPath(new URL('../../fixtures/feeds/', import.meta.url));
const FEED_URL_BASE = 'https://feeds.example.test/feeds/';
const RECEIVED = new Date('2024-01-15T12:00:00.000Z');
const INPUT = /\.(xml|rss|atom|rdf|json|html)$/;

interface ExpectedItem {
  identity: string | { sha256: string };
  identityDerived: boolean;
  title: string | null;
  url: string | null;
  authors: string[];
  categories: { term: string; scheme: string | null }[];
  published: string | null;
  updated: string | null;
  dateInvalid: boolean;
  language: string | null;
  renditions: number;
  renditionList?: RawItem['renditions'];
  summary?: string | null;
  contentIncludes?: string;
  contentType?: 'text' | 'html';
  baseUrl?: string | null;
  format?: 'feed-item' | 'ninjs';
}
interface Expected {
  /** Simulated HTTP Content-Type header (charset tests). */
  contentType?: string;
  languageHint?: string;
  error?: string;
  feed?: { title: string | null; language: string | null; ttlSeconds: number | null };
  items?: ExpectedItem[];
}

const inputs = readdirSync(DIR)
  .filter((f) => INPUT.test(f) && !f.endsWith('.expected.json'))
  .sort();

function expectedFor(file: string): Expected {
  const base = file.slice(0, file.lastIndexOf('.'));
  return JSON.parse(readFileSync(`${DIR}${base}.expected.json`, 'utf8')) as Expected;
}

describe('parseFeed over the fixture corpus', () => {
  it('has a corpus of at least 40 documents, each with an expectation', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(40);
    for (const f of inputs) expect(() => expectedFor(f)).not.toThrow();
  });

  const errorCases = inputs.filter((f) => expectedFor(f).error !== undefined);
  const feedCases = inputs.filter((f) => expectedFor(f).error === undefined);

  function contextFor(file: string, expected: Expected) {
    return { sourceId: 'fixture', feedUrl: `${FEED_URL_BASE}${file}`, receivedAt: RECEIVED, languageHint: expected.languageHint ?? null };
  }
  function textOf(file: string, expected: Expected): string {
    return decodeBody(readFileSync(`${DIR}${file}`), expected.contentType ?? null);
  }

  it.each(errorCases)('%s is refused quickly with its error code', async (file) => {
    const expected = expectedFor(file);
    const started = performance.now();
    const err = await parseFeed(textOf(file, expected), contextFor(file, expected)).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(WirepipeError);
    expect((err as WirepipeError).code).toBe(expected.error);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it.each(feedCases)('%s', async (file) => {
    const expected = expectedFor(file);
    const feed = await parseFeed(textOf(file, expected), contextFor(file, expected));
    expect({ title: feed.title, language: feed.language, ttlSeconds: feed.ttlSeconds }).toEqual(expected.feed);
    const items = expected.items ?? [];
    expect(feed.items.map((i) => i.title)).toEqual(items.map((i) => i.title));
    feed.items.forEach((item, n) => {
      const want = items[n]!;
      expect(() => RawItemSchema.parse(item)).not.toThrow();
      const { identity: wantIdentity, format: wantFormat, renditions: wantCount, ...rest } = want;
      // Compare only the keys the expectation names; optional keys are projected from the item.
      const got: Record<string, unknown> = {};
      for (const key of Object.keys(rest) as (keyof typeof rest)[]) {
        if (key === 'renditionList') got[key] = item.renditions;
        else if (key === 'contentIncludes') got[key] = item.content.includes(want.contentIncludes ?? '') ? want.contentIncludes : item.content;
        else got[key] = item[key];
      }
      expect(got).toEqual(rest);
      expect(item.identity).toBe(typeof wantIdentity === 'string' ? wantIdentity : sha256Hex(wantIdentity.sha256));
      expect(item.format).toBe(wantFormat ?? 'feed-item');
      expect(item.renditions).toHaveLength(wantCount);
      expect(item.receivedAt).toBe(RECEIVED.toISOString());
      expect(item.sourceId).toBe('fixture');
    });
  });
});

describe('duplicate ids in one document', () => {
  function capture(): { log: Logger; lines: { level: number; msg: string; dropped?: string[]; otherLinks?: string[] }[] } {
    const lines: { level: number; msg: string; dropped?: string[]; otherLinks?: string[] }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString('utf8')));
        done();
      },
    });
    const log: Logger = pino({ level: 'debug' }, sink);
    return { log, lines };
  }

  it('keeps the first item; a reused id with another link is a lost story, so it warns and names the fix', async () => {
    const { log, lines } = capture();
    const text = readFileSync(`${DIR}duplicate-ids.xml`, 'utf8');
    const feed = await parseFeed(text, { sourceId: 'dup', feedUrl: 'https://dup.example.org/feed', receivedAt: RECEIVED, log });
    expect(feed.items.map((i) => i.title)).toEqual(['First copy', 'Other']);
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, dropped: ['same-id'], otherLinks: ['same-id'] });
    expect(lines[0]!.msg).toContain('identity: link');
  });

  it('reports a plain repeat (same id, same link) at debug level only', async () => {
    const { log, lines } = capture();
    const text = readFileSync(`${DIR}duplicate-ids.xml`, 'utf8').replace('https://dup.example.org/1b', 'https://dup.example.org/1');
    const feed = await parseFeed(text, { sourceId: 'dup', feedUrl: 'https://dup.example.org/feed', receivedAt: RECEIVED, log });
    expect(feed.items).toHaveLength(2);
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 20, dropped: ['same-id'] });
  });

  it("with identity 'link', items are told apart by their links and none is lost", async () => {
    const { log, lines } = capture();
    const text = readFileSync(`${DIR}duplicate-ids.xml`, 'utf8');
    const feed = await parseFeed(text, { sourceId: 'dup', feedUrl: 'https://dup.example.org/feed', receivedAt: RECEIVED, identity: 'link', log });
    expect(feed.items.map((i) => [i.title, i.identity])).toEqual([
      ['First copy', 'https://dup.example.org/1'],
      ['Other', 'https://dup.example.org/2'],
      ['Second copy', 'https://dup.example.org/1b'],
    ]);
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(0);
  });

  it("with identity 'link', an item without a link still falls back to its id", async () => {
    const text = readFileSync(`${DIR}duplicate-ids.xml`, 'utf8').replace('<link>https://dup.example.org/2</link>', '');
    const feed = await parseFeed(text, { sourceId: 'dup', feedUrl: 'https://dup.example.org/feed', receivedAt: RECEIVED, identity: 'link' });
    expect(feed.items.find((i) => i.title === 'Other')?.identity).toBe('other-id');
  });
});

describe('bare ampersands (hand-made feeds)', () => {
  const ctx = { sourceId: 'amp', feedUrl: 'https://amp.example.vn/rss', receivedAt: RECEIVED };
  const rss = (items: string) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Hỏi & đáp</title><link>https://amp.example.vn/</link>\n${items}\n</channel></rss>`;

  it('reads "Q&A" and "?a=1&b=2" as text and keeps every item of the feed', async () => {
    const feed = await parseFeed(rss([
      '<item><guid>1</guid><title>Good story</title></item>',
      '<item><guid>2</guid><title>Q&A with the minister</title><link>https://amp.example.vn/a?id=1&page=2</link></item>',
      '<item><guid>3</guid><title>AT&T &amp; VNPT</title></item>',
    ].join('\n')), ctx);
    expect(feed.title).toBe('Hỏi & đáp');
    expect(feed.items.map((i) => [i.identity, i.title, i.url])).toEqual([
      ['1', 'Good story', null],
      ['2', 'Q&A with the minister', 'https://amp.example.vn/a?id=1&page=2'],
      ['3', 'AT&T & VNPT', null],
    ]);
  });

  it('keeps references as before: known ones decoded, unknown names as written', async () => {
    const refs = 'A&nbsp;B &hArr; C &#x41;&#65; &copy';
    const wellFormed = await parseFeed(rss(`<item><guid>1</guid><title>Q&amp;A: ${refs.replace('&copy', '&amp;copy')}</title></item>`), ctx);
    const bare = await parseFeed(rss(`<item><guid>1</guid><title>Q&A: ${refs}</title></item>`), ctx);
    expect(bare.items[0]!.title).toBe(wellFormed.items[0]!.title);
    expect(bare.items[0]!.title).toBe('Q&A: A B &hArr; C AA &copy');
  });

  it('leaves CDATA as written: its "&amp;" stays five characters', async () => {
    const feed = await parseFeed(rss('<item><guid>1</guid><title>Q&A</title><description><![CDATA[<p>Tom &amp; Jerry & co</p>]]></description><!-- a & b --></item>'), ctx);
    expect(feed.items[0]!.summary).toBe('<p>Tom &amp; Jerry & co</p>');
  });

  // A guard: this held before the fix too; the repair must not open a way around it.
  it('still refuses entity declarations in a feed that also has a bare "&"', async () => {
    const text = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "x">]><rss version="2.0"><channel><title>Q&A &x;</title></channel></rss>';
    await expect(parseFeed(text, ctx)).rejects.toMatchObject({ code: 'FEED_DTD_REFUSED' });
  });

  it('still fails a feed that is malformed for another reason, naming that reason', async () => {
    const err = await parseFeed(rss('<item><guid>1</guid><title>Q&A</title><description>x<br>y</description></item>'), ctx).then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ code: 'FEED_PARSE' });
    expect((err as Error).message).toContain("closing tag 'br'");
  });
});
