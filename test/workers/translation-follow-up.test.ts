/**
 * Translation follow-ups on a real Redis and BullMQ, with LibreTranslate's HTTP contract served by
 * a local fake: a follow-up waits for its own version to be published, and never attaches a
 * translation to an older version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../src/feeds/article-store.js';
import { DeadLetters } from '../../src/shared/dead-letters.js';
import { silentLogger } from '../../src/shared/logger.js';
import { MemoryTranslationCache } from '../../src/translation/cache.js';
import { createLibreTranslateProvider } from '../../src/translation/libretranslate.js';
import { startTranslationFollowUps } from '../../src/workers/translation-follow-up.js';
import { makeArticle } from '../support/articles.js';
import { eventually } from '../support/pipeline-harness.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';
import { testRedisUrl } from '../support/services.js';
import { FakeTranslationServer, fakeTranslation } from '../translation/fake-translation-server.js';

const redis = testRedis();
let fake: FakeTranslationServer;
beforeAll(async () => {
  fake = await FakeTranslationServer.start();
});
afterAll(async () => {
  await fake.close();
  redis.disconnect();
});

/** Follow-ups on a fresh prefix, translating into French through the fake LibreTranslate. */
function rig(name: string, opts: { work?: boolean } = {}) {
  const prefix = uniquePrefix(name);
  const store = new ArticleStore(redis, { prefix, feedLength: 100 });
  const followUps = startTranslationFollowUps({
    redisUrl: testRedisUrl(),
    prefix,
    store,
    archive: null,
    deadLetters: new DeadLetters(redis, prefix),
    log: silentLogger(),
    translation: { provider: createLibreTranslateProvider({ url: fake.url, timeoutMs: 500 }), cache: new MemoryTranslationCache(), targets: ['fr'] },
    ...opts,
  });
  return { prefix, store, followUps };
}

describe('translation follow-ups', () => {
  it('wait for their own version: a newer version still on its way is translated once published, the older one is left alone', async () => {
    const { prefix, store, followUps } = rig('follow-up');
    try {
      const v1 = makeArticle({ id: 'story-x', version: 1, language: 'vi', headline: 'Tin cũ phiên bản một' });
      const v2 = makeArticle({ id: 'story-x', version: 2, language: 'vi', headline: 'Tin đã sửa phiên bản hai' });
      await store.save(v1);
      // translate-tag of v2 could not reach the provider; v2 is still behind a publish backlog.
      await followUps.schedule(v2, { langs: ['fr'], delayMs: 10 });
      const job = () => followUps.queue.getJob('story-x.v2.translate');
      await eventually(async () => expect((await job())?.attemptsMade).toBeGreaterThanOrEqual(1), 5_000);
      expect(await (await job())?.getState()).not.toBe('completed');
      expect((await store.get('story-x'))?.translations).toEqual([]);
      await store.save(v2);
      await (await job())?.promote().catch(() => undefined);
      await eventually(async () => expect((await store.get('story-x'))?.translations.map((t) => t.headline)).toEqual([fakeTranslation(v2.headline, 'fr')]), 10_000);
      expect((await store.get('story-x'))?.version).toBe(2);
    } finally {
      await followUps.close();
      await cleanupPrefix(redis, prefix);
    }
  });

  it('send nothing for a story withheld since the follow-up was planned', async () => {
    const { prefix, store, followUps } = rig('follow-up-withheld');
    try {
      fake.received.length = 0;
      const held = makeArticle({ id: 'story-w', version: 1, language: 'vi', headline: 'Tin chưa được phát hành', pubStatus: 'withheld' });
      await store.save(held);
      await followUps.schedule(held, { langs: ['fr'], delayMs: 10 });
      const job = () => followUps.queue.getJob('story-w.v1.translate');
      await eventually(async () => ((await (await job())?.getState()) === 'completed' ? true : undefined), 5_000);
      expect((await job())?.returnvalue).toMatch(/held back/);
      expect(fake.received).toEqual([]);
      expect((await store.get('story-w'))?.translations).toEqual([]);
    } finally {
      await followUps.close();
      await cleanupPrefix(redis, prefix);
    }
  });

  it('back off from a minute after a failed attempt, however long the first wait (an embargo) was', async () => {
    const { prefix, followUps } = rig('follow-up-backoff', { work: false });
    try {
      const a = makeArticle({ id: 'story-e', version: 1, language: 'vi' });
      await followUps.schedule(a, { langs: ['fr'], delayMs: 6 * 3600_000 });
      const job = await followUps.queue.getJob('story-e.v1.translate');
      expect(job?.opts.delay).toBe(6 * 3600_000);
      expect(job?.opts.backoff).toMatchObject({ type: 'exponential', delay: 60_000 });
    } finally {
      await followUps.close();
      await cleanupPrefix(redis, prefix);
    }
  });
});
