/**
 * `verifyArchive` on the real s3rver: an archive is complete only when every version of a story
 * has both its article JSON and its ninjs rendering and the versions run from v1 without a gap.
 */
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNinjs } from '../../src/archive/ninjs.js';
import { snapshotKeys, storyPrefix, writeSnapshot } from '../../src/archive/snapshots.js';
import { verifyArchive } from '../../src/archive/verify-archive.js';
import { makeArticle } from '../support/articles.js';
import { testS3 } from '../support/s3.js';

const s3 = testS3();
let bucket: string;
const story = (id: string, version: number) => makeArticle({ id, version, headline: `${id} v${version}` });

beforeAll(async () => {
  bucket = await s3.newBucket('verify-archive');
  for (const a of [story('whole', 1), story('whole', 2), story('lost-twin', 1), story('gap', 2), story('gap', 3)]) {
    await writeSnapshot(s3.client, bucket, a, toNinjs(a));
  }
  await s3.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: snapshotKeys(story('lost-twin', 1)).ninjs }));
});
afterAll(async () => s3.cleanup());

describe('verifyArchive', () => {
  it('names every object missing from a story folder, a lost twin or a version gap, and nothing else', async () => {
    const report = await verifyArchive(s3.client, bucket, 'articles/');
    expect(report.checked).toBe(9);
    expect(report.ok).toBe(9);
    expect(report.failed.map((f) => [f.key, f.code]).sort()).toEqual([
      [snapshotKeys(story('gap', 1)).article, 'MISSING_OBJECT'],
      [snapshotKeys(story('gap', 1)).ninjs, 'MISSING_OBJECT'],
      [snapshotKeys(story('lost-twin', 1)).ninjs, 'MISSING_OBJECT'],
    ]);
    expect(report.failed.find((f) => f.key === snapshotKeys(story('lost-twin', 1)).ninjs)?.message).toContain(snapshotKeys(story('lost-twin', 1)).article);
    // A complete folder, and a folder the prefix only partly lists, are not reported.
    expect(await verifyArchive(s3.client, bucket, storyPrefix('whole', story('whole', 1).firstCreated))).toEqual({ checked: 4, ok: 4, failed: [] });
    const partial = `${storyPrefix('gap', story('gap', 1).firstCreated)}v3`;
    expect(await verifyArchive(s3.client, bucket, partial)).toEqual({ checked: 2, ok: 2, failed: [] });
  });
});
