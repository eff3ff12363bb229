import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listStoryVersions,
  readSnapshot,
  snapshotBytes,
  snapshotKeys,
  writeSnapshot,
} from '../../src/archive/snapshots.js';
import { ArticleSchema, type Article } from '../../src/shared/article.js';
import { PermanentError, RetryableError } from '../../src/shared/errors.js';
import { testS3 } from '../support/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'articles');
const articles: [string, Article][] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, ArticleSchema.parse(JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')))]);

/** A stand-in ninjs document: the archive stores whatever rendering it is given. */
const ninjsOf = (a: Article): Record<string, unknown> => ({ uri: a.uri, version: String(a.version), headline: a.headline, language: a.language });

async function caught(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('snapshotKeys', () => {
  it.each([
    // The day is the UTC day of firstCreated, not the Vietnamese (UTC+7) day.
    ['2026-08-02T07:30:00+07:00', 1, 'articles/2026/08/02/story-a/v1'],
    ['2026-08-02T03:00:00+07:00', 2, 'articles/2026/08/01/story-a/v2'],
    ['2026-01-01T05:00:00+07:00', 12, 'articles/2025/12/31/story-a/v12'],
    ['2026-12-31T23:59:59Z', 3, 'articles/2026/12/31/story-a/v3'],
    ['2024-02-29T12:00:00.123Z', 1, 'articles/2024/02/29/story-a/v1'],
  ])('%s v%i → %s', (firstCreated, version, base) => {
    expect(snapshotKeys({ id: 'story-a', version, firstCreated })).toEqual({
      article: `${base}.json`,
      ninjs: `${base}.ninjs.json`,
    });
  });

  it('refuses a firstCreated that is not a date', () => {
    expect(() => snapshotKeys({ id: 'x', version: 1, firstCreated: 'yesterday' })).toThrow(PermanentError);
  });
});

describe('snapshots on S3', () => {
  const s3 = testS3();
  let bucket: string;
  beforeAll(async () => {
    bucket = await s3.newBucket('snapshots');
  });
  afterAll(() => s3.cleanup());

  it.each(articles)('%s: writes JSON with a sha256 and reads it back verified', async (_file, article) => {
    const ninjs = ninjsOf(article);
    const { keys } = await writeSnapshot(s3.client, bucket, article, ninjs);
    expect(keys).toEqual(snapshotKeys(article));

    expect(await readSnapshot(s3.client, bucket, keys.article)).toEqual(article);
    expect(await readSnapshot(s3.client, bucket, keys.ninjs)).toEqual(ninjs);

    const got = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: keys.article }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(got.ContentType).toBe('application/json; charset=utf-8');
    // An archivist can verify the object with nothing but sha256sum and the metadata.
    expect(got.Metadata?.['sha256']).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(got.Metadata?.['article-id']).toBe(article.id);
    expect(got.Metadata?.['article-version']).toBe(String(article.version));
    // Readable UTF-8 (Vietnamese letters as themselves), not \u escapes.
    expect(bytes.toString('utf8')).toContain(`"headline": ${JSON.stringify(article.headline)}`);
  });

  it('rewriting the same version leaves the same objects', async () => {
    const [, article] = articles[0]!;
    const story = { ...article, id: 'rewrite-story' };
    const first = await writeSnapshot(s3.client, bucket, story, ninjsOf(story));
    const etag1 = (await s3.client.send(new HeadObjectCommand({ Bucket: bucket, Key: first.keys.article }))).ETag;
    const second = await writeSnapshot(s3.client, bucket, story, ninjsOf(story));
    const etag2 = (await s3.client.send(new HeadObjectCommand({ Bucket: bucket, Key: second.keys.article }))).ETag;
    expect(second.keys).toEqual(first.keys);
    expect(etag2).toBe(etag1);
    const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'articles/' }));
    expect((listed.Contents ?? []).filter((c) => c.Key?.includes('/rewrite-story/'))).toHaveLength(2);
  });

  it('detects a corrupted object and one without a checksum', async () => {
    const [, article] = articles[0]!;
    const story = { ...article, id: 'corrupt-story' };
    const { keys } = await writeSnapshot(s3.client, bucket, story, ninjsOf(story));
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: bucket, Key: keys.article }));
    // Same metadata, one headline changed: what bit rot or a careless hand edit looks like.
    await s3.client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: keys.article,
        Body: snapshotBytes({ ...story, headline: `${story.headline} (edited)` }),
        ContentType: 'application/json; charset=utf-8',
        Metadata: head.Metadata,
      }),
    );
    const corrupt = await caught(readSnapshot(s3.client, bucket, keys.article));
    expect(corrupt).toBeInstanceOf(PermanentError);
    expect((corrupt as Error).message).toMatch(/corrupt: sha256 [0-9a-f]{64} does not match/);
    expect((corrupt as PermanentError).code).toBe('SNAPSHOT_CORRUPT');

    await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: 'articles/unsigned.json', Body: '{}' }));
    const unsigned = await caught(readSnapshot(s3.client, bucket, 'articles/unsigned.json'));
    expect(unsigned).toBeInstanceOf(PermanentError);
    expect((unsigned as Error).message).toContain('no sha256 metadata');
    expect((unsigned as PermanentError).code).toBe('SNAPSHOT_CORRUPT');
  });

  it('a missing key is a permanent error, not a retry loop', async () => {
    const err = await caught(readSnapshot(s3.client, bucket, 'articles/none/v1.json'));
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).details['s3Error']).toBe('NoSuchKey');
    expect((err as PermanentError).code).toBe('S3_READ');
  });

  it('lists a story\'s versions in version order, without ninjs files or other stories', async () => {
    const [, article] = articles[0]!;
    const firstCreated = '2026-08-02T10:15:00+07:00';
    const story = { ...article, id: 'versions-story', firstCreated };
    for (const version of [2, 1, 10]) await writeSnapshot(s3.client, bucket, { ...story, version }, ninjsOf(story));
    // Neighbours that share the day or the id's beginning must not leak into the listing.
    await writeSnapshot(s3.client, bucket, { ...story, id: 'versions-story-2' }, {});
    await writeSnapshot(s3.client, bucket, { ...story, id: 'other-story' }, {});

    expect(await listStoryVersions(s3.client, bucket, 'versions-story', firstCreated)).toEqual([
      'articles/2026/08/02/versions-story/v1.json',
      'articles/2026/08/02/versions-story/v2.json',
      'articles/2026/08/02/versions-story/v10.json',
    ]);
    expect(await listStoryVersions(s3.client, bucket, 'never-written', firstCreated)).toEqual([]);
  });

  it('wraps S3 failures as retryable S3_WRITE errors', async () => {
    const [, article] = articles[0]!;
    const err = await caught(writeSnapshot(s3.client, 'no-such-bucket-wirepipe', article, {}));
    expect(err).toBeInstanceOf(RetryableError);
    expect((err as RetryableError).code).toBe('S3_WRITE');
    expect((err as RetryableError).details).toMatchObject({ bucket: 'no-such-bucket-wirepipe', s3Error: 'NoSuchBucket', httpStatus: 404 });
    const listErr = await caught(listStoryVersions(s3.client, 'no-such-bucket-wirepipe', 'x', article.firstCreated));
    expect(listErr).toBeInstanceOf(RetryableError);
  });
});
