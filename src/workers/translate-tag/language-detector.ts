/**
 * Language detection for headlines, labels and bodies. Cheap rules first: a letter's Unicode
 * script settles Lao, Khmer, Han, Thai, ...; Vietnamese letters and syllable shapes settle
 * Vietnamese; only the Latin/Cyrillic text left over goes to eld (see eld-scorer.ts), once per
 * text. Every sentence counts with its letters (Vietnamese with its syllables), and a sentence
 * whose function words belong to another language keeps it, so mixed text yields the dominant
 * language plus the share of the second one. The scorer is injected so the bench can compare eld
 * database sizes; production wiring is in detect-language.ts.
 */
import { PermanentError } from '../../shared/errors.js';
import { isLetter, isLetterOrMark, isMark, isUppercaseLetter } from '../normalize/char-classes.js';
import type { ScoredLanguage } from './eld-scorer.js';
import { SCRIPT_LANGUAGE, splitScriptRuns } from './scripts.js';
import type { ScriptRun } from './scripts.js';
import { functionWordVote } from './function-words.js';
import { vietnameseEvidenceAt } from './vietnamese.js';

/** What detectLanguage reports: a BCP 47 code ('und' when there is no text) and 0..1 confidence. */
export interface LanguageGuess {
  lang: string;
  confidence: number;
  /** The second language of mixed text and its share of the text (0..1), when ≥ MIN_SECONDARY_SHARE. */
  secondary?: { lang: string; share: number };
}

/** Latin-script languages eld may answer; Vietnamese is mostly settled by rules before eld. */
export const LATIN_LANGUAGES: ReadonlySet<string> = new Set(['vi', 'en', 'fr', 'es', 'de', 'it', 'pt']);
const LATIN_WITHOUT_VI: ReadonlySet<string> = new Set([...LATIN_LANGUAGES].filter((l) => l !== 'vi'));
const CYRILLIC_FAMILY: ReadonlySet<string> = new Set(['ru', 'uk', 'bg', 'be', 'sr']);
/** Every language the detector ever asks its scorer about (the scorer may sum only these). */
export const SCORED_LANGUAGES: ReadonlySet<string> = new Set([...LATIN_LANGUAGES, ...CYRILLIC_FAMILY]);
/** The languages the wire service receives (spec, issue 6); others must win by a clear margin. */
export const SERVED_LANGUAGES: ReadonlySet<string> = new Set(['vi', 'en', 'fr', 'es', 'ru', 'zh', 'lo', 'km']);
// Discount on the score of a language outside SERVED_LANGUAGES (chosen on the labeled set:
// docs/quality/translate-tag.md).
const UNSERVED_PRIOR = 0.97;
// Vietnamese, with or without diacritics, is all syllables; below this share of syllable-shaped
// words a text is not Vietnamese whatever eld says ("Vietnam beat Indonesia in World Cup").
const MIN_VI_SYLLABLE_SHARE = 0.7;
// At or above this share of syllable-shaped words (and two words or more), Latin text the scorer
// cannot place reads as Vietnamese typed without diacritics ("Xuat khau gao dat ky luc").
const VI_SYLLABIC_SHARE = 0.85;
// How sure that fallback is: the syllable shapes are all the evidence there is.
const VI_SYLLABIC_CONFIDENCE = 0.5;

/** A second language below this share of the text is noise (a quoted name), not mixed text. */
export const MIN_SECONDARY_SHARE = 0.1;
// Bodies are judged on their first 12,000 characters: about 2,000 words, far more than the
// language needs, and it bounds the cost of a pathological input.
const MAX_CHARS = 12_000;
// One CJK character carries about as much as a short Latin word, so it weighs more than a letter
// when shares of mixed text are computed.
const CJK_WEIGHT = 3;
// A Vietnamese syllable (a word, 3.5 letters on the labeled bodies) weighs about as much as a short
// English, French or Spanish word (4.8–5.3 letters): counted by letters, one long English quote
// outweighed the two Vietnamese sentences around it. Not more: shares of mixed text must stay near
// the shares of its letters (test/fixtures/language/mixed.jsonl), and at 5 the Chinese name in a
// Vietnamese paragraph there falls under MIN_SECONDARY_SHARE.
const VI_SYLLABLE_WEIGHT = 4.5;

