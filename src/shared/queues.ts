/**
 * Queue wiring: one BullMQ queue per stage group of the topology, with the job options that give
 * our error semantics (exponential backoff with jitter for retryable errors; failed jobs kept).
 */
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Topology } from './topology.js';

export interface QueueSettings {
  /** Redis URL; BullMQ opens its own connections from it. */
  redisUrl: string;
  /** Key prefix shared by everything of this pipeline in Redis. */
  prefix: string;
  topology: Topology;
  attempts: number;
  backoffMs: number;
}

/** BullMQ's connection options for our Redis; workers need maxRetriesPerRequest null. */
export function bullConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

/** BullMQ keys live under `{prefix}:q:` so they never meet wirepipe's own keys. */
export function bullPrefix(prefix: string): string {
  return `${prefix}:q`;
}

/** Job options for every stage job. */
export function stageJobOptions(s: Pick<QueueSettings, 'attempts' | 'backoffMs'>): JobsOptions {
  return {
    attempts: s.attempts,
    // Jitter spreads retries of a burst of failures (a source outage) so they don't stampede.
    backoff: { type: 'exponential', delay: s.backoffMs, jitter: 0.5 },
    // Completed jobs are kept an hour so a re-add of the same job id in that window is a no-op;
    // the story store catches later re-sends.
    removeOnComplete: { age: 3600, count: 50_000 },
    // Failed jobs are evidence: kept (bounded) for operators to inspect and retry.
    removeOnFail: { count: 100_000 },
  };
}

/** The pipeline's queues, first (ingest) to last. */
export interface PipelineQueues {
  topology: Topology;
  queues: Queue[];
  /** The queue producers add raw items to. */
  ingest: Queue;
  close(): Promise<void>;
}

/** Opens one queue per stage group. */
export function openPipelineQueues(s: QueueSettings): PipelineQueues {
  const queues = s.topology.groups.map(
    (g) =>
      new Queue(g.queue, {
        connection: bullConnection(s.redisUrl),
        prefix: bullPrefix(s.prefix),
        defaultJobOptions: stageJobOptions(s),
      }),
  );
  const ingest = queues[0];
  if (!ingest) throw new Error('a topology has at least one stage group');
  return {
    topology: s.topology,
    queues,
    ingest,
    async close() {
      await Promise.all(queues.map((q) => q.close()));
    },
  };
}
