/**
 * Every scenario, in run order. Baselines run first because later scenarios divide by them.
 * Another issue adds its scenario by writing `bench/<name>.ts` exporting a Scenario and listing it here.
 */
import { baselineScenario } from './baseline-bullmq.js';
import { pipelineThroughputScenario } from './pipeline-throughput.js';
import type { Scenario } from './scenario.js';
import { feedServingScenario } from './feed-serving.js';
import { ingestParseScenario } from './ingest-parse.js';
import { latencyScenario } from './latency.js';
import { memoryScenario } from './memory.js';
import { replayScenario } from './replay.js';
import { stageCostScenario } from './stage-cost.js';

export const SCENARIOS: readonly Scenario[] = [baselineScenario, pipelineThroughputScenario, stageCostScenario, latencyScenario, memoryScenario, ingestParseScenario, feedServingScenario, replayScenario];
