/**
 * Throughput at saturation, measured in a steady state: the first queue is kept topped up (never
 * empty, never huge) for a fixed duration, and completions at the end of the chain are counted in
 * the window after warm-up. A fixed duration keeps the bench inside its time budget whatever the
 * machine's speed; a window rate avoids both the chain's fill-up at the start and the bunching of
 * last-queue completions that a drained backlog shows at the end.
 */
import type { Queue } from 'bullmq';

/** Fraction of the run before the counting window opens. */
export const WARMUP_FRACTION = 0.3;
const TICK_MS = 50;

export interface Throughput {
  /** Completions per second inside the window (NaN when none). */
  perSecond: number;
  /** Completions inside the window. */
  completed: number;
  /** Window length, seconds. */
  seconds: number;
}

/** Completion timestamps. */
export class CompletionLog {
  readonly #times: number[] = [];

  /** Records one completion now. */
  tick(): void {
    this.#times.push(performance.now());
  }

  /** Completions in [from, to). */
  between(from: number, to: number): number {
    let n = 0;
    for (const t of this.#times) if (t >= from && t < to) n += 1;
    return n;
  }
}

export interface SaturationRun {
  /** The queue to keep fed. */
  first: Queue;
  /** Adds `count` more items to `first`. */
  add(count: number): Promise<void>;
  log: CompletionLog;
  durationMs: number;
  /** Refill when fewer than this many jobs wait (default 2,000). */
  low?: number;
  /** Jobs per refill (default 1,000). */
  chunk?: number;
  /** Called once, after the first fill and right before the clock starts (e.g. to resume a paused queue). */
  onStart?(): Promise<void>;
}

/** Keeps `first` fed for `durationMs`; returns the completion rate after warm-up. */
export async function runSaturated(r: SaturationRun): Promise<Throughput> {
  const low = r.low ?? 2_000;
  const chunk = r.chunk ?? 1_000;
  await r.add(low + chunk);
  await r.onStart?.();
  const start = performance.now();
  const end = start + r.durationMs;
  while (performance.now() < end) {
    if ((await r.first.getWaitingCount()) < low) await r.add(chunk);
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const from = start + r.durationMs * WARMUP_FRACTION;
  const completed = r.log.between(from, end);
  const seconds = (end - from) / 1000;
  return { perSecond: completed > 0 ? completed / seconds : Number.NaN, completed, seconds };
}