const SENTENCE_BREAK = /(?<=[.!?…。！？;])\s+|\n+/u;

interface SegmentGuess {
  lang: string;
  confidence: number;
}

// Where languageWords puts the words it finds (start and end of word k), shared by every call
// and read before the next: a sentence's words are mostly counted in place, not cut out.
let wordStarts = new Int32Array(256);
let wordEnds = new Int32Array(256);
let wordMarks = new Uint8Array(256);
// The words of a sentence that are not foreign names (see withoutForeignNames), as above.
let keptStarts = new Int32Array(256);
let keptEnds = new Int32Array(256);
let keptMarks = new Uint8Array(256);

/**
 * Words that carry language: acronyms (UBND, WHO, COVID) are the same in every language. The
 * matches of /\p{L}[\p{L}\p{M}'’]*\/gu less those of /^[\p{Lu}\p{M}]{2,}$/u, found with a table
 * of character classes: the regexes cost several times more on Vietnamese text than on ASCII.
 * Returns how many; word k is text[wordStarts[k], wordEnds[k]).
 */
function languageWords(text: string): number {
  // A word takes at least one unit and a unit after it: at most (length + 1) / 2 words.
  if (wordStarts.length < (text.length >> 1) + 1) {
    wordStarts = new Int32Array(text.length + 1);
    wordEnds = new Int32Array(text.length + 1);
    wordMarks = new Uint8Array(text.length + 1);
    keptStarts = new Int32Array(text.length + 1);
    keptEnds = new Int32Array(text.length + 1);
    keptMarks = new Uint8Array(text.length + 1);
  }
  let count = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.codePointAt(i)!;
    if (!isLetter(c)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let acronymLetters = isUppercaseLetter(c) ? 1 : 0;
    let acronym = acronymLetters === 1;
    i += c > 0xffff ? 2 : 1;
    // Bounded by the length, not by codePointAt's undefined past the end: a loop variable that
    // is only ever a number stays a fast small integer.
    while (i < text.length) {
      const d = text.codePointAt(i)!;
      if (!(isLetterOrMark(d) || d === 0x27 || d === 0x2019)) break;
      if (acronym && (isUppercaseLetter(d) || isMark(d))) acronymLetters++;
      else acronym = false;
      i += d > 0xffff ? 2 : 1;
    }
    if (!acronym || acronymLetters < 2) {
      wordStarts[count] = start;
      wordEnds[count++] = i;
    }
  }
  return count;
}

/**
 * The confidence cap for a text of `letters` letters: a few letters are never a sure answer,
 * however lonely the winner ("Sci-Tech" scores only Italian).
 */
function lengthCap(letters: number): number {
  return Math.min(0.99, 0.55 + letters * 0.02);
}

/** The fewest letters at which lengthCap reaches its ceiling: counting further changes nothing. */
export const LETTERS_FOR_FULL_CAP: number = (() => {
  let n = 0;
  while (lengthCap(n) < 0.99) n++;
  return n;
})();

/**
 * The letters of `text` as scorerGuess counts them (text.length less the code points that are not
 * letters, the matches of /[^\p{L}]/gu) when that is below `enough`; some number ≥ `enough`
 * otherwise. Joined pending text runs to thousands of characters, and lengthCap stops growing at
 * LETTERS_FOR_FULL_CAP, so the scan stops as soon as the count is sure to get there.
 */
export function letterCountUpTo(text: string, enough: number): number {
  let nonLetters = 0;
  for (let i = 0; i < text.length; ) {
    // The units not read yet can only add non-letters, so the final count is at least
    // i - nonLetters: once that reaches `enough`, so will the answer.
    if (i - nonLetters >= enough) return text.length - nonLetters;
    const c = text.codePointAt(i)!;
    if (!isLetter(c)) nonLetters++;
    i += c > 0xffff ? 2 : 1;
  }
  return text.length - nonLetters;
}

