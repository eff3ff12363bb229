/**
 * Throughput at saturation: a backlog of N items is enqueued first, the workers are released, and
 * the clock runs until the last item leaves the end of the chain: N ÷ that time. (A kept-full
 * first queue is no steady state for a chain: the first worker keeps winning the event loop and the
 * last queue starves, so only a drained backlog measures the whole chain.) N is sized per machine:
 * a small probe run, which doubles as warm-up, gives the rate, and N is what that rate completes in
 * the target time, so the bench keeps its time budget on a fast or a loaded machine.
 */

export interface Throughput {
  /** Items per second over the whole drain (NaN when nothing completed). */
  perSecond: number;
  completed: number;
  /** Seconds from release to the last completion (or to the cap). */
  seconds: number;
  /** True when the cap ended the drain early: then perSecond is a lower bound. */
  capped: boolean;
}

/** Counts completions of `total` items; `wait` resolves when all are done or the cap passes. */
export class CompletionClock {
  #completed = 0;
  #last = 0;
  #started = performance.now();
  #resolve: (() => void) | null = null;
  readonly #done: Promise<void>;

  constructor(readonly total: number) {
    this.#done = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  /** Marks the moment the workers may start. */
  start(): void {
    this.#started = performance.now();
  }

  /** Records one completion. */
  tick(): void {
    this.#completed += 1;
    this.#last = performance.now();
    if (this.#completed >= this.total) this.#resolve?.();
  }

  /** Waits for every item or `capMs` after start, then returns the rate. */
  async wait(capMs: number): Promise<Throughput> {
    let timer: NodeJS.Timeout | undefined;
    const capped = await Promise.race([
      this.#done.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), Math.max(0, capMs - (performance.now() - this.#started)));
      }),
    ]);
    clearTimeout(timer);
    const end = capped ? performance.now() : this.#last;
    const seconds = (end - this.#started) / 1000;
    return { perSecond: this.#completed > 0 && seconds > 0 ? this.#completed / seconds : Number.NaN, completed: this.#completed, seconds, capped };
  }
}

export interface Sizing {
  /** Items in the probe run. */
  probe: number;
  /** Wanted length of the measured drain. */
  targetMs: number;
  /** Bounds of N. */
  max: number;
}

/** Probes with `sizing.probe` items, then measures a drain sized to last about `targetMs`. */
export async function measureSized<T extends Throughput>(sizing: Sizing, drain: (count: number, capMs: number) => Promise<T>): Promise<T> {
  const probe = await drain(sizing.probe, sizing.targetMs * 2);
  const rate = Number.isFinite(probe.perSecond) ? probe.perSecond : sizing.probe;
  const count = Math.max(sizing.probe, Math.min(sizing.max, Math.round((rate * sizing.targetMs) / 1000)));
  // The cap leaves room for the machine slowing down between probe and run; past it, a lower bound.
  return drain(count, sizing.targetMs * 3);
}
