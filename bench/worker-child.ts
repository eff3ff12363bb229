/**
 * A bench worker process: a pipeline's workers alone (no HTTP, no archive), joined to the parent's
 * prefix, as `wirepipe work` runs them. It answers `sample` with its own memory after a forced GC
 * (the memory scenario measures a worker's RSS, not the load generator's) and its count of
 * published stories.
 */
import { startBenchPipeline } from './lib/bench-pipeline.js';
import { warmUpStages } from './lib/warm-up.js';

export interface WorkerStart {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  topology: string;
  /**
   * Stories run through a private pipeline before joining, so the stages' code is compiled by
   * the JIT before the measured run, as it is in a worker that has been up for a while.
   */
  warmup?: number;
}

export type ParentMessage = { type: 'sample' } | { type: 'stop' };
export type ChildMessage = { type: 'ready' } | { type: 'sample'; rss: number; heapUsed: number; published: number } | { type: 'stopped' };

async function main(): Promise<void> {
  const start = JSON.parse(process.argv[2] ?? '{}') as WorkerStart;
  let published = 0;
  if (start.warmup) await warmUpStages(start, start.warmup);
  const bench = await startBenchPipeline({
    name: 'worker-child',
    prefix: start.prefix,
    redisUrl: start.redisUrl,
    topology: start.topology,
    concurrency: start.concurrency,
    timer: (stage) => {
      if (stage === 'publish') published += 1;
    },
  });
  const send = (m: ChildMessage): void => {
    process.send?.(m);
  };
  process.on('message', (m: ParentMessage) => {
    if (m.type === 'sample') {
      (globalThis as { gc?: () => void }).gc?.();
      const mem = process.memoryUsage();
      send({ type: 'sample', rss: mem.rss, heapUsed: mem.heapUsed, published });
    } else if (m.type === 'stop') {
      // Keys are the parent's to clean: close without removing them.
      void bench.pipeline.close().then(() => bench.services.close()).then(() => {
        send({ type: 'stopped' });
        process.exit(0);
      });
    }
  });
  // The parent going away must not leave a worker behind.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench worker failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
