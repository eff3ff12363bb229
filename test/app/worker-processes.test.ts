/**
 * Extra worker processes (`wirepipe work` children of `wirepipe start`) on the real test Redis and
 * s3rver: they take the pipeline's jobs, archive to the same bucket, come back after a crash and
 * stop on request. `wirepipe work` alone refuses to start without an archive to join.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/shared/package-root.js';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentToRawItems } from '../../src/producers/sniff.js';
import { startWorkerProcesses, type WorkerProcesses } from '../../src/app/worker-processes.js';
import { silentLogger } from '../../src/shared/logger.js';
import { eventually, startTestPipeline, type PipelineHarness } from '../support/pipeline-harness.js';
import { runWirepipe } from '../support/cli.js';
import { service } from '../support/services.js';

const SAMPLE = new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url);

/** The sample story as a fresh item each call (its own identity), so each one is published anew. */
async function storyItem(n: number) {
  const text = (await readFile(SAMPLE, 'utf8')).replace('Bồi dưỡng', `Bồi dưỡng (đợt ${n})`);
  return documentToRawItems(Buffer.from(text), { sourceId: `vna-${n}`, fileName: `story-${n}.txt`, receivedAt: new Date('2023-08-02T09:00:00Z') });
}

/** What a worker process needs to join the harness's pipeline: its Redis, prefix and bucket on the test s3rver. */
function joinEnv(h: PipelineHarness, extra: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_URL: service('REDIS_URL'),
    WIREPIPE_PREFIX: h.config.prefix,
    S3_ENDPOINT: service('S3_ENDPOINT'),
    S3_BUCKET: h.bucket,
    S3_FORCE_PATH_STYLE: 'true',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('worker processes', () => {
  let h: PipelineHarness;
  let workers: WorkerProcesses | null = null;
  beforeAll(async () => {
    // No workers in this process: whatever gets published was published by a child.
    h = await startTestPipeline('worker-processes', {}, { workers: false, http: false });
  });
  afterAll(async () => {
    await workers?.stop();
    await h?.stop();
  });

  it('run the stages in child processes, survive a crash and stop on request', async () => {
    workers = startWorkerProcesses({
      count: 2,
      log: silentLogger(),
      restartDelayMs: 100,
      env: joinEnv(h),
    });
    const first = workers.pids();
    expect(first).toHaveLength(2);

    await h.pipeline.sink(await storyItem(1));
    const published = await eventually(async () => {
      const list = await h.pipeline.store.list('all', 10);
      return list.length === 1 ? list : undefined;
    }, 30_000, 'the story published by a worker process');
    expect(published[0]!.headline).toContain('(đợt 1)');
    const objects = await eventually(async () => {
      const res = await h.s3.client.send(new ListObjectsV2Command({ Bucket: h.bucket }));
      return (res.Contents?.length ?? 0) >= 2 ? res.Contents : undefined;
    }, 15_000, 'the snapshots in the bucket');
    expect(objects!.some((o) => o.Key?.endsWith('.ninjs.json'))).toBe(true);

    // A crashed worker is replaced, and the pipeline keeps publishing.
    process.kill(first[0]!, 'SIGKILL');
    const replaced = await eventually(async () => {
      const now = workers!.pids();
      return now.length === 2 && !now.includes(first[0]!) ? now : undefined;
    }, 10_000, 'a replacement worker process');
    expect(replaced).toContain(first[1]);
    await h.pipeline.sink(await storyItem(2));
    await eventually(async () => ((await h.pipeline.store.list('all', 10)).length === 2 ? true : undefined), 30_000, 'the second story');

    // Stopped by SIGTERM, each child finishing on its own: well before the 15 s after which stop() kills.
    const stopping = Date.now();
    await workers.stop();
    expect(Date.now() - stopping).toBeLessThan(10_000);
    expect(workers.pids()).toEqual([]);
    for (const pid of replaced) expect(alive(pid)).toBe(false);
    workers = null;
  }, 90_000);
});

describe('a worker process killed in the middle of its jobs', () => {
  let h: PipelineHarness;
  let workers: WorkerProcesses | null = null;
  beforeAll(async () => {
    h = await startTestPipeline('worker-crash', {}, { workers: false, http: false });
  });
  afterAll(async () => {
    await workers?.stop();
    await h?.stop();
  });

  it('loses nothing: its active jobs are taken up again once their lock expires, each story published once', async () => {
    const total = 120;
    const items = [];
    for (let n = 0; n < total; n++) items.push(...(await storyItem(n)));
    await h.pipeline.sink(items);
    workers = startWorkerProcesses({
      count: 1,
      log: silentLogger(),
      restartDelayMs: 100,
      env: joinEnv(h, { WORKER_CONCURRENCY: '20', WORKER_LOCK_MS: '2000' }),
    });
    const [victim] = workers.pids();
    await eventually(async () => ((await h.pipeline.store.list('all', total)).length >= 10 ? true : undefined), 60_000, 'the first stories published');
    process.kill(victim!, 'SIGKILL');
    const killedAt = Date.now();
    // The dead worker's jobs are still marked active in Redis: nobody can finish them but the stalled-job check.
    const active = (await h.pipeline.queues.ingest.getJobCounts('active'))['active'] ?? 0;
    expect(active).toBeGreaterThan(0);

    const published = await eventually(async () => {
      const list = await h.pipeline.store.list('all', total + 10);
      return list.length >= total ? list : undefined;
    }, 90_000, `all ${total} stories published`);
    // Taken up after WORKER_LOCK_MS (2 s), not BullMQ's default 30 s: well inside 20 s even on a busy machine.
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    expect(new Set(published.map((a) => a.id)).size).toBe(total);
    expect(published.every((a) => a.version === 1)).toBe(true);
    expect((await h.pipeline.queues.ingest.getJobCounts('failed'))['failed']).toBe(0);
    expect(await h.pipeline.deadLetters.list(10)).toEqual([]);
  }, 150_000);
});

describe('supervision', () => {
  it('gives up on a worker that keeps failing at start-up, and says so', async () => {
    let gaveUp: number | null = null;
    const workers = startWorkerProcesses({
      count: 1,
      log: silentLogger(),
      restartDelayMs: 10,
      // Nothing listens on port 1: every start fails at once.
      env: { REDIS_URL: 'redis://127.0.0.1:1', S3_BUCKET: 'unused-bucket', LOG_LEVEL: 'silent' },
      onGiveUp: (slot) => {
        gaveUp = slot;
      },
    });
    try {
      await eventually(async () => (gaveUp === null ? undefined : true), 60_000, 'the supervisor to give up');
      expect(gaveUp).toBe(1);
      expect(workers.pids()).toEqual([]);
    } finally {
      await workers.stop();
    }
  }, 70_000);

  it('a worker started with an IPC channel stops when the channel closes (its parent died)', async () => {
    const h = await startTestPipeline('worker-orphan', {}, { workers: false, http: false });
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'wirepipe.js'), 'work'], {
      env: { ...process.env, ...joinEnv(h) },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    try {
      await new Promise<void>((ready, fail) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('is running')) ready();
        });
        child.once('exit', (code) => fail(new Error(`worker exited early with ${code}`)));
      });
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      child.disconnect();
      expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))])).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await h.stop();
    }
  }, 40_000);
});

describe('a worker whose parent dies while it starts', () => {
  it('stops once started instead of running on without a parent', async () => {
    const h = await startTestPipeline('worker-orphan-early', {}, { workers: false, http: false });
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'wirepipe.js'), 'work'], { env: { ...process.env, ...joinEnv(h) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    try {
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      // The channel closes before the worker has connected to anything.
      child.disconnect();
      expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 30_000))])).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await h.stop();
    }
  }, 45_000);
});

describe('wirepipe work', () => {
  it('refuses to start without an S3 archive to join, and says what to set', async () => {
    const saved = { endpoint: process.env['S3_ENDPOINT'], bucket: process.env['S3_BUCKET'] };
    delete process.env['S3_ENDPOINT'];
    delete process.env['S3_BUCKET'];
    try {
      const run = await runWirepipe(['work']);
      expect(run.code).not.toBe(0);
      expect(run.err.join('\n')).toMatch(/S3_BUCKET.*wirepipe work/);
    } finally {
      if (saved.endpoint !== undefined) process.env['S3_ENDPOINT'] = saved.endpoint;
      if (saved.bucket !== undefined) process.env['S3_BUCKET'] = saved.bucket;
    }
  });
});
