import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LETTERS_FOR_FULL_CAP, letterCountUpTo } from '../../../src/workers/translate-tag/language-detector.js';
import { foldDiacritics, hasVietnameseLetter, isVietnameseSyllable, vietnameseEvidence } from '../../../src/workers/translate-tag/vietnamese.js';
import { readJsonl } from './fixtures.js';
import type { LabeledText } from './fixtures.js';

const texts = readJsonl<LabeledText>('language').map((t) => t.text);

// What scorerGuess counted before letterCountUpTo: every code point that is not a letter, by regex.
function lettersByRegex(text: string): number {
  return text.length - (text.match(/[^\p{L}]/gu) ?? []).length;
}

describe('letterCountUpTo', () => {
  it('is the confidence cap of 0.99 first reached: 0.55 + 0.02 per letter', () => {
    expect(0.55 + LETTERS_FOR_FULL_CAP * 0.02).toBeGreaterThanOrEqual(0.99);
    expect(0.55 + (LETTERS_FOR_FULL_CAP - 1) * 0.02).toBeLessThan(0.99);
  });

  it('gives the exact count below the limit, and at least the limit otherwise, on every labeled text', () => {
    for (const text of texts) {
      for (const enough of [1, 5, LETTERS_FOR_FULL_CAP, 1_000_000]) {
        // Below the limit the exact count; at or past it, any count that is at least the limit.
        expect(Math.min(letterCountUpTo(text, enough), enough)).toBe(Math.min(lettersByRegex(text), enough));
      }
    }
  });

  it('holds for any text: astral letters, marks, lone surrogates', () => {
    const chars = ['a', 'ệ', ' ', '1', '.', '\u0301', '中', '𠀀', '😀', '\ud800', '\udc00', 'ж'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 60 }), fc.integer({ min: 0, max: 40 }), (parts, enough) => {
        const text = parts.join('');
        expect(Math.min(letterCountUpTo(text, enough), enough)).toBe(Math.min(lettersByRegex(text), enough));
      }),
      { numRuns: 2_000 },
    );
  });
});

// The shares as vietnameseEvidence computed them before it kept each word's counts.
function evidenceByReference(words: readonly string[]): { markedShare: number; syllableShare: number } {
  let marked = 0;
  let syllables = 0;
  for (const word of words) {
    if (hasVietnameseLetter(word)) marked += 1;
    for (const part of foldDiacritics(word).split(' ')) if (isVietnameseSyllable(part)) syllables += 1;
  }
  const n = words.length || 1;
  return { markedShare: marked / n, syllableShare: syllables / n };
}

describe('vietnameseEvidence with remembered words', () => {
  const wordLists = texts.map((t) => t.split(/[^\p{L}\p{M}'’]+/u).filter((w) => w !== ''));

  it('gives the same shares the first time a word is seen and every time after', () => {
    const first = wordLists.map((words) => vietnameseEvidence(words));
    const again = wordLists.map((words) => vietnameseEvidence(words));
    expect(again).toEqual(first);
    for (let i = 0; i < wordLists.length; i++) {
      const ref = evidenceByReference(wordLists[i]!);
      expect(first[i]!.markedShare).toBe(ref.markedShare);
      expect(first[i]!.syllableShare).toBe(ref.syllableShare);
    }
  });

  it('counts long words (never remembered) and stays right after the memory fills and is emptied', () => {
    const long = ['Nghiêngnghiêngnghiêng', 'internationalisation', 'đườngđườngđường'];
    const before = vietnameseEvidence(long);
    expect(before).toMatchObject(evidenceByReference(long));
    expect(before.markedShare).toBeCloseTo(1 / 3);
    // More distinct short words than the memory holds.
    for (let i = 0; i < 60_000; i += 1000) vietnameseEvidence(Array.from({ length: 1000 }, (_, k) => `w${i + k}`));
    expect(vietnameseEvidence(long)).toEqual(before);
    const sample = wordLists.find((w) => w.length > 5)!;
    expect(vietnameseEvidence(sample)).toMatchObject(evidenceByReference(sample));
  });

  it('counts every syllable of a "word" holding more of them than a packed count could hold', () => {
    const huge = ['ba '.repeat(40_000).trim()];
    expect(vietnameseEvidence(huge).syllableShare).toBe(40_000);
    expect(vietnameseEvidence(huge)).toMatchObject(evidenceByReference(huge));
  });
});
