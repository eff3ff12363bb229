/**
 * Latency ingest → visible in a feed, at a fixed offered load. Each story is stamped just before
 * the ingest sink is called; a separate Redis connection polls the `all` feed's sorted set every
 * 5 ms (stories carry their enqueue time as `updated`, so the feed score is the enqueue time and
 * one ZRANGEBYSCORE from the oldest pending story finds every newly listed one). Visible = the
 * poll that first returns the story, so figures include up to one poll interval. The first
 * second is warm-up and not counted. Stories not visible 10 s (quick: 3 s) after the load ends
 * count with their wait so far (p99 is then a lower bound) and are reported.
 * The bare 4-queue chain is measured the same way (stamp in the payload, read at the last job).
 */
import { Queue, Worker } from 'bullmq';
import { bullConnection, stageJobOptions } from '../src/shared/queues.js';
import { benchPrefix, cleanupPrefix } from './lib/bench-redis.js';
import { startBenchPipeline } from './lib/bench-pipeline.js';
import { WORKER_WARMUP, forkWorkers, type ForkedWorker } from './lib/forked-worker.js';
import { offerLoad } from './lib/offered-load.js';
import { warmUpStages } from './lib/warm-up.js';
import { StoryFactory, expectedStoryId, loadStoryTemplates, type StoryTemplate } from './lib/stories.js';
import { round, summarize, type Summary } from './lib/stats.js';
import type { BenchContext, Row, Scenario, ScenarioResult } from './scenario.js';

const POLL_MS = 5;
/** Worker processes of the forked variant: one per core of the 2-core machines this runs on. */
const EXTRA_PROCESSES = 2;
const WARMUP_S = 1;

/** Room for every story in flight: a story trimmed off the feed before a poll would never be seen. */
const FEED_LENGTH = 50_000;

export interface LatencyRun extends Summary {
  offered: number;
  achievedRate: number;
  /** Stories not visible by the end of the drain cap. */
  missing: number;
}

/** How long after the load ends stories may still become visible before they count as missing. */
function drainCap(quick: boolean): number {
  return quick ? 3_000 : 10_000;
}

interface Pending {
  enqueuedAt: number;
  /** Enqueue time as the feed score (epoch ms). */
  score: number;
}

/**
 * Offers `rate` stories/s to a fresh pipeline of `topology` for `seconds`; latency percentiles in ms.
 * With `workerProcesses` > 0 the workers run in that many forked processes (as `wirepipe start`
 * with WORKER_PROCESSES runs them) and this process only feeds and polls.
 */
