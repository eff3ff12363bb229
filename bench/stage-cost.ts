/**
 * Cost per story of each stage, through the StageTimer hook that the workers use, with stories run
 * one at a time in this process (no BullMQ, nothing else on the event loop) with the context the
 * running pipeline gives its workers (story versions and the near-duplicate index in Redis). Each
 * stage gets two figures: wall time from the hook, and this process's CPU time over the same span
 * (getrusage), which leaves out waits on Redis round trips.
 */
import type { Redis } from 'ioredis';
import { ArticleStore } from '../src/feeds/article-store.js';
import type { Article } from '../src/shared/article.js';
import { silentLogger } from '../src/shared/logger.js';
import { RedisDuplicateIndex } from '../src/workers/redis-duplicate-index.js';
import { runStages, type StageTimer } from '../src/workers/run-stages.js';
import { STAGE_NAMES, type StageContext, type StageName } from '../src/workers/stage.js';
import { createStages } from '../src/workers/stages.js';
import { MemoryStoryStore, RedisStoryStore } from '../src/workers/story-store.js';
import { benchPrefix, cleanupPrefix } from './lib/bench-redis.js';
import { StoryFactory, loadStoryTemplates, type StoryTemplate } from './lib/stories.js';
import { round, summarize } from './lib/stats.js';
import type { Row, Scenario, ScenarioResult } from './scenario.js';

const LONG_STORY_WORDS = 600;

export interface StageCosts {
  /** Wall microseconds per story, per stage (the StageTimer figure). */
  wall: Record<StageName, number[]>;
  /** CPU microseconds of this process per story, per stage. */
  cpu: Record<StageName, number[]>;
}

function perStage(): Record<StageName, number[]> {
  return Object.fromEntries(STAGE_NAMES.map((s) => [s, [] as number[]])) as Record<StageName, number[]>;
}

/**
 * Runs up to `count` varied stories (or until the budget is spent) through every stage, one at a
 * time, timing each stage (after 100 unrecorded). `duplicateIndex: false` leaves the near-duplicate
 * index out, to show its share of normalize.
 */
