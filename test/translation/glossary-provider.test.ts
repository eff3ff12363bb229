import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';
import { MemoryTranslationCache } from '../../src/translation/cache.js';
import { createGlossaryProvider, type GlossaryLookup, wholeTextLookup } from '../../src/translation/glossary-provider.js';
import { translateArticle } from '../../src/translation/translate-article.js';
import { GLOSSARY } from '../../src/workers/translate-tag/glossary-data.js';
import { GLOSSARY_SIZE, translateGlossary } from '../../src/workers/translate-tag/glossary.js';
import { loadArticleFixtures } from './fixtures.js';

// A stand-in look-up with the issue's own examples; the real glossary lives in translate-tag.
const TERMS: Record<string, Record<string, string>> = {
  en: { 'UBND tỉnh': "provincial People's Committee", TTXVN: 'VNA' },
  fr: { 'UBND tỉnh': 'Comité populaire provincial' },
};
const lookup: GlossaryLookup = (text, from, to) => (from === 'vi' ? TERMS[to]?.[text] : undefined);

describe('glossary provider', () => {
  const provider = createGlossaryProvider(lookup);

  it('is not machine translation', () => {
    expect(provider.machine).toBe(false);
  });

  it('translates whole known terms in order, after NFC and trim', async () => {
    const decomposed = ' UBND tỉnh '.normalize('NFD');
    await expect(provider.translate({ texts: ['TTXVN', decomposed], from: 'vi', to: 'en' })).resolves.toEqual([
      'VNA',
      "provincial People's Committee",
    ]);
    await expect(provider.translate({ texts: ['UBND tỉnh'], from: 'vi', to: 'fr' })).resolves.toEqual(['Comité populaire provincial']);
  });

  it('refuses a text the glossary does not know rather than return it untranslated', async () => {
    const err = await provider.translate({ texts: ['TTXVN', 'Bồi dưỡng đội ngũ'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ code: 'TRANSLATION_UNSUPPORTED', details: { reason: 'not_in_glossary', to: 'en' } });
  });
});

describe('wholeTextLookup over a substituting glossary', () => {
  // Substitutes known terms inside running text, as a term glossary does.
  const substitute = (text: string, _from: string, to: string): string => {
    let out = text;
    for (const [vi, tr] of Object.entries(TERMS[to] ?? {})) out = out.split(vi).join(tr);
    return out;
  };
  const provider = createGlossaryProvider(wholeTextLookup(substitute));

  it.each([
    ['UBND tỉnh', 'en', "provincial People's Committee"],
    ['TTXVN', 'en', 'VNA'],
    ['UBND tỉnh', 'fr', 'Comité populaire provincial'],
  ])('accepts a whole term: %s → %s', async (text, to, expected) => {
    await expect(provider.translate({ texts: [text], from: 'vi', to })).resolves.toEqual([expected]);
  });

  it.each(loadArticleFixtures().filter((f) => f.article.language === 'vi'))(
    'refuses the half-translated headline of $file',
    async ({ article }) => {
      const withTerm = `${article.headline} - TTXVN`;
      expect(substitute(withTerm, 'vi', 'en')).not.toBe(withTerm);
      await expect(provider.translate({ texts: [withTerm], from: 'vi', to: 'en' })).rejects.toMatchObject({
        details: { reason: 'not_in_glossary' },
      });
    },
  );
});

describe('glossary provider over the built-in glossary (translate-tag)', () => {
  const provider = createGlossaryProvider(wholeTextLookup(translateGlossary));

  it('holds at least 150 terms, each with English and French', () => {
    expect(GLOSSARY_SIZE).toBeGreaterThanOrEqual(150);
  });

  it.each([
    ['UBND tỉnh', "provincial People's Committee"],
    ['TTXVN', 'VNA'],
    ['Bộ Thông tin và Truyền thông', 'Ministry of Information and Communications'],
  ])('translates the issue example %s → %s', async (vi, en) => {
    await expect(provider.translate({ texts: [vi], from: 'vi', to: 'en' })).resolves.toEqual([en]);
  });

  it.each(GLOSSARY.flatMap((e) => (['en', 'fr'] as const).map((to) => ({ vi: e.vi, to, expected: e[to] }))))(
    'translates entry $vi → $to',
    async ({ vi, to, expected }) => {
      await expect(provider.translate({ texts: [vi], from: 'vi', to })).resolves.toEqual([expected]);
    },
  );

  it.each(loadArticleFixtures().filter((f) => f.article.language === 'vi'))('refuses the headline of $file', async ({ article }) => {
    await expect(provider.translate({ texts: [article.headline], from: 'vi', to: 'en' })).rejects.toBeInstanceOf(PermanentError);
  });
});

describe('glossary provider refuses text the glossary covers only in part', () => {
  const provider = createGlossaryProvider(wholeTextLookup(translateGlossary));

  // Each of these once came back with only its known terms swapped, published as curated
  // (machine: false): letters shared with French (ô, à) or no diacritics at all slipped through.
  it.each([
    ['TTXVN: Công an Lào Cai', 'en', 'VNA: Công an Lào Cai'],
    ['TTXVN: Công an Lào Cai', 'fr', 'AVI: Công an Lào Cai'],
    ['UBND tinh Quang Nam hop bao', 'en', "People's Committee tinh Quang Nam hop bao"],
    ['TTXVN phong van Thu tuong', 'en', 'VNA phong van Thu tuong'],
    ['Công an Lào Cai - TTXVN', 'en', 'Công an Lào Cai - VNA'],
    ['TTXVN phong van Thủ tướng', 'en', 'VNA phong van Prime Minister'],
    ['TTXVN: Bitcoin', 'en', 'VNA: Bitcoin'],
    ['Bitcoin - TTXVN', 'fr', 'Bitcoin - AVI'],
  ])('refuses %s → %s (substitution alone gives %s)', async (vi, to, half) => {
    expect(translateGlossary(vi, 'vi', to)).toBe(half);
    await expect(provider.translate({ texts: [vi], from: 'vi', to })).rejects.toMatchObject({
      code: 'TRANSLATION_UNSUPPORTED',
      details: { reason: 'not_in_glossary', to },
    });
  });

  it('leaves a half-covered headline untranslated in translateArticle, never marked curated', async () => {
    const result = await translateArticle(
      { id: 'lao-cai', language: 'vi', headline: 'TTXVN: Công an Lào Cai', lead: 'UBND tinh Quang Nam hop bao' },
      {
        provider,
        cache: new MemoryTranslationCache(),
        targets: ['en', 'fr'],
        now: () => new Date('2026-11-27T10:00:00Z'),
        log: silentLogger(),
      },
    );
    expect(result.translations).toEqual([]);
    expect(result.failed.map((f) => [f.lang, f.error.details['reason'], f.retryable])).toEqual([
      ['en', 'not_in_glossary', false],
      ['fr', 'not_in_glossary', false],
    ]);
  });

  // Guards against over-strictness (these pass with or without the fix): terms joined only by
  // punctuation, digits and whitespace, including a term whose translation ends like its source.
  it.each([
    ['TTXVN - Thể thao', 'en', 'VNA - Sport'],
    ['Thời sự 24/7: Kinh tế', 'en', 'Current affairs 24/7: Economy'],
    ['TTXVN: Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'fr', "AVI: Union de la jeunesse communiste Hô Chi Minh"],
  ])('still translates a text made only of terms: %s → %s', async (vi, to, expected) => {
    await expect(provider.translate({ texts: [vi], from: 'vi', to })).resolves.toEqual([expected]);
  });
});
