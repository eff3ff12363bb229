import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../src/shared/errors.js';
import { detectLanguage } from '../../../src/workers/translate-tag/index.js';
import { readJsonl } from './fixtures.js';
import type { LabeledText } from './fixtures.js';

const labeled = readJsonl<LabeledText>('language');

/** Accuracy over a subset, with the misses listed so a failure says what went wrong. */
function measure(items: LabeledText[]): { rate: number; misses: string[] } {
  const misses: string[] = [];
  for (const t of items) {
    const got = detectLanguage(t.text).lang;
    if (got !== t.lang) misses.push(`${t.lang} → ${got}: ${t.text.slice(0, 60)}`);
  }
  return { rate: 1 - misses.length / items.length, misses };
}

describe('detectLanguage on the labeled set (test/fixtures/language)', () => {
  it('has at least 200 labeled texts covering every served language', () => {
    expect(labeled.length).toBeGreaterThanOrEqual(200);
    const langs = new Set(labeled.map((t) => t.lang));
    for (const lang of ['vi', 'en', 'fr', 'zh', 'lo', 'km', 'es', 'ru']) expect(langs).toContain(lang);
  });

  // Thresholds from the spec (≥ 99 % on headlines and bodies); labels are 1–6 words, some of which
  // are the same word in two languages ("Sport", "Culture"), so they get a lower bar.
  const thresholds: [string, (t: LabeledText) => boolean, number][] = [
    ['headlines', (t) => t.kind === 'headline', 0.99],
    ['bodies', (t) => t.kind === 'body', 0.99],
    ['labels (1–6 words)', (t) => t.kind === 'label', 0.95],
    ['Vietnamese without diacritics', (t) => t.diacritics === false, 0.97],
    ['mixed text (dominant language)', (t) => t.kind === 'mixed', 0.99],
  ];
  it.each(thresholds)('%s reach the accuracy threshold', (_name, pick, min) => {
    const subset = labeled.filter(pick);
    expect(subset.length).toBeGreaterThanOrEqual(10);
    const { rate, misses } = measure(subset);
    expect(rate, misses.join('\n')).toBeGreaterThanOrEqual(min);
  });

  it('is right whenever it says it is sure (confidence ≥ 0.8), and unsure answers are rare', () => {
    const answers = labeled.map((t) => ({ t, got: detectLanguage(t.text) }));
    const sureButWrong = answers.filter((a) => a.got.confidence >= 0.8 && a.got.lang !== a.t.lang);
    expect(sureButWrong.map((a) => `${a.t.text} → ${a.got.lang} ${a.got.confidence}`)).toEqual([]);
    expect(answers.filter((a) => a.got.confidence < 0.8).length / answers.length).toBeLessThan(0.25);
  });

  const mixed = labeled.filter((t) => t.secondary !== undefined);
  it.each(mixed.map((t) => [t.text.slice(0, 50), t] as const))('mixed "%s…" reports the second language and its share', (_, t) => {
    const got = detectLanguage(t.text);
    expect(got.lang).toBe(t.lang);
    expect(got.secondary?.lang).toBe(t.secondary!.lang);
    // Gold shares count letters per part (CJK ×3); the detector judges sentence by sentence.
    expect(Math.abs(got.secondary!.share - t.secondary!.share)).toBeLessThanOrEqual(0.1);
  });
});

describe('detectLanguage edge cases', () => {
  it.each(['', '   ', '123 456', '!!! — ...', '\n\n'])('gives und with confidence 0 for text without letters: %j', (text) => {
    expect(detectLanguage(text)).toEqual({ lang: 'und', confidence: 0 });
  });

  it('throws a PermanentError (not a TypeError) for a non-string', () => {
    expect(() => detectLanguage(42 as unknown as string)).toThrow(PermanentError);
    expect(() => detectLanguage(null as unknown as string)).toThrow(PermanentError);
  });

  it('reports no secondary language for a one-language body', () => {
    const body = labeled.find((t) => t.kind === 'body' && t.lang === 'vi')!;
    const got = detectLanguage(body.text);
    expect(got.secondary).toBeUndefined();
    expect(got.confidence).toBeGreaterThan(0.9);
  });

  it('is not pulled to Vietnamese by Vietnamese names in English copy', () => {
    expect(detectLanguage('Deputy Prime Minister Trần Hồng Hà visits flood-hit Yên Bái province').lang).toBe('en');
  });

  it('ignores acronyms: an all-acronym string has no language', () => {
    expect(detectLanguage('UBND TTXVN WHO').lang).toBe('und');
  });

  it('tells Ukrainian from Russian by its letters', () => {
    expect(detectLanguage('Україна і Вʼєтнам підписали угоду про співпрацю').lang).toBe('uk');
    expect(detectLanguage('Спорт').lang).toBe('ru');
  });

  it('calls Han text with kana Japanese', () => {
    expect(detectLanguage('ベトナムの首相が日本を訪問した').lang).toBe('ja');
  });

  it('gives confidence in 0..1 for every labeled text', () => {
    for (const t of labeled) {
      const { confidence } = detectLanguage(t.text);
      expect(confidence).toBeGreaterThan(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it('copes with a very long body quickly (only the first 12,000 characters are read)', () => {
    const body = labeled.find((t) => t.kind === 'body' && t.lang === 'en')!.text;
    const huge = `${body} `.repeat(2000);
    const started = performance.now();
    expect(detectLanguage(huge).lang).toBe('en');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
