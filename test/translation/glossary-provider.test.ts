import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/shared/errors.js';
import { createGlossaryProvider, type GlossaryLookup, wholeTextLookup } from '../../src/translation/glossary-provider.js';
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
