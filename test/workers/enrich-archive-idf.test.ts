/** Keyword IDF learned from the archive: counts from every worker add up in Redis. */
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveIdf } from '../../src/workers/enrich/archive-idf.js';
import { makeEnrich } from '../../src/workers/enrich/index.js';
import { MemoryStoryStore } from '../../src/workers/story-store.js';
import { silentLogger } from '../../src/shared/logger.js';
import { makeArticle } from '../support/articles.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

const redis = testRedis();
const prefix = uniquePrefix('idf');
afterAll(async () => {
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});
const none = { documentCount: () => 0, documentFrequency: () => 0 };

describe('archive IDF', () => {
  it('shares document frequencies between workers through Redis', async () => {
    const a = new ArchiveIdf(redis, { prefix, prior: none });
    const b = new ArchiveIdf(testRedis(), { prefix, prior: none });
    a.learn(['bão số', 'bão số', 'quảng trị']);
    a.learn(['bão số']);
    // Seen locally at once, before any sync.
    expect(a.documentFrequency('bão số')).toBe(2);
    expect(b.documentFrequency('bão số')).toBe(0);
    await a.sync();
    await b.sync();
    expect(b.documentCount()).toBe(2);
    expect(b.documentFrequency('bão số')).toBe(2);
    expect(b.documentFrequency('quảng trị')).toBe(1);
    b.learn(['quảng trị']);
    await b.sync();
    await a.sync();
    expect(a.documentFrequency('quảng trị')).toBe(2);
    expect(a.documentCount()).toBe(3);
  });

  it('keeps the counts of a failed flush for the next one, and later documents still count', async () => {
    const sent: [string, number][] = [];
    let down = true;
    const stub = {
      pipeline: () => ({
        hincrby: (_key: string, term: string, n: number) => sent.push([term, n]),
        incrby: () => undefined,
        exec: async () => {
          if (down) throw new Error('redis down');
          return [];
        },
      }),
      hgetall: async () => ({}),
      get: async () => null,
    } as unknown as ConstructorParameters<typeof ArchiveIdf>[0];
    const idf = new ArchiveIdf(stub, { prefix: 'stub', prior: none });
    idf.learn(['lũ quét', 'lũ quét', 'yên bái']);
    await expect(idf.sync()).rejects.toThrow('redis down');
    expect(idf.documentFrequency('lũ quét')).toBe(1);
    expect(idf.documentCount()).toBe(1);
    // A document after the failed flush counts its terms once more, and once only.
    idf.learn(['lũ quét', 'lũ quét']);
    expect(idf.documentFrequency('lũ quét')).toBe(2);
    down = false;
    sent.length = 0;
    await idf.sync();
    expect(new Map(sent)).toEqual(new Map([['lũ quét', 2], ['yên bái', 1]]));
    expect(idf.documentFrequency('lũ quét')).toBe(0);
  });

  it('learns from every story the enrich stage sees', async () => {
    const p = `${prefix}-stage`;
    const idf = new ArchiveIdf(redis, { prefix: p, prior: none });
    const stage = makeEnrich({ idf, learn: idf.learn });
    const ctx = { log: silentLogger(), now: () => new Date(), stories: new MemoryStoryStore() };
    const text = 'Bão số 5 đổ bộ vào Quảng Trị. Bão số 5 gây mưa lớn. Người dân Quảng Trị đã được sơ tán trước khi bão số 5 đổ bộ.';
    await stage(makeArticle({ language: 'vi', headline: 'Bão số 5 đổ bộ vào Quảng Trị', body: { text, html: '' } }), ctx);
    expect(idf.documentCount()).toBe(1);
    await idf.sync();
    expect(Number(await redis.get(`${p}:idf:docs`))).toBe(1);
    expect(await redis.hlen(`${p}:idf:df`)).toBeGreaterThan(3);
    await cleanupPrefix(redis, p);
  });
});
