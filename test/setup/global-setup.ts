/**
 * Vitest global setup: one Redis and one embedded s3rver for the whole run. Tests reach them via
 * `inject('REDIS_URL' | 'S3_ENDPOINT' | 'S3_BUCKET')` or the same names in process.env (set here
 * before the workers fork, so code under test that reads its config from the environment sees them).
 * Each test isolates itself with its own key prefix / bucket (test/support).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EMBEDDED_S3_CREDENTIALS, startEmbeddedS3 } from '../../src/archive/embedded-s3.js';
import { ensureRedis } from '../../src/shared/redis.js';
import './provided-context.js';

const RUN_BUCKET = 'wirepipe-test';

/** Finds or starts Redis, starts s3rver in a temp dir, provides both; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The SDK warns once per process that it will drop Node 20 in 2027; noise in every test run.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

  const redis = await ensureRedis();
  const s3Dir = await mkdtemp(join(tmpdir(), 'wirepipe-s3-'));
  const s3 = await startEmbeddedS3({ directory: s3Dir, bucket: RUN_BUCKET }).catch(async (err: unknown) => {
    await redis.stop();
    await rm(s3Dir, { recursive: true, force: true });
    throw err;
  });

  project.provide('REDIS_URL', redis.url);
  project.provide('S3_ENDPOINT', s3.endpoint);
  project.provide('S3_BUCKET', s3.bucket);
  Object.assign(process.env, {
    REDIS_URL: redis.url,
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_REGION: 'us-east-1',
    S3_FORCE_PATH_STYLE: 'true',
    // Tests must talk to s3rver even on a machine that has real AWS credentials in its environment.
    AWS_ACCESS_KEY_ID: EMBEDDED_S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMBEDDED_S3_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
  });
  delete process.env['AWS_SESSION_TOKEN'];
  delete process.env['AWS_PROFILE'];

  return async () => {
    await s3.stop();
    await redis.stop();
    await rm(s3Dir, { recursive: true, force: true });
  };
}
