/**
 * Replay: an operator re-drives stories that failed, with the function `wirepipe failed retry`
 * calls (src/app/retry-failed.ts), from a process of its own as the command runs (lib/operator-retry.ts).
 * N varied stories go through the real fused workers while the feed store refuses their writes
 * with a real Redis error (lib/store-outage.ts); they exhaust their attempts and land in the failed
 * set and the dead letters as in production. The outage is then lifted and the clock runs from the
 * retry call until the last of them is in the feeds. The baseline is a fresh drain of N new
 * stories through the same pipeline, handed over through the ingest sink and timed the same way,
 * measured just before and just after the replay; the ratio divides by their mean so drift in the
 * machine's load does not land on one side. Every count that says the replay was correct is
 * checked, and a violation fails the scenario rather than reporting a rate.
 */
import type { Queue } from 'bullmq';
import type { RawItem } from '../src/shared/raw-item.js';
import { failedJobs, startBenchPipeline, type BenchPipeline } from './lib/bench-pipeline.js';
import { CompletionClock, type Throughput } from './lib/saturation.js';
import { ratio, round } from './lib/stats.js';
import { StoryFactory, expectedStoryId, loadStoryTemplates } from './lib/stories.js';
import { OperatorProcess } from './lib/operator-retry.js';
import { blockStoreWrites } from './lib/store-outage.js';
import type { BenchContext, Scenario, ScenarioResult } from './scenario.js';

const SINK_CHUNK = 500;
/**
 * Attempts and first backoff while the outage lasts: production's mechanism (a retry after a
 * backoff, then the failed set) in fewer, shorter rounds than its 5 attempts from 1 s, because the
 * failing phase is set-up, not measured. The replay resets attempts, so they do not weigh on it.
 */
const ATTEMPTS = 2;
const BACKOFF_MS = 100;

interface ReplaySizing {
  probe: number;
  /** Wanted length of each timed drain (fresh, replay, fresh). */
  targetMs: number;
  max: number;
}

/**
 * N is what the probe's rate drains in `targetMs`: quick 0.8 s, full 4 s per fresh drain. The
 * failing phase costs about 2 drains (every attempt runs the stages) and a slow replay more.
 */
export function replaySizing(quick: boolean): ReplaySizing {
  return quick ? { probe: 100, targetMs: 800, max: 10_000 } : { probe: 300, targetMs: 4_000, max: 50_000 };
}

/** What one measured phase saw: its rate and how many stories the publish stage let through. */
interface Phase extends Throughput {
  published: number;
}

/** Publish-stage completions, per phase, from the workers' StageTimer hook. */
class PublishCounter {
  #clock: CompletionClock | null = null;
  #count = 0;

  readonly timer = (stage: string): void => {
    if (stage !== 'publish') return;
    this.#count += 1;
    this.#clock?.tick();
  };

  /** A new phase of `total` stories: a fresh clock and the count from zero. */
  begin(total: number): CompletionClock {
    this.#count = 0;
    this.#clock = new CompletionClock(total);
    return this.#clock;
  }

  get count(): number {
    return this.#count;
  }
}

async function sinkAll(bench: BenchPipeline, items: RawItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += SINK_CHUNK) await bench.pipeline.sink(items.slice(i, i + SINK_CHUNK));
}

/** Jobs waiting, delayed, active or prioritized in any queue of the pipeline. */
async function jobsInFlight(queues: readonly Queue[]): Promise<number> {
  let n = 0;
  for (const q of queues) {
    const c = await q.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'waiting-children');
    n += Object.values(c).reduce((a, b) => a + b, 0);
  }
  return n;
}

