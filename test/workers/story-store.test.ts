/** Both story stores keep the same promises: stable versions per content, atomic numbering, retries not lost. */
import { afterAll, describe, expect, it } from 'vitest';
import type { StoryStore } from '../../src/workers/stage.js';
import { MemoryStoryStore, RedisStoryStore } from '../../src/workers/story-store.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

const redis = testRedis();
const prefixes: string[] = [];
afterAll(async () => {
  for (const p of prefixes) await cleanupPrefix(redis, p);
  await redis.quit();
});

const stores: [string, () => StoryStore][] = [
  ['memory', () => new MemoryStoryStore()],
  [
    'redis',
    () => {
      const prefix = uniquePrefix('story-store');
      prefixes.push(prefix);
      return new RedisStoryStore(redis, prefix);
    },
  ],
];

describe.each(stores)('%s story store', (_name, make) => {
  it('numbers new content 1, 2, ... and keeps the first creation time', async () => {
    const s = make();
    expect(await s.recordVersion('a', 'h1', '2026-01-01T00:00:00Z')).toEqual({ version: 1, isNew: true, firstCreated: '2026-01-01T00:00:00Z' });
    await s.markPublished('a', 1);
    expect(await s.recordVersion('a', 'h2', '2026-01-02T00:00:00Z')).toEqual({ version: 2, isNew: true, firstCreated: '2026-01-01T00:00:00Z' });
  });

  it('reports published content as not new, and unpublished content (a retry) as new again', async () => {
    const s = make();
    await s.recordVersion('b', 'h1', '2026-01-01T00:00:00Z');
    // The job failed after normalize: the retry must still go through.
    expect((await s.recordVersion('b', 'h1', '2026-01-01T00:00:05Z')).isNew).toBe(true);
    await s.markPublished('b', 1);
    expect(await s.recordVersion('b', 'h1', '2026-01-01T00:00:09Z')).toMatchObject({ version: 1, isNew: false });
  });

  it('gives every concurrent new content its own version number', async () => {
    const s = make();
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => s.recordVersion('c', `h${i}`, '2026-01-01T00:00:00Z')));
    expect(decisions.map((d) => d.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('gives a correction the source took back (dated after the newest version) a new version, and a late send of old content its old one', async () => {
    const s = make();
    const dated = (at: string, sourceUpdated = true) => ({ dated: at, sourceUpdated });
    expect(await s.recordVersion('rv', 'A', '2026-01-01T08:00:00Z', dated('2026-01-01T09:00:00Z'))).toEqual({ version: 1, isNew: true, firstCreated: '2026-01-01T08:00:00Z' });
    await s.markPublished('rv', 1);
    expect(await s.recordVersion('rv', 'B', '2026-01-01T08:00:00Z', dated('2026-01-01T10:00:00Z'))).toMatchObject({ version: 2, isNew: true, previousDated: '2026-01-01T09:00:00Z' });
    await s.markPublished('rv', 2);
    // A late or repeated send of A, or one whose time is not the source's `updated`: still version 1.
    expect(await s.recordVersion('rv', 'A', '2026-01-01T08:00:00Z', dated('2026-01-01T09:00:00Z'))).toMatchObject({ version: 1, isNew: false });
    expect(await s.recordVersion('rv', 'A', '2026-01-01T08:00:00Z', dated('2026-01-01T11:00:00Z', false))).toMatchObject({ version: 1, isNew: false });
    expect(await s.recordVersion('rv', 'A', '2026-01-01T08:00:00Z')).toMatchObject({ version: 1, isNew: false });
    // The source dates A after B: A is current again.
    const revert = await s.recordVersion('rv', 'A', '2026-01-01T08:00:00Z', dated('2026-01-01T11:00:00Z'));
    expect(revert).toMatchObject({ version: 3, isNew: true, previousDated: '2026-01-01T10:00:00Z' });
    // Its job retried before publishing gets the same answer; once published, a re-send is dropped.
    expect(await s.recordVersion('rv', 'A', '2026-01-01T08:00:00Z', dated('2026-01-01T11:00:00Z'))).toEqual(revert);
    await s.markPublished('rv', 3);
    expect(await s.recordVersion('rv', 'A', '2026-01-01T08:00:00Z', dated('2026-01-01T11:00:00Z'))).toMatchObject({ version: 3, isNew: false });
  });

  it('brings a text back at most once, so a feed alternating between two texts it dates "now" does not make a version of every poll', async () => {
    const s = make();
    const versions: number[] = [];
    for (let poll = 0; poll < 8; poll++) {
      const d = await s.recordVersion('flap', poll % 2 === 0 ? 'A' : 'B', '2026-01-01T08:00:00Z', { dated: `2026-01-01T09:0${poll}:00Z`, sourceUpdated: true });
      if (d.isNew) await s.markPublished('flap', d.version);
      versions.push(d.version);
    }
    expect(versions).toEqual([1, 2, 3, 4, 3, 4, 3, 4]);
  });

  it('keeps stories apart', async () => {
    const s = make();
    await s.recordVersion('d1', 'same', '2026-01-01T00:00:00Z');
    expect((await s.recordVersion('d2', 'same', '2026-01-01T00:00:00Z')).version).toBe(1);
  });
});

describe('redis story store recorded before versions were dated', () => {
  it('never takes old content for a revert, and gives no previous time it does not know', async () => {
    const prefix = uniquePrefix('story-undated');
    prefixes.push(prefix);
    const s = new RedisStoryStore(redis, prefix);
    // As the store before dating left a story: versions 1 and 2, no dates.
    await redis.hset(`${prefix}:story:old`, 'latest', '2', 'firstCreated', '2026-01-01T09:00:00Z', 'h:A', '1', 'h:B', '2', 'p:1', '1', 'p:2', '1');
    expect(await s.recordVersion('old', 'A', '2026-01-01T09:00:00Z', { dated: '2026-02-01T00:00:00Z', sourceUpdated: true })).toEqual({ version: 1, isNew: false, firstCreated: '2026-01-01T09:00:00Z' });
    expect(await s.recordVersion('old', 'C', '2026-01-01T09:00:00Z', { dated: '2026-02-01T00:00:00Z', sourceUpdated: true })).toEqual({ version: 3, isNew: true, firstCreated: '2026-01-01T09:00:00Z' });
    // From then on it is dated.
    expect(await s.recordVersion('old', 'D', '2026-01-01T09:00:00Z', { dated: '2026-02-02T00:00:00Z', sourceUpdated: true })).toMatchObject({ version: 4, previousDated: '2026-02-01T00:00:00Z' });
  });
});

describe('redis story store restored from the archive', () => {
  it('keeps a restored content hash under the version it was read from, not the latest', async () => {
    const prefix = uniquePrefix('story-restore');
    prefixes.push(prefix);
    const s = new RedisStoryStore(redis, prefix);
    // v2 could not be read; v1 could, and its hash is what comes back.
    await s.restore('r1', '2026-01-01T00:00:00Z', [1, 2], { version: 1, contentHash: 'h1' });
    expect(await s.recordVersion('r1', 'h1', '2026-01-05T00:00:00Z')).toEqual({ version: 1, isNew: false, firstCreated: '2026-01-01T00:00:00Z' });
    expect((await s.recordVersion('r1', 'h3', '2026-01-05T00:00:00Z')).version).toBe(3);
  });
});
