import { createServer } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { redisAnswers } from '../../src/shared/redis.js';
import { cleanupPrefix, freePort, testRedis, uniquePrefix } from './index.js';

describe('global setup', () => {
  it('provides the services to inject() and to process.env alike', async () => {
    const url = inject('REDIS_URL');
    expect(url).toMatch(/^rediss?:\/\//);
    expect(process.env['REDIS_URL']).toBe(url);
    expect(await redisAnswers(url)).toBe(true);
    expect(process.env['S3_ENDPOINT']).toBe(inject('S3_ENDPOINT'));
    expect(process.env['S3_BUCKET']).toBe(inject('S3_BUCKET'));
    const res = await fetch(`${inject('S3_ENDPOINT')}/${inject('S3_BUCKET')}`, { method: 'HEAD' });
    // Unsigned: s3rver answers (403 without credentials), which proves it is up on that port.
    expect([200, 403]).toContain(res.status);
  });
});

describe('uniquePrefix', () => {
  it('is fresh per call and safe for WIREPIPE_PREFIX / BullMQ', () => {
    const a = uniquePrefix('Tin tức: Hà Giang / normalize');
    const b = uniquePrefix('Tin tức: Hà Giang / normalize');
    expect(a).not.toBe(b);
    for (const p of [a, b, uniquePrefix(''), uniquePrefix('***')]) expect(p).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('cleanupPrefix', () => {
  const redis = testRedis();
  afterAll(() => redis.disconnect());

  it('deletes every key under the prefix (across SCAN pages) and nothing else', async () => {
    const mine = uniquePrefix('cleanup-mine');
    const other = uniquePrefix('cleanup-other');
    const neighbour = `${mine}x`; // shares the text but is not under `${mine}:`
    const pipeline = redis.pipeline();
    for (let i = 0; i < 1_200; i++) pipeline.set(`${mine}:k:${i}`, '1');
    pipeline.hset(`${mine}:queue:meta`, 'a', '1');
    pipeline.set(mine, 'root');
    pipeline.set(`${other}:k`, '1');
    pipeline.set(neighbour, '1');
    await pipeline.exec();

    expect(await cleanupPrefix(redis, mine)).toBe(1_202);
    expect(await redis.exists(mine, `${mine}:k:0`, `${mine}:k:1199`, `${mine}:queue:meta`)).toBe(0);
    expect(await redis.exists(`${other}:k`, neighbour)).toBe(2);
    expect(await cleanupPrefix(redis, mine)).toBe(0);
    await redis.del(`${other}:k`, neighbour);
  });

  it('treats glob characters in a prefix literally', async () => {
    const base = uniquePrefix('glob');
    await redis.set(`${base}*:a`, '1');
    await redis.set(`${base}z:a`, '1');
    expect(await cleanupPrefix(redis, `${base}*`)).toBe(1);
    expect(await redis.exists(`${base}z:a`)).toBe(1);
    await redis.del(`${base}z:a`);
  });
});

describe('freePort', () => {
  it('returns a loopback port that can be bound', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
