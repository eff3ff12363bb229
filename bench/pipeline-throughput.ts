/**
 * The real pipeline at saturation: a backlog of varied sample stories is enqueued through the
 * ingest sink while the ingest queue is paused, then released; stories/s is counted at the publish
 * stage (the moment a story is in the feeds) after warm-up. Ratios: split ÷ bare 4-queue chain,
 * fused ÷ bare single job, both measured in this run on the same Redis with the same concurrency.
 */
import type { StageTimer } from '../src/workers/run-stages.js';
import { bareChain4, bareSingleJob, baselineSizing, drainNote, type BareRun } from './baseline-bullmq.js';
import { failedJobs, startBenchPipeline } from './lib/bench-pipeline.js';
import { WORKER_WARMUP, forkWorkers, type ForkedWorker } from './lib/forked-worker.js';
import { perItem, readRedisCounters } from './lib/redis-cost.js';
import { warmUpStages } from './lib/warm-up.js';
import { formatSelfTimes, selfTimes, selfTimesByFile, startCpuProfile, type CpuProfile } from './lib/cpu-profile.js';
import { CompletionClock, measureSized, type Sizing, type Throughput } from './lib/saturation.js';
import { StoryFactory, loadStoryTemplates, type StoryTemplate } from './lib/stories.js';
import { ratio, round } from './lib/stats.js';
import type { BenchContext, Row, Scenario, ScenarioResult } from './scenario.js';

export interface PipelineRun extends Throughput {
  failed: number;
  /** Items/s the ingest sink accepted while the backlog was filled. */
  sinkPerSecond: number;
  profilePath: string | null;
  profileSummary: string | null;
  /** Redis CPU (µs) and commands per story over the drain (BullMQ's own included). */
  redisPerStory: { cpuUs: number; commands: number };
}

const SINK_CHUNK = 500;
/** Worker processes of the forked fused run (WORKER_PROCESSES=2 on the 2-core machines this runs on). */
const FORKED_WORKERS = 2;