/** Polls `done` every 50 ms until it holds or `ms` pass; false on timeout. */
async function until(done: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** The pipeline idle (nothing in flight), then how many publishes the phase saw: retries or late jobs would show here. */
async function settle(bench: BenchPipeline, counter: PublishCounter, capMs: number): Promise<number> {
  if (!(await until(async () => (await jobsInFlight(bench.pipeline.queues.queues)) === 0, capMs))) {
    throw new Error(`replay: jobs still in flight ${capMs / 1000} s after the drain`);
  }
  return counter.count;
}

/** A fresh drain: `count` new stories through the ingest sink, timed from the hand-over to the last publish. */
async function freshDrain(bench: BenchPipeline, counter: PublishCounter, factory: StoryFactory, count: number, capMs: number): Promise<Phase> {
  const items = factory.batch(count);
  const clock = counter.begin(count);
  clock.start();
  await sinkAll(bench, items);
  const t = await clock.wait(capMs);
  return { ...t, published: await settle(bench, counter, capMs) };
}

/** Reads, per story id, whether it is in the `all` feed, its stored version and its story record. */
async function storyStates(bench: BenchPipeline, ids: readonly string[]): Promise<{ listed: number; versionOne: number; publishedOnce: number }> {
  const p = bench.config.prefix;
  const pipe = bench.services.redis.pipeline();
  for (const id of ids) {
    pipe.zscore(`${p}:feed:all`, id);
    pipe.hget(`${p}:article:${id}`, 'version');
    pipe.hmget(`${p}:story:${id}`, 'latest', 'p:1');
  }
  const replies = ((await pipe.exec()) ?? []).map(([err, v]) => (err ? null : v));
  let listed = 0;
  let versionOne = 0;
  let publishedOnce = 0;
  for (let i = 0; i < ids.length; i++) {
    const [score, version, story] = replies.slice(i * 3, i * 3 + 3) as [string | null, string | null, (string | null)[] | null];
    if (score !== null) listed += 1;
    if (version === '1') versionOne += 1;
    // One version ever recorded for the story, and that one marked published.
    if (story?.[0] === '1' && story[1] === '1') publishedOnce += 1;
  }
  return { listed, versionOne, publishedOnce };
}

async function feedChanges(bench: BenchPipeline): Promise<number> {
  return Number(await bench.pipeline.store.changes());
}

function mustEqual(what: string, got: number, want: number): void {
  if (got !== want) throw new Error(`replay: ${what}: ${got}, expected ${want}`);
}

async function runReplay(ctx: BenchContext): Promise<ScenarioResult> {
  const { templates } = await loadStoryTemplates();
  const sizing = replaySizing(ctx.opts.quick);
  const capMs = sizing.targetMs * 4;
  const counter = new PublishCounter();
  // The feeds hold every story of the run, so none falls off before it is counted.
  const bench = await startBenchPipeline({
    name: 'replay',
    redisUrl: ctx.redis.url,
    topology: 'fused',
    concurrency: ctx.opts.concurrency,
    timer: counter.timer,
    feedLength: sizing.probe + 3 * sizing.max,
    env: { JOB_ATTEMPTS: String(ATTEMPTS), JOB_BACKOFF_MS: String(BACKOFF_MS) },
  });
  // The operator's tool runs in a process of its own, as `wirepipe failed retry` does.
  const operator = await OperatorProcess.start({ redisUrl: ctx.redis.url, prefix: bench.config.prefix, topology: bench.config.topology.name, attempts: bench.config.attempts, backoffMs: bench.config.backoffMs }).catch(async (err: unknown) => {
    await bench.stop();
    throw err;
  });
  try {
    const factory = new StoryFactory(templates, bench.config.prefix);
    ctx.progress(`replay: probe of ${sizing.probe} fresh stories (warm-up and sizing)`);
    const probe = await freshDrain(bench, counter, factory, sizing.probe, sizing.targetMs * 2);
    const rate = Number.isFinite(probe.perSecond) ? probe.perSecond : sizing.probe;
    const n = Math.max(sizing.probe, Math.min(sizing.max, Math.round((rate * sizing.targetMs) / 1000)));

    // The outage: every one of the N stories fails at publish, attempt after attempt.
    const doomed = factory.batch(n);
    const ids = doomed.map(expectedStoryId);
    mustEqual('distinct story ids among the failing stories', new Set(ids).size, n);
    const outage = await blockStoreWrites(bench.services.redis, bench.config.prefix, ids);
    const changesBefore = await feedChanges(bench);
    const lettersBefore = await bench.pipeline.deadLetters.count();
    ctx.progress(`replay: ${n} stories failing at publish (store refuses writes), ${ATTEMPTS} attempts each`);
    counter.begin(n);
    await sinkAll(bench, doomed);
    const failCapMs = Math.max(30_000, capMs * (ATTEMPTS + 1));
    const allFailed = await until(async () => (await failedJobs(bench.pipeline)) === n && (await bench.pipeline.deadLetters.count()) - lettersBefore === n, failCapMs);
    if (!allFailed) throw new Error(`replay: ${await failedJobs(bench.pipeline)} of ${n} stories in the failed set after ${failCapMs / 1000} s`);
    mustEqual('stories published during the outage', counter.count, 0);
    mustEqual('feed changes during the outage', (await feedChanges(bench)) - changesBefore, 0);
    const letter = (await bench.pipeline.deadLetters.list(1))[0];

    ctx.progress(`replay: fresh drain of ${n} stories (baseline, before)`);
    const freshBefore = await freshDrain(bench, counter, factory, n, capMs);

    await outage.lift();
    ctx.progress(`replay: outage lifted, retrying the ${n} failed jobs`);
    const changesAtReplay = await feedChanges(bench);
    const clock = counter.begin(n);
    clock.start();
    const { result, seconds: retrySeconds } = await operator.retryAll();
    const replay = await clock.wait(capMs);
    const replayPublished = await settle(bench, counter, capMs);
    const replayChanges = (await feedChanges(bench)) - changesAtReplay;

    ctx.progress(`replay: fresh drain of ${n} stories (baseline, after)`);
    const freshAfter = await freshDrain(bench, counter, factory, n, capMs);

    // Correctness: every failed story retried once, published once, nothing lost or left failed.
    const states = await storyStates(bench, ids);
    const lost = n - states.listed;
    const failedAfter = await failedJobs(bench.pipeline);
    const newLetters = (await bench.pipeline.deadLetters.count()) - lettersBefore - n;
    mustEqual('jobs retried', result.retried.length, n);
    mustEqual('distinct jobs retried', new Set(result.retried.map((r) => r.jobId)).size, n);
    mustEqual('retry: not found', result.notFound.length, 0);
    mustEqual('retry: skipped', result.skipped.length, 0);
    mustEqual('replayed stories lost (not in the all feed)', lost, 0);
    mustEqual('publish-stage runs during the replay', replayPublished, n);
    mustEqual('feed saves during the replay', replayChanges, n);
    mustEqual('replayed stories stored as version 1', states.versionOne, n);
    mustEqual('replayed stories with one version, published', states.publishedOnce, n);
    mustEqual('failed jobs after the replay', failedAfter, 0);
    mustEqual('dead letters written during and after the replay', newLetters, 0);
    mustEqual('fresh stories published (before, after)', freshBefore.published + freshAfter.published, 2 * n);

    const freshMean = (freshBefore.perSecond + freshAfter.perSecond) / 2;
    const q = ratio(replay.perSecond, freshMean);
    const capNote = (t: Throughput) => (t.capped ? ' (cap hit: lower bound)' : '');
    return {
      rows: [
        { metric: 'replay: failed stories back in the feeds', value: round(replay.perSecond, 0), unit: 'stories/s', note: `${n} in ${replay.seconds.toFixed(2)} s${capNote(replay)}, the retry call itself ${retrySeconds.toFixed(2)} s` },
        { metric: 'fresh drain, same pipeline', value: round(freshMean, 0), unit: 'stories/s', note: `${freshBefore.perSecond.toFixed(0)} before, ${freshAfter.perSecond.toFixed(0)} after${capNote(freshBefore)}${capNote(freshAfter)}` },
        { metric: 'replay ÷ fresh drain', value: round(q), unit: 'ratio', note: 'no target in the issue' },
        { metric: 'replay: jobs retried', value: result.retried.length, unit: 'jobs', note: `of ${n} failed (${letter?.code ?? '?'}: ${(letter?.message ?? '').split(' ')[0] ?? ''}), ${result.skipped.length} skipped` },
        { metric: 'replay: stories lost', value: lost, unit: 'stories', note: 'each published once, v1; failed set empty after; no new dead letters' },
      ],
      figures: {
        replay_stories_s: round(replay.perSecond, 0),
        replay_fresh_stories_s: round(freshMean, 0),
        replay_ratio: round(q),
        replay_retry_call_s: round(retrySeconds, 2),
        replay_stories: n,
        replay_retried: result.retried.length,
        replay_lost: lost,
        replay_failed_after: failedAfter,
      },
      checks: [],
    };
  } finally {
    await operator.stop();
    await bench.stop();
  }
}

export const replayScenario: Scenario = {
  name: 'replay',
  title: 'Replay: failed stories re-driven by `wirepipe failed retry` vs a fresh drain',
  run: runReplay,
};
