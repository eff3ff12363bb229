import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRoomForStory, tokenize } from '../../../src/workers/enrich/tokenize.js';
import { countWords } from '../../../src/workers/enrich/word-count.js';

// The word scanners of enrich walk the text with the shared character table (normalize/char-classes)
// instead of running these regexes; they must find exactly what the regexes find.
const TOKEN_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
const COUNTED_WORD = /[\p{L}\p{N}\p{M}]+(?:(?:['’.-]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}\p{M}]+)*/gu;

function tokenSpans(text: string): number[][] {
  return tokenize(text).map((t) => [t.start, t.end]);
}

function regexSpans(text: string): number[][] {
  return [...text.matchAll(TOKEN_WORD)].map((m) => [m.index, m.index + m[0].length]);
}

function regexCount(text: string): number {
  return [...text.matchAll(COUNTED_WORD)].length;
}

/**
 * Texts where the class of code point `cp` decides what tokenize finds: after a letter (only a
 * letter, number or mark goes on a word), after a hyphen (only a letter or number joins), and glued
 * to the code point before it (so every class boundary of the BMP is crossed once).
 */
function tokenProbes(cp: number): string {
  const c = String.fromCharCode(cp);
  return `a${c} x-${c} ${String.fromCharCode(cp - 1)}${c}`;
}

/**
 * The same for countWords, which also joins across a dot or apostrophe (any word character) and a
 * comma between digits (only a number).
 */
function countProbes(cp: number): string {
  const c = String.fromCharCode(cp);
  return `${c} a${c} x-${c} x.${c} x'${c} x’${c} 1,${c} ${c},1 ${String.fromCharCode(cp - 1)}${c}`;
}

// Wire copy in the scripts the pipeline meets, plus what breaks naive scanners: digits of other
// scripts, numerals that are not digits, combining marks, astral characters, lone surrogates.
const BMP_PIECES = [
  'Hà Nội', 'Nguyễn Thị Thuỷ', 'thủy', 'Ho\u0300a', 'Đắk Lắk', 'ĐBSCL', 'UBND', 'l’État', "People's", 'Jin-woo', 'COVID-19', 'U.S.',
  'Mát-xcơ-va', '中华人民共和国', '東京', 'ລາວ', 'ສະບາຍດີ', 'ກຳປູເຈຍ', 'កម្ពុជា', 'ភ្នំពេញ', '٣٤٥', '٣,٥', '١٬٢', '۱۲', '१२३', '१,२', '½', 'Ⅻ',
  '²', '3,5', '1.245', '\u0301', '\u0323', '\u0e31', '\u17b6', '\u093f', ' ', ' ', '-', "'", '’', '.', ',', '\n', '—', '(', '"', 'x', 'A', '7',
];
const ASTRAL_PIECES = ['😀', '👍🏽', '𝐀𝐚', '𠀀', '𝟘𝟙', '𐐀𐐨', '\ud800', '\udfff', '\ud83d', '\ude00'];

const bmpText = fc.array(fc.constantFrom(...BMP_PIECES), { maxLength: 40 }).map((a) => a.join(''));
const mixedText = fc.array(fc.constantFrom(...BMP_PIECES, ...ASTRAL_PIECES), { maxLength: 40 }).map((a) => a.join(''));
const anyText = fc.oneof(bmpText, mixedText, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

describe('tokenize finds the words of its regex', () => {
  it('around every BMP code point', () => {
    const wrong: string[] = [];
    for (let cp = 1; cp < 0x10000; cp++) {
      makeRoomForStory();
      const text = tokenProbes(cp);
      if (JSON.stringify(tokenSpans(text)) !== JSON.stringify(regexSpans(text))) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('in mixed-script text', () => {
    expect(tokenSpans('Ông Nguyễn-Văn l’État ٣,٥ ສະບາຍດີ 😀x')).toEqual(regexSpans('Ông Nguyễn-Văn l’État ٣,٥ ສະບາຍດີ 😀x'));
    fc.assert(
      fc.property(anyText, (t) => {
        makeRoomForStory();
        expect(tokenSpans(t)).toEqual(regexSpans(t));
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('countWords counts the words of its regex', () => {
  it('around every BMP code point', () => {
    const wrong: string[] = [];
    for (let cp = 1; cp < 0x10000; cp++) {
      const text = countProbes(cp);
      if (countWords(text) !== regexCount(text)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('in mixed-script text', () => {
    expect(countWords('٣,٥ và १,२ tỷ, COVID-19, ½ ສະບາຍດີ')).toBe(7);
    fc.assert(
      fc.property(anyText, (t) => {
        expect(countWords(t)).toBe(regexCount(t));
      }),
      { numRuns: 10_000 },
    );
  });
});