/** Ticks `clock` for each story saved to the feeds, read from the store's change counter (forked workers). */
function countSaves(bench: { services: { redis: { get(key: string): Promise<string | null> } }; config: { prefix: string } }, clock: CompletionClock): () => void {
  let running = true;
  let seen = 0;
  void (async () => {
    while (running) {
      const now = Number((await bench.services.redis.get(`${bench.config.prefix}:feeds-changes`)) ?? 0);
      for (; seen < now; seen++) clock.tick();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return () => {
    running = false;
  };
}

/**
 * Drains `count` stories through a fresh pipeline of `topology`: the backlog goes in through the
 * ingest sink while the ingest queue is paused (timed: the sink's rate), then the queue is resumed
 * and the clock runs until the last story leaves the publish stage (it is then in the feeds).
 * With `workerProcesses` > 0 the workers run in forked processes and completions are counted from
 * the feed store's change counter (one increment per story saved), polled every 10 ms.
 */
export async function drainPipeline(ctx: BenchContext, templates: readonly StoryTemplate[], topology: string, count: number, capMs: number, profile = false, workerProcesses = 0): Promise<PipelineRun> {
  const clock = new CompletionClock(count);
  const timer: StageTimer = (stage) => {
    if (stage === 'publish') clock.tick();
  };
  const bench = await startBenchPipeline({ name: topology, redisUrl: ctx.redis.url, topology, concurrency: ctx.opts.concurrency, timer, paused: true, workers: workerProcesses === 0 });
  let stopProfile: (() => Promise<{ path: string; profile: CpuProfile }>) | null = null;
  let children: ForkedWorker[] = [];
  let stopCounting = (): void => undefined;
  try {
    children = await forkWorkers(workerProcesses, { redisUrl: ctx.redis.url, prefix: bench.config.prefix, concurrency: ctx.opts.concurrency, topology, warmup: WORKER_WARMUP });
    const factory = new StoryFactory(templates, bench.config.prefix);
    const t = performance.now();
    for (let done = 0; done < count; done += SINK_CHUNK) await bench.pipeline.sink(factory.batch(Math.min(SINK_CHUNK, count - done)));
    const sinkPerSecond = (count * 1000) / (performance.now() - t);
    if (profile && ctx.opts.profileDir) stopProfile = await startCpuProfile(ctx.opts.profileDir, `pipeline-${topology}`);
    const redisBefore = await readRedisCounters(ctx.redis.client);
    clock.start();
    if (workerProcesses > 0) stopCounting = countSaves(bench, clock);
    await bench.pipeline.queues.ingest.resume();
    const result = await clock.wait(capMs);
    stopCounting();
    const redisPerStory = perItem(redisBefore, await readRedisCounters(ctx.redis.client), Math.max(1, result.completed));
    let profilePath: string | null = null;
    let profileSummary: string | null = null;
    if (stopProfile) {
      const stop = stopProfile;
      stopProfile = null;
      const { path, profile: p } = await stop();
      profilePath = path;
      profileSummary = `top self time by function:\n${formatSelfTimes(selfTimes(p, 30))}\n\nby file / package:\n${formatSelfTimes(selfTimesByFile(p, 20))}`;
    }
    return { ...result, failed: await failedJobs(bench.pipeline), sinkPerSecond, profilePath, profileSummary, redisPerStory };
  } finally {
    if (stopProfile) await (stopProfile as () => Promise<unknown>)().catch(() => undefined);
    stopCounting();
    await Promise.all(children.map((c) => c.stop()));
    await bench.stop();
  }
}

/** Backlog sizing for pipeline runs: a probe, then about 3.5 s (quick) or 15 s (full) of work. */
export function pipelineSizing(quick: boolean): Sizing {
  return quick ? { probe: 150, targetMs: 3_500, max: 20_000 } : { probe: 400, targetMs: 15_000, max: 100_000 };
}

/** Measures `topology` at saturation, with the probe as warm-up; the profile covers the measured drain only. */
export function measurePipeline(ctx: BenchContext, templates: readonly StoryTemplate[], topology: string, profile = false, workerProcesses = 0): Promise<PipelineRun> {
  let probing = true;
  return measureSized(pipelineSizing(ctx.opts.quick), (n, cap) => {
    const run = drainPipeline(ctx, templates, topology, n, cap, profile && !probing, workerProcesses);
    probing = false;
    return run;
  });
}

/**
 * The baseline a pipeline run is divided by: the mean of the figure measured before it (the
 * baseline scenario, when it ran) and a fresh measurement right after it, so slow drift in the
 * machine's load cancels out rather than landing on one side of the ratio.
 */
async function bracketedBaseline(ctx: BenchContext, key: string, run: (r: BareRun) => Promise<Throughput>): Promise<{ mean: number; after: number; before: number | null }> {
  const known = ctx.figures.get(key);
  ctx.progress(`pipeline: re-measuring ${key}`);
  const t = await run({ redisUrl: ctx.redis.url, redis: ctx.redis.client, concurrency: ctx.opts.concurrency, sizing: baselineSizing(ctx.opts.quick) });
  const before = typeof known === 'number' ? known : null;
  return { mean: before === null ? t.perSecond : (before + t.perSecond) / 2, after: t.perSecond, before };
}

function bracketNote(b: { before: number | null; after: number }): string {
  return `baseline ${b.before === null ? '' : `${b.before.toFixed(0)} before, `}${b.after.toFixed(0)} after`;
}

export const pipelineThroughputScenario: Scenario = {
  name: 'throughput',
  title: 'Pipeline throughput at saturation',
  async run(ctx): Promise<ScenarioResult> {
    const { templates, skipped } = await loadStoryTemplates();
    if (skipped.length > 0) ctx.progress(`stories: ${skipped.length} fixture(s) skipped: ${skipped.map((x) => x.split(' ')[0]).join(', ')}`);
    // The first pipeline run of the process would otherwise measure the interpreter: warm the
    // stages' code as the forked workers and the latency runs do.
    await warmUpStages({ redisUrl: ctx.redis.url, topology: 'split', concurrency: ctx.opts.concurrency }, WORKER_WARMUP);
    ctx.progress(`pipeline: split, stories from ${templates.length} templates`);
    const split = await measurePipeline(ctx, templates, 'split');
    const chain = await bracketedBaseline(ctx, 'bare_chain4_stories_s', bareChain4);
    ctx.progress('pipeline: fused');
    const fused = await measurePipeline(ctx, templates, 'fused', ctx.opts.profileDir !== null);
    if (fused.profileSummary) ctx.progress(`profile written to ${fused.profilePath}\n${fused.profileSummary}`);
    const single = await bracketedBaseline(ctx, 'bare_single_job_stories_s', bareSingleJob);
    ctx.progress(`pipeline: fused, workers in ${FORKED_WORKERS} forked processes`);
    const forked = await measurePipeline(ctx, templates, 'fused', false, FORKED_WORKERS);
    const forkedRatio = ratio(forked.perSecond, single.mean);
    const splitRatio = ratio(split.perSecond, chain.mean);
    const fusedRatio = ratio(fused.perSecond, single.mean);
    const note = (t: PipelineRun) => `${drainNote(t)}${t.failed > 0 ? `, ${t.failed} FAILED jobs` : ''}`;
    const rows: Row[] = [
      { metric: 'split: stories/s', value: round(split.perSecond, 0), unit: 'stories/s', note: note(split) },
      { metric: 'split ÷ bare 4-queue chain', value: round(splitRatio), unit: 'ratio', note: bracketNote(chain) },
      { metric: 'fused: stories/s', value: round(fused.perSecond, 0), unit: 'stories/s', note: note(fused) },
      { metric: 'fused ÷ bare single job', value: round(fusedRatio), unit: 'ratio', note: bracketNote(single) },
      { metric: `fused, ${FORKED_WORKERS} worker processes: stories/s`, value: round(forked.perSecond, 0), unit: 'stories/s', note: note(forked) },
      { metric: `fused, ${FORKED_WORKERS} worker processes ÷ bare single job`, value: round(forkedRatio), unit: 'ratio', note: 'the baseline runs in one process' },
      { metric: 'fused: Redis CPU per story', value: round(fused.redisPerStory.cpuUs, 0), unit: 'µs', note: `${round(fused.redisPerStory.commands, 1)} commands per story (BullMQ's and those inside Lua included)` },
      { metric: 'ingest sink, first fill', value: round(fused.sinkPerSecond, 0), unit: 'items/s', note: `calls of ${SINK_CHUNK} items` },
      { metric: 'sample story templates', value: templates.length, unit: 'stories', note: skipped.length > 0 ? `${skipped.length} fixture(s) skipped` : '' },
    ];
    const clean = split.failed === 0 && fused.failed === 0;
    return {
      rows,
      figures: {
        split_stories_s: round(split.perSecond, 0),
        fused_stories_s: round(fused.perSecond, 0),
        split_ratio: round(splitRatio),
        fused_ratio: round(fusedRatio),
        fused_procs2_stories_s: round(forked.perSecond, 0),
        fused_redis_cpu_us_per_story: round(fused.redisPerStory.cpuUs, 0),
        fused_redis_commands_per_story: round(fused.redisPerStory.commands, 1),
        fused_procs2_ratio: round(forkedRatio),
        sink_items_s: round(fused.sinkPerSecond, 0),
        failed_jobs: split.failed + fused.failed + forked.failed,
      },
      checks: [
        { name: 'split ÷ bare 4-queue chain', value: round(splitRatio), target: '≥ 0.5', pass: clean && splitRatio >= 0.5 },
        { name: 'fused ÷ bare single job', value: round(fusedRatio), target: '≥ 0.6', pass: clean && fusedRatio >= 0.6 },
      ],
    };
  },
};
