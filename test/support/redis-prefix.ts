/** Per-test isolation on the shared Redis: a fresh key prefix, and a way to remove everything under it. */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createRedisConnection } from '../../src/shared/redis.js';
import { testRedisUrl } from './services.js';

const UNSAFE = /[^a-z0-9]+/g;
const GLOB_SPECIAL = /[*?[\]\\]/g;
const SCAN_COUNT = 500;

/**
 * A prefix no other test uses, from the [A-Za-z0-9_-] alphabet that WIREPIPE_PREFIX and BullMQ
 * accept, e.g. `t-normalize-story-3fa9c0d1`. Use it as the BullMQ `prefix` and for any own keys.
 */
export function uniquePrefix(name: string): string {
  const label = name.toLowerCase().replace(UNSAFE, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'test';
  return `t-${label}-${randomBytes(4).toString('hex')}`;
}

/** Deletes the key `prefix` and every key `prefix:*` (SCAN + UNLINK, never KEYS); returns how many. */
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

/** A BullMQ-ready connection to the test run's Redis; the caller quits it. */
export function testRedis(opts: { forWorker?: boolean } = {}): Redis {
  return createRedisConnection(testRedisUrl(), opts);
}
