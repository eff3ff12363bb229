/** The producers' hand-over: all-or-nothing batches, exact re-sends dropped, edits queued as new jobs. */
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/shared/errors.js';
import { createIngestSink } from '../../src/shared/ingest-sink.js';
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
});
