/**
 * Text cleaning shared by every input format: Unicode NFC, control characters out, whitespace
 * tidied, and a matching key that ignores where a Vietnamese tone mark sits ("Hòa" / "Hoà").
 */
import { markClass } from './char-classes.js';

// C0/C1 controls except \n and \t, plus zero-width and bidi marks that never carry meaning in news copy.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u00AD]/g;
// No-break and typographic spaces become plain spaces; \t too (wire copy uses it as a space).
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const RUN_OF_SPACES = / {2,}/g;
// Only newlines with a space next to them: / *\n */g matched every newline and rebuilt the whole
// text to put each one back in its place.
const SPACE_AROUND_NEWLINE = / +\n *|\n +/g;
const CRLF = /\r\n?|\u2028|\u2029|\u0085/g;
const MANY_BLANK_LINES = /\n{3,}/g;

/**
 * NFC text with control characters removed, CR/LF unified, no-break and odd spaces turned into
 * single spaces, trailing spaces per line and more than one blank line collapsed. Quotes and
 * dashes are kept as written. Idempotent.
 */
export function normalizeText(text: string): string {
  // Controls go before NFC: a zero-width space between a letter and its mark blocks composition.
  return text
    .replace(CRLF, '\n')
    .replace(CONTROL_CHARS, '')
    .normalize('NFC')
    .replace(ODD_SPACES, ' ')
    .replace(RUN_OF_SPACES, ' ')
    .replace(SPACE_AROUND_NEWLINE, '\n')
    .replace(MANY_BLANK_LINES, '\n\n')
    .trim();
}

// Runs of whitespace other than a lone space (which would be replaced by itself, once per word).
const ANY_SPACE_RUN = /\s{2,}|(?! )\s/gu;

// Anything normalizeInline changes besides NFC: a control character, any whitespace but a single
// space between two other characters. No character outside this class has a decomposition that
// holds one inside it, so NFC cannot make one either.
const INLINE_CLEANING_NEEDED = /[\u0000-\u001F\u007F-\u009F\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202A-\u202F\u205F\u2060\u2066-\u2069\u3000\uFEFF]| {2}|^ | $/;

/** One line of text: NFC, controls removed, every run of whitespace (newlines included) one space. */
export function normalizeInline(text: string): string {
  // Most lines (paragraphs read from cleaned HTML, titles) are clean already: one test instead
  // of two replaces that find nothing.
  if (!INLINE_CLEANING_NEEDED.test(text)) return text.normalize('NFC');
  return text.replace(CONTROL_CHARS, '').normalize('NFC').replace(ANY_SPACE_RUN, ' ').trim();
}

// Where a tone mark may sit is only ever in doubt in three syllable endings: "oa", "oe" and "uy"
// ("hòa"/"hoà", "khỏe"/"khoẻ", "thúy"/"thuý"). The old style marks the first vowel, the new style
// the second; this table maps every old-style pair to the new style, built once at load.
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;
const PLACEMENT: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const pairs: Array<[string, string]> = [['o', 'a'], ['o', 'e'], ['u', 'y']];
  for (const [first, second] of pairs) {
    for (const tone of TONES) {
      for (const f of [first, first.toUpperCase()]) {
        for (const s of [second, second.toUpperCase()]) {
          map.set((f + tone).normalize('NFC') + s, f + (s + tone).normalize('NFC'));
        }
      }
    }
  }
  return map;
})();
// The same pairs as character classes, one alternative per set of first letters that take the
// same second letters ("[óòỏõọÓÒỎÕỌ][aAeE]|[úùủũụÚÙỦŨỤ][yY]"): one class test per character of
// the text instead of trying sixty two-letter alternatives at every position. Every letter here
// is one UTF-16 unit, so the regex needs no 'u' flag (which made it slower) to match the same.
const OLD_PLACEMENT_RE = (() => {
  const secondsByFirst = new Map<string, string>();
  for (const key of PLACEMENT.keys()) secondsByFirst.set(key.charAt(0), (secondsByFirst.get(key.charAt(0)) ?? '') + key.charAt(1));
  const firstsBySeconds = new Map<string, string>();
  for (const [first, seconds] of secondsByFirst) firstsBySeconds.set(seconds, (firstsBySeconds.get(seconds) ?? '') + first);
  return new RegExp([...firstsBySeconds].map(([seconds, firsts]) => `[${firsts}][${seconds}]`).join('|'), 'g');
})();
// ASCII and Latin-1 punctuation, spaces and the General Punctuation block: a plain character
// class, several times faster than \p{…} classes on long bodies.
const NON_WORD_CLASS = String.raw`[\s!-/:-@[-\`{-~\u00A1-\u00A9\u00AB-\u00B4\u00B6-\u00B9\u00BB-\u00BF\u00D7\u00F7\u2010-\u206F\u3000-\u303F]`;
// Every run of NON_WORD_CLASS characters becomes one space; a run that already is one space is left
// alone (it is most of them: the gap between two words), which saves building a replacement
// for every word of the text.
const NON_WORD_TO_FOLD = new RegExp(`${NON_WORD_CLASS}{2,}|(?! )${NON_WORD_CLASS}`, 'g');

