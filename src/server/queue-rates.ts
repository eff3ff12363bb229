/**
 * Jobs per minute from BullMQ's metrics. BullMQ only pushes a minute's count when a job finishes
 * in a later minute, so its data list lags when a queue goes quiet; the count since the last push
 * (`meta.count − meta.prevCount`) all fell in the minute of `meta.prevTS`, which puts the missing
 * minutes back: zeros for the quiet ones, that count for its own minute.
 */
import type { Metrics } from 'bullmq';

export interface QueueRate {
  /** Jobs finished since metrics began. */
  total: number;
  /** Jobs finished so far in the current, unfinished minute. */
  thisMinute: number;
  /** Jobs per complete minute, newest first (at most `minutes`). */
  perMinute: number[];
}

const MINUTE_MS = 60_000;

/** The per-minute series of `m` as of `now` (epoch ms). */
export function queueRate(m: Metrics, now: number, minutes = 15): QueueRate {
  const total = Number(m.meta.count) || 0;
  const prevTs = Number(m.meta.prevTS);
  if (!Number.isFinite(prevTs) || prevTs <= 0) return { total, thisMinute: 0, perMinute: [] };
  const pending = total - (Number(m.meta.prevCount) || 0);
  const current = Math.floor(now / MINUTE_MS);
  const last = Math.floor(prevTs / MINUTE_MS);
  const data = m.data.map(Number);
  if (last >= current) return { total, thisMinute: pending, perMinute: data.slice(0, minutes) };
  const quiet: number[] = Array.from({ length: Math.min(current - 1 - last, minutes) }, () => 0);
  return { total, thisMinute: 0, perMinute: [...quiet, pending, ...data].slice(0, minutes) };
}
