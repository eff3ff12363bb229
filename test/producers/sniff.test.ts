/** documentToRawItems: dispatch by content, and a property test that it only ever throws typed errors. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentToRawItems } from '../../src/producers/sniff.js';
import { WirepipeError } from '../../src/shared/errors.js';
import { RawItemSchema } from '../../src/shared/raw-item.js';

const FEEDS = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
const WIRE = fileURLToPath(new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url));
const ctx = (fileName: string) => ({ sourceId: 'drop', fileName, receivedAt: new Date('2024-02-01T00:00:00Z') });

/** Fixture documents that parse, used as seeds the property test mutates. */
const SEEDS = readdirSync(FEEDS)
  .filter((f) => /\.(xml|json)$/.test(f) && !f.endsWith('.expected.json'))
  .map((f) => readFileSync(`${FEEDS}${f}`));

async function outcome(bytes: Uint8Array, name = 'doc'): Promise<'items' | 'typed-error'> {
  try {
    const items = await documentToRawItems(bytes, ctx(name));
    for (const it of items) RawItemSchema.parse(it);
    return 'items';
  } catch (err) {
    if (err instanceof WirepipeError) return 'typed-error';
    throw err;
  }
}

describe('documentToRawItems', () => {
  it('reads plain-text wire copy as one wire-text item', async () => {
    const items = await documentToRawItems(readFileSync(WIRE), ctx('wire-vi-hagiang.txt'));
    expect(items).toHaveLength(1);
    expect(items[0]?.format).toBe('wire-text');
  });

  it('reads an RSS document as feed items, keeping relative links relative (no file: URLs)', async () => {
    const items = await documentToRawItems(readFileSync(`${FEEDS}rss2-basic.xml`), ctx('rss2-basic.xml'));
    expect(items.map((i) => i.identity)).toEqual(['ew-2023-08-02-0001', 'https://news.example.org/world/markets']);
    const json = await documentToRawItems(
      Buffer.from(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', url: '/rel', content_text: 'x' }] })),
      ctx('feed.json'),
    );
    expect(json[0]?.url).toBe('/rel');
  });

  it('reads a ninjs document as a ninjs item', async () => {
    const items = await documentToRawItems(readFileSync(`${FEEDS}ninjs-2.json`), ctx('story.json'));
    expect(items.map((i) => i.format)).toEqual(['ninjs']);
  });

  it('reads wire copy ending in a DOS ^Z as text, not binary', async () => {
    const bytes = Buffer.concat([Buffer.from('Tiêu đề\n\nTTXVN - Ngày 2/8, nội dung.\n'), Buffer.from([0x1a])]);
    const items = await documentToRawItems(bytes, ctx('old.txt'));
    expect(items[0]?.content).toBe('Tiêu đề\n\nTTXVN - Ngày 2/8, nội dung.\n');
  });

  it('reads text that merely starts with "[" as wire copy, not as broken JSON', async () => {
    const items = await documentToRawItems(Buffer.from('[Ảnh] Hà Giang mùa lúa chín\n\nTTXVN - Ngày 2/8, ...'), ctx('photo.txt'));
    expect(items[0]?.format).toBe('wire-text');
  });

  it.each([
    ['an XXE document', 'xxe.xml', 'FEED_DTD_REFUSED'],
    ['a billion-laughs document', 'billion-laughs.xml', 'FEED_DTD_REFUSED'],
    ['a truncated feed', 'malformed-truncated.xml', 'FEED_PARSE'],
  ])('rejects %s with %s', async (_n, file, code) => {
    await expect(documentToRawItems(readFileSync(`${FEEDS}${file}`), ctx(file))).rejects.toMatchObject({ code });
  });

  it.each([
    ['binary bytes', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'UNKNOWN_FORMAT'],
    ['an empty file', Buffer.alloc(0), 'EMPTY_STORY'],
    ['JSON that is no feed', Buffer.from('{"hello": "world"}'), 'UNKNOWN_FORMAT'],
  ])('rejects %s', async (_n, bytes, code) => {
    await expect(documentToRawItems(bytes, ctx('x'))).rejects.toMatchObject({ code });
  });

  it('never throws anything but a WirepipeError, and never hangs, for arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        expect(['items', 'typed-error']).toContain(await outcome(bytes));
      }),
      { numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('never throws anything but a WirepipeError for mutated and truncated real feeds', async () => {
    const seed = fc.constantFrom(...SEEDS);
    const mutated = fc
      .tuple(seed, fc.nat(), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 }))
      .map(([doc, at, cut, junk]) => {
        const i = at % (doc.length + 1);
        const end = Math.max(i, doc.length - (cut % Math.max(1, doc.length)));
        return Buffer.concat([doc.subarray(0, i), Buffer.from(junk), doc.subarray(end)]);
      });
    await fc.assert(
      fc.asyncProperty(mutated, async (bytes) => {
        expect(['items', 'typed-error']).toContain(await outcome(bytes, 'mutant.xml'));
      }),
      { numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('never throws anything but a WirepipeError for structured XML and JSON noise', async () => {
    const xmlish = fc
      .array(fc.constantFrom('<rss>', '<channel>', '<item>', '</item>', '<feed xmlns="http://www.w3.org/2005/Atom">', '<entry>', '<![CDATA[', ']]>', '&amp;', '&#x0;', '&#xD800;', '<!--', '-->', '<a href="x">', '</a>', 'text', '"', '<?xml version="1.0"?>', '<!DOCTYPE x>', '<link/>', '<pubDate>', '</pubDate>', 'Mon, 99 Foo 2023'), { maxLength: 40 })
      .map((parts) => Buffer.from(parts.join('')));
    const jsonish = fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [v, { id: v }] })));
    const ninjsish = fc.dictionary(fc.constantFrom('uri', 'headline', 'headlines', 'bodies', 'renditions', 'associations', 'subject', 'byline', 'firstcreated'), fc.jsonValue({ maxDepth: 3 }))
      .map((o) => Buffer.from(JSON.stringify({ uri: 'urn:x', ...o })));
    await fc.assert(
      fc.asyncProperty(fc.oneof(xmlish, jsonish, ninjsish), async (bytes) => {
        expect(['items', 'typed-error']).toContain(await outcome(bytes, 'noise'));
      }),
      { numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });
});
