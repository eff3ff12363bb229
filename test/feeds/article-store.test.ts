/** The published-article index: newest version wins, feeds are trimmed and ordered by update time. */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../src/feeds/article-store.js';
import { feedsOf } from '../../src/feeds/feed-keys.js';
import { makeArticle } from '../support/articles.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

const redis = testRedis();
let prefix: string;
let store: ArticleStore;
beforeEach(async () => {
  if (prefix) await cleanupPrefix(redis, prefix);
  prefix = uniquePrefix('article-store');
  store = new ArticleStore(redis, { prefix, feedLength: 3 });
});
afterAll(async () => {
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});

describe('article store', () => {
  it('lists an article in the all, section and language feeds', async () => {
    const a = makeArticle({ id: 'vna-1', category: 'Thời sự', language: 'vi' });
    expect(feedsOf(a)).toEqual(['all', 'category/thoi-su', 'lang/vi']);
    await store.save(a);
    for (const feed of ['all', 'category/thoi-su', 'lang/vi']) expect((await store.list(feed, 10)).map((x) => x.id)).toEqual(['vna-1']);
    expect(await store.list('lang/en', 10)).toEqual([]);
  });

  it('never lets an older version overwrite a newer one (a late retry)', async () => {
    await store.save(makeArticle({ id: 'vna-2', version: 2, headline: 'second' }));
    expect(await store.save(makeArticle({ id: 'vna-2', version: 1, headline: 'first' }))).toBe(false);
    expect((await store.get('vna-2'))?.headline).toBe('second');
  });

  it('orders by versionCreated, newest first, and keeps only feedLength entries', async () => {
    for (let i = 1; i <= 5; i++) {
      await store.save(makeArticle({ id: `s-${i}`, versionCreated: `2026-11-0${i}T00:00:00Z` }));
    }
    expect((await store.list('all', 10)).map((a) => a.id)).toEqual(['s-5', 's-4', 's-3']);
    // An update moves a story back to the top.
    await store.save(makeArticle({ id: 's-3', version: 2, versionCreated: '2026-11-09T00:00:00Z' }));
    expect((await store.list('all', 1))[0]?.id).toBe('s-3');
  });

  it('moves a story out of a section feed when a new version changes its section', async () => {
    await store.save(makeArticle({ id: 'mv-1', category: 'Thể thao', language: 'vi' }));
    await store.save(makeArticle({ id: 'mv-1', version: 2, category: 'Kinh tế', language: 'vi' }));
    expect(await store.list('category/the-thao', 10)).toEqual([]);
    expect((await store.list('category/kinh-te', 10)).map((a) => a.version)).toEqual([2]);
    expect(await store.feeds()).toEqual(['all', 'category/kinh-te', 'category/the-thao', 'lang/vi']);
  });

  it('drops from Redis what falls off the all feed (the archive keeps it)', async () => {
    for (let i = 1; i <= 4; i++) await store.save(makeArticle({ id: `old-${i}`, versionCreated: `2026-10-0${i}T00:00:00Z` }));
    expect(await store.get('old-1')).toBeNull();
    expect((await store.get('old-4'))?.id).toBe('old-4');
  });

  it('marks the version published in the same script, when listed or when a newer one already is, and never when the save failed', async () => {
    const mark = (v: number) => ({ key: `${prefix}:story:pm-1`, field: `p:${v}` });
    expect(await store.save(makeArticle({ id: 'pm-1', version: 2 }), mark(2))).toBe(true);
    expect(await redis.hget(`${prefix}:story:pm-1`, 'p:2')).toBe('1');
    // A late version 1: not listed, but handled, so a re-send of it is dropped.
    expect(await store.save(makeArticle({ id: 'pm-1', version: 1 }), mark(1))).toBe(false);
    expect(await redis.hget(`${prefix}:story:pm-1`, 'p:1')).toBe('1');
    // A save that fails (the article key holds something else) marks nothing: the retry must not be dropped.
    await redis.set(`${prefix}:article:pm-2`, 'not a hash');
    await expect(store.save(makeArticle({ id: 'pm-2' }), { key: `${prefix}:story:pm-2`, field: 'p:1' })).rejects.toThrow(/WRONGTYPE/);
    expect(await redis.exists(`${prefix}:story:pm-2`)).toBe(0);
    // Without a mark nothing else is written.
    await store.save(makeArticle({ id: 'pm-3' }));
    expect(await redis.exists(`${prefix}:story:pm-3`)).toBe(0);
  });
});
