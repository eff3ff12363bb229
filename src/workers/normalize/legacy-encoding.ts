/**
 * Vietnamese text that slipped through in a pre-Unicode encoding: VIQR ("Vie^.t Nam", ASCII
 * marks after the vowel), TCVN3/ABC mojibake ("ViÖt Nam", 8-bit font codes read as Latin-1) and
 * VNI mojibake ("Vieät Nam", mark bytes after the vowel). Detected conservatively, converted to
 * Unicode NFC. Text that already holds Vietnamese letters is never touched.
 *
 * Every legacy code is also an ordinary character somewhere (TCVN3's "ử" is German "ö", its "ồ" is
 * Scandinavian "å"; VIQR's acute is an apostrophe or a single quote; VNI's "đ" is Spanish "ñ"). So
 * counting codes is not enough: a code is evidence only when its word, read in that encoding, is
 * spelled like a Vietnamese syllable (see legacy-syllable.ts), and the words it makes that are not
 * syllables count against the encoding.
 */
import { isVietnameseSyllable } from './legacy-syllable.js';
import { countSpaceSeparatedWords, isSpaceUnit } from './words.js';

// Letters only Vietnamese uses (â, ê, ô are French too, and legacy mark bytes).
const VIETNAMESE_LETTER_RE = /[ăđơưĂĐƠƯ\u1EA0-\u1EF9]/u;

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRC = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031B';

// ---- TCVN3 (ABC): one byte per letter, upper-case toned letters share the lower-case codes.
const TCVN3_TABLE: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'µ': 'à', '¶': 'ả', '·': 'ã', '¸': 'á', '¹': 'ạ',
    '¨': 'ă', '»': 'ằ', '¼': 'ẳ', '½': 'ẵ', '¾': 'ắ', 'Æ': 'ặ',
    '©': 'â', 'Ç': 'ầ', 'È': 'ẩ', 'É': 'ẫ', 'Ê': 'ấ', 'Ë': 'ậ',
    '®': 'đ',
    'Ì': 'è', 'Î': 'ẻ', 'Ï': 'ẽ', 'Ð': 'é', 'Ñ': 'ẹ',
    'ª': 'ê', 'Ò': 'ề', 'Ó': 'ể', 'Ô': 'ễ', 'Õ': 'ế', 'Ö': 'ệ',
    '×': 'ì', 'Ø': 'ỉ', 'Ü': 'ĩ', 'Ý': 'í', 'Þ': 'ị',
    'ß': 'ò', 'á': 'ỏ', 'â': 'õ', 'ã': 'ó', 'ä': 'ọ',
    '«': 'ô', 'å': 'ồ', 'æ': 'ổ', 'ç': 'ỗ', 'è': 'ố', 'é': 'ộ',
    '¬': 'ơ', 'ê': 'ờ', 'ë': 'ở', 'ì': 'ỡ', 'í': 'ớ', 'î': 'ợ',
    'ï': 'ù', 'ñ': 'ủ', 'ò': 'ũ', 'ó': 'ú', 'ô': 'ụ',
    '\u00AD': 'ư', 'õ': 'ừ', 'ö': 'ử', '÷': 'ữ', 'ø': 'ứ', 'ù': 'ự',
    'ú': 'ỳ', 'û': 'ỷ', 'ü': 'ỹ', 'ý': 'ý', 'þ': 'ỵ',
    '¡': 'Ă', '¢': 'Â', '£': 'Ê', '¤': 'Ô', '¥': 'Ơ', '¦': 'Ư', '§': 'Đ',
  }),
);
// Codes that ordinary French and English text never uses inside a word. German, Nordic, Hungarian
// and Czech words do hold some (ö ü ß å æ ø ú ý þ): their words are weighed (vietnameseSignals).
// French capitals (É È Ç Ê Ë Î Ï Ö), currency and marks (£ © ® ½ ¼ ¾) are left out: "État",
// "Égypte", "£1" are ordinary text, and counting them turned French and English copy into mojibake.
const TCVN3_STRONG_RE = /(?<![aeiouyAEIOUY])[µ¶·¸¹¨ÆÌÐÑªÒÓÕ×ØÜÝÞßåæ¬õö÷øúýþ¡¢¤¥¦§]/gu;
// TCVN3's "ư" is U+00AD, which is also the soft hyphen of ordinary text ("Inter\u00ADnational",
// Russian and German copy). Followed by TCVN3's "ơ" with a tone (ê ë ì í î: the "ươ" of người,
// được, nước; a bare "ơ", ¬, is a strong code of its own) it is a strong code; otherwise it counts
// only up to as many times as the strong codes are found.
const TCVN3_UO_RE = /(?<![aeiouyAEIOUY])\u00AD[êëìíî]/gu;
const TCVN3_SOFT_HYPHEN_RE = /(?<![aeiouyAEIOUY])\u00AD/gu;
// The strong codes and the "ươ" pairs: the codes whose words are weighed (none of the strong codes
// is \u00AD or follows one in a pair, so no match of one overlaps one of the other).
const TCVN3_EVIDENCE_RE = new RegExp(`${TCVN3_STRONG_RE.source}|${TCVN3_UO_RE.source}`, 'gu');
// Legacy copy read as Latin-1 (TCVN3, VNI) or written in ASCII (VIQR) holds no letter of another
// script (the Latin-1 range holds one letter of the Common script, µ, which TCVN3 uses for "à"):
// text where such letters are a real share, Russian or Greek copy, is not mojibake of ours, whatever
// it shares with it. A few (a Chinese name, "tia γ") do not make a legacy story ordinary text.
const OTHER_SCRIPT_LETTER_RE = /(?![\p{Script=Latin}\p{Script=Common}])\p{L}/gu;
const LETTER_RE = /\p{L}/gu;
const OTHER_SCRIPT_SHARE = 0.2;

