import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client, isThirdPartyEndpoint } from '../../src/archive/s3-client.js';
import { testS3 } from '../support/index.js';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('isThirdPartyEndpoint', () => {
  it.each([
    [null, false],
    ['https://s3.amazonaws.com', false],
    ['https://s3.eu-west-1.amazonaws.com', false],
    ['https://s3.cn-north-1.amazonaws.com.cn', false],
    ['http://127.0.0.1:4568', true],
    ['https://minio.internal.example:9000', true],
    ['https://amazonaws.com.evil.example', true],
  ])('%s → %s', (endpoint, expected) => {
    expect(isThirdPartyEndpoint(endpoint)).toBe(expected);
  });
});

describe('createS3Client', () => {
  it('asks for checksums only when required on non-AWS endpoints, by default on AWS', async () => {
    const local = createS3Client({ endpoint: 'http://127.0.0.1:1', bucket: 'b', region: 'us-east-1', forcePathStyle: true });
    const aws = createS3Client({ endpoint: null, bucket: 'b', region: 'eu-west-1', forcePathStyle: false });
    expect(await local.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    expect(await local.config.responseChecksumValidation()).toBe('WHEN_REQUIRED');
    expect(await aws.config.requestChecksumCalculation()).toBe('WHEN_SUPPORTED');
    expect(await aws.config.region()).toBe('eu-west-1');
    expect(aws.config.forcePathStyle).toBe(false);
    local.destroy();
    aws.destroy();
  });

  it('uses explicit credentials when both halves are given', async () => {
    const client = createS3Client({
      endpoint: 'http://127.0.0.1:1',
      bucket: 'b',
      region: 'us-east-1',
      forcePathStyle: true,
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
    });
    const creds = await client.config.credentials();
    expect(creds).toMatchObject({ accessKeyId: 'AK', secretAccessKey: 'SK' });
    client.destroy();
  });
});

describe('S3 protocol on the embedded s3rver', () => {
  const s3 = testS3();
  let bucket: string;
  beforeAll(async () => {
    bucket = await s3.newBucket('s3-client');
  });
  afterAll(() => s3.cleanup());

  it('puts, gets and heads an object with its content type and metadata', async () => {
    const body = Buffer.from('{"headline":"Hà Giang: Khánh thành cầu"}\n', 'utf8');
    await s3.client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'one/obj.json',
        Body: body,
        ContentType: 'application/json; charset=utf-8',
        Metadata: { sha256: sha(body) },
      }),
    );
    const got = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: 'one/obj.json' }));
    const bytes = await got.Body!.transformToByteArray();
    expect(Buffer.from(bytes).equals(body)).toBe(true);
    expect(got.ContentType).toBe('application/json; charset=utf-8');
    expect(got.Metadata).toEqual({ sha256: sha(body) });
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'one/obj.json' }));
    expect(head.ContentLength).toBe(body.length);
  });

  it('pages listings with continuation tokens (MaxKeys 2 over 5 keys)', async () => {
    const keys = ['page/a', 'page/b', 'page/c', 'page/d', 'page/e'];
    for (const Key of keys) await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }));

    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const res = await s3.client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: 'page/', MaxKeys: 2, ContinuationToken: token }),
      );
      pages.push((res.Contents ?? []).map((c) => c.Key ?? ''));
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
    expect(pages).toEqual([['page/a', 'page/b'], ['page/c', 'page/d'], ['page/e']]);

    const viaPaginator: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3.client, pageSize: 2 }, { Bucket: bucket, Prefix: 'page/' })) {
      viaPaginator.push(...(page.Contents ?? []).map((c) => c.Key ?? ''));
    }
    expect(viaPaginator).toEqual(keys);
  });

  it('stores a streamed upload (Readable body, known length) byte for byte', async () => {
    const payload = randomBytes(3 * 1024 * 1024 + 17);
    const chunks = function* (): Generator<Buffer> {
      for (let at = 0; at < payload.length; at += 64 * 1024 + 3) yield payload.subarray(at, at + 64 * 1024 + 3);
    };
    await s3.client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'stream/blob.bin',
        Body: Readable.from(chunks()),
        ContentLength: payload.length,
      }),
    );
    const got = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: 'stream/blob.bin' }));
    const bytes = await got.Body!.transformToByteArray();
    expect(bytes.length).toBe(payload.length);
    expect(sha(bytes)).toBe(sha(payload));
  });
});
