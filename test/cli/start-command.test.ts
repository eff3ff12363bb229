/**
 * `wirepipe start` as a user runs it, in its own process group, with two worker processes and the
 * embedded S3: it publishes the bundled samples, and Ctrl-C (SIGINT to the whole group, as a
 * terminal sends it) stops everything cleanly with exit code 0 — no crash from a child that got
 * the interrupt first, no worker restarted on the way out.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/shared/package-root.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';
import { service } from '../support/services.js';
import { eventually } from '../support/pipeline-harness.js';

const redis = testRedis();
const prefix = uniquePrefix('start-command');
afterAll(async () => {
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});

describe('wirepipe start', () => {
  it('publishes the samples and stops cleanly on a Ctrl-C sent to its process group', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wirepipe-start-'));
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'wirepipe.js'), 'start'], {
      cwd: dir,
      detached: true, // its own process group, like a terminal's foreground job
      env: { ...process.env, REDIS_URL: service('REDIS_URL'), WIREPIPE_PREFIX: prefix, PORT: '0', EMBEDDED_S3_DIR: join(dir, 's3'), WORKER_PROCESSES: '2', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      const feedUrl = await eventually(async () => /Feeds:\s+(\S+\/feeds\/all\.rss)/.exec(out)?.[1]?.replace('.rss', '.json'), 60_000, 'the start banner');
      expect(out).toContain('+ 1 worker process(es)');
      await eventually(async () => {
        const res = await fetch(feedUrl);
        const feed = (await res.json()) as { items: unknown[] };
        return feed.items.length >= 13 ? true : undefined;
      }, 60_000, 'the 13 sample stories in the feed');
      process.kill(-child.pid!, 'SIGINT');
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 30_000))]);
      expect(code, err).toBe(0);
      expect(err).not.toMatch(/EPIPE|Unhandled|restarting/);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
