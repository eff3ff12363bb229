/**
 * Re-driving failed jobs on the real test Redis and s3rver: while the archive bucket is missing,
 * publishing fails until its attempts run out and the job sits in the failed set; once the bucket
 * exists, a retry publishes the story from where it failed.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentToRawItems } from '../../src/producers/sniff.js';
import { retryFailedJobs } from '../../src/app/retry-failed.js';
import { eventually, startTestPipeline, type PipelineHarness } from '../support/pipeline-harness.js';

const SAMPLE = new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url);

async function failedJobIds(h: PipelineHarness): Promise<string[]> {
  const ids: string[] = [];
  for (const q of h.pipeline.queues.queues) for (const job of await q.getFailed()) if (job?.id) ids.push(job.id);
  return ids;
}

describe.each(['fused', 'split'])('retrying failed jobs, %s topology', (topology) => {
  let h: PipelineHarness;
  const missing = `t-missing-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    h = await startTestPipeline(`retry-${topology}`, { TOPOLOGY: topology, S3_BUCKET: missing, JOB_ATTEMPTS: '2' });
  });
  afterAll(async () => h?.stop());

  it('moves a job that failed for want of the archive back to work, with fresh attempts, and it publishes', async () => {
    const items = await documentToRawItems(await readFile(SAMPLE), { sourceId: 'vna', fileName: 'wire-vi-hagiang.txt', receivedAt: new Date('2023-08-02T09:00:00Z') });
    await h.pipeline.sink(items);
    const [failedId] = await eventually(async () => {
      const ids = await failedJobIds(h);
      return ids.length === 1 ? ids : undefined;
    }, 20_000, 'the job in the failed set');
    expect(await h.pipeline.store.list('all', 10)).toEqual([]);
    const letters = await h.pipeline.deadLetters.list(10);
    expect(letters.map((l) => l.code)).toContain('S3_WRITE');

    // Unknown ids are reported, not silently ignored.
    expect(await retryFailedJobs(h.pipeline.queues.queues, ['no-such-job'])).toEqual({ retried: [], notFound: ['no-such-job'], skipped: [] });

    await h.s3.client.send(new CreateBucketCommand({ Bucket: missing }));
    h.s3.track(missing);
    const result = await retryFailedJobs(h.pipeline.queues.queues);
    expect(result.retried.map((r) => r.jobId)).toEqual([failedId]);
    const published = await eventually(async () => {
      const list = await h.pipeline.store.list('all', 10);
      return list.length === 1 ? list : undefined;
    }, 20_000, 'the story published after the retry');
    expect(published[0]!.headline).toContain('Bồi dưỡng');
    expect(await failedJobIds(h)).toEqual([]);
    // Fresh attempts: the successful run is the job's first since the retry (JOB_ATTEMPTS=2 were spent before).
    const queue = h.pipeline.queues.queues.find((q) => q.name === result.retried[0]!.queue)!;
    const done = await eventually(async () => {
      const job = await Job.fromId(queue, failedId!);
      return job && (await job.isCompleted()) ? job : undefined;
    }, 10_000, 'the retried job completed');
    expect(done.attemptsMade).toBe(1);
    // Nothing left to retry: a second call is a no-op.
    expect((await retryFailedJobs(h.pipeline.queues.queues)).retried).toEqual([]);
  }, 60_000);
});

describe('retrying jobs that fail again at once', () => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await startTestPipeline('retry-again');
  });
  afterAll(async () => h?.stop());

  it('retries each failed job once per call and returns, while the workers fail them again', async () => {
    const [sample] = await documentToRawItems(await readFile(SAMPLE), { sourceId: 'vna', fileName: 'x.txt', receivedAt: new Date('2023-08-02T09:00:00Z') });
    // Neither title nor text: normalize refuses each for good (EMPTY_STORY).
    const empty = Array.from({ length: 30 }, (_, i) => ({ ...sample!, sourceId: `empty-${i}`, identity: `e${i}`, title: null, summary: null, content: ' ' }));
    await h.pipeline.sink(empty);
    await eventually(async () => ((await failedJobIds(h)).length === 30 ? true : undefined), 20_000, '30 failed jobs');
    const result = await retryFailedJobs(h.pipeline.queues.queues);
    expect(result.retried).toHaveLength(30);
    expect(new Set(result.retried.map((r) => r.jobId)).size).toBe(30);
    // They fail again and are back in the failed set, each recorded once more as a dead letter.
    await eventually(async () => ((await failedJobIds(h)).length === 30 && (await h.pipeline.deadLetters.count()) === 60 ? true : undefined), 20_000, 'the second failures');
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.pipeline.deadLetters.count()).toBe(60);
  }, 60_000);
});
