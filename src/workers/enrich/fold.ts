/**
 * Matching keys for Vietnamese text. Tone marks may sit on different vowels ("Hòa"/"Hoà",
 * "Thụy"/"Thuỵ") depending on the writer's convention, so a key moves the tone to the end of the
 * syllable; vowel-shape marks (ă â ê ô ơ ư đ) are kept, so "Hà" and "Hạ" stay distinct.
 * Per-character tables are built once at module load, so keying a token needs no Unicode
 * normalization on the hot path.
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
const COMBINING = /[\u0300-\u036f]/u;
const ASCII = /^[\x00-\x7f]*$/u;
const ELIDED = /^[ld]['’](?=\p{L})/u;
const POSSESSIVE = /(?<=\p{L}{2})['’]s$/u;

/** Drops a French elision ("l'", "d'") and an English possessive ("'s"); most tokens have neither. */
function stripClitics(t: string): string {
  if (!t.includes("'") && !t.includes('’')) return t;
  return t.replace(ELIDED, '').replace(POSSESSIVE, '');
}
// Same token shape as tokenize.ts: hyphens and apostrophes stay inside a token.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** Per precomposed letter: lowercase base with vowel-shape marks kept, its tone digit, its ASCII fold. */
const LETTERS: ReadonlyMap<string, { base: string; tone: string; ascii: string }> = (() => {
  const m = new Map<string, { base: string; tone: string; ascii: string }>();
  const ranges: [number, number][] = [[0x00c0, 0x024f], [0x1e00, 0x1eff]];
  for (const [a, b] of ranges) {
    for (let c = a; c <= b; c++) {
      const ch = String.fromCharCode(c);
      const d = ch.toLowerCase().normalize('NFD');
      if (!COMBINING.test(d) && ch.toLowerCase() !== 'đ') continue;
      let tone = '';
      const base = d.replace(TONE_MARKS, (t) => {
        tone = TONE_DIGIT[t] ?? '';
        return '';
      }).normalize('NFC');
      const ascii = d.replace(ALL_MARKS, '').replace(/đ/gu, 'd');
      m.set(ch, { base, tone, ascii });
    }
  }
  return m;
})();

/** A tone-placement-insensitive key of one syllable/token: lowercase, tone mark moved to the end. */
export function syllableKey(token: string): string {
  if (ASCII.test(token)) return stripClitics(token.toLowerCase());
  if (COMBINING.test(token)) return slowSyllableKey(token);
  const t = stripClitics(token.toLowerCase());
  let base = '';
  let tone = '';
  for (const ch of t) {
    const l = LETTERS.get(ch);
    if (l) {
      base += l.base;
      if (l.tone) tone = l.tone;
    } else base += ch;
  }
  return base + tone;
}

/** The same key for text that is not in NFC (combining marks present). */
function slowSyllableKey(token: string): string {
  const d = token.normalize('NFD').toLowerCase().replace(ELIDED, '').replace(POSSESSIVE, '');
  let tone = '';
  const base = d.replace(TONE_MARKS, (m) => {
    tone = TONE_DIGIT[m] ?? '';
    return '';
  });
  return base.normalize('NFC') + tone;
}

/** Both keys of one token in a single pass: `key` as syllableKey, `ascii` as asciiFold. */
export function tokenKeys(token: string): { key: string; ascii: string } {
  if (ASCII.test(token)) {
    const k = stripClitics(token.toLowerCase());
    return { key: k, ascii: k };
  }
  if (COMBINING.test(token)) return { key: slowSyllableKey(token), ascii: asciiFold(token) };
  const t = stripClitics(token.toLowerCase());
  let base = '';
  let ascii = '';
  let tone = '';
  for (const ch of t) {
    const l = LETTERS.get(ch);
    if (l) {
      base += l.base;
      ascii += l.ascii;
      if (l.tone) tone = l.tone;
    } else {
      base += ch;
      ascii += ch;
    }
  }
  return { key: base + tone, ascii };
}

/** A tone-placement-insensitive key of a phrase: token keys joined by one space, punctuation dropped. */
export function phraseKey(text: string): string {
  return Array.from(text.matchAll(WORD), (m) => syllableKey(m[0])).join(' ');
}

/** Lowercase ASCII fold (all diacritics dropped, đ → d), for matching unaccented English/French spellings. */
export function asciiFold(text: string): string {
  const t = stripClitics(text.toLowerCase());
  if (ASCII.test(t)) return t;
  if (COMBINING.test(t)) return t.normalize('NFD').replace(ALL_MARKS, '').replace(/đ/gu, 'd');
  let out = '';
  for (const ch of t) out += LETTERS.get(ch)?.ascii ?? ch;
  return out;
}

/** The ASCII key of a phrase: folded tokens joined by one space. */
export function asciiPhraseKey(text: string): string {
  return Array.from(text.matchAll(WORD), (m) => asciiFold(m[0])).join(' ');
}

const VIET_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?[1-5]?$/u;

/** True when a token key (see syllableKey) has the shape of one Vietnamese syllable ("thanh2"), not of a foreign or brand word ("viettel"). */
export function isVietSyllable(key: string): boolean {
  return VIET_SYLLABLE.test(key);
}
