/**
 * Baselines on the same Redis as the pipeline, with the pipeline's own job options and worker
 * concurrency, so a ratio isolates what wirepipe's code adds to BullMQ:
 *   one queue of no-op jobs; a 4-queue chain of no-op jobs carrying 5 KB; 4 no-op functions in one job.
 */
import { Queue, Worker, type Processor } from 'bullmq';
import { bullConnection, stageJobOptions } from '../src/shared/queues.js';
import { benchPrefix, cleanupPrefix } from './lib/bench-redis.js';
import { CompletionClock, type Throughput } from './lib/completion-clock.js';
import { round } from './lib/stats.js';
import type { BenchContext, Scenario, ScenarioResult } from './scenario.js';

const PAYLOAD_BYTES = 5 * 1024;
const ADD_CHUNK = 1000;
/** The pipeline's defaults (JOB_ATTEMPTS, JOB_BACKOFF_MS): retention settings cost Redis work per job. */
const JOB_OPTIONS = stageJobOptions({ attempts: 5, backoffMs: 1000 });

export interface BareRun {
  redisUrl: string;
  redis: BenchContext['redis']['client'];
  count: number;
  concurrency: number;
  capMs: number;
}

interface Payload {
  id: string;
  body: string;
}

const noop = async (_data: unknown): Promise<void> => {};
const FOUR_NOOPS = [noop, noop, noop, noop];

async function runChain(name: string, run: BareRun, stages: number, payload: (i: number) => Payload, processor: (next: Queue | null) => Processor): Promise<Throughput> {
  const prefix = benchPrefix(name);
  const connection = bullConnection(run.redisUrl);
  const queues = Array.from({ length: stages }, (_, i) => new Queue(`q${i}`, { connection, prefix, defaultJobOptions: JOB_OPTIONS }));
  const workers: Worker[] = [];
  try {
    const first = queues[0] as Queue;
    for (let start = 0; start < run.count; start += ADD_CHUNK) {
      const jobs = [];
      for (let i = start; i < Math.min(run.count, start + ADD_CHUNK); i++) jobs.push({ name: 's', data: payload(i), opts: { jobId: `s${i}` } });
      await first.addBulk(jobs);
    }
    const clock = new CompletionClock(run.count);
    clock.start();
    queues.forEach((q, i) => {
      const worker = new Worker(q.name, processor(queues[i + 1] ?? null), { connection, prefix, concurrency: run.concurrency });
      if (i === stages - 1) worker.on('completed', () => clock.tick());
      workers.push(worker);
    });
    return await clock.wait(run.capMs);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(queues.map((q) => q.close()));
    await cleanupPrefix(run.redis, prefix);
  }
}

/** Bare BullMQ: no-op jobs through one queue; jobs/s. */
export function bareOneQueue(run: BareRun): Promise<Throughput> {
  return runChain('bare-one', run, 1, (i) => ({ id: String(i), body: '' }), () => async () => undefined);
}

/** Bare BullMQ: a 4-queue chain, each job handing its 5 KB payload to the next queue; stories/s. */
export function bareChain4(run: BareRun): Promise<Throughput> {
  const body = 'x'.repeat(PAYLOAD_BYTES);
  return runChain('bare-chain4', run, 4, (i) => ({ id: String(i), body }), (next) => async (job) => {
    if (next) await next.add(job.name, job.data, { jobId: `${(job.data as Payload).id}.v1` });
  });
}

/** Bare BullMQ: one queue whose job runs 4 no-op async functions on a 5 KB payload; stories/s. */
export function bareSingleJob(run: BareRun): Promise<Throughput> {
  const body = 'x'.repeat(PAYLOAD_BYTES);
  return runChain('bare-single', run, 1, (i) => ({ id: String(i), body }), () => async (job) => {
    for (const f of FOUR_NOOPS) await f(job.data);
  });
}

/** Job counts per baseline: large enough for a steady state, small enough for the time budget. */
export function baselineCounts(quick: boolean): { one: number; chain: number; single: number } {
  return quick ? { one: 6_000, chain: 1_500, single: 3_000 } : { one: 40_000, chain: 12_000, single: 30_000 };
}

export const baselineScenario: Scenario = {
  name: 'baseline',
  title: 'Bare BullMQ baselines',
  async run(ctx): Promise<ScenarioResult> {
    const counts = baselineCounts(ctx.opts.quick);
    const base = { redisUrl: ctx.redis.url, redis: ctx.redis.client, concurrency: ctx.opts.concurrency, capMs: ctx.opts.quick ? 10_000 : 45_000 };
    // Unreported warm-up: JIT and connection set-up would otherwise land on the first baseline only.
    await bareSingleJob({ ...base, count: 1_000 });
    ctx.progress(`baseline: one queue, ${counts.one} no-op jobs`);
    const one = await bareOneQueue({ ...base, count: counts.one });
    ctx.progress(`baseline: 4-queue chain, ${counts.chain} stories`);
    const chain = await bareChain4({ ...base, count: counts.chain });
    ctx.progress(`baseline: single job, ${counts.single} stories`);
    const single = await bareSingleJob({ ...base, count: counts.single });
    const note = (t: Throughput) => `${t.completed} in ${t.seconds.toFixed(1)} s${t.capped ? ' (time cap hit)' : ''}`;
    return {
      rows: [
        { metric: 'bare one queue, no-op', value: round(one.perSecond, 0), unit: 'jobs/s', note: note(one) },
        { metric: 'bare 4-queue chain, 5 KB', value: round(chain.perSecond, 0), unit: 'stories/s', note: note(chain) },
        { metric: 'bare single job, 4 no-ops, 5 KB', value: round(single.perSecond, 0), unit: 'stories/s', note: note(single) },
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
