/** `wirepipe failed retry` re-drives every failed job `wirepipe failed` can list, translation follow-ups included. */
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { bullConnection, bullPrefix } from '../../src/shared/queues.js';
import { FOLLOW_UP_QUEUE } from '../../src/workers/translation-follow-up.js';
import { runWirepipe } from '../support/cli.js';
import { eventually } from '../support/pipeline-harness.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';
import { testRedisUrl } from '../support/services.js';

const redis = testRedis();
const prefix = uniquePrefix('failed-retry-cli');
afterAll(async () => {
  delete process.env['WIREPIPE_PREFIX'];
  await cleanupPrefix(redis, prefix);
  redis.disconnect();
});

describe('wirepipe failed retry', () => {
  it('moves a failed translation follow-up back to waiting, by id and with the others', async () => {
    process.env['WIREPIPE_PREFIX'] = prefix;
    process.env['REDIS_URL'] = testRedisUrl();
    const connection = bullConnection(testRedisUrl());
    const queue = new Queue(FOLLOW_UP_QUEUE, { connection, prefix: bullPrefix(prefix) });
    const worker = new Worker(FOLLOW_UP_QUEUE, async () => {
      throw new UnrecoverableError('provider down for good');
    }, { connection, prefix: bullPrefix(prefix) });
    try {
      await queue.add('translate', { id: 'story-y', version: 1, langs: ['fr'] }, { jobId: 'story-y.v1.translate' });
      await queue.add('translate', { id: 'story-z', version: 1, langs: ['fr'] }, { jobId: 'story-z.v1.translate' });
      await eventually(async () => ((await queue.getFailedCount()) === 2 ? true : undefined), 5_000);
      await worker.close();
      const byId = await runWirepipe(['failed', 'retry', 'story-y.v1.translate']);
      expect(byId.code, byId.err.join('\n')).toBe(0);
      expect(byId.out[0]).toContain('story-y.v1.translate');
      expect(await (await queue.getJob('story-y.v1.translate'))?.getState()).toBe('waiting');
      const all = await runWirepipe(['failed', 'retry']);
      expect(all.code).toBe(0);
      expect(await (await queue.getJob('story-z.v1.translate'))?.getState()).toBe('waiting');
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});