/** The statistical step: a score (0..1, higher is closer) for languages in `allowed`. */
export type LanguageScorer = (text: string, allowed: ReadonlySet<string>) => ScoredLanguage[];

/**
 * The scorer's best among `allowed`, with a confidence from the margin over the runner-up. Scores
 * of languages outside SERVED_LANGUAGES are discounted, so a word that Spanish and Portuguese
 * share ("Política") goes to the served language unless the other is clearly closer.
 */
function scorerGuess(scorer: LanguageScorer, text: string, allowed: ReadonlySet<string>): SegmentGuess | null {
  let best: ScoredLanguage | null = null;
  let second = 0;
  for (const { lang, score } of scorer(text, allowed)) {
    const weighted = SERVED_LANGUAGES.has(lang) ? score : score * UNSERVED_PRIOR;
    if (best === null || weighted > best.score) {
      second = best?.score ?? 0;
      best = { lang, score: weighted };
    } else if (weighted > second) {
      second = weighted;
    }
  }
  if (best === null || best.score <= 0) return null;
  // A clear margin means a sure answer; neck-and-neck scores mean a coin toss (0.5).
  const margin = (best.score - second) / best.score;
  const cap = lengthCap(letterCountUpTo(text, LETTERS_FOR_FULL_CAP));
  return { lang: best.lang, confidence: Math.min(cap, 0.5 + margin * 2.5) };
}

const UKRAINIAN_LETTERS = /[єїґЄЇҐ]|[іІ](?![ўЎ])/u;
const BELARUSIAN_LETTERS = /[ўЎ]/u;
const SERBIAN_LETTERS = /[јљњћђџЈЉЊЋЂЏ]/u;
const NOT_BULGARIAN_LETTERS = /[ыэёЫЭЁ]/u;

/**
 * Which Cyrillic languages the letters allow: Ukrainian needs і/є/ї/ґ, Belarusian ў (or і),
 * Serbian ј/љ/њ/ћ/ђ/џ, and ы/э/ё rule Bulgarian out. Short labels ("Спорт") carry no n-gram
 * signal, so these letters settle more than eld can.
 */
function cyrillicCandidates(text: string): ReadonlySet<string> {
  const allowed = new Set(['ru', 'bg']);
  if (UKRAINIAN_LETTERS.test(text)) allowed.add('uk');
  if (BELARUSIAN_LETTERS.test(text) || /[іІ]/u.test(text)) allowed.add('be');
  if (SERBIAN_LETTERS.test(text)) allowed.add('sr');
  if (NOT_BULGARIAN_LETTERS.test(text)) allowed.delete('bg');
  return allowed;
}

/** How much a segment counts: its letters (CJK × 3), and its words when it is Latin script. */
interface Size {
  weight: number;
  words: number;
}

/** What a segment counts for once its language is known: Vietnamese by syllables, all else by weight. */
function sizeIn(lang: string, size: Size): number {
  return lang === 'vi' && size.words > 0 ? size.words * VI_SYLLABLE_WEIGHT : size.weight;
}

/** Text the rules could not settle: judged by the scorer, once per text rather than per sentence. */
interface Pending extends Size {
  /** What the scorer reads: the run less the words the rules set aside. */
  text: string;
  /** The whole run. */
  run: string;
  allowed: ReadonlySet<string>;
}

/** A sentence whose language the rules settled, with its size. */
interface Ruled extends SegmentGuess, Size {}

function hasUppercaseLetter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; ) {
    const c = text.codePointAt(i)!;
    if (isUppercaseLetter(c)) return true;
    i += c > 0xffff ? 2 : 1;
  }
  return false;
}

/**
 * When the sentence holds a word with Vietnamese letters that starts lowercase (vocabulary such as
 * "gặp", "ra mắt", not a name), withoutNames; 0 otherwise. English copy writes the Vietnamese
 * names it quotes with capitals, so it never gets here.
 */
