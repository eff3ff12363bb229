import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MemoryTranslationCache,
  RedisTranslationCache,
  TRANSLATION_TTL_SECONDS,
  translationCacheKey,
} from '../../src/translation/cache.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';
import { loadArticleFixtures } from './fixtures.js';

const headlines = loadArticleFixtures().map((f) => f.article.headline);

describe('translationCacheKey', () => {
  it.each(headlines)('differs by provider, source and target for %s', (text) => {
    const keys = [
      translationCacheKey('libretranslate', 'vi', 'en', text),
      translationCacheKey('deepl', 'vi', 'en', text),
      translationCacheKey('libretranslate', 'vi', 'fr', text),
      translationCacheKey('libretranslate', 'en', 'vi', text),
      translationCacheKey('libretranslate', 'vi', 'en', `${text}.`),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for NFC and NFD spellings and for language-code case', () => {
    const nfc = 'Bộ Thông tin và Truyền thông';
    expect(translationCacheKey('deepl', 'vi', 'en', nfc)).toBe(translationCacheKey('deepl', 'VI', 'EN', nfc.normalize('NFD')));
  });
});

describe('MemoryTranslationCache', () => {
  it('returns stored values in key order, null for misses, and forgets after the TTL', async () => {
    let now = 0;
    const cache = new MemoryTranslationCache({ ttlSeconds: 10, now: () => now });
    await cache.setMany([['a', 'A'], ['b', 'B']]);
    expect(await cache.getMany(['b', 'x', 'a'])).toEqual(['B', null, 'A']);
    now = 10_000;
    expect(await cache.getMany(['a'])).toEqual([null]);
  });

  it('evicts the oldest entry past its size bound', async () => {
    const cache = new MemoryTranslationCache({ maxEntries: 2 });
    await cache.setMany([['a', 'A'], ['b', 'B'], ['c', 'C']]);
    expect(await cache.getMany(['a', 'b', 'c'])).toEqual([null, 'B', 'C']);
    expect(cache.size).toBe(2);
  });
});

describe('RedisTranslationCache (real Redis)', () => {
  let redis: Redis;
  const prefix = uniquePrefix('translation-cache');

  beforeAll(() => {
    redis = testRedis();
  });
  afterAll(async () => {
    await cleanupPrefix(redis, prefix);
    await redis.quit();
  });

  it('round-trips Vietnamese text under prefixed keys with a 30-day TTL', async () => {
    const cache = new RedisTranslationCache(redis, prefix);
    const keys = headlines.map((h) => translationCacheKey('deepl', 'vi', 'en', h));
    expect(await cache.getMany(keys)).toEqual(keys.map(() => null));
    await cache.setMany(keys.map((k, i) => [k, `EN ${headlines[i] ?? ''}`] as const));
    expect(await cache.getMany(keys)).toEqual(headlines.map((h) => `EN ${h}`));
    const ttl = await redis.ttl(cache.redisKey(keys[0] ?? ''));
    expect(ttl).toBeGreaterThan(TRANSLATION_TTL_SECONDS - 60);
    expect(ttl).toBeLessThanOrEqual(TRANSLATION_TTL_SECONDS);
    expect(cache.redisKey('abc')).toBe(`${prefix}:translation:abc`);
  });

  it('keeps separate caches apart by prefix', async () => {
    const other = `${prefix}:other`;
    const a = new RedisTranslationCache(redis, prefix);
    const b = new RedisTranslationCache(redis, other);
    await a.setMany([['k', 'from a']]);
    expect(await b.getMany(['k'])).toEqual([null]);
  });
});
