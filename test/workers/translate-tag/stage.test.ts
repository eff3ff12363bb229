import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../../src/shared/article.js';
import type { Article } from '../../../src/shared/article.js';
import { PermanentError } from '../../../src/shared/errors.js';
import type { StageContext } from '../../../src/workers/stage.js';
import { MEDIA_TOPIC_BY_CODE, articleLanguages, createTranslateTag, translateTag } from '../../../src/workers/translate-tag/index.js';
import { readJsonl } from './fixtures.js';
import { makeArticle } from '../../support/articles.js';

interface LabeledStory {
  id: string;
  lang: string;
  category: string | null;
  headline: string;
  lead: string;
  body: string;
  codes: string[];
}

const stories = readJsonl<LabeledStory>('topics');

const ctx: StageContext = {
  log: pino({ level: 'silent' }),
  now: () => new Date('2026-08-02T03:00:00Z'),
  // translate-tag never touches the story store; these answer if it ever starts to.
  stories: {
    recordVersion: async () => ({ version: 1, isNew: true, firstCreated: '2026-08-02T03:00:00Z' }),
    markPublished: async () => undefined,
  },
};

/** A schema-valid article as normalize would hand it on: language unknown, no subjects yet. */
function article(s: LabeledStory, overrides: Partial<Article> = {}): Article {
  return makeArticle({
    id: s.id,
    uri: `urn:wirepipe:test:${s.id}`,
    language: 'und',
    languageConfidence: 0,
    category: s.category,
    headline: s.headline,
    lead: s.lead,
    body: { text: s.body, html: `<p>${s.body}</p>` },
    summary: s.lead,
    slug: s.id,
    wordCount: s.body.split(/\s+/).length,
    firstCreated: '2026-08-02T03:00:00Z',
    versionCreated: '2026-08-02T03:00:00Z',
    ...overrides,
  });
}

describe('translateTag stage', () => {
  it.each(stories.map((s) => [s.id, s] as const))('%s: sets language and subjects and stays schema-valid', async (_, s) => {
    const out = await translateTag(article(s), ctx);
    expect(out).not.toBeNull();
    expect(() => ArticleSchema.parse(out)).not.toThrow();
    expect(out!.language).toBe(s.lang);
    expect(out!.languageConfidence).toBeGreaterThan(0.5);
    for (const subject of out!.subjects) {
      expect(MEDIA_TOPIC_BY_CODE.get(subject.code)?.name).toBe(subject.name);
      expect(Object.keys(subject.labels).sort()).toEqual(['en', 'vi']);
    }
    // Everything else is handed on untouched.
    expect(out!.headline).toBe(s.headline);
    expect(out!.body).toEqual(article(s).body);
  });

  it('detects headline and body separately', () => {
    const s = stories.find((x) => x.lang === 'vi')!;
    const both = articleLanguages(article(s, { headline: 'Vietnam and Laos sign cooperation agreements' }));
    expect(both.headline.lang).toBe('en');
    expect(both.body.lang).toBe('vi');
    expect(both.lead.lang).toBe('vi');
  });

  it("uses the headline's language when body and lead are empty", async () => {
    const s = stories.find((x) => x.lang === 'fr')!;
    const out = await translateTag(article(s, { lead: null, body: { text: '', html: '' } }), ctx);
    expect(out!.language).toBe('fr');
  });

  it('gives und with confidence 0 when there is no text at all', async () => {
    const s = stories[0]!;
    const out = await translateTag(article(s, { headline: '', lead: null, body: { text: '', html: '' } }), ctx);
    expect(out!.language).toBe('und');
    expect(out!.languageConfidence).toBe(0);
  });

  it('chooses topic keywords by the language it detected, not the one the article came with', async () => {
    // "ban" is an English sport keyword; in Vietnamese "Ban tổ chức" is "the organising committee".
    const s = { ...stories[0]!, category: null, headline: 'Ban tổ chức công bố lịch trình', lead: '', body: '' };
    const out = await translateTag(article(s, { language: 'und', lead: null }), ctx);
    expect(out!.language).toBe('vi');
    expect(out!.subjects.map((x) => x.code)).not.toContain('medtop:20001103');
  });

  it('applies a per-source categoryMap', async () => {
    const s = stories.find((x) => x.category === 'Hội nhập')!;
    const stage = createTranslateTag({ categoryMap: { 'Hội nhập': ['medtop:20000045'] } });
    const out = await stage(article(s), ctx);
    expect(out!.subjects.map((x) => x.code)).toContain('medtop:20000045');
  });

  it('rejects a malformed article with a PermanentError, not a TypeError', async () => {
    await expect(translateTag({ id: 'x' } as unknown as Article, ctx)).rejects.toBeInstanceOf(PermanentError);
    await expect(translateTag(null as unknown as Article, ctx)).rejects.toBeInstanceOf(PermanentError);
  });
  it('hands on a new article with the input keys in order, headlineLanguage last, and leaves the input alone', async () => {
    const s = stories.find((x) => x.lang === 'en')!;
    const input = article(s);
    const before = JSON.stringify(input);
    const out = await translateTag(input, ctx);
    expect(out).not.toBe(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(Object.keys(out!)).toEqual([...Object.keys(input), 'headlineLanguage']);
    // Run again on its own output: headlineLanguage keeps its place, nothing is added.
    const again = await translateTag(out!, ctx);
    expect(JSON.stringify(again)).toBe(JSON.stringify(out));
  });

  // Cost per story is measured by the benchmark (`npm run bench`, stage-cost), not by a timed test.
});
