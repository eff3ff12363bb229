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

  it('ranks a story filed under embargo by the end of its embargo, above what was published while it waited', async () => {
    const lifts = '2026-11-05T00:00:00Z';
    await store.save(makeArticle({ id: 'emb-1', versionCreated: '2026-11-01T00:00:00Z', embargoedUntil: lifts }));
    for (let i = 2; i <= 4; i++) await store.save(makeArticle({ id: `during-${i}`, versionCreated: `2026-11-0${i}T00:00:00Z` }));
    // Trimming to 3 kept it: it ranks above the stories filed while it waited.
    expect((await store.list('all', 3, new Date('2026-11-05T00:00:01Z'))).map((a) => a.id)).toEqual(['emb-1', 'during-4', 'during-3']);
    // Before the embargo ends it is left out, and its place goes to a story partners may see.
    expect((await store.list('all', 2, new Date('2026-11-04T12:00:00Z'))).map((a) => a.id)).toEqual(['during-4', 'during-3']);
  });

  it('never lets stories waiting for their embargo take the places of visible ones', async () => {
    const roomy = new ArticleStore(redis, { prefix, feedLength: 10 });
    await roomy.save(makeArticle({ id: 'seen-1', versionCreated: '2026-11-01T00:00:00Z' }));
    await roomy.save(makeArticle({ id: 'seen-2', versionCreated: '2026-11-02T00:00:00Z' }));
    // Scored by the end of their embargo, these two fill the top of the feed until then.
    await roomy.save(makeArticle({ id: 'wait-1', versionCreated: '2026-11-03T00:00:00Z', embargoedUntil: '2026-12-01T00:00:00Z' }));
    await roomy.save(makeArticle({ id: 'wait-2', versionCreated: '2026-11-03T00:00:00Z', embargoedUntil: '2026-12-02T00:00:00Z' }));
    expect((await roomy.list('all', 2, new Date('2026-11-28T00:00:00Z'))).map((a) => a.id)).toEqual(['seen-2', 'seen-1']);
    expect((await roomy.list('all', 2, new Date('2026-12-01T00:00:00Z'))).map((a) => a.id)).toEqual(['wait-1', 'seen-2']);
  });

  it('keeps a story that fell off `all` while its section still lists it, and drops it once no feed does', async () => {
    await store.save(makeArticle({ id: 'sport-1', category: 'Thể thao', language: 'vi', versionCreated: '2026-11-01T00:00:00Z' }));
    for (let i = 2; i <= 4; i++) await store.save(makeArticle({ id: `eco-${i}`, category: 'Kinh tế', language: 'en', versionCreated: `2026-11-0${i}T00:00:00Z` }));
    expect((await store.list('all', 10)).map((a) => a.id)).toEqual(['eco-4', 'eco-3', 'eco-2']);
    expect((await store.list('category/the-thao', 10)).map((a) => a.id)).toEqual(['sport-1']);
    expect((await store.list('lang/vi', 10)).map((a) => a.id)).toEqual(['sport-1']);
    // Memory stays bounded: once its section and language feeds drop it too, it leaves Redis.
    for (let i = 2; i <= 4; i++) await store.save(makeArticle({ id: `sport-${i}`, category: 'Thể thao', language: 'vi', versionCreated: `2026-11-1${i}T00:00:00Z` }));
    expect((await store.list('category/the-thao', 10)).map((a) => a.id)).toEqual(['sport-4', 'sport-3', 'sport-2']);
    expect(await store.get('sport-1')).toBeNull();
    expect(await redis.exists(`${prefix}:article:sport-1`)).toBe(0);
    // Falling off one feed of several: kept for the other, and listed again when updated.
    expect((await store.get('eco-2'))?.id).toBe('eco-2');
    await store.save(makeArticle({ id: 'eco-2', version: 2, category: 'Kinh tế', language: 'en', versionCreated: '2026-11-20T00:00:00Z' }));
    expect((await store.list('all', 1))[0]?.id).toBe('eco-2');
  });

  it('drops an article saved before its feed list was kept up to date, once no feed holds it', async () => {
    // As the store before this rule left it: trimmed from its section, still named in `feeds`.
    await store.save(makeArticle({ id: 'legacy-1', category: 'Thể thao', language: 'vi', versionCreated: '2026-10-01T00:00:00Z' }));
    await redis.zrem(`${prefix}:feed:category/the-thao`, 'legacy-1');
    for (let i = 1; i <= 3; i++) await store.save(makeArticle({ id: `legacy-eco-${i}`, category: 'Kinh tế', language: 'en', versionCreated: `2026-10-0${i + 1}T00:00:00Z` }));
    for (let i = 1; i <= 3; i++) await store.save(makeArticle({ id: `legacy-vi-${i}`, category: 'Kinh tế', language: 'vi', versionCreated: `2026-10-0${i + 1}T00:00:00Z` }));
    expect(await redis.zscore(`${prefix}:feed:all`, 'legacy-1')).toBeNull();
    expect(await redis.zscore(`${prefix}:feed:lang/vi`, 'legacy-1')).toBeNull();
    expect(await redis.exists(`${prefix}:article:legacy-1`)).toBe(0);
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
