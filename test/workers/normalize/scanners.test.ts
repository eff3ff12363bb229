import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isLetter,
  isLetterNumberOrMark,
  isLetterOrMark,
  isLetterOrNumber,
  isLowercaseLetter,
  isMark,
  isNumber,
  isSurrogate,
  isUppercaseLetter,
  markClass,
} from '../../../src/workers/normalize/char-classes.js';
import { foldDiacritics } from '../../../src/workers/normalize/fold.js';
import { titleCaseNames } from '../../../src/workers/normalize/names.js';
import { normalizeInline, toneInsensitiveKey, toneInsensitiveKeyStartsWith, toneInsensitiveWords } from '../../../src/workers/normalize/text.js';

// The hand-written scanners must give exactly what the regexes they replace give.
const pieces = [
  'Hà Nội', 'Lê Hữu Hòa', 'hoà', 'hòa', 'Thúy', 'ĐBSCL', 'Đường', 'UBND', 'COVID-19', 'McDonald', 'iPhone', 'İstanbul', 'ΣΑΣ', 'ß',
  'Ǆ', 'ǅa', 'ǆ', 'ﬁ', '𝐀𝐚', '𐐀𐐨', '\ud800', '\udc00', '\u0301', '\u0323', 'A\u0301', ' ', '  ', '-', '.', ',', '…', '\n', '\t',
  '\u00a0', '\u2028', '\ufeff', '\u3000', '10.000', '2,5', 'x', 'A', 'a',
  // Other scripts, digits of other scripts, numerals that are not digits, astral emoji.
  'Nguyễn Thị Thuỷ', 'Ho\u0300a', '中华人民共和国', 'ສະບາຍດີ', 'ກຳປູເຈຍ', 'ភ្នំពេញ', 'Ἀθῆναι', '٣,٥', '۱۲', '१२३', '½', 'Ⅻ', '😀', '👍🏽', '𝟘',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

describe('character classes', () => {
  it('match \\p{L}, \\p{Lu}, \\p{Ll}, \\p{M}, \\p{N}, \\p{Cs} for every BMP code point and a spread of astral ones', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 37) {
      const c = String.fromCodePoint(cp);
      const want = [
        /^\p{L}$/u.test(c), /^\p{Lu}$/u.test(c), /^\p{Ll}$/u.test(c), /^\p{M}$/u.test(c), /^[\p{L}\p{M}]$/u.test(c),
        /^\p{N}$/u.test(c), /^[\p{L}\p{N}]$/u.test(c), /^[\p{L}\p{N}\p{M}]$/u.test(c), /^\p{Cs}$/u.test(c),
      ];
      const got = [
        isLetter(cp), isUppercaseLetter(cp), isLowercaseLetter(cp), isMark(cp), isLetterOrMark(cp),
        isNumber(cp), isLetterOrNumber(cp), isLetterNumberOrMark(cp), isSurrogate(cp),
      ];
      if (want.join() !== got.join()) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('markClass marks every BMP code point its regex matches, and no surrogate', () => {
    // \p{N} matches the '0' the table builder puts where the surrogates are: none may be marked.
    for (const [runs, one] of [[/\p{N}+/gu, /^\p{N}$/u], [/[\s\p{P}]+/gu, /^[\s\p{P}]$/u], [/[0-9a-f]+/g, /^[0-9a-f]$/]] as const) {
      const table = markClass(new Uint8Array(0x10000), runs, 2);
      const wrong: string[] = [];
      for (let cp = 0; cp < 0x10000; cp++) {
        if ((table[cp] === 2) !== (one.test(String.fromCharCode(cp)) && !isSurrogate(cp))) wrong.push(cp.toString(16));
      }
      expect(wrong).toEqual([]);
    }
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

  it('toneInsensitiveWords splits as the key does around every BMP code point', () => {
    const wrong: string[] = [];
    for (let cp = 1; cp < 0x10000; cp++) {
      const t = `a${String.fromCharCode(cp)}b ${String.fromCharCode(cp - 1, cp)}`;
      if (toneInsensitiveWords(t).join('|') !== toneInsensitiveKey(t).split(' ').join('|')) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
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

  it('titleCaseNames finds what its regex finds around every BMP code point', () => {
    const names = /\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:[ -]\p{Lu}\p{Ll}[\p{L}\p{M}]*)+/gu;
    const wrong: string[] = [];
    for (let cp = 1; cp < 0x10000; cp++) {
      const c = String.fromCharCode(cp);
      // As the capital, as the lowercase second letter, as a later letter or mark, glued to the code point before.
      const t = `${c}a Bc, A${c} Bc, Ab${c} Cd, Ab ${String.fromCharCode(cp - 1)}${c}b`;
      if (titleCaseNames(t).join('|') !== [...t.matchAll(names)].map((m) => m[0]).join('|')) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
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