export async function measureLatency(ctx: BenchContext, templates: readonly StoryTemplate[], topology: string, rate: number, seconds: number, workerProcesses = 0): Promise<LatencyRun> {
  const drainCapMs = drainCap(ctx.opts.quick);
  // Forked workers warm up in their own process; workers in this one do it here, so a cold
  // process (`--only=latency`) measures the same steady state as one that ran other scenarios.
  if (workerProcesses === 0) await warmUpStages({ redisUrl: ctx.redis.url, topology, concurrency: ctx.opts.concurrency }, WORKER_WARMUP);
  const bench = await startBenchPipeline({ name: `latency-${topology}-${rate}`, redisUrl: ctx.redis.url, topology, concurrency: ctx.opts.concurrency, feedLength: FEED_LENGTH, workers: workerProcesses === 0 });
  let children: ForkedWorker[] = [];
  try {
    children = await forkWorkers(workerProcesses, { redisUrl: ctx.redis.url, prefix: bench.config.prefix, concurrency: ctx.opts.concurrency, topology, warmup: WORKER_WARMUP });
  } catch (err) {
    await bench.stop();
    throw err;
  }
  const feedKey = `${bench.config.prefix}:feed:all`; // ArticleStore's key for the 'all' feed
  const pending = new Map<string, Pending>();
  const latencies: number[] = [];
  let countFrom = Number.POSITIVE_INFINITY;
  let polling = true;
  let drainDeadline = Number.POSITIVE_INFINITY;
  const poller = (async () => {
    while (polling || pending.size > 0) {
      let min = Number.POSITIVE_INFINITY;
      for (const p of pending.values()) if (p.score < min) min = p.score;
      if (Number.isFinite(min)) {
        const ids = await ctx.redis.client.zrangebyscore(feedKey, Math.floor(min), '+inf');
        const now = performance.now();
        for (const id of ids) {
          const p = pending.get(id);
          if (!p) continue;
          pending.delete(id);
          if (p.enqueuedAt >= countFrom) latencies.push(now - p.enqueuedAt);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (!polling && performance.now() > drainDeadline) break;
    }
  })();
  try {
    const factory = new StoryFactory(templates, bench.config.prefix);
    const started = performance.now();
    countFrom = started + WARMUP_S * 1000;
    const load = await offerLoad({
      rate,
      seconds,
      factory,
      send: (items) => bench.pipeline.sink(items),
      onSent(items, at) {
        for (const it of items) pending.set(expectedStoryId(it), { enqueuedAt: at, score: Date.parse(it.updated ?? it.receivedAt) });
      },
    });
    drainDeadline = performance.now() + drainCapMs;
    polling = false;
    await poller;
    const now = performance.now();
    let missing = 0;
    for (const p of pending.values()) {
      if (p.enqueuedAt < countFrom) continue;
      missing += 1;
      latencies.push(now - p.enqueuedAt);
    }
    return { ...summarize(latencies), offered: rate, achievedRate: load.achievedRate, missing };
  } finally {
    polling = false;
    drainDeadline = 0;
    await poller.catch(() => undefined);
    await Promise.all(children.map((c) => c.stop()));
    await bench.stop();
  }
}

/** The bare 4-queue chain (5 KB payloads) at `rate` jobs/s: enqueue → last job done, ms; unfinished jobs count with their wait so far. */
export async function measureBareChainLatency(ctx: BenchContext, rate: number, seconds: number): Promise<Summary & { missing: number }> {
  const drainCapMs = drainCap(ctx.opts.quick);
  const prefix = benchPrefix('bare-latency');
  const connection = bullConnection(ctx.redis.url);
  const opts = stageJobOptions({ attempts: 5, backoffMs: 1000 });
  const queues = Array.from({ length: 4 }, (_, i) => new Queue(`q${i}`, { connection, prefix, defaultJobOptions: opts }));
  const latencies: number[] = [];
  const pending = new Map<string, number>();
  const body = 'x'.repeat(5 * 1024);
  const started = performance.now();
  const countFrom = started + WARMUP_S * 1000;
  const workers = queues.map((q, i) => {
    const next = queues[i + 1];
    return new Worker(
      q.name,
      async (job) => {
        const data = job.data as { id: string; at: number; body: string };
        if (next) {
          await next.add('s', data, { jobId: `${data.id}.v1` });
        } else if (pending.delete(data.id)) {
          latencies.push(performance.now() - data.at);
        }
      },
      { connection, prefix, concurrency: ctx.opts.concurrency },
    );
  });
  try {
    const total = Math.round(rate * seconds);
    let sent = 0;
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate)) - sent;
      if (due > 0) {
        const at = performance.now();
        const jobs = Array.from({ length: due }, (_, k) => ({ name: 's', data: { id: `s${sent + k}`, at, body }, opts: { jobId: `s${sent + k}` } }));
        if (at >= countFrom) for (const j of jobs) pending.set(j.data.id, at);
        await queues[0]?.addBulk(jobs);
        sent += due;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const deadline = performance.now() + drainCapMs;
    while (pending.size > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const now = performance.now();
    const missing = pending.size;
    for (const at of pending.values()) latencies.push(now - at);
    return { ...summarize(latencies), missing };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(queues.map((q) => q.close()));
    await cleanupPrefix(ctx.redis.client, prefix);
  }
}

export const latencyScenario: Scenario = {
  name: 'latency',
  title: 'Latency ingest → visible in a feed (fused topology, the default)',
  async run(ctx): Promise<ScenarioResult> {
    const { templates } = await loadStoryTemplates();
    const seconds = ctx.opts.quick ? 3 : 12;
    const rows: Row[] = [];
    const figures: Record<string, number | null> = {};
    ctx.progress(`latency: bare 4-queue chain at 500/s for ${seconds} s`);
    const bare = await measureBareChainLatency(ctx, 500, seconds);
    rows.push({ metric: 'bare 4-queue chain at 500/s: p50', value: round(bare.median, 1), unit: 'ms' });
    rows.push({ metric: 'bare 4-queue chain at 500/s: p99', value: round(bare.p99, 1), unit: 'ms', note: `${bare.count} jobs${bare.missing > 0 ? `, ${bare.missing} not done after ${drainCap(ctx.opts.quick) / 1000} s (p99 is a lower bound)` : ''}` });
    figures['bare_chain4_p99_ms_500'] = round(bare.p99, 1);
    const runs: LatencyRun[] = [];
    for (const rate of [500, 1000]) {
      ctx.progress(`latency: fused pipeline at ${rate}/s for ${seconds} s`);
      const r = await measureLatency(ctx, templates, 'fused', rate, seconds);
      runs.push(r);
      const note = `${r.count} stories, offered ${r.achievedRate.toFixed(0)}/s${r.missing > 0 ? `, ${r.missing} not visible after ${drainCap(ctx.opts.quick) / 1000} s (p99 is a lower bound)` : ''}`;
      rows.push({ metric: `pipeline at ${rate}/s: p50`, value: round(r.median, 1), unit: 'ms' });
      rows.push({ metric: `pipeline at ${rate}/s: p99`, value: round(r.p99, 1), unit: 'ms', note });
      figures[`p50_ms_${rate}`] = round(r.median, 1);
      figures[`p99_ms_${rate}`] = round(r.p99, 1);
      figures[`missing_${rate}`] = r.missing;
    }
    const at500 = runs[0];
    if (at500) {
      rows.push({ metric: 'pipeline p99 ÷ bare chain p99 at 500/s', value: round(at500.p99 / bare.p99), unit: 'ratio' });
      figures['p99_ratio_500'] = round(at500.p99 / bare.p99);
    }
    // What WORKER_PROCESSES=2 buys on this machine: the stages are CPU-bound, one process is one core.
    ctx.progress(`latency: fused pipeline at 500/s for ${seconds} s, workers in ${EXTRA_PROCESSES} forked processes`);
    const forked = await measureLatency(ctx, templates, 'fused', 500, seconds, EXTRA_PROCESSES);
    const forkedNote = `${forked.count} stories, offered ${forked.achievedRate.toFixed(0)}/s${forked.missing > 0 ? `, ${forked.missing} not visible after ${drainCap(ctx.opts.quick) / 1000} s (p99 is a lower bound)` : ''}`;
    rows.push({ metric: `pipeline at 500/s, ${EXTRA_PROCESSES} worker processes: p50`, value: round(forked.median, 1), unit: 'ms' });
    rows.push({ metric: `pipeline at 500/s, ${EXTRA_PROCESSES} worker processes: p99`, value: round(forked.p99, 1), unit: 'ms', note: forkedNote });
    figures['p50_ms_500_procs2'] = round(forked.median, 1);
    figures['p99_ms_500_procs2'] = round(forked.p99, 1);
    figures['missing_500_procs2'] = forked.missing;
    return {
      rows,
      figures,
      checks: [
        { name: 'p99 latency at 500/s', value: at500 ? round(at500.p99, 1) : null, target: '≤ 250 ms', pass: at500 !== undefined && at500.missing === 0 && at500.p99 <= 250 },
        { name: `p99 latency at 500/s, ${EXTRA_PROCESSES} worker processes`, value: round(forked.p99, 1), target: '≤ 250 ms', pass: forked.missing === 0 && forked.p99 <= 250 },
      ],
    };
  },
};
