/**
 * Re-driving failed jobs, for operators once the cause is fixed (an archive that was down, a
 * bug fixed and deployed): BullMQ keeps failed jobs (bounded) in each queue's failed set; a
 * retry moves them back to waiting with a full set of attempts, from the stage they failed in.
 */
import { Job, type Queue } from 'bullmq';

export interface RetryResult {
  retried: { queue: string; jobId: string }[];
  /** Requested job ids that are in no queue's failed set. */
  notFound: string[];
}

const PAGE = 500;
const FRESH_ATTEMPTS = { resetAttemptsMade: true, resetAttemptsStarted: true } as const;

/** Retries the failed jobs with `jobIds` in any of `queues`, or every failed job when none are given. */
export async function retryFailedJobs(queues: readonly Queue[], jobIds: readonly string[] = []): Promise<RetryResult> {
  const retried: RetryResult['retried'] = [];
  if (jobIds.length === 0) {
    for (const queue of queues) {
      // Retried jobs leave the failed set, so the first page is always the next one; a job that
      // cannot move (locked, gone meanwhile) is skipped so the loop still ends.
      const skipped = new Set<string>();
      for (;;) {
        const page = (await queue.getFailed(0, PAGE + skipped.size - 1)).filter((j) => j?.id !== undefined && !skipped.has(j.id));
        if (page.length === 0) break;
        for (const job of page) {
          const id = job.id as string;
          try {
            await job.retry('failed', FRESH_ATTEMPTS);
            retried.push({ queue: queue.name, jobId: id });
          } catch {
            skipped.add(id);
          }
        }
      }
    }
    return { retried, notFound: [] };
  }
  const notFound: string[] = [];
  for (const id of jobIds) {
    let found = false;
    for (const queue of queues) {
      const job = await Job.fromId(queue, id);
      if (!job || !(await job.isFailed())) continue;
      await job.retry('failed', FRESH_ATTEMPTS);
      retried.push({ queue: queue.name, jobId: id });
      found = true;
      break;
    }
    if (!found) notFound.push(id);
  }
  return { retried, notFound };
}
