import { describe, expect, it } from 'vitest';
import { deeplSource, deeplTarget } from '../../src/translation/deepl-languages.js';

describe('DeepL language codes', () => {
  it.each([
    ['vi', 'VI'],
    ['vi-VN', 'VI'],
    ['en-GB', 'EN'],
    ['pt-BR', 'PT'],
    ['no', 'NB'],
    ['km', null],
    ['lo', null],
  ])('source %s → %s', (lang, expected) => {
    expect(deeplSource(lang)).toBe(expected);
  });

  it.each([
    ['en', 'EN-GB', 'EN-GB'],
    ['en', 'EN-US', 'EN-US'],
    ['en-us', 'EN-GB', 'EN-US'],
    ['fr', 'EN-GB', 'FR'],
    ['fr-CA', 'EN-GB', 'FR'],
    ['vi', 'EN-GB', 'VI'],
    ['zh-Hant', 'EN-GB', 'ZH-HANT'],
    ['es-419', 'EN-GB', 'ES-419'],
    ['km', 'EN-GB', null],
  ] as const)('target %s (English %s) → %s', (lang, english, expected) => {
    expect(deeplTarget(lang, english)).toBe(expected);
  });
});
