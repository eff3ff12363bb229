/**
 * Baselines on the same Redis as the pipeline, with the pipeline's own job options and worker
 * concurrency, so a ratio isolates what wirepipe's code adds to BullMQ:
 *   one queue of no-op jobs; a 4-queue chain of no-op jobs carrying 5 KB; 4 no-op functions in one job.
 */
import { Queue, Worker, type Processor } from 'bullmq';
import { bullConnection, stageJobOptions } from '../src/shared/queues.js';
import { benchPrefix, cleanupPrefix } from './lib/bench-redis.js';
import { CompletionLog, runSaturated, type Throughput } from './lib/saturation.js';
import { round } from './lib/stats.js';
import type { BenchContext, Scenario, ScenarioResult } from './scenario.js';

const PAYLOAD_BYTES = 5 * 1024;
/** The pipeline's defaults (JOB_ATTEMPTS, JOB_BACKOFF_MS): retention settings cost Redis work per job. */
const JOB_OPTIONS = stageJobOptions({ attempts: 5, backoffMs: 1000 });

export interface BareRun {
  redisUrl: string;
  redis: BenchContext['redis']['client'];
  concurrency: number;
  durationMs: number;
}

interface Payload {
  id: string;
  body: string;
}

const noop = async (_data: unknown): Promise<void> => {};
const FOUR_NOOPS = [noop, noop, noop, noop];

async function runChain(name: string, run: BareRun, stages: number, body: string, processor: (next: Queue | null) => Processor): Promise<Throughput> {
  const prefix = benchPrefix(name);
  const connection = bullConnection(run.redisUrl);
  const queues = Array.from({ length: stages }, (_, i) => new Queue(`q${i}`, { connection, prefix, defaultJobOptions: JOB_OPTIONS }));
  const first = queues[0] as Queue;
  const workers: Worker[] = [];
  const log = new CompletionLog();
  let n = 0;
  // No-op jobs drain fast: a deeper refill keeps the single queue from ever running dry between ticks.
  const deep = stages === 1 && body === '';
  try {
    return await runSaturated({
      first,
      log,
      durationMs: run.durationMs,
      ...(deep ? { low: 6_000, chunk: 3_000 } : {}),
      async add(count) {
        const jobs = Array.from({ length: count }, () => {
          const id = `s${n++}`;
          return { name: 's', data: { id, body } satisfies Payload, opts: { jobId: id } };
        });
        await first.addBulk(jobs);
      },
      async onStart() {
        queues.forEach((q, i) => {
          const worker = new Worker(q.name, processor(queues[i + 1] ?? null), { connection, prefix, concurrency: run.concurrency });
          if (i === stages - 1) worker.on('completed', () => log.tick());
          workers.push(worker);
        });
      },
    });
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(queues.map((q) => q.close()));
    await cleanupPrefix(run.redis, prefix);
  }
}

/** Bare BullMQ: no-op jobs through one queue; jobs/s. */
export function bareOneQueue(run: BareRun): Promise<Throughput> {
  return runChain('bare-one', run, 1, '', () => async () => undefined);
}

/** Bare BullMQ: a 4-queue chain, each job handing its 5 KB payload to the next queue; stories/s. */
export function bareChain4(run: BareRun): Promise<Throughput> {
  return runChain('bare-chain4', run, 4, 'x'.repeat(PAYLOAD_BYTES), (next) => async (job) => {
    if (next) await next.add(job.name, job.data, { jobId: `${(job.data as Payload).id}.v1` });
  });
}

/** Bare BullMQ: one queue whose job runs 4 no-op async functions on a 5 KB payload; stories/s. */
export function bareSingleJob(run: BareRun): Promise<Throughput> {
  return runChain('bare-single', run, 1, 'x'.repeat(PAYLOAD_BYTES), () => async (job) => {
    for (const f of FOUR_NOOPS) await f(job.data);
  });
}

/** How long each baseline runs. */
export function baselineMs(quick: boolean): number {
  return quick ? 4_000 : 15_000;
}

export const baselineScenario: Scenario = {
  name: 'baseline',
  title: 'Bare BullMQ baselines',
  async run(ctx): Promise<ScenarioResult> {
    const durationMs = baselineMs(ctx.opts.quick);
    const base = { redisUrl: ctx.redis.url, redis: ctx.redis.client, concurrency: ctx.opts.concurrency };
    // Unreported warm-up: JIT and connection set-up would otherwise land on the first baseline only.
    await bareSingleJob({ ...base, durationMs: 1_000 });
    ctx.progress(`baseline: one queue of no-op jobs, ${durationMs / 1000} s`);
    const one = await bareOneQueue({ ...base, durationMs });
    ctx.progress(`baseline: 4-queue chain, ${durationMs / 1000} s`);
    const chain = await bareChain4({ ...base, durationMs });
    ctx.progress(`baseline: single job, ${durationMs / 1000} s`);
    const single = await bareSingleJob({ ...base, durationMs });
    const note = (t: Throughput) => `${t.completed} in a ${t.seconds.toFixed(1)} s window`;
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
