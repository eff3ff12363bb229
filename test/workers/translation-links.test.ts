/**
 * Translation links on the labeled pairs of test/fixtures/wire/pairs: every cross-language
 * combination of their stories is scored; two stories are the same story when the pairs connect
 * them (updates, rewrites, translations). Thresholds asserted here are reported in docs/quality.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../src/workers/normalize/fold.js';
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

describe('name keys', () => {
  // The keys as the regex version computed them: the scan that replaced it must give the same,
  // since stored prints of both meet in the shared index.
  function referenceNameKeys(text: string): string[] {
    const fold = (word: string) => foldDiacritics(word).replace(/[^a-z0-9]/gu, '');
    const keys = new Set<string>();
    for (const m of text.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)+/gu)) {
      const words = m[0].split(/\s+/u).map(fold).filter((w) => w !== '');
      for (const n of [2, 3]) if (words.length >= n) keys.add(words.slice(-n).join(' '));
    }
    return [...keys].sort();
  }
  const pieces = [
    'Nguyễn Duy Lâm', 'Bộ trưởng', 'Giao thông', 'ministre des Transports', 'Nguyen Duy Lam', 'O’Brien', "L'Agence", 'Jean-Paul', 'UBND', 'ĐBSCL',
    ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', '\u0085', '-', "'", '’', ',', '.', 'Ǆ', 'ǅa', 'Σ', 'Ω', 'İ', '𝐀', '𝐀𝐚', '\ud800', '\udc00',
    'A\u0301', '\u0301', 'x', 'A', 'a', '12', 'Hà Nội',
  ];
  const text = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

  it('are the last two and three words of every capitalized run, folded, as the regex finds the runs', () => {
    expect(linkPrint({ headline: 'Bộ trưởng Giao thông vận tải Nguyễn Duy Lâm', lead: null, body: { text: '', html: '' }, dateline: { place: null, date: null, agency: null, raw: null } }, 'vi').names).toEqual(['duy lam', 'nguyen duy lam']);
    fc.assert(
      fc.property(text, (t) => {
        const print = linkPrint({ headline: t, lead: null, body: { text: '', html: '' }, dateline: { place: null, date: null, agency: null, raw: null } }, 'en');
        expect(print.names).toEqual(referenceNameKeys(`${t}\n\n`));
      }),
      { numRuns: 3000 },
    );
  });
});
