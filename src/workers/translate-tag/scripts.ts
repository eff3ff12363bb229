/**
 * Unicode-script rules: the cheap first step of language detection. A letter's script alone
 * decides the language for scripts used by one served language (Lao, Khmer, Thai, Hangul, Kana,
 * Han), so the statistical detector only ever sees Latin and Cyrillic text.
 */

export type Script =
  | 'Latin'
  | 'Cyrillic'
  | 'Han'
  | 'Kana'
  | 'Hangul'
  | 'Lao'
  | 'Khmer'
  | 'Thai'
  | 'Greek'
  | 'Arabic'
  | 'Hebrew'
  | 'Devanagari'
  | 'Georgian'
  | 'Armenian'
  | 'Myanmar'
  | 'Other';

// [first, last, script] sorted by first code point; letters outside these ranges are 'Other'.
const RANGES: readonly (readonly [number, number, Script])[] = [
  [0x0041, 0x005a, 'Latin'],
  [0x0061, 0x007a, 'Latin'],
  [0x00aa, 0x00aa, 'Latin'],
  [0x00ba, 0x00ba, 'Latin'],
  [0x00c0, 0x00d6, 'Latin'],
  [0x00d8, 0x00f6, 'Latin'],
  [0x00f8, 0x024f, 'Latin'],
  [0x0370, 0x03ff, 'Greek'],
  [0x0400, 0x052f, 'Cyrillic'],
  [0x0531, 0x058f, 'Armenian'],
  [0x0590, 0x05ff, 'Hebrew'],
  [0x0600, 0x06ff, 'Arabic'],
  [0x0750, 0x077f, 'Arabic'],
  [0x0900, 0x097f, 'Devanagari'],
  [0x0e00, 0x0e7f, 'Thai'],
  [0x0e80, 0x0eff, 'Lao'],
  [0x1000, 0x109f, 'Myanmar'],
  [0x10a0, 0x10ff, 'Georgian'],
  [0x1100, 0x11ff, 'Hangul'],
  [0x1780, 0x17ff, 'Khmer'],
  [0x19e0, 0x19ff, 'Khmer'],
  [0x1e00, 0x1eff, 'Latin'],
  [0x3040, 0x30ff, 'Kana'],
  [0x3130, 0x318f, 'Hangul'],
  [0x31f0, 0x31ff, 'Kana'],
  [0x3400, 0x4dbf, 'Han'],
  [0x4e00, 0x9fff, 'Han'],
  [0xac00, 0xd7af, 'Hangul'],
  [0xf900, 0xfaff, 'Han'],
  [0xff66, 0xff9f, 'Kana'],
  [0x20000, 0x2fa1f, 'Han'],
];

const LETTER = /\p{L}/u;

/** The script of one code point, or null when it is not a letter (digits, punctuation, space). */
export function scriptOf(codePoint: number): Script | null {
  // ASCII fast path: most characters of Latin-script text are ASCII letters, spaces and digits.
  if (codePoint < 0x80) {
    return (codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x41 && codePoint <= 0x5a) ? 'Latin' : null;
  }
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = RANGES[mid]!;
    if (codePoint < range[0]) hi = mid - 1;
    else if (codePoint > range[1]) lo = mid + 1;
    else return range[2];
  }
  // Combining marks (Lao/Khmer/Thai vowel signs are marks, not letters) are caught by the ranges
  // above; anything else that is a letter is some script we do not tell apart.
  return LETTER.test(String.fromCodePoint(codePoint)) ? 'Other' : null;
}

/** Scripts that name exactly one language: no statistical detector is needed for them. */
export const SCRIPT_LANGUAGE: Readonly<Partial<Record<Script, string>>> = {
  Han: 'zh',
  Kana: 'ja',
  Hangul: 'ko',
  Lao: 'lo',
  Khmer: 'km',
  Thai: 'th',
  Greek: 'el',
  Hebrew: 'he',
  Armenian: 'hy',
  Georgian: 'ka',
  Myanmar: 'my',
  Devanagari: 'hi',
  Arabic: 'ar',
};

/** One stretch of text written in a single script, with how many letters it holds. */
export interface ScriptRun {
  script: Script;
  text: string;
  letters: number;
}

/**
 * Splits text into runs of one script. Non-letters (spaces, digits, punctuation, combining marks)
 * stay with the run they follow, so "Hà Nội, 2/8" is one Latin run.
 */
export function splitScriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let current: ScriptRun | null = null;
  let start = 0;
  // By code point through codePointAt, not `for…of` (which makes a string of every character).
  for (let index = 0; index < text.length; ) {
    const code = text.codePointAt(index)!;
    const script = scriptOf(code);
    if (script !== null) {
      if (current === null || current.script !== script) {
        if (current !== null) current.text = text.slice(start, index);
        current = { script, text: '', letters: 0 };
        runs.push(current);
        start = index;
      }
      current.letters += 1;
    }
    index += code > 0xffff ? 2 : 1;
  }
  if (current !== null) current.text = text.slice(start);
  return runs;
}
