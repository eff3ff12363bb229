/** Starts a whole pipeline (queues, workers, feed server, S3 archive) on the test services, isolated by prefix and bucket. */
import { loadConfig, type Config } from '../../src/shared/config.js';
import { silentLogger } from '../../src/shared/logger.js';
import { connectServices, type Services } from '../../src/app/services.js';
import { startPipeline, type Pipeline, type PipelineOptions } from '../../src/app/pipeline.js';
import { cleanupPrefix, uniquePrefix } from './redis-prefix.js';
import { testS3, type TestS3 } from './s3.js';
import { service } from './services.js';

export interface PipelineHarness {
  config: Config;
  services: Services;
  pipeline: Pipeline;
  s3: TestS3;
  bucket: string;
  stop(): Promise<void>;
}

/** A pipeline with `env` overrides (TOPOLOGY, ...) on a fresh prefix and bucket. */
export async function startTestPipeline(name: string, env: Record<string, string> = {}, opts: PipelineOptions = {}): Promise<PipelineHarness> {
  const s3 = testS3();
  const bucket = await s3.newBucket(name);
  const config = loadConfig({
    ...process.env,
    REDIS_URL: service('REDIS_URL'),
    S3_ENDPOINT: service('S3_ENDPOINT'),
    S3_BUCKET: bucket,
    S3_FORCE_PATH_STYLE: 'true',
    WIREPIPE_PREFIX: uniquePrefix(name),
    PORT: '0',
    HOST: '127.0.0.1',
    JOB_BACKOFF_MS: '20',
    JOB_ATTEMPTS: '3',
    ...env,
  });
  const services = await connectServices(config, silentLogger());
  const pipeline = await startPipeline(config, services, silentLogger(), opts);
  return {
    config,
    services,
    pipeline,
    s3,
    bucket,
    async stop() {
      await pipeline.close();
      await cleanupPrefix(services.redis, config.prefix);
      await services.close();
      await s3.cleanup();
    },
  };
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Waits until every queue of the pipeline has no waiting, active or delayed job. */
export async function drained(pipeline: Pipeline, timeoutMs = 15_000): Promise<void> {
  await eventually(async () => {
    for (const q of pipeline.queues.queues) {
      const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if ((c['waiting'] ?? 0) + (c['active'] ?? 0) + (c['delayed'] ?? 0) + (c['prioritized'] ?? 0) > 0) return undefined;
    }
    return true;
  }, timeoutMs, 'queues to drain');
}
