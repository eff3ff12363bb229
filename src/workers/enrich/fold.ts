/**
 * Matching keys for Vietnamese text. Tone marks may sit on different vowels ("Hòa"/"Hoà",
 * "Thụy"/"Thuỵ") depending on the writer's convention, so a key moves the tone to the end of the
 * syllable; vowel-shape marks (ă â ê ô ơ ư đ) are kept, so "Hà" and "Hạ" stay distinct.
 */

const TONE_DIGIT: Readonly<Record<string, string>> = {
  '\u0300': '2', // huyền
  '\u0301': '1', // sắc
  '\u0303': '4', // ngã
  '\u0309': '3', // hỏi
  '\u0323': '5', // nặng
};
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const ALL_MARKS = /\p{M}/gu;
const HAS_MARK = /[\u0300-\u036f]/u;
const ELIDED = /^[ld]['’](?=\p{L})/u;
const POSSESSIVE = /(?<=\p{L}{2})['’]s$/u;
// Same token shape as tokenize.ts: hyphens and apostrophes stay inside a token.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** A tone-placement-insensitive key of one syllable/token: lowercase, tone mark moved to the end. */
export function syllableKey(token: string): string {
  // French elision and English possessive do not change which name is meant:
  // "l'Agriculture" ~ "Agriculture", "Vietnam's" ~ "Vietnam".
  const d = token.normalize('NFD').toLowerCase().replace(ELIDED, '').replace(POSSESSIVE, '');
  if (!HAS_MARK.test(d)) return d;
  let tone = '';
  const base = d.replace(TONE_MARKS, (m) => {
    tone = TONE_DIGIT[m] ?? '';
    return '';
  });
  return base.normalize('NFC') + tone;
}

/** A tone-placement-insensitive key of a phrase: token keys joined by one space, punctuation dropped. */
export function phraseKey(text: string): string {
  return Array.from(text.matchAll(WORD), (m) => syllableKey(m[0])).join(' ');
}

/** Lowercase ASCII fold (all diacritics dropped, đ → d), for matching unaccented English/French spellings. */
export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(ELIDED, '').replace(POSSESSIVE, '').replace(ALL_MARKS, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').toLowerCase();
}

/** The ASCII key of a phrase: folded tokens joined by one space. */
export function asciiPhraseKey(text: string): string {
  return Array.from(text.matchAll(WORD), (m) => asciiFold(m[0])).join(' ');
}
