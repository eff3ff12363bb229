/**
 * The outside services a running pipeline needs: Redis (found or started) and S3 (configured or
 * embedded). Start-up order and clean shutdown live here so `start`, `ingest` and the tests agree.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Redis } from 'ioredis';
import { createS3Client } from '../archive/s3-client.js';
import { startEmbeddedS3 } from '../archive/embedded-s3.js';
import { embeddedS3Settings } from '../archive/embedded-s3.js';
import type { Config } from '../shared/config.js';
import { PermanentError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { createRedisConnection, ensureRedis, redactUrl, redisAnswers, type RedisHandle } from '../shared/redis.js';

export interface Services {
  redisUrl: string;
  /** True when this process started a private redis-server (it goes away with the process). */
  redisStarted: boolean;
  redis: Redis;
  s3: S3Client;
  bucket: string;
  /** Human description of where snapshots go, for the start banner. */
  archiveLocation: string;
  /**
   * Environment that points another wirepipe process at these same services: the Redis found or
   * started here, and the embedded S3 server when there is one (a configured S3 is already in the env).
   */
  joinEnv: Record<string, string>;
  close(): Promise<void>;
}

/** The bucket the embedded S3 server creates. */
export const EMBEDDED_BUCKET = 'wirepipe-archive';

/** Finds or starts Redis; connects S3 (S3_ENDPOINT/S3_BUCKET or AWS's chain) or starts s3rver. */
export async function connectServices(
  config: Config,
  log: Logger,
  opts: { withS3?: boolean; spawnRedis?: boolean } = {},
): Promise<Services> {
  const redisHandle = opts.spawnRedis === false && !config.redisUrl ? await existingLocalRedis() : await ensureRedis({ ...(config.redisUrl ? { url: config.redisUrl } : {}), log });
  const redis = createRedisConnection(redisHandle.url);
  const closers: (() => Promise<unknown>)[] = [
    async () => {
      // QUIT is not auto-pipelined and would overtake commands still queued behind a pipeline:
      // a PING answered means everything queued before it was answered too.
      await redis.ping().catch(() => undefined);
      return redis.quit();
    },
    () => redisHandle.stop(),
  ];
  let s3: S3Client;
  let bucket: string;
  let archiveLocation: string;
  let archiveEnv: Record<string, string> = {};
  if (opts.withS3 === false) {
    s3 = createS3Client({ endpoint: null, bucket: 'unused', region: config.s3.region, forcePathStyle: false });
    bucket = 'unused';
    archiveLocation = '(no archive)';
  } else {
    const archive = await connectArchive(config).catch(async (err: unknown) => {
      // A bad S3 setting must not leave Redis connections (or a started redis-server) behind.
      for (const close of closers) await close().catch(() => undefined);
      throw err;
    });
    closers.unshift(() => archive.close());
    s3 = archive.s3;
    bucket = archive.bucket;
    archiveLocation = archive.location;
    archiveEnv = archive.joinEnv;
  }
  log.info({ redis: redactUrl(redisHandle.url), startedRedis: redisHandle.started }, 'redis ready');
  return {
    redisUrl: redisHandle.url,
    redisStarted: redisHandle.started,
    redis,
    s3,
    bucket,
    archiveLocation,
    joinEnv: { REDIS_URL: redisHandle.url, ...archiveEnv },
    async close() {
      s3.destroy();
      for (const close of closers) await close().catch(() => undefined);
    },
  };
}

/**
 * For commands that talk to a running pipeline (ingest, failed): a private Redis started now would
 * be empty and die with the command, so only an existing one will do.
 */
async function existingLocalRedis(): Promise<RedisHandle> {
  const url = 'redis://127.0.0.1:6379';
  if (!(await redisAnswers(url))) {
    throw new PermanentError(
      'REDIS_UNAVAILABLE',
      `no Redis answers at ${url}: set REDIS_URL to the Redis of the running pipeline (\`wirepipe start\` prints it).`,
    );
  }
  return { url, started: false, stop: async () => undefined };
}

/** Just the archive, for commands that read it: the configured S3, or the embedded one's files. */
export async function connectArchive(config: Config): Promise<{ s3: S3Client; bucket: string; location: string; joinEnv: Record<string, string>; close(): Promise<void> }> {
  // loadConfig refuses S3_ENDPOINT without S3_BUCKET, so a configured S3 always has its bucket here.
  if (config.s3.bucket) {
    const s3 = createS3Client({ endpoint: config.s3.endpoint ?? null, bucket: config.s3.bucket, region: config.s3.region, forcePathStyle: config.s3.forcePathStyle });
    return { s3, bucket: config.s3.bucket, location: `s3://${config.s3.bucket}/articles/ (${config.s3.endpoint ?? 'AWS'})`, joinEnv: {}, close: async () => s3.destroy() };
  }
  const embedded = await startEmbeddedS3({ directory: config.s3.embeddedDir, bucket: EMBEDDED_BUCKET });
  const settings = embeddedS3Settings(embedded);
  const s3 = createS3Client(settings);
  return {
    s3,
    bucket: embedded.bucket,
    joinEnv: {
      S3_ENDPOINT: embedded.endpoint,
      S3_BUCKET: embedded.bucket,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_ACCESS_KEY_ID: settings.accessKeyId ?? '',
      AWS_SECRET_ACCESS_KEY: settings.secretAccessKey ?? '',
    },
    location: `s3://${embedded.bucket}/articles/ on the embedded S3 server ${embedded.endpoint}, files under ${embedded.directory}`,
    async close() {
      s3.destroy();
      await embedded.stop();
    },
  };
}
