/**
 * Which failed jobs become dead letters: a job BullMQ itself gave up (its worker process crashed
 * or hung while running it, so our processor never saw the failure), a job whose retries ran out,
 * and not a permanent failure the adapter already recorded nor a failure that will be retried.
 * BullMQ's 'failed' event is raised here as BullMQ 6 raises it for a stalled job
 * (Worker.processJob: `new UnrecoverableError(job.deferredFailure)`).
 */
import { EventEmitter } from 'node:events';
import { Queue, UnrecoverableError, type Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { DeadLetters } from '../../src/shared/dead-letters.js';
import { silentLogger } from '../../src/shared/logger.js';
import { bullConnection } from '../../src/shared/queues.js';
import { DeadLetteredError } from '../../src/workers/bullmq-adapter.js';
import { recordExhaustedJobs } from '../../src/workers/start-workers.js';
import { eventually } from '../support/pipeline-harness.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';
import { testRedisUrl } from '../support/services.js';

const redis = testRedis();
const prefix = uniquePrefix('exhausted');
const queue = new Queue('normalize', { connection: bullConnection(testRedisUrl()), prefix: `${prefix}:q` });
afterAll(async () => {
  await queue.close();
  await cleanupPrefix(redis, prefix);
  redis.disconnect();
});

describe('dead letters for failed jobs', () => {
  it('are written for a job BullMQ gave up as stalled, once for one retried out, and never for the others', async () => {
    const deadLetters = new DeadLetters(redis, prefix);
    const worker = new EventEmitter();
    recordExhaustedJobs(worker as unknown as Worker, 'normalize', deadLetters, silentLogger());
    const job = (name: string, attemptsMade: number) => queue.add(name, { title: name }, { attempts: 3 }).then((j) => Object.assign(j, { attemptsMade }));

    worker.emit('failed', await job('poison', 0), new UnrecoverableError('job stalled more than allowable limit'));
    worker.emit('failed', await job('recorded', 1), new DeadLetteredError('EMPTY_STORY: nothing to read'));
    worker.emit('failed', await job('will-retry', 1), new Error('Redis went away'));
    worker.emit('failed', await job('retried-out', 3), new Error('Redis went away'));

    const letters = await eventually(async () => {
      const list = await deadLetters.list(10);
      return list.length >= 2 ? list : undefined;
    }, 5_000);
    await new Promise((r) => setTimeout(r, 200)); // room for a wrong third one
    const all = await deadLetters.list(10);
    expect(all).toHaveLength(2);
    const byTitle = Object.fromEntries(letters.map((l) => [JSON.parse(l.data).title, l]));
    expect(byTitle['poison']).toMatchObject({ where: 'normalize', code: 'JOB_STALLED' });
    expect(byTitle['poison']!.message).toContain('job stalled more than allowable limit');
    expect(byTitle['retried-out']).toMatchObject({ where: 'normalize', code: 'STAGE_FAILED', message: 'Redis went away' });
  });
});
