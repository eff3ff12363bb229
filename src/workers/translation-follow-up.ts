/**
 * Follow-up translations: targets that failed for a passing reason (a provider outage, a rate
 * limit past the story's budget) are retried here, after the story went out without them. The
 * result is attached to the same version (translations are not content) in the feeds and the
 * archive. A newer version supersedes the job: it gets its own translations.
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { S3Client } from '@aws-sdk/client-s3';
import { toNinjs } from '../archive/ninjs.js';
import { writeSnapshot } from '../archive/snapshots.js';
import type { ArticleStore } from '../feeds/article-store.js';
import type { Article } from '../shared/article.js';
import type { DeadLetters } from '../shared/dead-letters.js';
import { RetryableError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { bullConnection, bullPrefix } from '../shared/queues.js';
import { recordExhaustedJobs } from './start-workers.js';
import { followUpJobId, type FollowUpPlan } from '../translation/attach.js';
import { translateAndAttach } from '../translation/translate-and-attach.js';
import { mayTranslate } from '../translation/may-translate.js';
import type { StageTranslation } from '../translation/stage-translation.js';

export const FOLLOW_UP_QUEUE = 'translation-follow-up';
/** The first retry's wait after a follow-up attempt failed (then doubling). */
const FOLLOW_UP_BACKOFF_MS = 60_000;

interface FollowUpJob {
  id: string;
  version: number;
  langs: string[];
}

export interface FollowUpDeps {
  redisUrl: string;
  prefix: string;
  store: ArticleStore;
  archive: { s3: S3Client; bucket: string } | null;
  translation: Omit<StageTranslation, 'scheduleFollowUp'>;
  deadLetters: DeadLetters;
  log: Logger;
  /** Start a worker in this process (default true). */
  work?: boolean;
}

export interface FollowUps {
  schedule(article: Article, plan: FollowUpPlan): Promise<void>;
  queue: Queue;
  close(): Promise<void>;
}

/** Opens the follow-up queue (and its worker). */
export function startTranslationFollowUps(deps: FollowUpDeps): FollowUps {
  const connection = bullConnection(deps.redisUrl);
  const prefix = bullPrefix(deps.prefix);
  const queue = new Queue(FOLLOW_UP_QUEUE, { connection, prefix });

  async function process(job: Job<FollowUpJob>): Promise<string> {
    const { id, version, langs } = job.data;
    const current = await deps.store.get(id);
    // Its version not published yet (the story, or this newer version of it, is still on its way):
    // try again later. Translating the older stored version would attach to the wrong text.
    if (!current || current.version < version) throw new RetryableError('STAGE_FAILED', `story ${id} v${version} is not published yet`);
    if (current.version > version) return 'superseded';
    // Its embargo moved later, or it was withheld since: not for a third party yet.
    const gate = mayTranslate(current, new Date());
    if (!gate.ok) {
      if (gate.retryInMs === null) return `held back: ${gate.reason}`;
      throw new RetryableError('STAGE_FAILED', `story ${id} is ${gate.reason}`);
    }
    const { article, result } = await translateAndAttach(current, { ...deps.translation, targets: langs, now: () => new Date(), log: deps.log });
    if (result.translations.length > 0) {
      if (deps.archive) await writeSnapshot(deps.archive.s3, deps.archive.bucket, article, toNinjs(article));
      await deps.store.save(article);
    }
    const again = result.failed.filter((f) => f.retryable);
    if (again.length > 0) throw new RetryableError('STAGE_FAILED', `translation into ${again.map((f) => f.lang).join(', ')} failed again`);
    return `translated: ${result.translations.map((t) => t.lang).join(', ') || 'none'}`;
  }

  const worker =
    deps.work === false
      ? null
      : new Worker<FollowUpJob>(FOLLOW_UP_QUEUE, process, { connection, prefix, concurrency: 4 });
  if (worker) recordExhaustedJobs(worker, FOLLOW_UP_QUEUE, deps.deadLetters, deps.log);
  worker?.on('error', (err) => deps.log.error({ err }, 'translation follow-up worker error'));

  return {
    queue,
    async schedule(article, plan) {
      await queue.add(
        article.id,
        { id: article.id, version: article.version, langs: plan.langs },
        {
          jobId: followUpJobId(article.id, article.version),
          delay: plan.delayMs,
          attempts: 6,
          // Retries back off from a minute, whatever the first wait was (an embargo's hours).
          backoff: { type: 'exponential', delay: Math.min(plan.delayMs, FOLLOW_UP_BACKOFF_MS), jitter: 0.5 },
          removeOnComplete: { age: 3600 },
          removeOnFail: { count: 10_000 },
        },
      );
    },
    async close() {
      await worker?.close();
      await queue.close();
    },
  };
}
