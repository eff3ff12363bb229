/**
 * Hands finished articles to the next stage's queue in batches. A worker runs many jobs at once,
 * and their Redis replies arrive together, so many jobs finish in the same turn of the event
 * loop: their adds go to Redis as one `addBulk` (one round trip and one socket write) instead of
 * one each. Nothing waits for a batch to fill: a batch is whatever arrived before the next
 * `setImmediate`, so a story alone goes out at once.
 *
 * Each caller's promise settles with its own batch, so a job completes only once its article is
 * on the next queue. If the batch fails, every job in it fails and is retried; the job id (one
 * per story version) makes a resend a no-op for the articles that did get in.
 */
import type { JobsOptions, Queue } from 'bullmq';

interface PendingAdd {
  name: string;
  data: unknown;
  opts: JobsOptions;
  settle: (err: unknown) => void;
}

/** Most jobs per `addBulk`: keeps one reply (and one failure) from covering too much. */
export const MAX_HAND_OFF_BATCH = 100;

export class BatchedHandOff {
  #pending: PendingAdd[] = [];
  #scheduled = false;

  constructor(
    private readonly queue: Pick<Queue, 'addBulk'>,
    private readonly maxBatch = MAX_HAND_OFF_BATCH,
  ) {}

  /** Adds one job to the queue, together with whatever else is added before the next turn. */
  add(name: string, data: unknown, opts: JobsOptions): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ name, data, opts, settle: (err) => (err === undefined ? resolve() : reject(err)) });
      if (this.#pending.length >= this.maxBatch) this.#flush();
      else if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => {
          this.#scheduled = false;
          this.#flush();
        });
      }
    });
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    this.queue.addBulk(batch.map(({ name, data, opts }) => ({ name, data, opts }))).then(
      () => {
        for (const p of batch) p.settle(undefined);
      },
      (err: unknown) => {
        for (const p of batch) p.settle(err ?? new Error('addBulk failed'));
      },
    );
  }
}
