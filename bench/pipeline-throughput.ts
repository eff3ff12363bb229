/**
 * The real pipeline at saturation: a backlog of varied sample stories is enqueued through the
 * ingest sink while the ingest queue is paused, then released; stories/s is counted at the publish
 * stage (the moment a story is in the feeds) after warm-up. Ratios: split ÷ bare 4-queue chain,
 * fused ÷ bare single job, both measured in this run on the same Redis with the same concurrency.
 */
import type { IngestSink } from '../src/shared/ingest-sink.js';
import type { StageTimer } from '../src/workers/run-stages.js';
import { bareChain4, bareSingleJob, type BareRun } from './baseline-bullmq.js';
import { failedJobs, startBenchPipeline } from './lib/bench-pipeline.js';
import { CompletionClock, type Throughput } from './lib/completion-clock.js';
import { formatSelfTimes, selfTimes, selfTimesByFile, startCpuProfile } from './lib/cpu-profile.js';
import { StoryFactory, loadStoryTemplates, type StoryTemplate } from './lib/stories.js';
import { ratio, round } from './lib/stats.js';
import type { BenchContext, Row, Scenario, ScenarioResult } from './scenario.js';

const SINK_CHUNK = 500;

export interface PipelineRun extends Throughput {
  failed: number;
  /** Stories/s the ingest sink accepted while filling the backlog. */
  sinkPerSecond: number;
  profilePath: string | null;
  profileSummary: string | null;
}

/** Fills `sink` with `count` stories in chunks; returns items/s. */
export async function fillBacklog(sink: IngestSink, factory: StoryFactory, count: number): Promise<number> {
  const started = performance.now();
  for (let done = 0; done < count; done += SINK_CHUNK) {
    await sink(factory.batch(Math.min(SINK_CHUNK, count - done)));
  }
  return (count * 1000) / (performance.now() - started);
}

/** Runs `count` stories through a fresh pipeline of `topology`; optional CPU profile of the drain. */
export async function measurePipeline(
  ctx: BenchContext,
  templates: readonly StoryTemplate[],
  topology: string,
  count: number,
  capMs: number,
  profile = false,
): Promise<PipelineRun> {
  let clock: CompletionClock | null = null;
  const timer: StageTimer = (stage) => {
    if (stage === 'publish') clock?.tick();
  };
  const bench = await startBenchPipeline({ name: topology, redisUrl: ctx.redis.url, topology, concurrency: ctx.opts.concurrency, timer, paused: true });
  try {
    const factory = new StoryFactory(templates, bench.config.prefix);
    const sinkPerSecond = await fillBacklog(bench.pipeline.sink, factory, count);
    const stopProfile = profile && ctx.opts.profileDir ? await startCpuProfile(ctx.opts.profileDir, `pipeline-${topology}`) : null;
    clock = new CompletionClock(count);
    clock.start();
    await bench.pipeline.queues.ingest.resume();
    const result = await clock.wait(capMs);
    let profilePath: string | null = null;
    let profileSummary: string | null = null;
    if (stopProfile) {
      const { path, profile: p } = await stopProfile();
      profilePath = path;
      profileSummary = `top self time by function:\n${formatSelfTimes(selfTimes(p, 30))}\n\nby file / package:\n${formatSelfTimes(selfTimesByFile(p, 20))}`;
    }
    return { ...result, failed: await failedJobs(bench.pipeline), sinkPerSecond, profilePath, profileSummary };
  } finally {
    await bench.stop();
  }
}

/** Stories per run: the backlog must outlast warm-up by far, and fit the time budget. */
export function pipelineCounts(quick: boolean): { split: number; fused: number } {
  return quick ? { split: 1_200, fused: 2_000 } : { split: 8_000, fused: 12_000 };
}

/** Baseline counts for the re-measurement right after each pipeline run. */
function bracketCounts(quick: boolean): { chain: number; single: number } {
  return quick ? { chain: 1_500, single: 3_000 } : { chain: 6_000, single: 15_000 };
}

/**
 * The baseline a pipeline run is divided by: the mean of the figure measured before it (the
 * baseline scenario, when it ran) and a fresh measurement right after it, so slow drift in the
 * machine's load cancels out rather than landing on one side of the ratio.
 */
async function bracketedBaseline(ctx: BenchContext, key: string, run: (r: BareRun) => Promise<Throughput>, count: number): Promise<{ mean: number; after: number; before: number | null }> {
  const known = ctx.figures.get(key);
  ctx.progress(`pipeline: re-measuring ${key} (${count})`);
  const t = await run({ redisUrl: ctx.redis.url, redis: ctx.redis.client, count, concurrency: ctx.opts.concurrency, capMs: 30_000 });
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
    if (skipped.length > 0) ctx.progress(`stories: skipped ${skipped.join('; ')}`);
    const counts = pipelineCounts(ctx.opts.quick);
    const capMs = ctx.opts.quick ? 15_000 : 60_000;
    ctx.progress(`pipeline: split, ${counts.split} stories from ${templates.length} templates`);
    const split = await measurePipeline(ctx, templates, 'split', counts.split, capMs);
    const bc = bracketCounts(ctx.opts.quick);
    const chain = await bracketedBaseline(ctx, 'bare_chain4_stories_s', bareChain4, bc.chain);
    ctx.progress(`pipeline: fused, ${counts.fused} stories`);
    const fused = await measurePipeline(ctx, templates, 'fused', counts.fused, capMs, ctx.opts.profileDir !== null);
    if (fused.profileSummary) ctx.progress(`profile written to ${fused.profilePath}\n${fused.profileSummary}`);
    const single = await bracketedBaseline(ctx, 'bare_single_job_stories_s', bareSingleJob, bc.single);
    const splitRatio = ratio(split.perSecond, chain.mean);
    const fusedRatio = ratio(fused.perSecond, single.mean);
    const note = (t: PipelineRun) =>
      `${t.completed} in ${t.seconds.toFixed(1)} s${t.capped ? ' (time cap hit)' : ''}${t.failed > 0 ? `, ${t.failed} FAILED jobs` : ''}`;
    const rows: Row[] = [
      { metric: 'split: stories/s', value: round(split.perSecond, 0), unit: 'stories/s', note: note(split) },
      { metric: 'split ÷ bare 4-queue chain', value: round(splitRatio), unit: 'ratio', note: bracketNote(chain) },
      { metric: 'fused: stories/s', value: round(fused.perSecond, 0), unit: 'stories/s', note: note(fused) },
      { metric: 'fused ÷ bare single job', value: round(fusedRatio), unit: 'ratio', note: bracketNote(single) },
      { metric: 'ingest sink while filling the backlog', value: round(fused.sinkPerSecond, 0), unit: 'items/s', note: `chunks of ${SINK_CHUNK}` },
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
        sink_items_s: round(fused.sinkPerSecond, 0),
        failed_jobs: split.failed + fused.failed,
      },
      checks: [
        { name: 'split ÷ bare 4-queue chain', value: round(splitRatio), target: '≥ 0.5', pass: clean && splitRatio >= 0.5 },
        { name: 'fused ÷ bare single job', value: round(fusedRatio), target: '≥ 0.6', pass: clean && fusedRatio >= 0.6 },
      ],
    };
  },
};
