/** Runs a sequence of stages on one item in this process: the heart of both topologies and of `process`. */
import type { Article } from '../shared/article.js';
import type { RawItem } from '../shared/raw-item.js';
import type { StageContext, StageName } from './stage.js';
import type { StageSet } from './stages.js';

/** Observes each stage's CPU time (the benchmark's per-stage figures come from here). */
export type StageTimer = (stage: StageName, micros: number) => void;

/**
 * Runs `names` in order. The first stage receives a RawItem when it is normalize, else an
 * Article. Returns the last stage's article, or null as soon as a stage says there is nothing
 * more to do (for instance an unchanged re-send).
 */
export async function runStages(
  input: RawItem | Article,
  names: readonly StageName[],
  stages: StageSet,
  ctx: StageContext,
  timer?: StageTimer,
): Promise<Article | null> {
  let current: RawItem | Article = input;
  let article: Article | null = null;
  for (const name of names) {
    const started = timer ? process.hrtime.bigint() : 0n;
    article =
      name === 'normalize'
        ? await stages.normalize(current as RawItem, ctx)
        : await stages[name](current as Article, ctx);
    if (timer) timer(name, Number(process.hrtime.bigint() - started) / 1000);
    if (article === null) return null;
    current = article;
  }
  return article;
}
