/** The producers' hand-over: all-or-nothing batches, exact re-sends dropped, edits queued as new jobs. */
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/shared/errors.js';
import { createIngestSink } from '../../src/shared/ingest-sink.js';
import { SeenItems, parseSeenEntry } from '../../src/shared/seen-items.js';
import { bullConnection, bullPrefix } from '../../src/shared/queues.js';
import type { RawItemInput } from '../../src/shared/raw-item.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';
import { testRedisUrl } from '../support/services.js';

const prefix = uniquePrefix('ingest-sink');
const redis = testRedis();
const queue = new Queue('ingest', { connection: bullConnection(testRedisUrl()), prefix: bullPrefix(prefix) });
const sink = createIngestSink({ queue, redis, prefix });
afterAll(async () => {
  await queue.close();
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});

function item(identity: string, content: string): RawItemInput {
  return { sourceId: 'src', format: 'feed-item', identity, content, contentType: 'html', title: identity, receivedAt: new Date().toISOString() };
}

describe('ingest sink', () => {
  it('refuses a whole batch when one item is invalid, queueing none', async () => {
    const bad = { ...item('b-2', 'x'), receivedAt: 'yesterday' };
    await expect(sink([item('b-1', 'x'), bad])).rejects.toThrow(PermanentError);
    expect(await queue.getJobCountByTypes('waiting')).toBe(0);
  });

  it('queues new items once, drops exact re-sends, and queues an edit as a new job', async () => {
    const first = await sink([item('s-1', 'one'), item('s-2', 'two')]);
    expect(first.jobIds).toHaveLength(2);
    const resend = await sink([item('s-1', 'one'), item('s-2', 'two')]);
    expect(resend).toEqual({ jobIds: [], unchanged: 2 });
    const edit = await sink([item('s-1', 'one, corrected')]);
    expect(edit.jobIds).toHaveLength(1);
    expect(edit.jobIds[0]).not.toBe(first.jobIds[0]);
    expect(await queue.getJobCountByTypes('waiting')).toBe(3);
  });

  it('keeps the first of two items with the same identity in one document', async () => {
    const r = await sink([item('d-1', 'first'), item('d-1', 'second')]);
    expect(r.jobIds).toHaveLength(1);
    expect((await queue.getJob(r.jobIds[0]!))?.data.content).toBe('first');
  });

  it('queues a reverted correction again, although BullMQ still holds the first job with that content', async () => {
    const a = await sink([item('r-1', 'headline A')]);
    await sink([item('r-1', 'headline B')]);
    const reverted = await sink([item('r-1', 'headline A')]);
    expect(reverted.unchanged).toBe(0);
    expect(reverted.jobIds[0]).not.toBe(a.jobIds[0]);
    const job = await queue.getJob(reverted.jobIds[0]!);
    expect(job?.data.content).toBe('headline A');
    // And a plain re-send of the revert is still dropped.
    expect(await sink([item('r-1', 'headline A')])).toEqual({ jobIds: [], unchanged: 1 });
  });

  it('gives a send retried after a failure the same job id, so nothing is queued twice', async () => {
    const p = uniquePrefix('ingest-sink-retry');
    const q = new Queue('ingest', { connection: bullConnection(testRedisUrl()), prefix: bullPrefix(p) });
    try {
      const s = createIngestSink({ queue: q, redis, prefix: p });
      await s([item('f-1', 'A')]);
      const b = await s([item('f-1', 'B')]);
      const before = await redis.hget(`${p}:seen:src`, 'f-1');
      const reverted = await s([item('f-1', 'A')]);
      // As if the process died after queueing but before remembering: the next poll sends again.
      await redis.hset(`${p}:seen:src`, 'f-1', before!);
      const again = await s([item('f-1', 'A')]);
      expect(again.jobIds).toEqual(reverted.jobIds);
      expect(reverted.jobIds[0]).not.toBe(b.jobIds[0]);
      expect(await q.getJobCountByTypes('waiting')).toBe(3);
    } finally {
      await q.close();
      await cleanupPrefix(redis, p);
    }
  });
});

