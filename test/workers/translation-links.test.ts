/**
 * Translation links on the labeled pairs of test/fixtures/wire/pairs: every cross-language
 * combination of their stories is scored; two stories are the same story when the pairs connect
 * them (updates, rewrites, translations). Thresholds asserted here are reported in docs/quality.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RawItemSchema } from '../../src/shared/raw-item.js';
import { readRawItem } from '../../src/workers/normalize/index.js';
import { detectLanguage } from '../../src/workers/translate-tag/index.js';
import { MemoryTranslationIndex, RedisTranslationIndex, TRANSLATION_THRESHOLD, linkPrint, translationScore, type LinkPrint } from '../../src/workers/translation-links.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

const ROOT = new URL('../fixtures/wire/pairs/', import.meta.url).pathname;

function loadStories(): { prints: Map<string, LinkPrint>; sameStory: (a: string, b: string) => boolean } {
  const prints = new Map<string, LinkPrint>();
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const name of readdirSync(ROOT).sort()) {
    const spec = JSON.parse(readFileSync(join(ROOT, name, 'pair.json'), 'utf8'));
    const paths: string[] = [];
    for (const side of [spec.a, spec.b]) {
      const path = resolve(ROOT, name, side.file);
      paths.push(path);
      if (prints.has(path)) continue;
      const raw = RawItemSchema.parse({ sourceId: 'pairs', format: 'wire-text', identity: path, content: readFileSync(path, 'utf8'), published: side.published, receivedAt: side.published });
      const n = readRawItem(raw);
      prints.set(path, linkPrint({ headline: n.headline, lead: n.lead, body: { text: n.bodyText, html: '' }, dateline: n.parts.dateline }, detectLanguage(n.bodyText).lang));
    }
    if (spec.label !== 'different') parent.set(find(paths[0]!), find(paths[1]!));
  }
  return { prints, sameStory: (a, b) => find(a) === find(b) };
}

describe('translation links on the labeled pairs', () => {
  const { prints, sameStory } = loadStories();
  const keys = [...prints.keys()].sort();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let crossPairs = 0;
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const a = prints.get(keys[i]!)!;
      const b = prints.get(keys[j]!)!;
      if (a.lang === b.lang) continue;
      crossPairs++;
      const linked = translationScore(a, b) >= TRANSLATION_THRESHOLD;
      const truth = sameStory(keys[i]!, keys[j]!);
      if (linked && truth) tp++;
      else if (linked) fp++;
      else if (truth) fn++;
    }
  }

  it('links translations with precision ≥ 0.9 and recall ≥ 0.85 over every cross-language pair', () => {
    expect(crossPairs).toBeGreaterThan(500);
    expect(tp + fn).toBeGreaterThanOrEqual(10);
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect(precision, `tp ${tp} fp ${fp} fn ${fn}`).toBeGreaterThanOrEqual(0.9);
    expect(recall, `tp ${tp} fp ${fp} fn ${fn}`).toBeGreaterThanOrEqual(0.85);
  });

  it('never links two stories of the same language', () => {
    const [a] = prints.values();
    expect(translationScore(a!, a!)).toBe(0);
  });
});

describe('translation indexes', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('tl-index');
  afterAll(async () => {
    await cleanupPrefix(redis, prefix);
    await redis.quit();
  });

  const vi = linkPrint({ headline: 'Bộ trưởng Nguyễn Duy Lâm tiếp Đại sứ Lào', lead: null, body: { text: 'Chiều 12/11, Bộ trưởng Nguyễn Duy Lâm đã tiếp Đại sứ Lào Sengphet Keomany. Hai bên thống nhất mở thêm 1.100 km đường.', html: '' }, dateline: { place: null, date: '2024-11-12', agency: null, raw: null } }, 'vi');
  const en = linkPrint({ headline: 'Minister Nguyen Duy Lam receives Lao Ambassador', lead: null, body: { text: 'Minister Nguyen Duy Lam received Lao Ambassador Sengphet Keomany on November 12. They agreed to build 1,100 km of roads.', html: '' }, dateline: { place: null, date: '2024-11-12', agency: null, raw: null } }, 'en');

  it.each([
    ['memory', () => new MemoryTranslationIndex()],
    ['redis', () => new RedisTranslationIndex(redis, prefix)],
  ])('%s: finds the earlier story in another language', async (_name, make) => {
    const index = make();
    await index.add('vi-1', vi);
    expect((await index.findOriginal(en, 'en-1'))?.id).toBe('vi-1');
    expect(await index.findOriginal(vi, 'vi-1')).toBeNull();
  });
});
