/** Offered load: items handed to a sink at a fixed rate, in small batches on a 10 ms tick, catching up when a tick runs late. */
import type { RawItem } from '../../src/shared/raw-item.js';
import type { StoryFactory } from './stories.js';

const TICK_MS = 10;

export interface OfferedLoad {
  rate: number;
  seconds: number;
  /** Receives each batch; resolves once the batch is enqueued. */
  send(items: RawItem[]): Promise<unknown>;
  factory: StoryFactory;
  /** Called with each batch and the monotonic time (ms) just before it was sent. */
  onSent?(items: readonly RawItem[], sentAt: number): void;
  /** Called about once a second with seconds elapsed. */
  onSecond?(elapsed: number): void | Promise<void>;
}

/** Offers `rate` items/s for `seconds`; returns how many were sent and the rate actually achieved. */
export async function offerLoad(o: OfferedLoad): Promise<{ sent: number; achievedRate: number }> {
  const started = performance.now();
  const total = Math.round(o.rate * o.seconds);
  let sent = 0;
  let nextSecond = 1;
  while (sent < total) {
    const elapsed = (performance.now() - started) / 1000;
    const due = Math.min(total, Math.floor(elapsed * o.rate)) - sent;
    if (due > 0) {
      const at = performance.now();
      const items = o.factory.batch(due, new Date(performance.timeOrigin + at));
      o.onSent?.(items, at);
      sent += due;
      await o.send(items);
    }
    if (o.onSecond && elapsed >= nextSecond) {
      await o.onSecond(nextSecond);
      nextSecond += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  return { sent, achievedRate: (sent * 1000) / (performance.now() - started) };
}