function withoutForeignNames(text: string, words: number): number {
  let vocabulary = false;
  for (let k = 0; k < words && !vocabulary; k++) {
    vocabulary = wordMarks[k] === 1 && !isUppercaseLetter(text.codePointAt(wordStarts[k]!)!);
  }
  return vocabulary ? withoutNames(text, words) : 0;
}

/**
 * Copies the words languageWords found, less the unmarked ones holding a capital ("Donald",
 * "Messi", "iPhone"), into keptStarts/keptEnds and returns how many: foreign names and brands in a
 * Vietnamese headline are not syllables, and must not sink it.
 */
function withoutNames(text: string, words: number): number {
  let kept = 0;
  for (let k = 0; k < words; k++) {
    if (wordMarks[k] === 0 && hasUppercaseLetter(text, wordStarts[k]!, wordEnds[k]!)) continue;
    keptStarts[kept] = wordStarts[k]!;
    keptEnds[kept++] = wordEnds[k]!;
  }
  return kept;
}

/** Language of one Latin-script sentence or label by rule, or what is left for the scorer. */
function ruleLatin(text: string, weight: number): Ruled | Pending | null {
  const words = languageWords(text);
  if (words === 0) return null;
  const vi = vietnameseEvidenceAt(text, wordStarts, wordEnds, words, wordMarks);
  // Vietnamese letters on words of Vietnamese shape: the rule eld is not needed for.
  if (vi.markedShare >= 0.2 && vi.syllableShare >= 0.8) {
    return { lang: 'vi', confidence: Math.min(0.99, 0.7 + vi.markedShare), weight, words };
  }
  // Vietnamese typed without diacritics: every word a syllable and frequent Vietnamese words.
  if (vi.markedShare === 0 && words >= 2 && vi.syllableShare >= 0.85 && vi.functionShare >= 0.25) {
    return { lang: 'vi', confidence: Math.min(0.95, 0.5 + vi.functionShare), weight, words };
  }
  // The same rule once foreign names are set aside, a little less sure for what it set aside. One
  // marked word among others is not enough there: "Le phở de Hanoï" keeps "phở de".
  const kept = vi.markedShare > 0 ? withoutForeignNames(text, words) : 0;
  if (kept > 0) {
    const native = vietnameseEvidenceAt(text, keptStarts, keptEnds, kept, keptMarks);
    const marked = Math.round(native.markedShare * kept);
    if ((marked >= 2 || marked === kept) && native.markedShare >= 0.2 && native.syllableShare >= 0.8) {
      return { lang: 'vi', confidence: Math.min(0.9, 0.7 + vi.markedShare), weight, words };
    }
  }
  // Vietnamese names inside English or French text must not drag it to 'vi': judge the rest.
  const rest: string[] = [];
  for (let k = 0; k < words; k++) if (wordMarks[k] === 0) rest.push(text.slice(wordStarts[k], wordEnds[k]));
  if (rest.length === 0) return { lang: 'vi', confidence: 0.6, weight, words };
  const allowed = vi.syllableShare < MIN_VI_SYLLABLE_SHARE ? LATIN_WITHOUT_VI : LATIN_LANGUAGES;
  return { text: rest.join(' '), run: text, weight, words, allowed };
}

function runWeight(run: ScriptRun): number {
  return run.script === 'Han' || run.script === 'Kana' || run.script === 'Hangul'
    ? run.letters * CJK_WEIGHT
    : run.letters;
}

/**
 * Keeps, among the kept words, only those starting lowercase (vocabulary: "bàn", "cho", not
 * "Hà Nội"), in place, and returns how many carry a letter beyond ASCII (a diacritic).
 */
function keepVocabulary(text: string, kept: number): { words: number; withDiacritic: number } {
  let words = 0;
  let withDiacritic = 0;
  for (let k = 0; k < kept; k++) {
    const start = keptStarts[k]!;
    const end = keptEnds[k]!;
    if (isUppercaseLetter(text.codePointAt(start)!)) continue;
    keptStarts[words] = start;
    keptEnds[words++] = end;
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) > 0x7f) {
        withDiacritic++;
        break;
      }
    }
  }
  return { words, withDiacritic };
}

