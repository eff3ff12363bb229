import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/shared/article.js';
import { attachTranslations, followUpJobId, planFollowUp } from '../../src/translation/attach.js';
import type { FailedTarget } from '../../src/translation/translate-article.js';
import { loadArticleFixtures } from './fixtures.js';

const article = loadArticleFixtures().find((f) => f.file === 'vi-hagiang.json')!.article;
const en = { lang: 'en', headline: 'EN 1', lead: null, provider: 'deepl', machine: true };

describe('attachTranslations', () => {
  it('adds translations without touching version, content or the input article', () => {
    const before = structuredClone(article.translations);
    const fr = { ...en, lang: 'fr', headline: 'FR' };
    const out = attachTranslations(article, [fr]);
    expect(out.translations).toEqual([...before, fr]);
    expect(out.version).toBe(article.version);
    expect(out.contentHash).toBe(article.contentHash);
    expect(article.translations).toEqual(before);
  });

  it('replaces the fixture\'s existing English translation instead of adding a second', () => {
    expect(article.translations.map((t) => t.lang)).toEqual(['en']);
    const out = attachTranslations(article, [en]);
    expect(out.translations).toEqual([en]);
  });

  it('replaces a language already present (case-insensitive) and keeps the others', () => {
    const fr = { ...en, lang: 'fr', headline: 'FR' };
    const bare: Article = { ...article, translations: [] };
    const first = attachTranslations(bare, [en, fr]);
    const second = attachTranslations(first, [{ ...en, lang: 'EN', headline: 'EN 2' }]);
    expect(second.translations.map((t) => [t.lang, t.headline])).toEqual([['EN', 'EN 2'], ['fr', 'FR']]);
  });
});

describe('planFollowUp', () => {
  const failure = (lang: string, retryable: boolean, retryAfterMs: number | null): FailedTarget => ({
    lang,
    retryable,
    retryAfterMs,
    attempts: 4,
    error: { name: 'E', code: 'FETCH_HTTP', message: 'm', details: {} },
  });

  it('retries only passing faults, after the longest Retry-After', () => {
    const plan = planFollowUp({ failed: [failure('en', true, 120_000), failure('fr', false, null), failure('de', true, null)] }, 30_000);
    expect(plan).toEqual({ langs: ['en', 'de'], delayMs: 120_000 });
  });

  it('plans nothing when every failure is permanent or there is none', () => {
    expect(planFollowUp({ failed: [failure('fr', false, null)] })).toBeNull();
    expect(planFollowUp({ failed: [] })).toBeNull();
  });

  it('names the follow-up job after the story version, without colons', () => {
    expect(followUpJobId(article.id, 3)).toBe(`${article.id}.v3.translate`);
    expect(followUpJobId(article.id, 3)).not.toContain(':');
  });
});
