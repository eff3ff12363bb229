/**
 * The archive: one immutable JSON object per story version on S3, plus its IPTC ninjs rendering,
 * under deterministic keys so a replay rewrites the same objects instead of adding new ones.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import type { Article } from '../shared/article.js';
import { PermanentError, RetryableError } from '../shared/errors.js';

/** S3 user metadata key (sent as x-amz-meta-sha256): hex SHA-256 of the object's exact bytes. */
export const CHECKSUM_METADATA_KEY = 'sha256';
const CONTENT_TYPE = 'application/json; charset=utf-8';
/** `articles/{yyyy}/{mm}/{dd}/{id}/v{version}.json` or `.ninjs.json`, as snapshotKeys writes them. */
const SNAPSHOT_KEY = /^(articles\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/)v(\d+)(\.ninjs)?\.json$/;

/** What a snapshot key says: its story folder, that folder's day and story id, the version, which twin. */
export interface SnapshotKey {
  folder: string;
  day: string;
  id: string;
  version: number;
  ninjs: boolean;
}

/** The parts of a key snapshotKeys writes, or null for any other key. */
export function parseSnapshotKey(key: string): SnapshotKey | null {
  const m = SNAPSHOT_KEY.exec(key);
  if (!m) return null;
  return { folder: m[1]!, day: `${m[2]}-${m[3]}-${m[4]}`, id: m[5]!, version: Number(m[6]), ninjs: m[7] !== undefined };
}

export interface SnapshotKeys {
  article: string;
  ninjs: string;
}

/** The folder of a story: `articles/{yyyy}/{mm}/{dd}/{id}/`, dated by firstCreated in UTC. */
export function storyPrefix(id: string, firstCreated: string): string {
  const date = new Date(firstCreated);
  if (Number.isNaN(date.getTime())) {
    throw new PermanentError('INVALID_ARTICLE', `firstCreated is not a date: ${firstCreated}`, { id, firstCreated });
  }
  const yyyy = String(date.getUTCFullYear()).padStart(4, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `articles/${yyyy}/${mm}/${dd}/${id}/`;
}

/** `articles/{yyyy}/{mm}/{dd}/{id}/v{version}.json` and the `.ninjs.json` beside it. */
export function snapshotKeys(article: Pick<Article, 'id' | 'version' | 'firstCreated'>): SnapshotKeys {
  const base = `${storyPrefix(article.id, article.firstCreated)}v${article.version}`;
  return { article: `${base}.json`, ninjs: `${base}.ninjs.json` };
}

/** The exact bytes stored for a value: pretty JSON with a final newline, so archivists can diff. */
export function snapshotBytes(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/**
 * Writes the article and its ninjs rendering (content type JSON UTF-8, sha256 of the bytes in
 * metadata). Deterministic bytes under deterministic keys make a rewrite of a version harmless.
 * Any S3 failure becomes RetryableError('S3_WRITE').
 */
export async function writeSnapshot(
  s3: S3Client,
  bucket: string,
  article: Article,
  ninjs: unknown,
): Promise<{ keys: SnapshotKeys }> {
  const keys = snapshotKeys(article);
  const meta = { 'article-id': article.id, 'article-version': String(article.version) };
  await Promise.all([
    putJson(s3, bucket, keys.article, snapshotBytes(article), meta),
    putJson(s3, bucket, keys.ninjs, snapshotBytes(ninjs), meta),
  ]);
  return { keys };
}

async function putJson(s3: S3Client, bucket: string, key: string, body: Buffer, meta: Record<string, string>): Promise<void> {
  const sha256 = createHash('sha256').update(body).digest('hex');
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentType: CONTENT_TYPE,
        Metadata: { ...meta, [CHECKSUM_METADATA_KEY]: sha256 },
      }),
    );
  } catch (err) {
    throw new RetryableError('S3_WRITE', `writing s3://${bucket}/${key} failed: ${(err as Error).message}`, s3Details(err, bucket, key), { cause: err });
  }
}

/**
 * Reads a snapshot, checks its bytes against the sha256 stored in its metadata and returns the
 * parsed JSON. A missing or mismatching checksum, or bytes that are not JSON, is a
 * PermanentError (retrying cannot repair a stored object); transport failures are retryable.
 */
export async function readSnapshot(s3: S3Client, bucket: string, key: string): Promise<unknown> {
  let bytes: Uint8Array;
  let expected: string | undefined;
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!res.Body) throw new Error('empty response body');
    bytes = await res.Body.transformToByteArray();
    expected = res.Metadata?.[CHECKSUM_METADATA_KEY];
  } catch (err) {
    const details = s3Details(err, bucket, key);
    const message = `reading s3://${bucket}/${key} failed: ${(err as Error).message}`;
    if (details['s3Error'] === 'NoSuchKey') throw new PermanentError('S3_READ', message, details, { cause: err });
    throw new RetryableError('S3_READ', message, details, { cause: err });
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (expected === undefined || expected !== actual) {
    throw new PermanentError(
      'SNAPSHOT_CORRUPT',
      expected === undefined
        ? `s3://${bucket}/${key} has no ${CHECKSUM_METADATA_KEY} metadata to verify`
        : `s3://${bucket}/${key} is corrupt: sha256 ${actual} does not match stored ${expected}`,
      { bucket, key, expected: expected ?? null, actual },
    );
  }
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch (err) {
    throw new PermanentError('SNAPSHOT_CORRUPT', `s3://${bucket}/${key} is not JSON: ${(err as Error).message}`, { bucket, key }, { cause: err });
  }
}

/** Keys of every stored version of a story (article JSON, not ninjs), in ascending version order. */
export async function listStoryVersions(s3: S3Client, bucket: string, id: string, firstCreated: string): Promise<string[]> {
  const prefix = storyPrefix(id, firstCreated);
  const found: { key: string; version: number }[] = [];
  try {
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
      for (const object of page.Contents ?? []) {
        const parsed = object.Key === undefined ? null : parseSnapshotKey(object.Key);
        if (parsed !== null && !parsed.ninjs) found.push({ key: object.Key!, version: parsed.version });
      }
    }
  } catch (err) {
    throw new RetryableError('S3_READ', `listing s3://${bucket}/${prefix} failed: ${(err as Error).message}`, s3Details(err, bucket, prefix), { cause: err });
  }
  return found.sort((a, b) => a.version - b.version).map((f) => f.key);
}

function s3Details(err: unknown, bucket: string, key: string): Record<string, unknown> {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return { bucket, key, s3Error: e.name ?? null, httpStatus: e.$metadata?.httpStatusCode ?? null };
}
