import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/workers/enrich/extract.js';
import { articleForStory, loadGoldStories } from './fixtures.js';
import { score } from './score.js';

const stories = loadGoldStories();
const report = score(stories, stories.map((s) => extractEntities(articleForStory(s))));

describe('enrich quality on the labeled wire stories', () => {
  it('has at least 40 labeled stories in vi, en and fr', () => {
    expect(stories.length).toBeGreaterThanOrEqual(40);
    expect(new Set(stories.map((s) => s.language))).toEqual(new Set(['vi', 'en', 'fr']));
  });

  it.each([
    ['people', 0.9],
    ['places', 0.9],
    ['organisations', 0.8],
  ] as const)('%s F1 ≥ %s', (type, threshold) => {
    const r = report[type];
    expect(r.f1, `${type}: P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)}\n${report.errors.filter((e) => e.includes(` ${type} `)).join('\n')}`).toBeGreaterThanOrEqual(threshold);
  });

  it('gives matched people the role as written', () => {
    expect(report.roleAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('resolves matched places to the gold 2025 unit or ISO code', () => {
    expect(report.placeCodeAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
