/** `wirepipe archive`: what an archivist runs to pull and verify snapshots. */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWirepipe } from '../support/cli.js';
import { toNinjs } from '../../src/archive/ninjs.js';
import { snapshotBytes, snapshotKeys, writeSnapshot } from '../../src/archive/snapshots.js';
import { makeArticle } from '../support/articles.js';
import { testS3 } from '../support/s3.js';

const s3 = testS3();
let bucket: string;
beforeAll(async () => {
  bucket = await s3.newBucket('archive-cli');
  process.env['S3_BUCKET'] = bucket;
  for (const version of [1, 2]) {
    const a = makeArticle({ id: 'arch-1', version, headline: `Version ${version}` });
    await writeSnapshot(s3.client, bucket, a, toNinjs(a));
  }
});
afterAll(async () => s3.cleanup());


describe('wirepipe archive', () => {
  it('lists, gets and verifies snapshots, and finds a corrupted one', async () => {
    const keys = snapshotKeys(makeArticle({ id: 'arch-1', version: 2 }));
    const listed = await runWirepipe(['archive', 'list']);
    expect(listed.out).toHaveLength(4);
    expect(listed.out).toContain(keys.article);

    const got = await runWirepipe(['archive', 'get', keys.article]);
    expect(got.code).toBe(0);
    expect(JSON.parse(got.out[0]!).headline).toBe('Version 2');

    expect(JSON.parse((await runWirepipe(['archive', 'verify'])).out[0]!)).toEqual({ checked: 4, ok: 4, failed: [] });

    // Overwrite v2 with other bytes but keep its old checksum metadata: bit rot.
    const v2 = makeArticle({ id: 'arch-1', version: 2, headline: 'Version 2' });
    const original = snapshotBytes(v2);
    const { createHash } = await import('node:crypto');
    await s3.client.send(new PutObjectCommand({
      Bucket: bucket, Key: keys.article, Body: snapshotBytes({ ...v2, headline: 'tampered' }),
      Metadata: { sha256: createHash('sha256').update(original).digest('hex') },
    }));
    const verify = await runWirepipe(['archive', 'verify']);
    expect(verify.code).toBe(1);
    const report = JSON.parse(verify.out[0]!);
    expect(report.ok).toBe(3);
    expect(report.failed).toEqual([expect.objectContaining({ key: keys.article, code: 'SNAPSHOT_CORRUPT' })]);
    const bad = await runWirepipe(['archive', 'get', keys.article]);
    expect(bad.code).toBe(1);
  });
});
