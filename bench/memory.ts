/**
 * Memory under sustained load: a worker process (fused topology, forked with --expose-gc) runs
 * while this process offers 500 stories/s through the ingest sink (5 minutes full, 12 s quick).
 * The worker's RSS and heap are sampled every second after a forced GC. Growth compares the mean
 * of the last 10 % of samples with the mean of the first 10 % after warm-up (the first 10 %).
 * When the worker cannot keep up, the feeder stops adding while more than 20,000 stories wait,
 * so a slow run does not fill a shared Redis.
 */
import { startBenchPipeline } from './lib/bench-pipeline.js';
import { offerLoad } from './lib/offered-load.js';
import { StoryFactory, loadStoryTemplates } from './lib/stories.js';
import { round } from './lib/stats.js';
import { ForkedWorker } from './lib/forked-worker.js';
import type { Scenario, ScenarioResult } from './scenario.js';

const RATE = 500;
const MB = 2 ** 20;
/** Above this many waiting stories the feeder pauses: a worker that cannot keep up must not fill a shared Redis. */
const MAX_BACKLOG = 20_000;

export interface MemorySample {
  second: number;
  rssMb: number;
  heapMb: number;
  published: number;
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

export const memoryScenario: Scenario = {
  name: 'memory',
  title: `Memory: a worker process at ${RATE} stories/s sustained (fused)`,
  async run(ctx): Promise<ScenarioResult> {
    const { templates } = await loadStoryTemplates();
    const seconds = ctx.opts.quick ? 12 : 300;
    // This process only feeds: queues, store and sink, no workers.
    const feeder = await startBenchPipeline({ name: 'memory', redisUrl: ctx.redis.url, topology: 'fused', concurrency: ctx.opts.concurrency, workers: false });
    const worker = new ForkedWorker({ redisUrl: ctx.redis.url, prefix: feeder.config.prefix, concurrency: ctx.opts.concurrency, topology: 'fused' });
    const samples: MemorySample[] = [];
    let load: { sent: number; achievedRate: number };
    let backlogFull = false;
    let skipped = 0;
    const sample = async (second: number): Promise<void> => {
      const m = await worker.ask({ type: 'sample' }, 'sample');
      if (m.type === 'sample') samples.push({ second, rssMb: m.rss / MB, heapMb: m.heapUsed / MB, published: m.published });
    };
    try {
      await worker.next('ready');
      ctx.progress(`memory: ${RATE}/s for ${seconds} s into a worker process`);
      await sample(0);
      load = await offerLoad({
        rate: RATE,
        seconds,
        factory: new StoryFactory(templates, feeder.config.prefix),
        send: (items) => {
          if (backlogFull) {
            skipped += items.length;
            return Promise.resolve();
          }
          return feeder.pipeline.sink(items);
        },
        onSecond: async (s) => {
          backlogFull = (await feeder.pipeline.queues.ingest.getWaitingCount()) > MAX_BACKLOG;
          await sample(s);
          if (s % 30 === 0) ctx.progress(`memory: ${s} s, worker rss ${samples.at(-1)?.rssMb.toFixed(0)} MB, ${samples.at(-1)?.published} published`);
        },
      });
      await worker.ask({ type: 'stop' }, 'stopped').catch(() => undefined);
    } finally {
      worker.kill();
      await feeder.stop();
    }
    const rss = samples.map((s) => s.rssMb);
    const heap = samples.map((s) => s.heapMb);
    const growth = growthPercent(rss);
    const published = samples.at(-1)?.published ?? 0;
    return {
      rows: [
        { metric: 'worker RSS after warm-up', value: round(rss[Math.floor(rss.length / 10)] ?? Number.NaN, 0), unit: 'MB' },
        { metric: 'worker RSS at end', value: round(rss.at(-1) ?? Number.NaN, 0), unit: 'MB', note: `${samples.length} samples, GC forced before each` },
        { metric: 'worker RSS growth over the run', value: round(growth, 1), unit: '%', note: 'last 10 % vs first 10 % after warm-up' },
        { metric: 'worker heap used growth', value: round(growthPercent(heap), 1), unit: '%' },
        {
          metric: 'stories offered',
          value: load.sent - skipped,
          unit: 'stories',
          note: `${published} published during the run (${(published / seconds).toFixed(0)}/s)${skipped > 0 ? `; ${skipped} not sent: backlog over ${MAX_BACKLOG}` : ''}`,
        },
      ],
      figures: {
        rss_mb_end: round(rss.at(-1) ?? Number.NaN, 0),
        rss_growth_pct: round(growth, 1),
        heap_growth_pct: round(growthPercent(heap), 1),
        memory_published_per_s: round(published / seconds, 0),
      },
      checks: [{ name: `worker RSS growth at ${RATE}/s over ${seconds} s`, value: round(growth, 1), target: '< 10 %', pass: growth < 10 }],
    };
  },
};
