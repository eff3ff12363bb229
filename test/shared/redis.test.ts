import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Queue, Worker } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/shared/errors.js';
import { pino } from 'pino';
import {
  createRedisConnection,
  ensureRedis,
  isSupportedRedisVersion,
  redactUrl,
  redisAnswers,
  type RedisHandle,
} from '../../src/shared/redis.js';
import { cleanupPrefix, freePort, testRedisUrl, uniquePrefix } from '../support/index.js';
import { hasRedisServer } from '../support/redis-server.js';


async function unavailable(p: Promise<unknown>): Promise<PermanentError> {
  const err: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PermanentError);
  const perm = err as PermanentError;
  expect(perm.code).toBe('REDIS_UNAVAILABLE');
  expect(perm.retryable).toBe(false);
  return perm;
}

describe('ensureRedis', () => {
  const handles: RedisHandle[] = [];
  afterEach(async () => {
    for (const h of handles.splice(0)) await h.stop();
  });

  it('uses REDIS_URL when it answers, without starting anything', async () => {
    const url = testRedisUrl();
    const handle = await ensureRedis({ env: { REDIS_URL: url } });
    handles.push(handle);
    expect(handle).toMatchObject({ url, started: false });
    expect(await redisAnswers(handle.url)).toBe(true);
  });

  it('an explicit url option wins over REDIS_URL', async () => {
    const url = testRedisUrl();
    const deadPort = await freePort();
    const handle = await ensureRedis({ url, env: { REDIS_URL: `redis://127.0.0.1:${deadPort}` } });
    handles.push(handle);
    expect(handle.url).toBe(url);
  });

  it('finds the Redis on 127.0.0.1:6379 when nothing is configured', async (ctx) => {
    if (!(await redisAnswers('redis://127.0.0.1:6379'))) ctx.skip();
    for (const env of [{}, { REDIS_URL: '' }, { REDIS_URL: '  ' }]) {
      const handle = await ensureRedis({ env });
      handles.push(handle);
      expect(handle).toMatchObject({ url: 'redis://127.0.0.1:6379', started: false });
    }
  });

  it('REDIS_URL on a dead port throws REDIS_UNAVAILABLE saying how to get a Redis', async () => {
    const port = await freePort();
    const err = await unavailable(ensureRedis({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } }));
    expect(err.message).toContain(`127.0.0.1:${port}`);
    expect(err.message).toContain('ECONNREFUSED');
    for (const hint of ['apt-get install redis-server', 'brew install redis', 'docker run -p 6379:6379 redis:7', 'REDIS_URL']) {
      expect(err.message).toContain(hint);
    }
  });

  it('never echoes a password from REDIS_URL', async () => {
    const port = await freePort();
    const err = await unavailable(ensureRedis({ env: { REDIS_URL: `redis://:s3cr3t-pass@127.0.0.1:${port}/0` } }));
    expect(err.message).not.toContain('s3cr3t-pass');
    expect(JSON.stringify(err.toJSON())).not.toContain('s3cr3t-pass');
    expect(redactUrl('redis://user:pw@host:1/2')).toBe('redis://user:***@host:1/2');
  });

  it('never echoes a password (or any other value) from the query string of REDIS_URL', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}/0?password=s3cr3t-pass&username=ops-user`;
    const err = await unavailable(ensureRedis({ env: { REDIS_URL: url } }));
    for (const text of [err.message, JSON.stringify(err.toJSON())]) {
      expect(text).not.toContain('s3cr3t-pass');
      expect(text).not.toContain('ops-user');
      expect(text).toContain(`127.0.0.1:${port}/0?password=***&username=***`);
    }
  });

  it('explains the fix when redis-server is not installed and nothing answers', async () => {
    const err = await unavailable(
      ensureRedis({ env: {}, probeDefault: false, redisServer: 'wirepipe-no-such-redis-server' }),
    );
    expect(err.message).toContain('not installed or not on PATH');
    expect(err.message).toContain('apt-get install redis-server');
  });

  it.skipIf(!hasRedisServer)('spawns redis-server in a process group of its own, so a Ctrl-C to ours does not stop it before our workers', async () => {
    const handle = await ensureRedis({ env: {}, probeDefault: false });
    handles.push(handle);
    const client = createRedisConnection(handle.url);
    try {
      const pid = Number(/process_id:(\d+)/.exec(await client.info('server'))?.[1]);
      expect(pid).toBeGreaterThan(0);
      const groupOf = (p: number) => execFileSync('ps', ['-o', 'pgid=', '-p', String(p)], { encoding: 'utf8' }).trim();
      expect(groupOf(pid)).toBe(String(pid));
      expect(groupOf(pid)).not.toBe(groupOf(process.pid));
    } finally {
      client.disconnect();
    }
  });

  it.skipIf(!hasRedisServer)('spawns a private redis-server without persistence, and stop() ends it', async () => {
    const handle = await ensureRedis({ env: {}, probeDefault: false });
    handles.push(handle);
    expect(handle.started).toBe(true);
    expect(handle.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(handle.url).not.toBe('redis://127.0.0.1:6379');

    const client = createRedisConnection(handle.url);
    try {
      expect(await client.ping()).toBe('PONG');
      await client.set('wirepipe:probe', 'ok');
      expect(await client.get('wirepipe:probe')).toBe('ok');
      const config = await client.config('GET', 'save');
      expect(config).toEqual(['save', '']);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
      expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      const dir = ((await client.config('GET', 'dir')) as string[])[1];
      expect(dir).toBeDefined();
      expect(existsSync(dir as string)).toBe(true);
      client.disconnect();

      await handle.stop();
      expect(await redisAnswers(handle.url)).toBe(false);
      expect(existsSync(dir as string)).toBe(false);
      await handle.stop(); // idempotent
    } finally {
      client.disconnect();
    }
  });

  it.skipIf(!hasRedisServer)('two spawned servers get different ports and stop independently', async () => {
    const a = await ensureRedis({ env: {}, probeDefault: false });
    const b = await ensureRedis({ env: {}, probeDefault: false });
    handles.push(a, b);
    expect(a.url).not.toBe(b.url);
    await a.stop();
    expect(await redisAnswers(a.url)).toBe(false);
    expect(await redisAnswers(b.url)).toBe(true);
  });

  it('stop() on a found Redis leaves it running', async () => {
    const handle = await ensureRedis({ url: testRedisUrl() });
    await handle.stop();
    expect(await redisAnswers(testRedisUrl())).toBe(true);
  });
});

describe('redactUrl', () => {
  it.each([
    ['redis://user:pw@host:1/2', 'redis://user:***@host:1/2'],
    ['redis://host:6379', 'redis://host:6379'],
    ['redis://127.0.0.1:6392/?password=s3cretpw', 'redis://127.0.0.1:6392/?password=***'],
    ['rediss://h:6380/1?username=default&password=s3cretpw&family=6', 'rediss://h:6380/1?username=***&password=***&family=***'],
    ['redis://:pw@h:1/0?password=s3cretpw#s3cretpw', 'redis://:***@h:1/0?password=***#***'],
    ['/tmp/redis.sock?db=2&password=s3cretpw', '/tmp/redis.sock?db=***&password=***'],
    // A password with an unencoded "?" or "#": the URL cannot be parsed, and no part of it shows.
    ['redis://:s3cr?etpw@h:1', 'redis://***@h:1'],
    ['redis://:s3cr#etpw@h:1?password=s3cretpw', 'redis://***@h:1?password=***'],
  ])('%s → %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });
});

describe('isSupportedRedisVersion', () => {
  it.each([
    ['7.0.15', true],
    ['6.2.0', true],
    ['6.2.14', true],
    ['6.0.20', false],
    ['5.0.7', false],
    ['10.0.0', true],
    ['6.10.0', true],
    [undefined, true],
    ['unknown', true],
  ])('%s → %s', (version, ok) => {
    expect(isSupportedRedisVersion(version)).toBe(ok);
  });
});

describe('eviction policy check', () => {
  it.skipIf(!hasRedisServer)('warns when Redis may evict queued jobs, and is quiet under noeviction', async () => {
    const spawned = await ensureRedis({ env: {}, probeDefault: false });
    const lines: { msg?: string; maxmemoryPolicy?: string; level?: number }[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const admin = createRedisConnection(spawned.url);
    try {
      await ensureRedis({ url: spawned.url, log });
      expect(lines.filter((l) => l.maxmemoryPolicy !== undefined)).toEqual([]);

      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      await ensureRedis({ url: spawned.url, log });
      const warnings = lines.filter((l) => l.maxmemoryPolicy !== undefined);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ maxmemoryPolicy: 'allkeys-lru', level: 40 });
      expect(warnings[0]?.msg).toContain('noeviction');
    } finally {
      admin.disconnect();
      await spawned.stop();
    }
  });
});

describe('createRedisConnection', () => {
  it('gives BullMQ-ready connections: a worker on it processes a job', async () => {
    const prefix = uniquePrefix('redis-connection-bullmq');
    const producer = createRedisConnection(testRedisUrl());
    const consumer = createRedisConnection(testRedisUrl(), { forWorker: true });
    expect(producer.options.maxRetriesPerRequest).toBeNull();
    expect(consumer.options.maxRetriesPerRequest).toBeNull();
    const queue = new Queue('probe', { connection: producer, prefix });
    const done = new Promise<unknown>((resolve, reject) => {
      const worker = new Worker('probe', async (job) => ({ doubled: (job.data as { n: number }).n * 2 }), { connection: consumer, prefix });
      worker.on('completed', (_job, result) => void worker.close().then(() => resolve(result), reject));
      worker.on('failed', (_job, err) => reject(err));
    });
    try {
      await queue.add('double', { n: 21 });
      expect(await done).toEqual({ doubled: 42 });
    } finally {
      await queue.close();
      await cleanupPrefix(producer, prefix);
      producer.disconnect();
      consumer.disconnect();
    }
  });
});
