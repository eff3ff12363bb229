/** A real pipeline (queues, workers, store) on the bench Redis under its own prefix, without the S3 archive. */
import { connectServices, type Services } from '../../src/app/services.js';
import { startPipeline, type Pipeline } from '../../src/app/pipeline.js';
import { loadConfig, type Config } from '../../src/shared/config.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { StageTimer } from '../../src/workers/run-stages.js';
import { benchPrefix, cleanupPrefix } from './bench-redis.js';

export interface BenchPipelineOptions {
  name: string;
  redisUrl: string;
  topology: string;
  concurrency: number;
  timer?: StageTimer;
  /** Serve HTTP on a free loopback port (default false). */
  http?: boolean;
  /** Items kept per feed; latency polling needs room for every story in flight. */
  feedLength?: number;
  /** Start with the ingest queue paused, so a backlog can be enqueued before the clock starts. */
  paused?: boolean;
  /** Run workers in this process (default true); false gives queues, store and sink only. */
  workers?: boolean;
  /** Join an existing pipeline's keys instead of a fresh prefix (a worker in another process). */
  prefix?: string;
  /** More settings as environment variables (JOB_ATTEMPTS, JOB_BACKOFF_MS, …), over the bench's own. */
  env?: Record<string, string>;
}

export interface BenchPipeline {
  config: Config;
  services: Services;
  pipeline: Pipeline;
  stop(): Promise<void>;
}

/** Starts the pipeline as `npm start` would, minus the archive; `stop()` removes every key it made. */
export async function startBenchPipeline(o: BenchPipelineOptions): Promise<BenchPipeline> {
  const config = loadConfig({
    REDIS_URL: o.redisUrl,
    WIREPIPE_PREFIX: o.prefix ?? benchPrefix(o.name),
    TOPOLOGY: o.topology,
    WORKER_CONCURRENCY: String(o.concurrency),
    FEED_LENGTH: String(o.feedLength ?? 500),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...o.env,
  });
  const log = silentLogger();
  const services = await connectServices(config, log, { withS3: false });
  const pipeline = await startPipeline(config, services, log, {
    archive: false,
    http: o.http ?? false,
    workers: o.workers ?? true,
    ...(o.timer ? { timer: o.timer } : {}),
  });
  if (o.paused) await pipeline.queues.ingest.pause();
  return {
    config,
    services,
    pipeline,
    async stop() {
      await pipeline.close();
      await cleanupPrefix(services.redis, config.prefix);
      await services.close();
    },
  };
}

/** Counts of the queues' failed jobs: a bench whose stories fail measures nothing. */
export async function failedJobs(pipeline: Pipeline): Promise<number> {
  let failed = 0;
  for (const q of pipeline.queues.queues) failed += (await q.getJobCounts('failed'))['failed'] ?? 0;
  return failed;
}