export async function measureStageCosts(
  redis: Redis,
  templates: readonly StoryTemplate[],
  count: number,
  budgetMs = Number.POSITIVE_INFINITY,
  opts: { duplicateIndex?: boolean } = {},
): Promise<StageCosts> {
  const prefix = benchPrefix('stage-cost');
  const wall = perStage();
  const cpu = perStage();
  let mark = process.cpuUsage();
  const timer: StageTimer = (stage, micros) => {
    const d = process.cpuUsage(mark);
    mark = process.cpuUsage();
    wall[stage].push(micros);
    cpu[stage].push(d.user + d.system);
  };
  const store = new ArticleStore(redis, { prefix, feedLength: 500 });
  const stages = createStages({ store, archive: null });
  // What src/app/pipeline.ts gives the workers.
  const ctx: StageContext & { duplicates?: RedisDuplicateIndex } = {
    log: silentLogger(),
    now: () => new Date(),
    stories: new RedisStoryStore(redis, prefix),
    ...(opts.duplicateIndex === false ? {} : { duplicates: new RedisDuplicateIndex(redis, { prefix }) }),
  };
  const factory = new StoryFactory(templates, prefix);
  try {
    // Warm-up, unrecorded: first calls pay for JIT and lazily built tables.
    for (let i = 0; i < Math.min(100, count); i++) await runStages(factory.next(), STAGE_NAMES, stages, ctx);
    const deadline = performance.now() + budgetMs;
    for (let i = 0; i < count && performance.now() < deadline; i++) {
      const item = factory.next();
      mark = process.cpuUsage();
      await runStages(item, STAGE_NAMES, stages, ctx, timer);
    }
  } finally {
    await cleanupPrefix(redis, prefix);
  }
  return { wall, cpu };
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A Vietnamese story of at least 600 words, as enrich receives it (after normalize and translate-tag). */
export async function longStory(templates: readonly StoryTemplate[]): Promise<Article> {
  const stages = createStages(null);
  const ctx: StageContext = { log: silentLogger(), now: () => new Date(), stories: new MemoryStoryStore() };
  const articles: Article[] = [];
  for (const t of templates) {
    const a = await runStages(t.item, ['normalize', 'translate-tag'], stages, ctx);
    if (a) articles.push(a);
  }
  const vi = articles.filter((a) => a.language === 'vi');
  const pool = vi.length > 0 ? vi : articles;
  const base = pool.reduce((a, b) => (words(b.body.text) > words(a.body.text) ? b : a));
  const paragraphs: string[] = [];
  let n = 0;
  for (let i = 0; n < LONG_STORY_WORDS; i++) {
    const source = pool[i % pool.length] as Article;
    for (const p of source.body.text.split('\n\n')) {
      if (n >= LONG_STORY_WORDS) break;
      paragraphs.push(p);
      n += words(p);
    }
  }
  const text = paragraphs.join('\n\n');
  return { ...base, body: { text, html: paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('') } };
}

/** Enrich's time on one long story, `count` runs after warm-up. */
export async function measureEnrichLong(article: Article, count: number): Promise<number[]> {
  const stages = createStages(null);
  const ctx: StageContext = { log: silentLogger(), now: () => new Date(), stories: new MemoryStoryStore() };
  const times: number[] = [];
  const timer: StageTimer = (_stage, micros) => times.push(micros);
  for (let i = 0; i < 20; i++) await runStages(article, ['enrich'], stages, ctx);
  for (let i = 0; i < count; i++) await runStages(article, ['enrich'], stages, ctx, timer);
  return times;
}

export const stageCostScenario: Scenario = {
  name: 'stage-cost',
  title: 'Cost per story of each stage (µs, one story at a time, pipeline context)',
  async run(ctx): Promise<ScenarioResult> {
    const { templates } = await loadStoryTemplates();
    const count = ctx.opts.quick ? 1_500 : 6_000;
    const budgetMs = ctx.opts.quick ? 4_500 : 25_000;
    ctx.progress(`stage cost: up to ${count} stories or ${budgetMs / 1000} s through ${STAGE_NAMES.join(' → ')}`);
    const costs = await measureStageCosts(ctx.redis.client, templates, count, budgetMs);
    ctx.progress('stage cost: normalize without the near-duplicate index');
    const bare = await measureStageCosts(ctx.redis.client, templates, count, budgetMs / 3, { duplicateIndex: false });
    const long = await longStory(templates);
    const longTimes = await measureEnrichLong(long, ctx.opts.quick ? 200 : 1_000);
    const rows: Row[] = [];
    const figures: Record<string, number | null> = {};
    let wallMean = 0;
    let cpuMean = 0;
    for (const stage of STAGE_NAMES) {
      const w = summarize(costs.wall[stage]);
      const c = summarize(costs.cpu[stage]);
      const key = stage.replace(/-/g, '_');
      rows.push({ metric: `${stage}: median / p99 wall`, value: round(w.median, 0), unit: 'µs', note: `p99 ${w.p99.toFixed(0)} µs, mean ${w.mean.toFixed(0)} µs` });
      rows.push({ metric: `${stage}: median / p99 CPU`, value: round(c.median, 0), unit: 'µs', note: `p99 ${c.p99.toFixed(0)} µs, mean ${c.mean.toFixed(0)} µs` });
      figures[`stage_us_median_${key}`] = round(w.median, 0);
      figures[`stage_us_p99_${key}`] = round(w.p99, 0);
      figures[`stage_cpu_us_median_${key}`] = round(c.median, 0);
      figures[`stage_cpu_us_mean_${key}`] = round(c.mean, 0);
      wallMean += w.mean;
      cpuMean += c.mean;
    }
    const noIndex = summarize(bare.cpu.normalize);
    rows.push({ metric: 'normalize CPU without the near-duplicate index', value: round(noIndex.median, 0), unit: 'µs', note: `median; mean ${noIndex.mean.toFixed(0)} µs (the index is the rest of normalize)` });
    figures['stage_cpu_us_median_normalize_no_dup_index'] = round(noIndex.median, 0);
    // The near-duplicate index grows with every story: a cost that climbs with it shows up here.
    const norm = costs.cpu.normalize;
    const tenth = Math.max(1, Math.floor(norm.length / 10));
    const early = summarize(norm.slice(0, tenth)).median;
    const late = summarize(norm.slice(-tenth)).median;
    rows.push({ metric: 'normalize CPU: last 10 % ÷ first 10 % of stories', value: round(late / early, 2), unit: 'ratio', note: `${early.toFixed(0)} → ${late.toFixed(0)} µs median; > 1 means cost grows with the stories already indexed` });
    figures['normalize_cpu_growth_ratio'] = round(late / early, 2);
    rows.push({ metric: 'stories timed', value: costs.wall.normalize.length, unit: 'stories' });
    rows.push({ metric: 'all stages: mean wall per story', value: round(wallMean, 0), unit: 'µs', note: `one story at a time: at most ${(1e6 / wallMean).toFixed(0)} stories/s` });
    rows.push({ metric: 'all stages: mean CPU per story', value: round(cpuMean, 0), unit: 'µs', note: `CPU-bound limit ${(1e6 / cpuMean).toFixed(0)} stories/s per core` });
    figures['stages_cpu_us_mean_total'] = round(cpuMean, 0);
    const longSummary = summarize(longTimes);
    const longWords = words(long.body.text);
    rows.push({ metric: `enrich, ${longWords}-word story: median`, value: round(longSummary.median, 0), unit: 'µs' });
    rows.push({ metric: `enrich, ${longWords}-word story: p99`, value: round(longSummary.p99, 0), unit: 'µs' });
    figures['enrich_600w_us_median'] = round(longSummary.median, 0);
    figures['enrich_600w_us_p99'] = round(longSummary.p99, 0);
    return {
      rows,
      figures,
      checks: [{ name: 'enrich, 600-word story, median', value: round(longSummary.median / 1000, 3), target: '≤ 2 ms', pass: longSummary.median <= 2_000 }],
    };
  },
};
