/**
 * Throughput at saturation: the time a pre-enqueued backlog takes to complete, from the moment
 * the workers may start to the last completion. (Not a rate between completion percentiles: in a
 * chain of queues the last queue's completions bunch up at the end, which would flatter chains.)
 */

export interface Throughput {
  /** Items per second over the whole drain (NaN if nothing completed). */
  perSecond: number;
  completed: number;
  /** Wall seconds from start() to the last completion. */
  seconds: number;
  /** True when the time cap ended the run before the backlog was done. */
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

  /** Marks the moment the workers may start (call just before releasing the backlog). */
  start(): void {
    this.#started = performance.now();
  }

  /** Records one completion. */
  tick(): void {
    this.#completed += 1;
    this.#last = performance.now();
    if (this.#completed >= this.total) this.#resolve?.();
  }

  get completed(): number {
    return this.#completed;
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
