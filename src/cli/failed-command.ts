/** `wirepipe failed`: prints the newest dead letters, one JSON object per line; `failed retry` re-drives failed jobs. */
import { loadConfig } from '../shared/config.js';
import { DeadLetters } from '../shared/dead-letters.js';
import { createLogger } from '../shared/logger.js';
import { Queue } from 'bullmq';
import { bullConnection, bullPrefix, openPipelineQueues } from '../shared/queues.js';
import { FOLLOW_UP_QUEUE } from '../workers/translation-follow-up.js';
import { connectServices } from '../app/services.js';
import { retryFailedJobs } from '../app/retry-failed.js';

/** Lists up to `count` dead letters; returns the exit code. */
export async function failedCommand(count: number, io: { out: (l: string) => void }): Promise<number> {
  const config = loadConfig();
  const services = await connectServices(config, createLogger('warn'), { withS3: false, spawnRedis: false });
  try {
    for (const letter of await new DeadLetters(services.redis, config.prefix).list(count)) io.out(JSON.stringify(letter));
  } finally {
    await services.close();
  }
  return 0;
}

/**
 * Moves failed jobs (all, or those with `jobIds`) back to waiting with fresh attempts; prints one
 * line per job and a summary. Exit code 1 when a requested id was not a failed job or a job could
 * not be moved.
 */
export async function retryFailedCommand(jobIds: string[], io: { out: (l: string) => void; err: (l: string) => void }): Promise<number> {
  const config = loadConfig();
  const services = await connectServices(config, createLogger('warn'), { withS3: false, spawnRedis: false });
  const queues = openPipelineQueues({ redisUrl: services.redisUrl, prefix: config.prefix, topology: config.topology, attempts: config.attempts, backoffMs: config.backoffMs });
  // Translation follow-ups fail into dead letters too (`wirepipe failed` lists them): retried alike.
  const followUps = new Queue(FOLLOW_UP_QUEUE, { connection: bullConnection(services.redisUrl), prefix: bullPrefix(config.prefix) });
  try {
    const result = await retryFailedJobs([...queues.queues, followUps], jobIds);
    for (const r of result.retried) io.out(JSON.stringify(r));
    for (const id of result.notFound) io.err(`not a failed job in any queue: ${id}`);
    for (const s of result.skipped) io.err(`could not retry ${s.jobId} in ${s.queue}: ${s.reason}`);
    io.out(JSON.stringify({ retried: result.retried.length, notFound: result.notFound.length, skipped: result.skipped.length }));
    return result.notFound.length > 0 || result.skipped.length > 0 ? 1 : 0;
  } finally {
    await followUps.close();
    await queues.close();
    await services.close();
  }
}
