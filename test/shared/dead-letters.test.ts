/** The dead-letter stream on the real test Redis: what is kept, and what was ever written. */
import { afterAll, describe, expect, it } from 'vitest';
import { DeadLetters } from '../../src/shared/dead-letters.js';
import { PermanentError } from '../../src/shared/errors.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

const redis = testRedis();
const prefix = uniquePrefix('dead-letters');
afterAll(async () => {
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});

describe('DeadLetters', () => {
  it('lists the newest first with code and reason, and counts every letter ever written even after trimming', async () => {
    const letters = new DeadLetters(redis, prefix);
    expect(await letters.totalAdded()).toBe(0);
    for (let i = 0; i < 3; i++) await letters.add('ingest', `job-${i}`, new PermanentError('EMPTY_STORY', `story ${i} is empty`), { n: i });
    const newest = await letters.list(2);
    expect(newest.map((l) => [l.jobId, l.code, JSON.parse(l.data).n])).toEqual([
      ['job-2', 'EMPTY_STORY', 2],
      ['job-1', 'EMPTY_STORY', 1],
    ]);
    await redis.xtrim(letters.key, 'MAXLEN', 1);
    expect(await letters.count()).toBe(1);
    expect(await letters.totalAdded()).toBe(3);
  });
});
