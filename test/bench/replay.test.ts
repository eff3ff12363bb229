/**
 * The replay scenario's two helpers on the test Redis: the store outage fails the real
 * ArticleStore's writes of the chosen stories (and only theirs) until lifted, and the forked
 * operator process re-drives a queue's failed jobs with retryFailedJobs. No timing assertions.
 */
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OperatorProcess } from '../../bench/lib/operator-retry.js';
import { blockStoreWrites } from '../../bench/lib/store-outage.js';
import { ArticleStore } from '../../src/feeds/article-store.js';
import { bullConnection, openPipelineQueues } from '../../src/shared/queues.js';
import { parseTopology } from '../../src/shared/topology.js';
import { makeArticle } from '../support/articles.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';
import { testRedisUrl } from '../support/services.js';

let redis: Redis;
const prefixes: string[] = [];

function newPrefix(name: string): string {
  const p = uniquePrefix(name);
  prefixes.push(p);
  return p;
}

beforeAll(() => {
  redis = testRedis();
});
afterEach(async () => {
  for (const p of prefixes.splice(0)) await cleanupPrefix(redis, p);
});
afterAll(async () => {
  await redis?.quit();
});

describe('store outage', () => {
  it('fails the blocked stories’ saves with a Redis error and writes nothing, until lifted', async () => {
    const prefix = newPrefix('replay-outage');
    const store = new ArticleStore(redis, { prefix, feedLength: 100 });
    const blocked = makeArticle({ id: 'bench-blocked' });
    const other = makeArticle({ id: 'bench-other' });
    const outage = await blockStoreWrites(redis, prefix, [blocked.id]);

    await expect(store.save(blocked)).rejects.toThrow(/WRONGTYPE/);
    expect(await store.save(other)).toBe(true);
    // Only the unblocked story reached the feeds and the change counter.
    expect((await store.list('all', 10)).map((a) => a.id)).toEqual([other.id]);
    expect(await store.changes()).toBe('1');

    await outage.lift();
    expect(await store.save(blocked)).toBe(true);
    expect((await store.get(blocked.id))?.id).toBe(blocked.id);
  });

  it('refuses to block a story already stored, and to lift over a placeholder that was replaced', async () => {
    const prefix = newPrefix('replay-outage-guard');
    const store = new ArticleStore(redis, { prefix, feedLength: 100 });
    const stored = makeArticle({ id: 'bench-stored' });
    await store.save(stored);
    await expect(blockStoreWrites(redis, prefix, [stored.id])).rejects.toThrow(/already existed/);

    const outage = await blockStoreWrites(redis, prefix, ['bench-late']);
    await redis.set(`${prefix}:article:bench-late`, 'written past the outage');
    await expect(outage.lift()).rejects.toThrow(/replaced/);
  });
});

describe('operator process', () => {
  it('retries every failed job of the pipeline’s queues from a forked process', async () => {
    const prefix = newPrefix('replay-operator');
    const settings = { redisUrl: testRedisUrl(), prefix, topology: 'fused', attempts: 1, backoffMs: 100 };
    const queues = openPipelineQueues({ ...settings, topology: parseTopology('fused') });
    const queue = queues.ingest as Queue;
    let operator: OperatorProcess | null = null;
    try {
      await queue.addBulk(['a', 'b', 'c'].map((id) => ({ name: id, data: { id }, opts: { jobId: id } })));
      let failed = 0;
      const worker = new Worker(
        queue.name,
        async () => {
          throw new UnrecoverableError('outage');
        },
        { connection: bullConnection(settings.redisUrl), prefix: `${prefix}:q` },
      );
      worker.on('failed', () => {
        failed += 1;
      });
      while (failed < 3) await new Promise((r) => setTimeout(r, 20));
      await worker.close();

      operator = await OperatorProcess.start(settings);
      const { result, seconds } = await operator.retryAll();
      expect(result.retried.map((r) => r.jobId).sort()).toEqual(['a', 'b', 'c']);
      expect(result.skipped).toEqual([]);
      expect(seconds).toBeGreaterThan(0);
      expect(await queue.getJobCounts('failed', 'waiting')).toEqual({ failed: 0, waiting: 3 });
      // Nothing failed any more: a second call retries nothing.
      expect((await operator.retryAll()).result.retried).toEqual([]);
    } finally {
      await operator?.stop();
      await queues.close();
    }
  }, 30_000);
});
