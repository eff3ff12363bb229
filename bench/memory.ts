/**
 * Memory under sustained load: the fused pipeline runs in this process at 500 stories/s offered
 * (5 minutes full, 20 s quick); RSS and heap are sampled every second after a forced GC when the
 * process has `--expose-gc` (npm run bench passes it). Growth compares the mean of the last 10 %
 * of samples with the mean of the first 10 % after warm-up (the first 10 % of the run).
 */
import type { StageTimer } from '../src/workers/run-stages.js';
import { startBenchPipeline } from './lib/bench-pipeline.js';
import { offerLoad } from './lib/offered-load.js';
import { StoryFactory, loadStoryTemplates } from './lib/stories.js';
import { round } from './lib/stats.js';
import type { Scenario, ScenarioResult } from './scenario.js';

const RATE = 500;
const MB = 2 ** 20;

export interface MemorySample {
  second: number;
  rssMb: number;
  heapMb: number;
}

/** (mean of the last tenth − mean of the first tenth after warm-up) / the latter, in %; warm-up is the first tenth. */
export function growthPercent(samples: readonly number[]): number {
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  const first = samples.slice(tenth, 2 * tenth);
  const last = samples.slice(-tenth);
  if (first.length === 0 || samples.length < 3 * tenth) return Number.NaN;
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return (100 * (mean(last) - mean(first))) / mean(first);
}

function sample(second: number): MemorySample {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { second, rssMb: m.rss / MB, heapMb: m.heapUsed / MB };
}

export const memoryScenario: Scenario = {
  name: 'memory',
  title: `Memory: worker process at ${RATE} stories/s sustained (fused)`,
  async run(ctx): Promise<ScenarioResult> {
    const { templates } = await loadStoryTemplates();
    const seconds = ctx.opts.quick ? 20 : 300;
    let published = 0;
    const timer: StageTimer = (stage) => {
      if (stage === 'publish') published += 1;
    };
    const bench = await startBenchPipeline({ name: 'memory', redisUrl: ctx.redis.url, topology: 'fused', concurrency: ctx.opts.concurrency, timer });
    const samples: MemorySample[] = [];
    let load: { sent: number; achievedRate: number };
    try {
      ctx.progress(`memory: ${RATE}/s for ${seconds} s`);
      samples.push(sample(0));
      load = await offerLoad({
        rate: RATE,
        seconds,
        factory: new StoryFactory(templates, bench.config.prefix),
        send: (items) => bench.pipeline.sink(items),
        onSecond: (s) => {
          samples.push(sample(s));
          if (s % 30 === 0) ctx.progress(`memory: ${s} s, rss ${samples.at(-1)?.rssMb.toFixed(0)} MB, ${published} published`);
        },
      });
    } finally {
      await bench.stop();
    }
    const rss = samples.map((s) => s.rssMb);
    const heap = samples.map((s) => s.heapMb);
    const growth = growthPercent(rss);
    const gcNote = typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'GC forced before each sample' : 'no --expose-gc: samples without forced GC';
    return {
      rows: [
        { metric: 'RSS at start', value: round(rss[0] ?? Number.NaN, 0), unit: 'MB' },
        { metric: 'RSS at end', value: round(rss.at(-1) ?? Number.NaN, 0), unit: 'MB', note: `${samples.length} samples, ${gcNote}` },
        { metric: 'RSS growth over the run', value: round(growth, 1), unit: '%', note: 'last 10 % vs first 10 % after warm-up' },
        { metric: 'heap used growth over the run', value: round(growthPercent(heap), 1), unit: '%' },
        { metric: 'stories offered / published', value: load.sent, unit: 'stories', note: `${published} published during the run (${(published / seconds).toFixed(0)}/s)` },
      ],
      figures: {
        rss_mb_end: round(rss.at(-1) ?? Number.NaN, 0),
        rss_growth_pct: round(growth, 1),
        heap_growth_pct: round(growthPercent(heap), 1),
        memory_published_per_s: round(published / seconds, 0),
      },
      checks: [{ name: `RSS growth at ${RATE}/s over ${seconds} s`, value: round(growth, 1), target: '< 10 %', pass: growth < 10 }],
    };
  },
};
