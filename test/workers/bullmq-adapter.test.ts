/**
 * The adapter's error mapping on a real Redis: permanent errors fail at once with their code and
 * a dead letter, retryable errors are retried with backoff, rate limits delay without using up
 * attempts, invalid job data is a permanent failure, and the split topology hands results on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Article } from '../../src/shared/article.js';
import { makeArticle } from '../support/articles.js';
import { DeadLetters } from '../../src/shared/dead-letters.js';
import { PermanentError, RateLimitedError, RetryableError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';
import { openPipelineQueues, type PipelineQueues } from '../../src/shared/queues.js';
import { parseTopology } from '../../src/shared/topology.js';
import type { RawItem } from '../../src/shared/raw-item.js';
import { storyId, storyUri } from '../../src/shared/ids.js';
import { startWorkers, type RunningWorkers } from '../../src/workers/start-workers.js';
import type { StageSet } from '../../src/workers/stages.js';
import { MemoryStoryStore } from '../../src/workers/story-store.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';
import { testRedisUrl } from '../support/services.js';
import { eventually } from '../support/pipeline-harness.js';

function articleFrom(raw: RawItem): Article {
  const id = storyId(raw.sourceId, raw.identity);
  return makeArticle({
    id, uri: storyUri(id), sourceId: raw.sourceId, headline: raw.title ?? 'untitled', lead: null,
    body: { text: raw.content, html: `<p>${raw.content}</p>` }, summary: '', slug: '', wordCount: 0,
    firstCreated: raw.receivedAt, versionCreated: raw.receivedAt,
  });
}

function raw(identity: string, title: string): RawItem {
  return { sourceId: 'test', format: 'wire-text', identity, identityDerived: false, url: null, title, summary: null, content: 'body',
    contentType: 'text', authors: [], categories: [], published: null, updated: null, dateInvalid: false, language: null,
    renditions: [], receivedAt: new Date().toISOString(), baseUrl: null };
}

/** Stages whose behaviour depends on the headline, to drive each error path. */
function scriptedStages(calls: Map<string, number>, published: Article[]): StageSet {
  const count = (key: string) => {
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    return n;
  };
  return {
    normalize: async (r) => articleFrom(r),
    'translate-tag': async (a) => {
      const n = count(`tt:${a.headline}`);
      if (a.headline === 'permanent') throw new PermanentError('EMPTY_STORY', 'nothing to read');
      if (a.headline === 'flaky' && n < 3) throw new RetryableError('STAGE_FAILED', `passing fault ${n}`);
      if (a.headline === 'always-failing') throw new Error('broken forever');
      if (a.headline === 'throttled' && n === 1) throw new RateLimitedError('slow down', 300);
      return a;
    },
    enrich: async (a) => a,
    publish: async (a) => {
      published.push(a);
      return a;
    },
  };
}

describe.each(['split', 'fused'])('stage adapter on BullMQ, %s topology', (topologyName) => {
  let redis: Redis;
  let prefix: string;
  let queues: PipelineQueues;
  let workers: RunningWorkers;
  let deadLetters: DeadLetters;
  const calls = new Map<string, number>();
  const published: Article[] = [];

  async function start() {
    prefix = uniquePrefix(`adapter-${topologyName}`);
    redis = testRedis();
    const settings = { redisUrl: testRedisUrl(), prefix, topology: parseTopology(topologyName), attempts: 3, backoffMs: 20 };
    queues = openPipelineQueues(settings);
    deadLetters = new DeadLetters(redis, prefix);
    workers = startWorkers({ redisUrl: testRedisUrl(), prefix, concurrency: 5 }, queues, scriptedStages(calls, published),
      { log: silentLogger(), now: () => new Date(), stories: new MemoryStoryStore() }, deadLetters);
  }

  afterEach(async () => {
    await workers?.close();
    await queues?.close();
    await cleanupPrefix(redis, prefix);
    await redis.quit();
    calls.clear();
    published.length = 0;
  });

  async function finalState(job: Job): Promise<string> {
    return eventually(async () => {
      const state = await job.getState();
      return state === 'completed' || state === 'failed' ? state : undefined;
    });
  }

  /** The job of the group that runs translate-tag (the first queue in fused, the second in split). */
  async function translateTagJob(ingestJob: Job, id: string): Promise<{ job: Job; queueIndex: number }> {
    if (topologyName === 'fused') return { job: ingestJob, queueIndex: 0 };
    await finalState(ingestJob);
    const q = queues.queues[1]!;
    return { job: await eventually(async () => (await q.getJob(`${id}.v1`)) ?? undefined), queueIndex: 1 };
  }

  it('passes a good item through every stage to publish', async () => {
    await start();
    await queues.ingest.add('x', raw('ok-1', 'fine'), { jobId: 'ok-1' });
    await eventually(async () => (published.length === 1 ? true : undefined));
    expect(published[0]?.headline).toBe('fine');
  });

  it('fails a permanent error at once, with its code, and records a dead letter', async () => {
    await start();
    const job = await queues.ingest.add('x', raw('perm-1', 'permanent'), { jobId: 'perm-1' });
    const tt = await translateTagJob(job, storyId('test', 'perm-1'));
    expect(await finalState(tt.job)).toBe('failed');
    const fresh = (await queues.queues[tt.queueIndex]!.getJob(tt.job.id!))!;
    expect(fresh.failedReason).toContain('EMPTY_STORY');
    expect(fresh.attemptsMade).toBe(1);
    expect(calls.get('tt:permanent')).toBe(1);
    const letters = await deadLetters.list();
    expect(letters[0]?.code).toBe('EMPTY_STORY');
    expect(JSON.parse(letters[0]!.data).headline ?? JSON.parse(letters[0]!.data).title).toBe('permanent');
    expect(published).toHaveLength(0);
  });

  it('retries a retryable error with backoff until it succeeds', async () => {
    await start();
    await queues.ingest.add('x', raw('flaky-1', 'flaky'), { jobId: 'flaky-1' });
    await eventually(async () => (published.length === 1 ? true : undefined));
    expect(calls.get('tt:flaky')).toBe(3);
  });

  it('keeps a job that exhausts its retries in the failed set and as a dead letter', async () => {
    await start();
    const job = await queues.ingest.add('x', raw('bad-1', 'always-failing'), { jobId: 'bad-1' });
    const tt = await translateTagJob(job, storyId('test', 'bad-1'));
    expect(await finalState(tt.job)).toBe('failed');
    expect(calls.get('tt:always-failing')).toBe(3);
    const letters = await eventually(async () => {
      const l = await deadLetters.list();
      return l.length > 0 ? l : undefined;
    });
    expect(letters[0]?.message).toContain('broken forever');
  });

  it('delays a rate-limited job without spending an attempt', async () => {
    await start();
    const started = Date.now();
    await queues.ingest.add('x', raw('slow-1', 'throttled'), { jobId: 'slow-1' });
    await eventually(async () => (published.length === 1 ? true : undefined));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(calls.get('tt:throttled')).toBe(2);
  });

  it('refuses job data that is not a raw item, permanently', async () => {
    await start();
    const job = await queues.ingest.add('x', { sourceId: 'test', content: 42 }, { jobId: 'junk-1' });
    expect(await finalState(job)).toBe('failed');
    const fresh = (await queues.ingest.getJob('junk-1'))!;
    expect(fresh.failedReason).toContain('INVALID_RAW_ITEM');
    expect(fresh.attemptsMade).toBe(1);
  });
});
