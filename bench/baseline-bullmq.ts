/**
 * Baselines on the same Redis as the pipeline, with the pipeline's own job options and worker
 * concurrency, so a ratio isolates what wirepipe's code adds to BullMQ:
 *   one queue of no-op jobs; a 4-queue chain of no-op jobs carrying 5 KB; 4 no-op functions in one job.
 */
import { Queue, Worker, type Processor } from 'bullmq';
import { bullConnection, stageJobOptions } from '../src/shared/queues.js';
import { benchPrefix, cleanupPrefix } from './lib/bench-redis.js';
import { CompletionClock, measureSized, type Sizing, type Throughput } from './lib/saturation.js';
import { round } from './lib/stats.js';
import type { BenchContext, Scenario, ScenarioResult } from './scenario.js';

const PAYLOAD_BYTES = 5 * 1024;
const ADD_CHUNK = 1000;
/** The pipeline's defaults (JOB_ATTEMPTS, JOB_BACKOFF_MS): retention settings cost Redis work per job. */
const JOB_OPTIONS = stageJobOptions({ attempts: 5, backoffMs: 1000 });

export interface BareRun {
  redisUrl: string;
  redis: BenchContext['redis']['client'];
  concurrency: number;
  /** How the backlog is sized (see measureSized). */
  sizing: Sizing;
  /** Key prefix to use instead of a fresh one (tests check it is gone afterwards). */
  prefix?: string;
}

interface Payload {
  id: string;
  body: string;
}

const noop = async (_data: unknown): Promise<void> => {};
const FOUR_NOOPS = [noop, noop, noop, noop];

async function drainChain(name: string, run: BareRun, count: number, capMs: number, stages: number, body: string, processor: (next: Queue | null) => Processor): Promise<Throughput> {
  const prefix = run.prefix ?? benchPrefix(name);
  const connection = bullConnection(run.redisUrl);
  const queues = Array.from({ length: stages }, (_, i) => new Queue(`q${i}`, { connection, prefix, defaultJobOptions: JOB_OPTIONS }));
  const first = queues[0] as Queue;
  const workers: Worker[] = [];
  try {
    for (let start = 0; start < count; start += ADD_CHUNK) {
      const jobs = [];
      for (let i = start; i < Math.min(count, start + ADD_CHUNK); i++) jobs.push({ name: 's', data: { id: `s${i}`, body } satisfies Payload, opts: { jobId: `s${i}` } });
      await first.addBulk(jobs);
    }
    const clock = new CompletionClock(count);
    clock.start();
    queues.forEach((q, i) => {
      const worker = new Worker(q.name, processor(queues[i + 1] ?? null), { connection, prefix, concurrency: run.concurrency });
      if (i === stages - 1) worker.on('completed', () => clock.tick());
      workers.push(worker);
    });
    return await clock.wait(capMs);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(queues.map((q) => q.close()));
    await cleanupPrefix(run.redis, prefix);
  }
}

/** Bare BullMQ: no-op jobs through one queue; jobs/s. */
export function bareOneQueue(run: BareRun): Promise<Throughput> {
  return measureSized(run.sizing, (n, cap) => drainChain('bare-one', run, n, cap, 1, '', () => async () => undefined));
}

/** Bare BullMQ: a 4-queue chain, each job handing its 5 KB payload to the next queue; stories/s. */
export function bareChain4(run: BareRun): Promise<Throughput> {
  const body = 'x'.repeat(PAYLOAD_BYTES);
  return measureSized(run.sizing, (n, cap) =>
    drainChain('bare-chain4', run, n, cap, 4, body, (next) => async (job) => {
      if (next) await next.add(job.name, job.data, { jobId: `${(job.data as Payload).id}.v1` });
    }),
  );
}

/** Bare BullMQ: one queue whose job runs 4 no-op async functions on a 5 KB payload; stories/s. */
export function bareSingleJob(run: BareRun): Promise<Throughput> {
  const body = 'x'.repeat(PAYLOAD_BYTES);
  return measureSized(run.sizing, (n, cap) =>
    drainChain('bare-single', run, n, cap, 1, body, () => async (job) => {
      for (const f of FOUR_NOOPS) await f(job.data);
    }),
  );
}

/** Backlog sizing for baselines: a probe, then about 2 s (quick) or 6 s (full) of work. */
export function baselineSizing(quick: boolean): Sizing {
  return quick ? { probe: 1_000, targetMs: 2_000, max: 60_000 } : { probe: 2_000, targetMs: 6_000, max: 200_000 };
}

export const baselineScenario: Scenario = {
  name: 'baseline',
  title: 'Bare BullMQ baselines',
  async run(ctx): Promise<ScenarioResult> {
    const sizing = baselineSizing(ctx.opts.quick);
    const base = { redisUrl: ctx.redis.url, redis: ctx.redis.client, concurrency: ctx.opts.concurrency, sizing };
    ctx.progress(`baseline: one queue of no-op jobs, ~${sizing.targetMs / 1000} s`);
    const one = await bareOneQueue(base);
    ctx.progress(`baseline: 4-queue chain, ~${sizing.targetMs / 1000} s`);
    const chain = await bareChain4(base);
    ctx.progress(`baseline: single job, ~${sizing.targetMs / 1000} s`);
    const single = await bareSingleJob(base);
    return {
      rows: [
        { metric: 'bare one queue, no-op', value: round(one.perSecond, 0), unit: 'jobs/s', note: drainNote(one) },
        { metric: 'bare 4-queue chain, 5 KB', value: round(chain.perSecond, 0), unit: 'stories/s', note: drainNote(chain) },
        { metric: 'bare single job, 4 no-ops, 5 KB', value: round(single.perSecond, 0), unit: 'stories/s', note: drainNote(single) },
      ],
      figures: {
        bare_one_queue_jobs_s: round(one.perSecond, 0),
        bare_chain4_stories_s: round(chain.perSecond, 0),
        bare_single_job_stories_s: round(single.perSecond, 0),
      },
      checks: [],
    };
  },
};

/** "N in T s", flagged when the drain hit its cap. */
export function drainNote(t: Throughput): string {
  return `${t.completed} in ${t.seconds.toFixed(1)} s${t.capped ? ' (cap hit: lower bound)' : ''}`;
}
