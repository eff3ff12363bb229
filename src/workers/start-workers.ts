/** Starts one BullMQ worker per stage group of the topology, in this process. */
import { Worker, type Job } from 'bullmq';
import { bullConnection, bullPrefix, type PipelineQueues } from '../shared/queues.js';
import type { DeadLetters } from '../shared/dead-letters.js';
import type { Logger } from '../shared/logger.js';
import { DeadLetteredError, createGroupProcessor } from './bullmq-adapter.js';
import { PermanentError } from '../shared/errors.js';
import type { StageTimer } from './run-stages.js';
import type { StageContext } from './stage.js';
import type { StageSet } from './stages.js';

/**
 * Writes a dead letter for every job of `worker` that failed for good: its retries ran out, or
 * BullMQ itself gave up on it (a job whose worker process crashed or hung while running it, more
 * often than allowed, fails without our processor running). Permanent failures the adapter has
 * recorded where they were thrown are skipped.
 */
export function recordExhaustedJobs(worker: Worker, where: string, deadLetters: DeadLetters, log: Logger): void {
  worker.on('failed', (job: Job | undefined, err: Error) => {
    if (!job || err instanceof DeadLetteredError) return;
    const givenUp = err.name === 'UnrecoverableError';
    if (!givenUp && job.attemptsMade < (job.opts.attempts ?? 1)) return;
    const reason = givenUp ? new PermanentError('JOB_STALLED', `BullMQ gave the job up: ${err.message}`) : err;
    deadLetters.add(where, job.id ?? null, reason, job.data).catch((e: unknown) => log.error({ err: e, jobId: job.id }, 'could not record a dead letter'));
  });
}

export interface WorkerSettings {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  /**
   * How long a job stays locked to its worker without a renewal (ms); a crashed worker's jobs
   * go back to waiting about this long after the crash. BullMQ's default is 30 s.
   */
  lockMs?: number;
}

const METRICS_MINUTES = 24 * 60;

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/** Starts workers for every queue of `queues`; a job that exhausts its retries becomes a dead letter. */
export function startWorkers(
  settings: WorkerSettings,
  queues: PipelineQueues,
  stages: StageSet,
  ctx: StageContext,
  deadLetters: DeadLetters,
  timer?: StageTimer,
): RunningWorkers {
  const log: Logger = ctx.log;
  const workers = queues.topology.groups.map((group, i) => {
    const processor = createGroupProcessor({
      group,
      next: queues.queues[i + 1] ?? null,
      stages,
      ctx,
      deadLetters,
      ...(timer ? { timer } : {}),
    });
    const worker = new Worker(group.queue, processor, {
      connection: bullConnection(settings.redisUrl),
      prefix: bullPrefix(settings.prefix),
      concurrency: settings.concurrency,
      ...(settings.lockMs !== undefined ? { lockDuration: settings.lockMs, stalledInterval: settings.lockMs } : {}),
      // Jobs completed and failed per minute, for GET /status and /metrics (a day of minutes).
      metrics: { maxDataPoints: METRICS_MINUTES },
    });
    recordExhaustedJobs(worker, group.queue, deadLetters, log);
    worker.on('error', (err) => log.error({ err, queue: group.queue }, 'worker error'));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
