/**
 * Unicode general categories of code points (letter, uppercase and lowercase letter, mark, number)
 * for hand-written scanners. A \p{…} regex costs about 40 ns per character of Vietnamese text in V8,
 * several times more than on ASCII; a table lookup costs a few. The table is filled once by the
 * regex engine's own \p{…} classes, so the answers are the same by construction.
 *
 * Scanners that walk UTF-16 code units may pass a unit as a code point: below U+10000 the two are
 * the same, and a surrogate unit is in none of these classes, as the regex sees a lone surrogate.
 * A surrogate may also be half of an astral character, which only the regex reads right:
 * `isSurrogate` tells a scanner when to hand the text to its regex.
 */

const UPPER = 1;
const LOWER = 2;
const LETTER = 4;
const MARK = 8;
const NUMBER = 16;

const FIRST_SURROGATE = 0xd800;
const LAST_SURROGATE = 0xdfff;

// Every BMP unit in order, surrogates replaced by '0' (two in a row would read as one astral
// character). markClass never marks the stand-ins.
const ALL_BMP_UNITS: string = (() => {
  const units = new Uint16Array(0x10000);
  for (let code = 0; code < units.length; code++) units[code] = code >= FIRST_SURROGATE && code <= LAST_SURROGATE ? 0x30 : code;
  return new TextDecoder('utf-16le').decode(units);
})();

/**
 * `bit` set in `table` at every BMP code point that `runs` (a global regex matching runs of one
 * character class, like /\p{L}+/gu) matches, surrogates left out; returns the table.
 */
export function markClass(table: Uint8Array, runs: RegExp, bit: number): Uint8Array {
  for (const m of ALL_BMP_UNITS.matchAll(runs)) {
    for (let code = m.index; code < m.index + m[0].length; code++) {
      // The '0' standing in for a surrogate would otherwise be marked as a digit.
      if (code < FIRST_SURROGATE || code > LAST_SURROGATE) table[code] = table[code]! | bit;
    }
  }
  return table;
}

const BMP_CATEGORIES: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  markClass(table, /\p{Lu}+/gu, UPPER);
  markClass(table, /\p{Ll}+/gu, LOWER);
  markClass(table, /\p{L}+/gu, LETTER);
  markClass(table, /\p{M}+/gu, MARK);
  markClass(table, /\p{N}+/gu, NUMBER);
  return table;
})();

const ASTRAL: readonly [RegExp, number][] = [
  [/^\p{Lu}$/u, UPPER],
  [/^\p{Ll}$/u, LOWER],
  [/^\p{L}$/u, LETTER],
  [/^\p{M}$/u, MARK],
  [/^\p{N}$/u, NUMBER],
];

/** Whether `codePoint` is in any of the classes in `bits`. Kept small so V8 inlines it into scanner loops. */
function inAny(codePoint: number, bits: number): boolean {
  return codePoint < 0x10000 ? (BMP_CATEGORIES[codePoint]! & bits) !== 0 : astralInAny(codePoint, bits);
}

// Astral code points are rare in copy: asked of the regexes, and only of those for `bits`.
function astralInAny(codePoint: number, bits: number): boolean {
  const char = String.fromCodePoint(codePoint);
  for (const [re, bit] of ASTRAL) if ((bits & bit) !== 0 && re.test(char)) return true;
  return false;
}

/** \p{L}: any letter. */
export function isLetter(codePoint: number): boolean {
  return inAny(codePoint, LETTER);
}

/** \p{Lu}: an uppercase letter. */
export function isUppercaseLetter(codePoint: number): boolean {
  return inAny(codePoint, UPPER);
}

/** \p{Ll}: a lowercase letter. */
export function isLowercaseLetter(codePoint: number): boolean {
  return inAny(codePoint, LOWER);
}

/** [\p{L}\p{M}]: a letter or a combining mark. */
export function isLetterOrMark(codePoint: number): boolean {
  return inAny(codePoint, LETTER | MARK);
}

/** \p{M}: a combining mark. */
export function isMark(codePoint: number): boolean {
  return inAny(codePoint, MARK);
}

/** \p{N}: a number in any script (digits, numerals, fractions). */
export function isNumber(codePoint: number): boolean {
  return inAny(codePoint, NUMBER);
}

/** [\p{L}\p{N}]: a letter or a number. */
export function isLetterOrNumber(codePoint: number): boolean {
  return inAny(codePoint, LETTER | NUMBER);
}

/** [\p{L}\p{N}\p{M}]: a letter, a number or a combining mark. */
export function isLetterNumberOrMark(codePoint: number): boolean {
  return inAny(codePoint, LETTER | NUMBER | MARK);
}

/** \p{Cs}: a UTF-16 surrogate unit, half of an astral character or a lone one. */
export function isSurrogate(unit: number): boolean {
  return unit >= FIRST_SURROGATE && unit <= LAST_SURROGATE;
}
