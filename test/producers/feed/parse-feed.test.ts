/**
 * Table-driven over test/fixtures/feeds: each input document has NAME.expected.json beside it,
 * written by hand from the document (not from the parser's output).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
  it('has a corpus of at least 20 documents, each with an expectation', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(20);
    for (const f of inputs) expect(() => expectedFor(f)).not.toThrow();
  });

  it.each(inputs)('%s', async (file) => {
    const expected = expectedFor(file);
    const text = decodeBody(readFileSync(`${DIR}${file}`), expected.contentType ?? null);
    const ctx = { sourceId: 'fixture', feedUrl: `${FEED_URL_BASE}${file}`, receivedAt: RECEIVED, languageHint: expected.languageHint ?? null };
    if (expected.error !== undefined) {
      const started = performance.now();
      const err = await parseFeed(text, ctx).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(WirepipeError);
      expect((err as WirepipeError).code).toBe(expected.error);
      expect(performance.now() - started).toBeLessThan(500);
      return;
    }
    const feed = await parseFeed(text, ctx);
    expect({ title: feed.title, language: feed.language, ttlSeconds: feed.ttlSeconds }).toEqual(expected.feed);
    const items = expected.items ?? [];
    expect(feed.items.map((i) => i.title)).toEqual(items.map((i) => i.title));
    feed.items.forEach((item, n) => {
      const want = items[n]!;
      expect(() => RawItemSchema.parse(item)).not.toThrow();
      const identity = typeof want.identity === 'string' ? want.identity : sha256Hex(want.identity.sha256);
      expect(item.identity).toBe(identity);
      expect(item.identityDerived).toBe(want.identityDerived);
      expect(item.format).toBe(want.format ?? 'feed-item');
      expect(item.url).toBe(want.url);
      expect(item.authors).toEqual(want.authors);
      expect(item.categories).toEqual(want.categories);
      expect(item.published).toBe(want.published);
      expect(item.updated).toBe(want.updated);
      expect(item.dateInvalid).toBe(want.dateInvalid);
      expect(item.language).toBe(want.language);
      expect(item.renditions).toHaveLength(want.renditions);
      if (want.renditionList) expect(item.renditions).toEqual(want.renditionList);
      if (want.summary !== undefined) expect(item.summary).toBe(want.summary);
      if (want.contentIncludes !== undefined) expect(item.content).toContain(want.contentIncludes);
      if (want.contentType !== undefined) expect(item.contentType).toBe(want.contentType);
      if (want.baseUrl !== undefined) expect(item.baseUrl).toBe(want.baseUrl);
      expect(item.receivedAt).toBe(RECEIVED.toISOString());
      expect(item.sourceId).toBe('fixture');
    });
  });
});