/**
 * Vietnamese typed without diacritics, or Vietnamese words around foreign names; two words or
 * more besides names either way. Without diacritics, nearly every word must be shaped like a
 * syllable, names included, and the rules must not have barred 'vi' ("Ha Noi mua to"): judged on
 * the words besides names alone, "Angela Merkel to meet Macron in Berlin" left "to meet in". Around
 * names that outnumber them ("Messi ghi bàn cho Inter Miami", "iPhone 16 lên kệ"), the words
 * besides names must all be syllables, and the lowercase ones (vocabulary, not Vietnamese names
 * an English headline quotes: "Meloni in Hà Nội on Monday") must include one with a diacritic,
 * which English words never carry, and one that is a Vietnamese function word or holds a letter
 * only Vietnamese writes: "CNN: Hanoi's bánh mì" has only the loanword.
 */
function readsAsSyllables(p: Pending): boolean {
  const text = p.run;
  const words = languageWords(text);
  // Also sets wordMarks for this text, which withoutNames reads.
  const all = vietnameseEvidenceAt(text, wordStarts, wordEnds, words, wordMarks);
  const kept = withoutNames(text, words);
  if (kept < 2) return false;
  if (p.allowed.has('vi') && all.syllableShare >= VI_SYLLABIC_SHARE) return true;
  if (vietnameseEvidenceAt(text, keptStarts, keptEnds, kept, keptMarks).syllableShare < VI_SYLLABIC_SHARE) return false;
  const vocabulary = keepVocabulary(text, kept);
  if (vocabulary.withDiacritic === 0) return false;
  const native = vietnameseEvidenceAt(text, keptStarts, keptEnds, vocabulary.words, keptMarks);
  return native.markedShare > 0 || native.functionShare > 0;
}

/**
 * A Latin segment's language, given the scorer's guess: that guess, or Vietnamese typed without
 * diacritics when the scorer found nothing or only a language the wire does not receive ("Ha Noi
 * mua to" scores closest to Italian) and the words besides names all read as syllables. Checked
 * only then, so the common case costs nothing more.
 */
function orSyllabicVietnamese(p: Pending, guess: SegmentGuess | null): SegmentGuess | null {
  if (guess !== null && SERVED_LANGUAGES.has(guess.lang)) return guess;
  return readsAsSyllables(p) ? { lang: 'vi', confidence: VI_SYLLABIC_CONFIDENCE } : guess;
}

/**
 * Settles the pending segments of one script family with one scorer call on their joined text
 * (eld reads its first 1,000 characters). A segment whose function words clearly belong to
 * another language keeps that language, so a quoted English sentence in French copy still
 * counts as English.
 */
function settlePending(scorer: LanguageScorer, pending: Pending[], family: ReadonlySet<string>): [Pending, SegmentGuess][] {
  if (pending.length === 0) return [];
  if (pending.length === 1) {
    const only = pending[0]!;
    const scored = scorerGuess(scorer, only.text, only.allowed);
    const guess = family === CYRILLIC_FAMILY ? scored : orSyllabicVietnamese(only, scored);
    return guess === null ? [] : [[only, guess]];
  }
  const total = pending.reduce((sum, p) => sum + p.weight, 0);
  const viWeight = pending.reduce((sum, p) => sum + (p.allowed.has('vi') ? p.weight : 0), 0);
  const allowed = family.has('vi') && viWeight * 2 < total ? LATIN_WITHOUT_VI : family;
  const dominant = scorerGuess(scorer, pending.map((p) => p.text).join(' '), allowed);
  const settled: [Pending, SegmentGuess][] = [];
  for (const p of pending) {
    let guess = family === CYRILLIC_FAMILY ? dominant : orSyllabicVietnamese(p, dominant);
    const voted = dominant === null || family === CYRILLIC_FAMILY ? null : functionWordVote(p.text);
    if (voted !== null && voted !== dominant!.lang && p.allowed.has(voted)) guess = { lang: voted, confidence: 0.85 };
    if (guess !== null) settled.push([p, guess]);
  }
  return settled;
}