/** True when letters of scripts other than Latin are at least a fifth of the text's letters. */
function mostlyOtherScript(text: string): boolean {
  const other = countMatches(text, OTHER_SCRIPT_LETTER_RE);
  return other > 0 && other >= OTHER_SCRIPT_SHARE * countMatches(text, LETTER_RE);
}

const TCVN3_CHAR_RE = /[µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\u00ADõö÷øùúûüýþ¡¢£¤¥¦§]/gu;

// ---- VIQR: ASCII marks after the vowel. Quality: ^ ( +; tone: ' ` ? ~ .; "dd" = đ.
const VIQR_SIGNAL_RE = /[aeoAEO]\^|[ouOU]\+|[aA]\(|[aeiouyAEIOUY][\^(+]?[`'~?.](?=\p{L})|[aeiouyAEIOUY][\^(+]?[`'~]|\bdd|\bDD|\bDd/gu;
const VIQR_SYLLABLE_RE = /\\([.?'`~^(+])|([dD])([dD])|([aeiouyAEIOUY])(\^|\(|\+)?([`'~]|[?.](?=\p{L}|\s+\p{Ll}|[,;:!)]|[.?]))?/gu;

// ---- VNI: mark bytes after the vowel.
const VNI_SIGNAL_RE = /[ôöÔÖ][ùøûõïÙØÛÕÏ]|[aeoAEO][âáàåãäÂÁÀÅÃÄ]|[aA][êéèúüëÊÉÈÚÜË]|ñ[aeiouôö]|Ñ[AEIOUÔÖaeiouôö]|[aeiouyAEIOUY][ùøûõÙØÛÕ](?=\p{L})/gu;
const VNI_CIRC_TONES: Readonly<Record<string, string>> = Object.freeze({
  'â': CIRC, 'á': CIRC + ACUTE, 'à': CIRC + GRAVE, 'å': CIRC + HOOK, 'ã': CIRC + TILDE, 'ä': CIRC + DOT,
});
const VNI_BREVE_TONES: Readonly<Record<string, string>> = Object.freeze({
  'ê': BREVE, 'é': BREVE + ACUTE, 'è': BREVE + GRAVE, 'ú': BREVE + HOOK, 'ü': BREVE + TILDE, 'ë': BREVE + DOT,
});
const VNI_TONES: Readonly<Record<string, string>> = Object.freeze({
  'ù': ACUTE, 'ø': GRAVE, 'û': HOOK, 'õ': TILDE, 'ï': DOT,
});
const VNI_STANDALONE: Readonly<Record<string, string>> = Object.freeze({
  'ô': 'ơ', 'ö': 'ư', 'ñ': 'đ', 'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ',
  'Ô': 'Ơ', 'Ö': 'Ư', 'Ñ': 'Đ', 'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị', 'Î': 'Ỵ',
});
const BASE_VOWELS = 'aeiouyAEIOUY';

const ASCII_ONLY_RE = /^[\u0000-\u007f]*$/u;

function wordCount(text: string): number {
  return countSpaceSeparatedWords(text) || 1;
}

function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

// English apostrophes and abbreviations look like VIQR tone marks ("China's", "don't", "U.S."):
// they are removed before VIQR signals are counted.
const NOT_VIQR_RE = /\b\p{L}+['’](?:s|t|ll|re|ve|m|d)\b|\b(?:\p{Lu}\.){2,}|\b\p{L}['’]\p{L}/gu;
// What every match of NOT_VIQR_RE holds: an apostrophe (first and last alternatives) or two
// capital-and-period pairs in a row (the middle one).
const NOT_VIQR_ANCHOR_RE = /['’]|\p{Lu}\.\p{Lu}\./gu;

/**
 * text.replace(NOT_VIQR_RE, ' '), with the regex run only on the words that hold one of its
 * anchors. On English copy the regex tried at every word costs more than all the rest of the
 * detection. The same result, because no match holds a \s character (only letters, apostrophes
 * and periods) and the regex's only assertion, \b, reads a \s neighbour exactly as it reads the
 * edge of the input (neither is a word character): so the replacement of the whole text is the
 * replacement of each whitespace-separated word, and a word without an anchor has no match.
 */
export function withoutEnglishApostrophes(text: string): string {
  NOT_VIQR_ANCHOR_RE.lastIndex = 0;
  let out = '';
  let done = 0;
  for (let m = NOT_VIQR_ANCHOR_RE.exec(text); m !== null; m = NOT_VIQR_ANCHOR_RE.exec(text)) {
    let start = m.index;
    while (start > done && !isSpaceUnit(text.charCodeAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < text.length && !isSpaceUnit(text.charCodeAt(end))) end++;
    out += text.slice(done, start) + text.slice(start, end).replace(NOT_VIQR_RE, ' ');
    done = end;
    NOT_VIQR_ANCHOR_RE.lastIndex = end;
  }
  return done === 0 ? text : out + text.slice(done);
}

// Shares of the words that must hold a code, per encoding.
const TCVN3_SHARE = 0.08;
const VNI_SHARE = 0.1;
const VIQR_SHARE = 0.1;

/** True when at least 3 signals were found, and at least `share` of a signal per word. */
function isEnough(signals: number, share: number, words: () => number): boolean {
  return signals >= 3 && signals / words() >= share;
}

/** Which legacy encoding the text is in, or null for ordinary Unicode text. */
export function detectLegacyEncoding(text: string): 'tcvn3' | 'viqr' | 'vni' | null {
  if (VIETNAMESE_LETTER_RE.test(text)) return null;
  // Words are counted only when some count could pass (at least 3 signals): most text has none.
  let counted: number | null = null;
  const words = (): number => (counted ??= wordCount(text));
  // TCVN3 codes stand for whole vowels (after consonants); VNI codes follow a vowel. Both use
  // the same Latin-1 range, so the better-fitting reading wins. Every signal of either holds a
  // character beyond ASCII: ASCII text (most English copy) has none of them.
  const ascii = ASCII_ONLY_RE.test(text);
  const uoPairs = ascii ? 0 : countMatches(text, TCVN3_UO_RE);
  const tcvnCodes = ascii ? 0 : countMatches(text, TCVN3_STRONG_RE) + uoPairs;
  const looseHyphens = tcvnCodes === 0 ? 0 : countMatches(text, TCVN3_SOFT_HYPHEN_RE) - uoPairs;
  let tcvn = tcvnCodes + Math.min(tcvnCodes, looseHyphens);
  // The raw counts are upper bounds of the evidence: words are weighed only when a count could
  // pass, which ordinary text (no codes, or too few) never reaches.
  if (isEnough(tcvn, TCVN3_SHARE, words)) {
    const codes = vietnameseSignals(text, TCVN3_EVIDENCE_RE, isTcvn3WordUnit, convertTcvn3);
    tcvn = codes + Math.min(codes, looseHyphens);
  }
  let vni = ascii ? 0 : countMatches(text, VNI_SIGNAL_RE);
  if (isEnough(vni, VNI_SHARE, words)) vni = vietnameseSignals(text, VNI_SIGNAL_RE, isLetterUnit, convertVni);
  const tcvnOk = isEnough(tcvn, TCVN3_SHARE, words);
  const vniOk = isEnough(vni, VNI_SHARE, words);
  const found = tcvnOk && (!vniOk || tcvn > vni) ? 'tcvn3' : vniOk ? 'vni' : viqrIn(text, words) ? 'viqr' : null;
  return found !== null && mostlyOtherScript(text) ? null : found;
}

function viqrIn(text: string, words: () => number): boolean {
  const marked = withoutEnglishApostrophes(text);
  return (
    isEnough(countMatches(marked, VIQR_SIGNAL_RE), VIQR_SHARE, words) &&
    isEnough(vietnameseSignals(marked, VIQR_SIGNAL_RE, isViqrWordUnit, convertViqr, closesQuotedWord), VIQR_SHARE, words)
  );
}

const LETTER_OR_MARK_RE = /[\p{L}\p{M}]/u;
const VIQR_MARKS = "^(+`'~?.\\";
const isLetterUnit = (c: string): boolean => LETTER_OR_MARK_RE.test(c);
// TCVN3 codes that are not letters in Latin-1 (¸ for "á", ® for "đ", the soft hyphen for "ư") are
// letters of the legacy word all the same.
const isTcvn3WordUnit = (c: string): boolean => TCVN3_TABLE.has(c) || LETTER_OR_MARK_RE.test(c);
const isViqrWordUnit = (c: string): boolean => VIQR_MARKS.includes(c) || LETTER_OR_MARK_RE.test(c);
const NON_LETTER_EDGES_RE = /^\P{L}+|\P{L}+$/gu;
// Longest word weighed: a Vietnamese syllable with its legacy codes is well under this
// ("nghiêng" is 7 letters; VNI and VIQR add a code or two per vowel).
const MAX_WORD_UNITS = 32;

/**
 * An all-capitals word of up to six letters ("HĐND", "UBND", "TP"): when it is no syllable, an
 * acronym, in Vietnamese as elsewhere, so it says nothing about the language either way.
 */
function isAcronym(letters: string): boolean {
  return letters.length <= 6 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * A straight single quote that closes a word it opened ("'idea'", "'no'") is a quote, not VIQR's
 * acute: VIQR puts its marks after a vowel and never before a word.
 */
function closesQuotedWord(word: string, signalEnd: number): boolean {
  return word.startsWith("'") && word[signalEnd - 1] === "'" && !LETTER_OR_MARK_RE.test(word.slice(signalEnd));
}

/**
 * How many matches of `signalRe` are evidence of the encoding: those whose word (the run of
 * `isWordUnit` characters around the match), converted by `convert`, is spelled like a Vietnamese
 * syllable. 0 when the matches whose word is no syllable ("Kứbenhavn", "ideá", "Espađa") are more
 * than half as many: the codes are then another language's letters or punctuation. A match whose
 * word is only itself ("×" in "4×100 m", "·" between two words) weighs nothing either way: a sign
 * used as a sign.
 */
function vietnameseSignals(
  text: string,
  signalRe: RegExp,
  isWordUnit: (c: string) => boolean,
  convert: (word: string) => string,
  isPunctuation?: (word: string, signalEnd: number) => boolean,
): number {
  let vietnamese = 0;
  let foreign = 0;
  // Copy repeats its words ("của", "các", "được"): each is weighed once (null: weighs nothing).
  const verdicts = new Map<string, boolean | null>();
  signalRe.lastIndex = 0;
  let start = 0;
  let end = 0;
  for (let m = signalRe.exec(text); m !== null; m = signalRe.exec(text)) {
    // A match inside the word found for the one before has the same word: finding its edges again
    // made one long run of codes ("Vieät" × 4,000, "a.b" × 30,000) quadratic, seconds per item.
    if (m.index >= end) {
      start = m.index;
      while (start > 0 && isWordUnit(text[start - 1]!)) start--;
      end = m.index + m[0].length;
      while (end < text.length && isWordUnit(text[end]!)) end++;
    }
    // No syllable is that long, and weighing it would cost in proportion to its length.
    if (end - start > MAX_WORD_UNITS) {
      foreign++;
      continue;
    }
    const word = text.slice(start, end);
    if (isPunctuation?.(word, m.index + m[0].length - start)) {
      foreign++;
      continue;
    }
    let verdict = verdicts.get(word);
    if (verdict === undefined) {
      const letters = convert(word).replace(NON_LETTER_EDGES_RE, '');
      // An all-caps syllable ("VIỆT" of an all-caps headline) is evidence like any other; only
      // a capitals word that is no syllable ("HĐND") is taken for an acronym.
      verdict = letters.length < 2 ? null : isVietnameseSyllable(letters) ? true : isAcronym(letters) ? null : false;
      verdicts.set(word, verdict);
    }
    if (verdict === true) vietnamese++;
    else if (verdict === false) foreign++;
  }
  return foreign * 2 > vietnamese ? 0 : vietnamese;
}

/** TCVN3 (ABC) mojibake read as Latin-1 → Unicode NFC. */
export function convertTcvn3(text: string): string {
  return text.replace(TCVN3_CHAR_RE, (c) => TCVN3_TABLE.get(c) ?? c).normalize('NFC');
}

/** VIQR (ASCII-marked Vietnamese) → Unicode NFC; "\" escapes a literal mark. */
export function convertViqr(text: string): string {
  return text
    .replace(VIQR_SYLLABLE_RE, (m, escaped: string | undefined, d1: string | undefined, d2: string | undefined, vowel: string | undefined, quality: string | undefined, tone: string | undefined) => {
      if (escaped !== undefined) return escaped;
      if (d1 !== undefined) return d1 === 'D' ? 'Đ' : d2 === 'd' && d1 === 'd' ? 'đ' : m;
      let out = vowel!;
      if (quality === '^' && /[aeoAEO]/u.test(out)) out += CIRC;
      else if (quality === '(' && /[aA]/u.test(out)) out += BREVE;
      else if (quality === '+' && /[ouOU]/u.test(out)) out += HORN;
      else if (quality !== undefined) out += quality;
      if (tone !== undefined) {
        out += tone === "'" ? ACUTE : tone === '`' ? GRAVE : tone === '?' ? HOOK : tone === '~' ? TILDE : DOT;
      }
      return out;
    })
    .normalize('NFC');
}

/** VNI mojibake read as Latin-1 → Unicode NFC. */
export function convertVni(text: string): string {
  const out: string[] = [];
  for (const c of text) {
    const last = out[out.length - 1];
    if (last !== undefined) {
      const nfd = last.normalize('NFD');
      const base = nfd.charAt(0);
      const marks = nfd.slice(1);
      const lower = c.toLowerCase();
      let mark: string | undefined;
      if (BASE_VOWELS.includes(base)) {
        const plain = marks === '';
        if (plain && 'aeoAEO'.includes(base)) mark = VNI_CIRC_TONES[lower];
        if (mark === undefined && plain && 'aA'.includes(base)) mark = VNI_BREVE_TONES[lower];
        if (mark === undefined && !TONE_RE.test(marks)) mark = VNI_TONES[lower];
      }
      if (mark !== undefined) {
        out[out.length - 1] = (last + mark).normalize('NFC');
        continue;
      }
    }
    out.push(VNI_STANDALONE[c] ?? c);
  }
  return out.join('').normalize('NFC');
}
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * Text known to be in `encoding` (detected on the whole of which it is a part, such as one text
 * node of an HTML body) converted to Unicode NFC, without detecting again.
 */
export function convertLegacyEncoding(text: string, encoding: 'tcvn3' | 'viqr' | 'vni'): string {
  if (encoding === 'tcvn3') return convertTcvn3(text);
  if (encoding === 'vni') return convertVni(text);
  return convertViqr(text);
}

/** Converts legacy-encoded Vietnamese to Unicode; other text is returned unchanged. */
export function fixLegacyEncoding(text: string): { text: string; encoding: 'tcvn3' | 'viqr' | 'vni' | null } {
  const encoding = detectLegacyEncoding(text);
  return { text: encoding === null ? text : convertLegacyEncoding(text, encoding), encoding };
}
