/** Per-test isolation on the shared s3rver: a configured client and fresh buckets, removed afterwards. */
import { randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import { embeddedS3Settings } from '../../src/archive/embedded-s3.js';
import { createS3Client, type S3Settings } from '../../src/archive/s3-client.js';
import { service } from './services.js';

export interface TestS3 {
  client: S3Client;
  /** Settings for the run's shared bucket; spread with `bucket:` to point at a fresh one. */
  settings: S3Settings;
  /** Creates a bucket no other test uses (lowercase, DNS-safe) and returns its name. */
  newBucket(label?: string): Promise<string>;
  /** Marks a bucket made elsewhere (by the test itself) for cleanup. */
  track(bucket: string): void;
  /** Empties and deletes every bucket made by newBucket, then closes the client. */
  cleanup(): Promise<void>;
}

const UNSAFE = /[^a-z0-9]+/g;

/** A client for the run's s3rver and a maker of fresh buckets. */
export function testS3(): TestS3 {
  const settings = embeddedS3Settings({ endpoint: service('S3_ENDPOINT'), bucket: service('S3_BUCKET') });
  const client = createS3Client(settings);
  const made: string[] = [];
  return {
    client,
    settings,
    async newBucket(label = 'test') {
      const slug = label.toLowerCase().replace(UNSAFE, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'test';
      const name = `t-${slug}-${randomBytes(4).toString('hex')}`;
      await client.send(new CreateBucketCommand({ Bucket: name }));
      made.push(name);
      return name;
    },
    track(bucket) {
      made.push(bucket);
    },
    async cleanup() {
      for (const bucket of made.splice(0)) await emptyAndDelete(client, bucket);
      client.destroy();
    },
  };
}

async function emptyAndDelete(client: S3Client, bucket: string): Promise<void> {
  for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket })) {
    // One by one keeps this independent of how each server treats DeleteObjects checksums; test buckets are small.
    for (const object of page.Contents ?? []) {
      if (object.Key !== undefined) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key }));
    }
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
}