/** Builds a detector around a statistical scorer (the bench swaps in other eld databases). */
export function createLanguageDetector(scorer: LanguageScorer): (text: string) => LanguageGuess {
  return (text) => detectWith(scorer, text);
}

function detectWith(scorer: LanguageScorer, text: string): LanguageGuess {
  if (typeof text !== 'string') {
    throw new PermanentError('INVALID_ARTICLE', 'language detection needs a string', { got: typeof text });
  }
  const sample = (text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text).normalize('NFC');
  const tally = TALLY.reset();
  const count = (guess: SegmentGuess, weight: number): void => tally.add(guess.lang, weight, guess.confidence);
  const latin: Pending[] = [];
  const cyrillic: Pending[] = [];
  for (const sentence of sample.split(SENTENCE_BREAK)) {
    const runs = splitScriptRuns(sentence);
    if (runs.length === 0) continue;
    const hasKana = runs.some((r) => r.script === 'Kana');
    for (const run of runs) {
      const weight = runWeight(run);
      if (run.script === 'Latin') {
        const ruled = ruleLatin(run.text, weight);
        if (ruled === null) continue;
        if ('text' in ruled) latin.push(ruled);
        else count(ruled, sizeIn(ruled.lang, ruled));
      } else if (run.script === 'Cyrillic') {
        cyrillic.push({ text: run.text, run: run.text, weight, words: 0, allowed: cyrillicCandidates(run.text) });
      } else if (run.script === 'Han' && hasKana) {
        // Japanese writes Han characters between its kana.
        count({ lang: 'ja', confidence: 0.95 }, weight);
      } else {
        const lang = SCRIPT_LANGUAGE[run.script];
        if (lang !== undefined) count({ lang, confidence: run.letters >= 2 ? 0.99 : 0.9 }, weight);
      }
    }
  }
  for (const [p, guess] of settlePending(scorer, latin, LATIN_LANGUAGES)) count(guess, sizeIn(guess.lang, p));
  for (const [p, guess] of settlePending(scorer, cyrillic, CYRILLIC_FAMILY)) count(guess, p.weight);
  const total = tally.total;
  if (total === 0) return { lang: 'und', confidence: 0 };

  // The two heaviest languages, as a stable sort by weight would rank them: on equal weight,
  // the first counted.
  const { langs, weights, sures, size } = tally;
  let top = 0;
  for (let k = 1; k < size; k++) if (weights[k]! > weights[top]!) top = k;
  let runnerUp = -1;
  for (let k = 0; k < size; k++) if (k !== top && (runnerUp < 0 || weights[k]! > weights[runnerUp]!)) runnerUp = k;
  const share = weights[top]! / total;
  const result: LanguageGuess = { lang: langs[top]!, confidence: round3(share * (sures[top]! / weights[top]!)) };
  if (runnerUp >= 0) {
    const secondShare = weights[runnerUp]! / total;
    if (secondShare >= MIN_SECONDARY_SHARE) result.secondary = { lang: langs[runnerUp]!, share: round3(secondShare) };
  }
  return result;
}

/**
 * Per language counted in a text: its total weight, and weight × confidence to average the
 * confidence, in the order first counted (entries below `size`). A text counts two or three
 * languages at most, so parallel arrays searched in turn take less than a Map of objects; one
 * tally serves every text (detection never runs inside detection), so it allocates nothing.
 */
class Tally {
  readonly langs: string[] = [];
  readonly weights: number[] = [];
  readonly sures: number[] = [];
  size = 0;
  total = 0;

  reset(): this {
    this.size = 0;
    this.total = 0;
    return this;
  }

  add(lang: string, weight: number, confidence: number): void {
    let k = 0;
    while (k < this.size && this.langs[k] !== lang) k++;
    if (k === this.size) {
      this.langs[k] = lang;
      this.weights[k] = 0;
      this.sures[k] = 0;
      this.size++;
    }
    this.weights[k]! += weight;
    this.sures[k]! += weight * confidence;
    this.total += weight;
  }
}

const TALLY = new Tally();

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
