/**
 * The batched hand-off to the next queue, on a real BullMQ queue: adds made in the same turn go
 * out as one addBulk and all land with their job ids and the queue's default options, a lone add
 * is not held back, the batch size is capped, a failed batch fails every caller in it, and a
 * resend of an already added job id adds nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { BatchedHandOff } from '../../src/workers/hand-off.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

type BulkArgs = Parameters<Queue['addBulk']>[0];

/** A real queue whose addBulk calls are recorded (and can be made to fail). */
function recordingQueue(queue: Queue): { calls: number[]; failNext: Error | null; addBulk: Queue['addBulk'] } {
  const spy = {
    calls: [] as number[],
    failNext: null as Error | null,
    addBulk: async (jobs: BulkArgs) => {
      spy.calls.push(jobs.length);
      if (spy.failNext) {
        const err = spy.failNext;
        spy.failNext = null;
        throw err;
      }
      return queue.addBulk(jobs);
    },
  };
  return spy;
}

describe('BatchedHandOff', () => {
  let redis: Redis;
  let prefix: string;
  let queue: Queue;
  const defaults: JobsOptions = { attempts: 4, removeOnComplete: { age: 60 } };

  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix('hand-off');
    queue = new Queue('next', { connection: redis, prefix, defaultJobOptions: defaults });
  });

  afterEach(async () => {
    await queue.close();
    await cleanupPrefix(redis, prefix);
    redis.disconnect();
  });

  it('sends adds of the same turn as one addBulk, each with its job id and the queue defaults', async () => {
    const spy = recordingQueue(queue);
    const handOff = new BatchedHandOff(spy);
    await Promise.all(Array.from({ length: 30 }, (_, i) => handOff.add(`story-${i}`, { n: i }, { jobId: `s${i}.v1` })));
    expect(spy.calls).toEqual([30]);
    const jobs = await queue.getJobs(['waiting'], 0, -1);
    expect(jobs.map((j) => j.id).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `s${i}.v1`).sort());
    const job = jobs.find((j) => j.id === 's7.v1');
    expect(job?.data).toEqual({ n: 7 });
    expect(job?.name).toBe('story-7');
    expect(job?.opts.attempts).toBe(4);
  });

  it('does not hold a lone add back for company', async () => {
    const spy = recordingQueue(queue);
    const handOff = new BatchedHandOff(spy);
    await handOff.add('alone', { n: 1 }, { jobId: 'alone.v1' });
    await handOff.add('later', { n: 2 }, { jobId: 'later.v1' });
    expect(spy.calls).toEqual([1, 1]);
    expect(await queue.getWaitingCount()).toBe(2);
  });

  it('caps a batch at its maximum size', async () => {
    const spy = recordingQueue(queue);
    const handOff = new BatchedHandOff(spy, 8);
    await Promise.all(Array.from({ length: 20 }, (_, i) => handOff.add('s', { n: i }, { jobId: `c${i}.v1` })));
    expect(spy.calls).toEqual([8, 8, 4]);
    expect(await queue.getWaitingCount()).toBe(20);
  });

  it('fails every caller of a failed batch, and the next batch goes through', async () => {
    const spy = recordingQueue(queue);
    const handOff = new BatchedHandOff(spy);
    spy.failNext = new Error('READONLY You cannot write against a read only replica.');
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => handOff.add('s', { n: i }, { jobId: `f${i}.v1` })));
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    expect((results[0] as PromiseRejectedResult).reason).toBe((results[4] as PromiseRejectedResult).reason);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/READONLY/);
    expect(await queue.getWaitingCount()).toBe(0);
    // The jobs' retries resend the same adds.
    await Promise.all(Array.from({ length: 5 }, (_, i) => handOff.add('s', { n: i }, { jobId: `f${i}.v1` })));
    expect(await queue.getWaitingCount()).toBe(5);
  });

  it('adds nothing when a resent batch holds job ids already on the queue', async () => {
    const handOff = new BatchedHandOff(queue);
    await Promise.all([handOff.add('s', { n: 1 }, { jobId: 'r1.v1' }), handOff.add('s', { n: 2 }, { jobId: 'r2.v1' })]);
    await Promise.all([handOff.add('s', { n: 1 }, { jobId: 'r1.v1' }), handOff.add('s', { n: 2 }, { jobId: 'r2.v1' }), handOff.add('s', { n: 3 }, { jobId: 'r3.v1' })]);
    expect(await queue.getWaitingCount()).toBe(3);
    expect((await queue.getJob('r1.v1'))?.data).toEqual({ n: 1 });
  });
});
