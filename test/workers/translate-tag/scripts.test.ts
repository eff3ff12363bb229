import { describe, expect, it } from 'vitest';
import { scriptOf, splitScriptRuns } from '../../../src/workers/translate-tag/scripts.js';
import {
  foldDiacritics,
  hasVietnameseLetter,
  isVietnameseSyllable,
  vietnameseEvidence,
} from '../../../src/workers/translate-tag/vietnamese.js';

describe('scriptOf', () => {
  it.each([
    ['a', 'Latin'],
    ['ệ', 'Latin'],
    ['Đ', 'Latin'],
    ['ж', 'Cyrillic'],
    ['中', 'Han'],
    ['の', 'Kana'],
    ['한', 'Hangul'],
    ['ລ', 'Lao'],
    ['ក', 'Khmer'],
    ['ก', 'Thai'],
    ['α', 'Greek'],
    ['𠀀', 'Han'],
  ])('%s is %s', (char, script) => {
    expect(scriptOf(char.codePointAt(0)!)).toBe(script);
  });

  it.each(['1', ' ', ',', '—', '%', '。'])('%j is not a letter', (char) => {
    expect(scriptOf(char.codePointAt(0)!)).toBeNull();
  });
});

describe('splitScriptRuns', () => {
  it('keeps spaces, digits and punctuation with the run they follow', () => {
    const runs = splitScriptRuns('Hà Nội, 2/8 中国经济 growth');
    expect(runs.map((r) => [r.script, r.letters])).toEqual([
      ['Latin', 5],
      ['Han', 4],
      ['Latin', 6],
    ]);
    expect(runs[0]!.text).toBe('Hà Nội, 2/8 ');
  });

  it('counts Lao and Khmer letters by script, combining vowel signs included', () => {
    const [lao] = splitScriptRuns('ລາວ');
    expect(lao).toMatchObject({ script: 'Lao', letters: 3 });
    const [khmer] = splitScriptRuns('ខ្មែរ');
    expect(khmer!.script).toBe('Khmer');
  });

  it('returns no runs for text without letters', () => {
    expect(splitScriptRuns('12 - 34 !')).toEqual([]);
  });
});

describe('Vietnamese rules', () => {
  it.each([
    ['Đường', true],
    ['tướng', true],
    ['Hà', false], // à is also French
    ['café', false],
    ['niño', false],
    ['ũ', true],
  ])('hasVietnameseLetter(%s) is %s', (word, expected) => {
    expect(hasVietnameseLetter(word)).toBe(expected);
  });

  it('folds every diacritic and đ', () => {
    expect(foldDiacritics('Đường Hồ Chí Minh')).toBe('duong ho chi minh');
  });

  it.each(['nghieng', 'truong', 'khuya', 'quyen', 'the', 'gioi', 'a', 'oanh'])('%s has the shape of a syllable', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });

  it.each(['prime', 'minister', 'news', 'said', 'world', 'strong', 'ubnd'])('%s does not', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });

  it('measures marked, syllable and function-word shares', () => {
    const ev = vietnameseEvidence(['Thủ', 'tướng', 'tiếp', 'Đại', 'sứ', 'Nhật', 'Bản', 'Minh']);
    expect(ev.markedShare).toBeCloseTo(7 / 8);
    expect(ev.syllableShare).toBe(1);
    const en = vietnameseEvidence(['The', 'minister', 'said', 'on', 'Monday']);
    expect(en.markedShare).toBe(0);
    expect(en.syllableShare).toBeLessThan(0.5);
  });
});