describe('seen items', () => {
  it('forgets entries unchanged for the retention period and keeps the rest', async () => {
    const p = uniquePrefix('seen-items');
    let now = 1_000_000;
    const day = 86_400_000;
    const seen = new SeenItems(redis, { prefix: p, retentionMs: 30 * day, now: () => now });
    try {
      await seen.remember([
        { sourceId: 'a', identity: 'old-1', entry: { fingerprint: 'f1', sends: 1 } },
        { sourceId: 'a', identity: 'old-2', entry: { fingerprint: 'f2', sends: 3 } },
      ]);
      now += 20 * day;
      await seen.remember([{ sourceId: 'a', identity: 'recent', entry: { fingerprint: 'f3', sends: 1 } }]);
      expect(await seen.trim(['a'])).toBe(0);
      now += 11 * day; // old-* are 31 days old, recent 11
      expect(await seen.trim(['a', 'a'])).toBe(2);
      expect(await redis.hkeys(`${p}:seen:a`)).toEqual(['recent']);
      expect(await redis.zrange(`${p}:seen-at:a`, '0', '-1')).toEqual(['recent']);
      expect(await seen.lookup([{ sourceId: 'a', identity: 'old-2' }, { sourceId: 'a', identity: 'recent' }])).toEqual([null, { fingerprint: 'f3', sends: 1 }]);
    } finally {
      await cleanupPrefix(redis, p);
    }
  });

  it('looks for old entries of a source at most once a minute', async () => {
    const p = uniquePrefix('seen-items-rate');
    let now = 0;
    const seen = new SeenItems(redis, { prefix: p, retentionMs: 1_000, now: () => now });
    try {
      await seen.remember([{ sourceId: 'a', identity: 'x', entry: { fingerprint: 'f', sends: 1 } }]);
      now = 5_000;
      expect(await seen.trim(['a'])).toBe(1);
      await seen.remember([{ sourceId: 'a', identity: 'y', entry: { fingerprint: 'f', sends: 1 } }]);
      now = 7_000; // y is old, but a trim ran 2 s ago
      expect(await seen.trim(['a'])).toBe(0);
      now = 65_001;
      expect(await seen.trim(['a'])).toBe(1);
    } finally {
      await cleanupPrefix(redis, p);
    }
  });

  it('trims a large backlog in bounded batches', async () => {
    const p = uniquePrefix('seen-items-many');
    let now = 0;
    const seen = new SeenItems(redis, { prefix: p, retentionMs: 1_000, now: () => now });
    try {
      await seen.remember(Array.from({ length: 2_500 }, (_, i) => ({ sourceId: 'a', identity: `i${i}`, entry: { fingerprint: 'f', sends: 1 } })));
      now = 100_000;
      expect(await seen.trim(['a'])).toBe(2_500);
      expect(await redis.exists(`${p}:seen:a`, `${p}:seen-at:a`)).toBe(0);
    } finally {
      await cleanupPrefix(redis, p);
    }
  });

  it('dates entries written before changes were dated, so they are forgotten too', async () => {
    const p = uniquePrefix('seen-items-legacy');
    let now = 5_000_000;
    const seen = new SeenItems(redis, { prefix: p, retentionMs: 10_000, now: () => now });
    try {
      // As the sink before dating left them: in the hash only.
      await redis.hset(`${p}:seen:a`, 'gone-before', 'fp-old', 'still-there', 'fp-old-2');
      await seen.remember([{ sourceId: 'a', identity: 'fresh', entry: { fingerprint: 'f', sends: 1 } }]);
      expect(await seen.trim(['a'])).toBe(0);
      now += 70_000;
      await seen.remember([{ sourceId: 'a', identity: 'still-there', entry: { fingerprint: 'f2', sends: 2 } }]);
      expect(await seen.trim(['a'])).toBe(2);
      expect(await redis.hkeys(`${p}:seen:a`)).toEqual(['still-there']);
    } finally {
      await cleanupPrefix(redis, p);
    }
  });

  it('reads entries written before sends were counted', () => {
    expect(parseSeenEntry('abc')).toEqual({ fingerprint: 'abc', sends: 1 });
    expect(parseSeenEntry('abc 4')).toEqual({ fingerprint: 'abc', sends: 4 });
    expect(parseSeenEntry(null)).toBeNull();
  });
});
