/** What a benchmark scenario is: a named async run that reports rows for the table, JSON keys and target checks. */
import type { BenchRedis } from './lib/bench-redis.js';

export interface BenchOptions {
  /** `--quick`: small counts and short runs, the whole bench under 2 minutes. */
  quick: boolean;
  /** Worker concurrency used for baselines and pipeline alike. */
  concurrency: number;
  /** `--profile`: write a CPU profile of the fused pipeline run under this directory. */
  profileDir: string | null;
}

export interface BenchContext {
  redis: BenchRedis;
  opts: BenchOptions;
  /** JSON figures reported so far in this run (baselines first), for ratios. */
  figures: ReadonlyMap<string, number | null>;
  /** Progress line on stderr, so stdout stays the table and the JSON. */
  progress(message: string): void;
}

/** One line of the results table. */
export interface Row {
  metric: string;
  value: number | null;
  unit: string;
  note?: string;
}

/** A target from the issue and whether this run met it. */
export interface Check {
  name: string;
  value: number | null;
  target: string;
  pass: boolean;
}

export interface ScenarioResult {
  rows: Row[];
  /** Stable JSON keys (snake_case); null when the figure could not be measured. */
  figures: Record<string, number | null>;
  checks: Check[];
}

export interface Scenario {
  /** Short id used by `--only`. */
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<ScenarioResult>;
}
