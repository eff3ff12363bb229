import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/shared/errors.js';
import { feedShowsTranslations, loadTranslationConfig, targetLanguages } from '../../src/translation/config.js';
import { createTranslationProvider } from '../../src/translation/create-provider.js';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadTranslationConfig', () => {
  it('defaults to no provider and no targets: nothing needs the network', () => {
    const { config, apiKey } = loadTranslationConfig({});
    expect(config).toMatchObject({ provider: 'none', timeoutMs: 3_000, maxAttempts: 4, budgetMs: 6_000, partners: [] });
    expect(apiKey).toBeUndefined();
    expect(createTranslationProvider({ config, apiKey })).toBeNull();
  });

  it('reads provider, URL, key and comma-listed targets and feeds from the environment', () => {
    const resolved = loadTranslationConfig({
      TRANSLATION_PROVIDER: 'libretranslate',
      TRANSLATION_URL: 'http://lt.internal:5000',
      TRANSLATION_API_KEY: 'secret-key',
      TRANSLATION_TARGETS: 'en, fr ,',
      TRANSLATION_FEEDS: 'lang/en',
      TRANSLATION_TIMEOUT_MS: '1500',
    });
    expect(resolved.config).toMatchObject({
      provider: 'libretranslate',
      url: 'http://lt.internal:5000',
      timeoutMs: 1_500,
      partners: [{ id: 'default', languages: ['en', 'fr'], feeds: ['lang/en'] }],
    });
    expect(resolved.apiKey).toBe('secret-key');
    expect(createTranslationProvider(resolved)?.name).toBe('libretranslate');
  });

  it('takes the key from the variable apiKeyEnv names, and file partners under env targets', () => {
    const resolved = loadTranslationConfig(
      { TRANSLATION_PROVIDER: 'deepl', DEEPL_KEY: 'k:fx', TRANSLATION_TARGETS: 'en' },
      { apiKeyEnv: 'DEEPL_KEY', partners: [{ id: 'afp-desk', languages: ['fr'], feeds: ['category/the-gioi'] }] },
    );
    expect(resolved.apiKey).toBe('k:fx');
    expect(targetLanguages(resolved.config)).toEqual(['fr', 'en']);
    expect(createTranslationProvider(resolved)?.name).toBe('deepl');
  });

  it('lists every problem at once', () => {
    const problems = problemsOf(() =>
      loadTranslationConfig(
        { TRANSLATION_PROVIDER: 'libretranslate', TRANSLATION_TIMEOUT_MS: '-5', TRANSLATION_TARGETS: 'en,not a lang' },
        { partners: [{ id: 'p', languages: ['fr'] }, { id: 'p', languages: ['en'] }] },
      ),
    );
    expect(problems.some((p) => p.startsWith('translation.url:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('translation.timeoutMs:'))).toBe(true);
    expect(problems.some((p) => p.includes('BCP 47'))).toBe(true);
    expect(problems.some((p) => p.includes('duplicate partner id "p"'))).toBe(true);
  });

  it('refuses an unknown provider and a deepl provider without a key', () => {
    expect(problemsOf(() => loadTranslationConfig({ TRANSLATION_PROVIDER: 'google' }))[0]).toMatch(/^translation\.provider:/);
    expect(problemsOf(() => loadTranslationConfig({ TRANSLATION_PROVIDER: 'deepl' }))[0]).toMatch(/TRANSLATION_API_KEY/);
  });

  it('builds the glossary provider over the built-in glossary, or a look-up passed in', async () => {
    const resolved = loadTranslationConfig({ TRANSLATION_PROVIDER: 'glossary' });
    const builtIn = createTranslationProvider(resolved);
    expect(builtIn).toMatchObject({ name: 'glossary', machine: false });
    await expect(builtIn?.translate({ texts: ['TTXVN'], from: 'vi', to: 'en' })).resolves.toEqual(['VNA']);
    const custom = createTranslationProvider(resolved, { glossary: () => 'X' });
    await expect(custom?.translate({ texts: ['TTXVN'], from: 'vi', to: 'en' })).resolves.toEqual(['X']);
  });
});

describe('feedShowsTranslations', () => {
  const { config } = loadTranslationConfig(
    {},
    { partners: [{ id: 'a', languages: ['en-GB'], feeds: ['lang/en'] }, { id: 'b', languages: ['fr'] }] },
  );

  it.each([
    ['lang/en', 'en', true],
    ['lang/en', 'en-US', true],
    ['category/the-gioi', 'en', false],
    ['category/the-gioi', 'fr', true],
    ['lang/en', 'de', false],
  ])('feed %s, language %s → %s', (feed, lang, expected) => {
    expect(feedShowsTranslations(config, feed, lang)).toBe(expected);
  });
});
