import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLetter, isLetterOrMark, isLowercaseLetter, isMark, isUppercaseLetter } from '../../../src/workers/normalize/char-classes.js';
import { foldDiacritics } from '../../../src/workers/normalize/fold.js';
import { titleCaseNames } from '../../../src/workers/normalize/names.js';
import { normalizeInline, toneInsensitiveKey, toneInsensitiveKeyStartsWith, toneInsensitiveWords } from '../../../src/workers/normalize/text.js';

// The hand-written scanners must give exactly what the regexes they replace give.
const pieces = [
  'Hà Nội', 'Lê Hữu Hòa', 'hoà', 'hòa', 'Thúy', 'ĐBSCL', 'Đường', 'UBND', 'COVID-19', 'McDonald', 'iPhone', 'İstanbul', 'ΣΑΣ', 'ß',
  'Ǆ', 'ǅa', 'ǆ', 'ﬁ', '𝐀𝐚', '𐐀𐐨', '\ud800', '\udc00', '\u0301', '\u0323', 'A\u0301', ' ', '  ', '-', '.', ',', '…', '\n', '\t',
  '\u00a0', '\u2028', '\ufeff', '\u3000', '10.000', '2,5', 'x', 'A', 'a',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

describe('character classes', () => {
  it('match \\p{L}, \\p{Lu}, \\p{Ll}, \\p{M} for every BMP code point and a spread of astral ones', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 37) {
      const c = String.fromCodePoint(cp);
      const want = [/^\p{L}$/u.test(c), /^\p{Lu}$/u.test(c), /^\p{Ll}$/u.test(c), /^\p{M}$/u.test(c), /^[\p{L}\p{M}]$/u.test(c)];
      const got = [isLetter(cp), isUppercaseLetter(cp), isLowercaseLetter(cp), isMark(cp), isLetterOrMark(cp)];
      if (want.join() !== got.join()) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});

describe('scanners', () => {
  it('toneInsensitiveWords is toneInsensitiveKey split on spaces', () => {
    expect(toneInsensitiveWords('  Hòa Bình, ngày 2/8 — THÚY  ')).toEqual(['hoà', 'bình', 'ngày', '2', '8', 'thuý']);
    expect(toneInsensitiveWords(' .,; ')).toEqual(['']);
    fc.assert(
      fc.property(text, (t) => {
        expect(toneInsensitiveWords(t)).toEqual(toneInsensitiveKey(t).split(' '));
      }),
      { numRuns: 5_000 },
    );
  });

  it('toneInsensitiveKeyStartsWith answers as the key of the whole text does', () => {
    const body = 'Hòa Bình, ngày 2/8 — các đại biểu dự hội nghị. '.repeat(20);
    expect(toneInsensitiveKeyStartsWith(body, 'hoà bình ngày 2 8')).toBe(true);
    expect(toneInsensitiveKeyStartsWith(body, 'hoà bình ngày 3')).toBe(false);
    fc.assert(
      fc.property(text, text, (head, rest) => {
        const prefix = toneInsensitiveKey(head);
        for (const whole of [head + rest, `${head} ${rest}${rest}${rest}`, rest]) {
          expect(toneInsensitiveKeyStartsWith(whole, prefix)).toBe(toneInsensitiveKey(whole).startsWith(prefix));
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('normalizeInline folds every run of whitespace to one space', () => {
    const reference = (t: string): string =>
      t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u00AD]/g, '').normalize('NFC').replace(/\s+/gu, ' ').trim();
    fc.assert(
      fc.property(text, (t) => {
        expect(normalizeInline(t)).toBe(reference(t));
      }),
      { numRuns: 5_000 },
    );
  });

  it('titleCaseNames finds what /\\p{Lu}\\p{Ll}[\\p{L}\\p{M}]*(?:[ -]\\p{Lu}\\p{Ll}[\\p{L}\\p{M}]*)+/gu finds', () => {
    const names = /\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:[ -]\p{Lu}\p{Ll}[\p{L}\p{M}]*)+/gu;
    expect(titleCaseNames('Ông Lê Hữu Hòa và Tổng cục Hải quan, UBND Hà Nội')).toEqual(['Ông Lê Hữu Hòa', 'Hà Nội']);
    fc.assert(
      fc.property(text, (t) => {
        expect(titleCaseNames(t)).toEqual([...t.matchAll(names)].map((m) => m[0]));
      }),
      { numRuns: 5_000 },
    );
  });

  it('foldDiacritics is NFD with marks removed, đ → d, lowercased', () => {
    const reference = (t: string): string => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    expect(foldDiacritics('Đường Hồ Chí Minh')).toBe('duong ho chi minh');
    for (let cp = 0; cp < 0x10000; cp++) expect(foldDiacritics(String.fromCharCode(cp))).toBe(reference(String.fromCharCode(cp)));
    fc.assert(
      fc.property(text, (t) => {
        expect(foldDiacritics(t)).toBe(reference(t));
      }),
      { numRuns: 5_000 },
    );
  });
});
