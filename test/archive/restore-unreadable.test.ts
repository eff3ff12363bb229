/**
 * Restoring from an archive that has suffered: a story whose newest snapshot cannot be read still
 * gets every archived version number back, so its next edit never lands on an archived key, and
 * its feed entry and content hash come from the newest version that still reads cleanly.
 * Real Redis and s3rver; the damage is done the way it happens (bytes changed under the old
 * checksum, a snapshot that is not an article, an object lost).
 */
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNinjs } from '../../src/archive/ninjs.js';
import { restoreFromArchive, type RestoreReport } from '../../src/archive/restore.js';
import { readSnapshot, snapshotKeys, writeSnapshot } from '../../src/archive/snapshots.js';
import { ArticleStore } from '../../src/feeds/article-store.js';
import { RedisStoryStore } from '../../src/workers/story-store.js';
import type { Article } from '../../src/shared/article.js';
import { makeArticle } from '../support/articles.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';
import { testS3 } from '../support/s3.js';

const FIRST_CREATED = '2026-11-27T06:30:00Z';
const s3 = testS3();
const redis = testRedis();
const prefix = uniquePrefix('restore-unreadable');
let bucket: string;

function version(id: string, n: number): Article {
  return makeArticle({ id, version: n, contentHash: `${id}-h${n}`, headline: `${id} v${n}`, firstCreated: FIRST_CREATED, versionCreated: `2026-11-27T0${6 + n}:00:00Z` });
}

/** Bit rot: other bytes under the key, the old checksum kept. */
async function rot(key: string): Promise<void> {
  await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: '{"truncated":', Metadata: { sha256: 'deadbeef' } }));
}

const stories = () => new RedisStoryStore(redis, prefix);
const feeds = () => new ArticleStore(redis, { prefix, feedLength: 100 });
let report: RestoreReport;

beforeAll(async () => {
  bucket = await s3.newBucket('restore-unreadable');
  for (const a of [version('rotten-latest', 1), version('rotten-latest', 2), version('not-article', 1), version('not-article', 2), version('all-rotten', 1), version('lost-json', 1), version('lost-json', 2)]) {
    await writeSnapshot(s3.client, bucket, a, toNinjs(a));
  }
  await rot(snapshotKeys(version('rotten-latest', 2)).article);
  await rot(snapshotKeys(version('all-rotten', 1)).article);
  // A checksum-valid snapshot that is not an article: it reads, but fails the article schema.
  const notArticle = version('not-article', 2);
  await writeSnapshot(s3.client, bucket, { ...notArticle, headline: 42 } as unknown as Article, toNinjs(notArticle));
  // v2's article JSON is lost, its ninjs twin is still there.
  await s3.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: snapshotKeys(version('lost-json', 2)).article }));

  report = await restoreFromArchive({ s3: s3.client, bucket, store: feeds(), stories: stories(), days: 3, now: new Date('2026-11-28T00:00:00Z') });
});
afterAll(async () => {
  await cleanupPrefix(redis, prefix);
  await redis.quit();
  await s3.cleanup();
});

describe('restoring stories whose newest snapshot cannot be read', () => {
  it('restores every story and reports each unreadable snapshot', () => {
    expect(report).toMatchObject({ stories: 4, versions: 7, listed: 3 });
    expect(report.failed.map((f) => [f.key, f.code])).toEqual([
      [snapshotKeys(version('all-rotten', 1)).article, 'SNAPSHOT_CORRUPT'],
      [snapshotKeys(version('not-article', 2)).article, 'INVALID_ARTICLE'],
      [snapshotKeys(version('rotten-latest', 2)).article, 'SNAPSHOT_CORRUPT'],
    ]);
  });

  it('numbers the next edit after the unreadable version, so the archived v1 is never overwritten', async () => {
    const v1 = version('rotten-latest', 1);
    const next = await stories().recordVersion(v1.id, 'rotten-latest-h3', '2026-11-28T09:00:00Z');
    expect(next).toEqual({ version: 3, isNew: true, firstCreated: FIRST_CREATED });
    const v3 = { ...v1, version: next.version, contentHash: 'rotten-latest-h3', headline: 'Third edit' };
    await writeSnapshot(s3.client, bucket, v3, toNinjs(v3));
    expect(await readSnapshot(s3.client, bucket, snapshotKeys(v1).article)).toMatchObject({ headline: 'rotten-latest v1' });
    expect((await stories().recordVersion('not-article', 'not-article-h3', '2026-11-28T09:00:00Z')).version).toBe(3);
  });

  it('recognises a re-send of the newest readable version under its own number', async () => {
    // v1 was published: its re-send is nothing new, and keeps version 1 (not the unreadable v2's number).
    expect(await stories().recordVersion('not-article', 'not-article-h1', '2026-11-28T09:00:00Z')).toEqual({ version: 1, isNew: false, firstCreated: FIRST_CREATED });
  });

  it('lists the newest readable version in the feed', async () => {
    expect((await feeds().get('rotten-latest'))?.headline).toBe('rotten-latest v1');
    expect((await feeds().get('not-article'))?.version).toBe(1);
    expect(await feeds().get('all-rotten')).toBeNull();
  });

  it('keeps a story with no readable version in its archive folder and numbered after it', async () => {
    const next = await stories().recordVersion('all-rotten', 'all-rotten-h2', '2026-11-29T00:00:00Z');
    expect(next.version).toBe(2);
    // No snapshot could give the exact time, so the folder's day stands in: the same folder.
    expect(snapshotKeys({ id: 'all-rotten', ...next })).toEqual(snapshotKeys(version('all-rotten', 2)));
  });

  it('counts a version whose only remaining object is its ninjs rendering', async () => {
    expect((await stories().recordVersion('lost-json', 'lost-json-h3', '2026-11-28T09:00:00Z')).version).toBe(3);
    // v1 is the newest version with an article JSON to list.
    expect((await feeds().get('lost-json'))?.version).toBe(1);
  });
});
