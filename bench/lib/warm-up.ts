/**
 * JIT warm-up for a measured run: stories run through a throw-away pipeline in this process, so
 * the stages' code is compiled before the clock starts, as it is in a worker that has been up for
 * a while. A cold process otherwise spends its first seconds in the interpreter, and a latency
 * run's first second of warm-up does not cover that.
 */
import { startBenchPipeline } from './bench-pipeline.js';
import { StoryFactory, loadStoryTemplates } from './stories.js';

/** What a warm-up needs of the run it prepares. */
export interface WarmUpTarget {
  redisUrl: string;
  topology: string;
  concurrency: number;
}

/**
 * Runs `count` stories through a pipeline under its own prefix (waiting at most 30 s), then
 * removes its keys. Returns how many were published (fewer only when the wait ran out).
 */
export async function warmUpStages(target: WarmUpTarget, count: number): Promise<number> {
  const { templates } = await loadStoryTemplates();
  let done = 0;
  let finished: () => void = () => undefined;
  const all = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const bench = await startBenchPipeline({
    name: 'warmup',
    redisUrl: target.redisUrl,
    topology: target.topology,
    concurrency: target.concurrency,
    timer: (stage) => {
      if (stage === 'publish' && ++done >= count) finished();
    },
  });
  let timeout: NodeJS.Timeout | undefined;
  try {
    await bench.pipeline.sink(new StoryFactory(templates, bench.config.prefix).batch(count));
    await Promise.race([all, new Promise((resolve) => (timeout = setTimeout(resolve, 30_000)))]);
    return done;
  } finally {
    clearTimeout(timeout);
    await bench.stop();
  }
}
