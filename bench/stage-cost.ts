/**
 * Cost per story of each stage, through the StageTimer hook that the workers use, with stories run
 * one at a time in this process (no BullMQ, nothing else on the event loop), so a stage's time is
 * its own: normalize, translate-tag and enrich are pure CPU; publish is wall time including its
 * Redis round trips (store save + mark published), reported with its CPU share measured apart.
 */
import { ArticleStore } from '../src/feeds/article-store.js';
import type { Article } from '../src/shared/article.js';
import { silentLogger } from '../src/shared/logger.js';
import { runStages, type StageTimer } from '../src/workers/run-stages.js';
import { STAGE_NAMES, type StageContext, type StageName } from '../src/workers/stage.js';
import { OFFLINE_STAGES, createStages } from '../src/workers/stages.js';
import { MemoryStoryStore } from '../src/workers/story-store.js';
import { benchPrefix, cleanupPrefix } from './lib/bench-redis.js';
import { StoryFactory, loadStoryTemplates, type StoryTemplate } from './lib/stories.js';
import { round, summarize } from './lib/stats.js';
import type { Row, Scenario, ScenarioResult } from './scenario.js';

const LONG_STORY_WORDS = 600;

export interface StageCosts {
  /** Microseconds per story, per stage. */
  perStage: Record<StageName, number[]>;
  /** CPU microseconds of this process during publish (its Redis waits excluded). */
  publishCpu: number[];
}

/** Runs `count` varied stories through every stage, one at a time, timing each stage. */
export async function measureStageCosts(redis: import('ioredis').Redis, templates: readonly StoryTemplate[], count: number): Promise<StageCosts> {
  const prefix = benchPrefix('stage-cost');
  const perStage = Object.fromEntries(STAGE_NAMES.map((s) => [s, [] as number[]])) as Record<StageName, number[]>;
  const publishCpu: number[] = [];
  let cpuAt: NodeJS.CpuUsage | null = null;
  const timer: StageTimer = (stage, micros) => {
    perStage[stage].push(micros);
    // The stage before publish just ended: publish's CPU is measured from here to the end of the story.
    if (stage === 'enrich') cpuAt = process.cpuUsage();
  };
  const store = new ArticleStore(redis, { prefix, feedLength: 500 });
  const stages = createStages({ store, archive: null });
  const ctx: StageContext = { log: silentLogger(), now: () => new Date(), stories: new MemoryStoryStore() };
  const factory = new StoryFactory(templates, prefix);
  try {
    // Warm-up, unrecorded: first calls pay for JIT and lazily built tables.
    for (let i = 0; i < Math.min(200, count); i++) await runStages(factory.next(), STAGE_NAMES, stages, ctx);
    for (let i = 0; i < count; i++) {
      await runStages(factory.next(), STAGE_NAMES, stages, ctx, timer);
      if (cpuAt) {
        const d = process.cpuUsage(cpuAt);
        publishCpu.push(d.user + d.system);
        cpuAt = null;
      }
    }
  } finally {
    await cleanupPrefix(redis, prefix);
  }
  return { perStage, publishCpu };
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
  for (let i = 0; i < 100; i++) await runStages(article, ['enrich'], stages, ctx);
  for (let i = 0; i < count; i++) await runStages(article, ['enrich'], stages, ctx, timer);
  return times;
}

export const stageCostScenario: Scenario = {
  name: 'stage-cost',
  title: 'Cost per story of each stage (µs, one story at a time)',
  async run(ctx): Promise<ScenarioResult> {
    const { templates } = await loadStoryTemplates();
    const count = ctx.opts.quick ? 1_500 : 6_000;
    ctx.progress(`stage cost: ${count} stories through ${STAGE_NAMES.join(' → ')}`);
    const costs = await measureStageCosts(ctx.redis.client, templates, count);
    const long = await longStory(templates);
    const longTimes = await measureEnrichLong(long, ctx.opts.quick ? 500 : 2_000);
    const rows: Row[] = [];
    const figures: Record<string, number | null> = {};
    let offlineMedian = 0;
    for (const stage of STAGE_NAMES) {
      const s = summarize(costs.perStage[stage]);
      const key = stage.replace(/-/g, '_');
      const note = stage === 'publish' ? 'wall time, includes 2 Redis round trips' : 'CPU (synchronous work)';
      rows.push({ metric: `${stage}: median`, value: round(s.median, 0), unit: 'µs', note });
      rows.push({ metric: `${stage}: p99`, value: round(s.p99, 0), unit: 'µs' });
      figures[`stage_us_median_${key}`] = round(s.median, 0);
      figures[`stage_us_p99_${key}`] = round(s.p99, 0);
      if ((OFFLINE_STAGES as readonly string[]).includes(stage)) offlineMedian += s.median;
    }
    const cpu = summarize(costs.publishCpu);
    rows.push({ metric: 'publish: CPU median', value: round(cpu.median, 0), unit: 'µs', note: 'process CPU during publish (getrusage)' });
    figures['stage_us_median_publish_cpu'] = round(cpu.median, 0);
    rows.push({ metric: 'normalize + translate-tag + enrich: sum of medians', value: round(offlineMedian, 0), unit: 'µs' });
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
