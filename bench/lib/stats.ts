/** Order statistics for benchmark samples (nearest-rank percentiles, no interpolation). */

export interface Summary {
  count: number;
  median: number;
  p99: number;
  mean: number;
  max: number;
}

/** The nearest-rank `p`-th percentile (0..100) of `values`; NaN for no values. Sorts a copy. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sortedPercentile(sorted, p);
}

function sortedPercentile(sorted: Float64Array, p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** Count, median, p99, mean and max of `values` (NaN fields when empty). */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, median: Number.NaN, p99: Number.NaN, mean: Number.NaN, max: Number.NaN };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    median: sortedPercentile(sorted, 50),
    p99: sortedPercentile(sorted, 99),
    mean: sum / sorted.length,
    max: sorted[sorted.length - 1] as number,
  };
}

/** Rounds for display and JSON: 3 significant decimals at most, NaN/Infinity become null. */
export function round(value: number, decimals = 3): number | null {
  if (!Number.isFinite(value)) return null;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** a / b, or NaN when either is missing or b is zero, so a broken baseline never fakes a ratio. */
export function ratio(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return a / b;
}
