/**
 * The benchmark's Redis: found or started once per run (never flushed), with a unique key prefix
 * per scenario that is removed afterwards (SCAN + UNLINK), so a bench can share a Redis with tests.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createRedisConnection, ensureRedis, type RedisHandle } from '../../src/shared/redis.js';

const SCAN_COUNT = 1000;
const GLOB_SPECIAL = /[*?[\]\\]/g;

export interface BenchRedis {
  url: string;
  /** A plain client for the harness itself (polling, cleanup, INFO). */
  client: Redis;
  version: string;
  close(): Promise<void>;
}

/** Finds or starts Redis (REDIS_URL, 127.0.0.1:6379, or a spawned redis-server). */
export async function openBenchRedis(): Promise<BenchRedis> {
  const handle: RedisHandle = await ensureRedis();
  const client = createRedisConnection(handle.url);
  const info = await client.info('server');
  const version = /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown';
  return {
    url: handle.url,
    client,
    version,
    async close() {
      await client.quit().catch(() => undefined);
      await handle.stop();
    },
  };
}

/** A prefix no other run uses, e.g. `bench-fused-1a2b3c4d`, valid as WIREPIPE_PREFIX and BullMQ prefix. */
export function benchPrefix(name: string): string {
  return `bench-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(4).toString('hex')}`;
}

/** Removes `prefix` and every `prefix:*` key; returns how many keys went. */
export async function cleanupPrefix(redis: Redis, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(GLOB_SPECIAL, (c) => `\\${c}`)}:*`;
  let deleted = await redis.unlink(prefix);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
