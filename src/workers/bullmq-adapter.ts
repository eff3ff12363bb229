/**
 * The one place that knows both stages and BullMQ: turns a stage group into a BullMQ processor.
 * It validates the job at the boundary, gives the stages a child logger, hands the result to the
 * next queue (batched with other jobs finishing in the same turn, see hand-off.ts), and maps our
 * error taxonomy onto BullMQ's scheduling:
 *   PermanentError   → UnrecoverableError: failed set with code and reason, no retries
 *   RateLimitedError → job delayed by retryAfterMs, the attempt not counted
 *   anything else    → thrown as is: BullMQ retries with exponential backoff and jitter
 */
import { DelayedError, UnrecoverableError, type Job, type Processor, type Queue } from 'bullmq';
import { ArticleSchema, type Article } from '../shared/article.js';
import { RawItemSchema, type RawItem } from '../shared/raw-item.js';
import { PermanentError, RateLimitedError, isPermanent } from '../shared/errors.js';
import type { DeadLetters } from '../shared/dead-letters.js';
import type { StageGroup } from '../shared/topology.js';
import type { Logger } from '../shared/logger.js';
import { runStages, type StageTimer } from './run-stages.js';
import { BatchedHandOff } from './hand-off.js';
import type { StageContext } from './stage.js';
import type { StageSet } from './stages.js';

export interface GroupProcessorDeps {
  group: StageGroup;
  /** The queue of the next group, or null for the last group. */
  next: Queue | null;
  stages: StageSet;
  /** Shared context; the adapter swaps in a child logger per job. */
  ctx: StageContext;
  deadLetters: DeadLetters;
  timer?: StageTimer;
}

/**
 * A permanent failure the adapter has already written as a dead letter: the 'failed' handler
 * (start-workers.ts) must not write it again. BullMQ reads it as its own UnrecoverableError (no
 * retries), by class and by name.
 */
export class DeadLetteredError extends UnrecoverableError {
  constructor(message: string) {
    super(message);
    this.name = 'UnrecoverableError';
  }
}

/** The job id of an article handed to the next queue: one per story version, so a retry re-adds nothing. */
export function articleJobId(article: Article): string {
  return `${article.id}.v${article.version}`;
}

function parseInput(group: StageGroup, data: unknown): RawItem | Article {
  const takesRaw = group.stages[0] === 'normalize';
  const parsed = takesRaw ? RawItemSchema.safeParse(data) : ArticleSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new PermanentError(
    takesRaw ? 'INVALID_RAW_ITEM' : 'INVALID_ARTICLE',
    `job data is not a valid ${takesRaw ? 'raw item' : 'article'}: ${problems.join('; ')}`,
    { problems },
  );
}

function jobLogger(base: Logger, group: StageGroup, job: Job, input: unknown): Logger {
  const data = (input ?? {}) as { sourceId?: unknown; id?: unknown };
  return base.child({
    stage: group.queue,
    jobId: job.id,
    sourceId: typeof data.sourceId === 'string' ? data.sourceId : undefined,
    articleId: typeof data.id === 'string' ? data.id : undefined,
    attempt: job.attemptsMade + 1,
  });
}

/** A BullMQ processor running `deps.group`'s stages on each job. */
export function createGroupProcessor(deps: GroupProcessorDeps): Processor {
  const { group, next, stages, ctx, deadLetters, timer } = deps;
  const handOff = next ? new BatchedHandOff(next) : null;
  return async (job: Job, token?: string) => {
    const log = jobLogger(ctx.log, group, job, job.data);
    try {
      const input = parseInput(group, job.data);
      const article = await runStages(input, group.stages, stages, { ...ctx, log }, timer);
      if (article === null) {
        log.debug('nothing new: dropped by a stage');
        return { outcome: 'dropped' };
      }
      if (handOff) await handOff.add(article.id, article, { jobId: articleJobId(article) });
      log.debug({ version: article.version }, 'stage group done');
      return { outcome: 'passed', id: article.id, version: article.version };
    } catch (err) {
      if (err instanceof RateLimitedError && token) {
        log.warn({ retryAfterMs: err.retryAfterMs }, 'rate limited: job delayed');
        await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
        throw new DelayedError();
      }
      if (isPermanent(err)) {
        const e = err as PermanentError;
        log.warn({ err }, 'permanent failure: job goes to the failed set');
        // The job itself stays in the failed set with its reason even if this write fails.
        await deadLetters.add(group.queue, job.id ?? null, e, job.data).catch((dlErr: unknown) => log.error({ err: dlErr }, 'could not record a dead letter'));
        throw new DeadLetteredError(`${e.code}: ${e.message}`);
      }
      log.warn({ err }, 'stage failed: will retry');
      throw err;
    }
  };
}
