import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/shared/errors.js';
import { createGlossaryProvider, type GlossaryLookup } from '../../src/translation/glossary-provider.js';

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
    expect(err).toMatchObject({ details: { reason: 'not_in_glossary', to: 'en' } });
  });
});
