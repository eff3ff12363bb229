/**
 * The real pipeline at saturation: a backlog of varied sample stories is enqueued through the
 * ingest sink while the ingest queue is paused, then released; stories/s is counted at the publish
 * stage (the moment a story is in the feeds) after warm-up. Ratios: split ÷ bare 4-queue chain,
 * fused ÷ bare single job, both measured in this run on the same Redis with the same concurrency.
 */
import { rawJobId } from '../src/shared/ids.js';
import type { StageTimer } from '../src/workers/run-stages.js';
import { bareChain4, bareSingleJob, type BareRun } from './baseline-bullmq.js';
import { failedJobs, startBenchPipeline } from './lib/bench-pipeline.js';
import { formatSelfTimes, selfTimes, selfTimesByFile, startCpuProfile } from './lib/cpu-profile.js';
import { CompletionLog, runSaturated, type Throughput } from './lib/saturation.js';
import { StoryFactory, loadStoryTemplates, type StoryTemplate } from './lib/stories.js';
import { ratio, round } from './lib/stats.js';
import type { BenchContext, Row, Scenario, ScenarioResult } from './scenario.js';

export interface PipelineRun extends Throughput {
  failed: number;
  /** Stories/s the ingest sink accepted for the first fill. */
  sinkPerSecond: number;
  profilePath: string | null;
  profileSummary: string | null;
}

/**
 * Runs a fresh pipeline of `topology` at saturation for `durationMs`, counting stories as they
 * leave the publish stage (they are then in the feeds); optionally CPU-profiles the run. The
 * first fill goes through the ingest sink (timed, reported); top-ups add validated raw items to the
 * ingest queue directly, as the sink does after its checks, so feeding costs the harness little.
 */
export async function measurePipeline(ctx: BenchContext, templates: readonly StoryTemplate[], topology: string, durationMs: number, profile = false): Promise<PipelineRun> {
  const log = new CompletionLog();
  const timer: StageTimer = (stage) => {
    if (stage === 'publish') log.tick();
  };
  const bench = await startBenchPipeline({ name: topology, redisUrl: ctx.redis.url, topology, concurrency: ctx.opts.concurrency, timer, paused: true });
  let stopProfile: Awaited<ReturnType<typeof startCpuProfile>> | null = null;
  try {
    const factory = new StoryFactory(templates, bench.config.prefix);
    const ingest = bench.pipeline.queues.ingest;
    let sinkPerSecond = Number.NaN;
    let first = true;
    const result = await runSaturated({
      first: ingest,
      log,
      durationMs,
      async add(count) {
        const items = factory.batch(count);
        if (first) {
          first = false;
          const t = performance.now();
          await bench.pipeline.sink(items);
          sinkPerSecond = (count * 1000) / (performance.now() - t);
          return;
        }
        await ingest.addBulk(items.map((it) => ({ name: it.sourceId, data: it, opts: { jobId: rawJobId(it.sourceId, it.identity, it.identity) } })));
      },
      async onStart() {
        if (profile && ctx.opts.profileDir) stopProfile = await startCpuProfile(ctx.opts.profileDir, `pipeline-${topology}`);
        await ingest.resume();
      },
    });
    let profilePath: string | null = null;
    let profileSummary: string | null = null;
    if (stopProfile) {
      const { path, profile: p } = await (stopProfile as Awaited<ReturnType<typeof startCpuProfile>>)();
      stopProfile = null;
      profilePath = path;
      profileSummary = `top self time by function:\n${formatSelfTimes(selfTimes(p, 30))}\n\nby file / package:\n${formatSelfTimes(selfTimesByFile(p, 20))}`;
    }
    return { ...result, failed: await failedJobs(bench.pipeline), sinkPerSecond, profilePath, profileSummary };
  } finally {
    if (stopProfile) await (stopProfile as Awaited<ReturnType<typeof startCpuProfile>>)().catch(() => undefined);
    await bench.stop();
  }
}

/** How long each pipeline run lasts. */
export function pipelineMs(quick: boolean): number {
  return quick ? 8_000 : 30_000;
}

/** How long the baseline re-measured right after each pipeline run lasts. */
function bracketMs(quick: boolean): number {
  return quick ? 4_000 : 15_000;
}

/**
 * The baseline a pipeline run is divided by: the mean of the figure measured before it (the
 * baseline scenario, when it ran) and a fresh measurement right after it, so slow drift in the
 * machine's load cancels out rather than landing on one side of the ratio.
 */
async function bracketedBaseline(ctx: BenchContext, key: string, run: (r: BareRun) => Promise<Throughput>, durationMs: number): Promise<{ mean: number; after: number; before: number | null }> {
  const known = ctx.figures.get(key);
  ctx.progress(`pipeline: re-measuring ${key}, ${durationMs / 1000} s`);
  const t = await run({ redisUrl: ctx.redis.url, redis: ctx.redis.client, concurrency: ctx.opts.concurrency, durationMs });
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
    const ms = pipelineMs(ctx.opts.quick);
    ctx.progress(`pipeline: split, ${ms / 1000} s, stories from ${templates.length} templates`);
    const split = await measurePipeline(ctx, templates, 'split', ms);
    const chain = await bracketedBaseline(ctx, 'bare_chain4_stories_s', bareChain4, bracketMs(ctx.opts.quick));
    ctx.progress(`pipeline: fused, ${ms / 1000} s`);
    const fused = await measurePipeline(ctx, templates, 'fused', ms, ctx.opts.profileDir !== null);
    if (fused.profileSummary) ctx.progress(`profile written to ${fused.profilePath}\n${fused.profileSummary}`);
    const single = await bracketedBaseline(ctx, 'bare_single_job_stories_s', bareSingleJob, bracketMs(ctx.opts.quick));
    const splitRatio = ratio(split.perSecond, chain.mean);
    const fusedRatio = ratio(fused.perSecond, single.mean);
    const note = (t: PipelineRun) => `${t.completed} in a ${t.seconds.toFixed(1)} s window${t.failed > 0 ? `, ${t.failed} FAILED jobs` : ''}`;
    const rows: Row[] = [
      { metric: 'split: stories/s', value: round(split.perSecond, 0), unit: 'stories/s', note: note(split) },
      { metric: 'split ÷ bare 4-queue chain', value: round(splitRatio), unit: 'ratio', note: bracketNote(chain) },
      { metric: 'fused: stories/s', value: round(fused.perSecond, 0), unit: 'stories/s', note: note(fused) },
      { metric: 'fused ÷ bare single job', value: round(fusedRatio), unit: 'ratio', note: bracketNote(single) },
      { metric: 'ingest sink, first fill', value: round(fused.sinkPerSecond, 0), unit: 'items/s', note: '3,000 items in one call' },
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