/**
 * NFC text with every Vietnamese tone mark in the new-style place ("hòa" → "hoà", "thúy" →
 * "thuý", "khỏe" → "khoẻ"), so both spellings compare equal while case, digits and punctuation
 * are kept. For hashing and matching, never for display (the copy keeps its own spelling).
 * Idempotent.
 */
export function canonicalTonePlacement(text: string): string {
  return text.normalize('NFC').replace(OLD_PLACEMENT_RE, (m) => PLACEMENT.get(m) ?? m);
}

/**
 * A matching key that is the same for every placement of a Vietnamese tone mark ("Hòa" and
 * "Hoà", "thúy" and "thuý", "khỏe" and "khoẻ"), lowercased, punctuation folded to single spaces.
 * Never for display. Idempotent.
 */
export function toneInsensitiveKey(text: string): string {
  return canonicalTonePlacement(text.toLowerCase()).replace(NON_WORD_TO_FOLD, ' ').trim();
}

/**
 * 1 for every UTF-16 unit NON_WORD_CLASS matches (the class reads units; it holds no surrogate):
 * the units toneInsensitiveWords splits on, for scanners that must split the same way.
 */
export const IS_NON_WORD: Uint8Array = markClass(new Uint8Array(0x10000), new RegExp(`${NON_WORD_CLASS}+`, 'g'), 1);

/**
 * toneInsensitiveKey(text).startsWith(prefix), reading only as much of `text` as the answer
 * needs: the key of the text up to a space or newline is the start of the key of the whole
 * (nothing the key does joins characters across a space: NFC, the tone-placement pairs,
 * lowercasing, the folding of punctuation). Feed stories compare a short summary with a body.
 */
export function toneInsensitiveKeyStartsWith(text: string, prefix: string): boolean {
  const cut = text.slice(2 * prefix.length + 32).search(/[ \n]/u);
  if (cut >= 0) {
    const head = toneInsensitiveKey(text.slice(0, 2 * prefix.length + 32 + cut));
    if (head.length >= prefix.length) return head.startsWith(prefix);
  }
  return toneInsensitiveKey(text).startsWith(prefix);
}

/**
 * The words of toneInsensitiveKey(text): exactly toneInsensitiveKey(text).split(' ') ([''] when
 * there are none), found in one scan instead of a replace and a split, about three times cheaper
 * on a long body.
 */
export function toneInsensitiveWords(text: string): string[] {
  const folded = canonicalTonePlacement(text.toLowerCase());
  const words: string[] = [];
  let start = -1;
  // The end of the text counts as a non-word unit: one slice call site, not a second one after
  // the loop (V8 kept deoptimizing the function there, "insufficient type feedback for call").
  for (let i = 0; i <= folded.length; i++) {
    if (i === folded.length || IS_NON_WORD[folded.charCodeAt(i)] === 1) {
      if (start >= 0) words.push(folded.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  return words.length === 0 ? [''] : words;
}
