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
  /** Failed jobs that could not be moved (locked, removed meanwhile), with the reason. */
  skipped: { queue: string; jobId: string; reason: string }[];
}

const PAGE = 1000;
/**
 * Retries sent at once. One at a time, each retry waited for its own round trips, and behind
 * workers busy with the retried jobs that made a replay of 300 stories take several seconds
 * (bench: replay); the retry script checks the job is still failed, so no read is needed first.
 */
const IN_FLIGHT = 50;
const FRESH_ATTEMPTS = { resetAttemptsMade: true, resetAttemptsStarted: true } as const;

/**
 * The jobs in `queue`'s failed set, read page by page oldest first (new failures land at the end,
 * so pages do not shift under the reader), each once.
 */
async function failedJobs(queue: Queue): Promise<Job[]> {
  const jobs = new Map<string, Job>();
  for (let start = 0; ; start += PAGE) {
    const page = await queue.getJobs('failed', start, start + PAGE - 1, true);
    for (const job of page) if (job?.id !== undefined && !jobs.has(job.id)) jobs.set(job.id, job);
    if (page.length < PAGE) return [...jobs.values()];
  }
}

/** Runs `task` on every item, at most `limit` at a time, in order of start. */
async function inBatches<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += limit) await Promise.all(items.slice(i, i + limit).map(task));
}

/**
 * Retries the failed jobs with `jobIds` in any of `queues`, or every job failed at the time of
 * the call when none are given. Each job is retried at most once per call: one that fails again
 * at once (bad input is the usual failure) goes back to the failed set and stays there.
 */
export async function retryFailedJobs(queues: readonly Queue[], jobIds: readonly string[] = []): Promise<RetryResult> {
  const result: RetryResult = { retried: [], notFound: [], skipped: [] };
  const retry = async (queue: Queue, job: Job): Promise<void> => {
    const jobId = job.id as string;
    try {
      await job.retry('failed', FRESH_ATTEMPTS);
      result.retried.push({ queue: queue.name, jobId });
    } catch (err) {
      // Retried or removed by someone else since the list was read, or locked by a worker.
      result.skipped.push({ queue: queue.name, jobId, reason: (err as Error).message });
    }
  };
  if (jobIds.length === 0) {
    for (const queue of queues) {
      // The list is taken first: retrying while reading would meet the same failing job again.
      await inBatches(await failedJobs(queue), IN_FLIGHT, (job) => retry(queue, job));
    }
    return result;
  }
  await inBatches([...new Set(jobIds)], IN_FLIGHT, async (id) => {
    for (const queue of queues) {
      const job = await Job.fromId(queue, id);
      if (!job || !(await job.isFailed())) continue;
      await retry(queue, job);
      return;
    }
    result.notFound.push(id);
  });
  return result;
}
