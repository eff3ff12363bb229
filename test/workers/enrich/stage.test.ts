import { readFileSync } from 'node:fs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../../src/shared/article.js';
import { enrich, makeEnrich, MemoryIdfStore } from '../../../src/workers/enrich/index.js';
import type { StageContext } from '../../../src/workers/stage.js';
import { phraseKey as toneKey } from '../../../src/workers/enrich/fold.js';
import { articleForStory, articleFrom, loadGoldStories } from './fixtures.js';

const ctx: StageContext = {
  log: pino({ level: 'silent' }),
  now: () => new Date('2025-08-02T01:00:00Z'),
  stories: {
    recordVersion: async () => ({ version: 1, isNew: true, firstCreated: '2025-08-02T01:00:00Z' }),
    markPublished: async () => {},
  },
};

/** The sample wire story, split the way normalize would hand it on. */
function sampleArticle() {
  const raw = readFileSync('/work/shared/samples/wire-vi-hagiang.txt', 'utf8');
  const paras = raw.split(/\n\s*\n/u).map((p) => p.trim());
  const body = paras.slice(4, paras.indexOf('Minh Tâm')).filter((p) => !p.includes('(Ảnh:')).join('\n\n').replace(/^TTXVN - Ngày 2\/8, /u, '');
  return articleFrom({ headline: paras[1] ?? '', lead: paras[3] ?? null, body, dateline: 'Hà Giang', byline: ['Minh Tâm'] });
}

describe('the enrich stage', () => {
  it('fills the enrichment fields of the sample story and stays schema-valid', async () => {
    const input = sampleArticle();
    const out = await enrich(input, ctx);
    if (!out) throw new Error('enrich dropped the story');
    expect(ArticleSchema.safeParse(out).success).toBe(true);
    expect(out.people).toEqual([
      { name: 'Đỗ Thái Hòa', role: 'Giám đốc Sở Thông tin và Truyền thông Hà Giang' },
      { name: 'Trần Đức Quý', role: 'Phó Chủ tịch UBND tỉnh Hà Giang' },
    ]);
    expect(out.places[0]).toMatchObject({ name: 'Hà Giang', code: 'VN-2025:08' });
    expect(out.organisations.map((o) => o.name)).toContain('Cục Thông tin đối ngoại');
    expect(out.slug).toBe('boi-duong-doi-ngu-lam-cong-tac-thong-tin-doi-ngoai-tai-khu-vuc-mien-nui-bien');
    expect(out.summary).toBe(input.lead);
    expect(out.wordCount).toBeGreaterThan(500);
    expect(out.keywords.length).toBeGreaterThan(0);
    expect(out.people.map((p) => p.name)).not.toContain('Minh Tâm');
  });

  it('does not change its input and keeps every other field', async () => {
    const input = articleForStory(loadGoldStories()[0]!);
    const copy = structuredClone(input);
    const out = await enrich(input, ctx);
    expect(input).toEqual(copy);
    expect(out).toMatchObject({ id: input.id, headline: input.headline, body: input.body, byline: input.byline, contentHash: input.contentHash });
  });

  it('takes its IDF source from options', async () => {
    const s = loadGoldStories().find((x) => x.id === 'vi-01-hagiang-ttdn');
    if (!s) throw new Error('fixture missing');
    const flat = await makeEnrich({ idf: new MemoryIdfStore({ documents: 100, df: {} }) })(articleForStory(s), ctx);
    const top = flat?.keywords[0];
    if (!top) throw new Error('no keywords');
    // An archive where "Hà Giang" and the first keyword are in every story pushes them down.
    // Every 2–3-word piece of it, since a keyword may join overlapping n-grams.
    const w = toneKey(top).split(' ');
    const pieces = w.flatMap((_, i) => [w.slice(i, i + 2), w.slice(i, i + 3)]).filter((p) => p.length >= 2).map((p) => p.join(' '));
    const df = Object.fromEntries([...pieces, toneKey('Hà Giang')].map((k) => [k, 100]));
    const skewed = await makeEnrich({ idf: new MemoryIdfStore({ documents: 100, df }) })(articleForStory(s), ctx);
    expect(skewed?.keywords[0]).not.toBe(top);
  });

  it('handles an empty body without throwing', async () => {
    const out = await enrich(articleFrom({ headline: 'Tin vắn', body: '' }), ctx);
    expect(out?.summary).toBe('Tin vắn');
    expect(out?.wordCount).toBe(2);
    expect(out?.people).toEqual([]);
  });
});
