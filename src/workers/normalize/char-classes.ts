/**
 * Unicode general categories of code points (letter, uppercase and lowercase letter, mark) for
 * hand-written scanners. A \p{…} regex costs about 40 ns per character of Vietnamese text in V8,
 * several times more than on ASCII; a table lookup costs a few. The table is filled once by the
 * regex engine's own \p{…} classes, so the answers are the same by construction.
 */

const UPPER = 1;
const LOWER = 2;
const LETTER = 4;
const MARK = 8;

// Every BMP unit in order, surrogates replaced by '0' (a lone surrogate is no letter, and two in
// a row would read as one astral character).
const ALL_BMP_UNITS: string = (() => {
  const units = new Uint16Array(0x10000);
  for (let code = 0; code < units.length; code++) units[code] = code >= 0xd800 && code <= 0xdfff ? 0x30 : code;
  return new TextDecoder('utf-16le').decode(units);
})();

/**
 * `bit` set in `table` at every BMP code point that `runs` (a global regex matching runs of one
 * character class, like /\p{L}+/gu) matches; returns the table.
 */
export function markClass(table: Uint8Array, runs: RegExp, bit: number): Uint8Array {
  for (const m of ALL_BMP_UNITS.matchAll(runs)) {
    for (let code = m.index; code < m.index + m[0].length; code++) table[code] = table[code]! | bit;
  }
  return table;
}

const BMP_CATEGORIES: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  markClass(table, /\p{Lu}+/gu, UPPER);
  markClass(table, /\p{Ll}+/gu, LOWER);
  markClass(table, /\p{L}+/gu, LETTER);
  markClass(table, /\p{M}+/gu, MARK);
  return table;
})();

const ASTRAL: readonly [RegExp, number][] = [
  [/^\p{Lu}$/u, UPPER],
  [/^\p{Ll}$/u, LOWER],
  [/^\p{L}$/u, LETTER],
  [/^\p{M}$/u, MARK],
];

function categories(codePoint: number): number {
  if (codePoint < 0x10000) return BMP_CATEGORIES[codePoint]!;
  const char = String.fromCodePoint(codePoint);
  let bits = 0;
  for (const [re, bit] of ASTRAL) if (re.test(char)) bits |= bit;
  return bits;
}

/** \p{L}: any letter. */
export function isLetter(codePoint: number): boolean {
  return (categories(codePoint) & LETTER) !== 0;
}

/** \p{Lu}: an uppercase letter. */
export function isUppercaseLetter(codePoint: number): boolean {
  return (categories(codePoint) & UPPER) !== 0;
}

/** \p{Ll}: a lowercase letter. */
export function isLowercaseLetter(codePoint: number): boolean {
  return (categories(codePoint) & LOWER) !== 0;
}

/** [\p{L}\p{M}]: a letter or a combining mark. */
export function isLetterOrMark(codePoint: number): boolean {
  return (categories(codePoint) & (LETTER | MARK)) !== 0;
}

/** \p{M}: a combining mark. */
export function isMark(codePoint: number): boolean {
  return (categories(codePoint) & MARK) !== 0;
}
