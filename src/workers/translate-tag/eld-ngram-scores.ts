/**
 * eld's language scores computed straight from its n-gram database: the same text processing,
 * the same byte n-grams, the same sums and the same 0..1 scale as eld 2.1's detect() and
 * getScores() (eld/src/languageDetector.js, eld/src/LanguageResult.js), about six times cheaper.
 * eld adds up each n-gram's scores with a for…in over an object keyed by language number, which
 * V8 walks slowly and which made eld most of the stage's CPU; here each n-gram's scores are
 * unpacked once into a typed array. The tests check the scores against eld.detect() itself.
 */
import type { ScoredLanguage } from './eld-scorer.js';
import { sortSmall } from './sort-small.js';

/** An eld n-gram database (eld/src/ngrams/*.js): language codes by number, n-gram → number → score. */
export interface NgramDatabase {
  type: string;
  languages: Readonly<Record<string, string>>;
  ngrams: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** What eld's text processing uses besides the database (eld/src/dictionary.js, eld/src/regexPatterns.js). */
export interface EldTextHelpers {
  /** A character standing for each byte value, 0–255. */
  dictionary: readonly string[];
  /** Runs of non-letters, replaced by a space. */
  separators: RegExp;
}

// eld's constants: characters read, bytes encoded (cut at a space after 350, anywhere after 380),
// bytes of a word used for n-grams, the minimum score subtracted from every stored one to keep the
// database small, and the scale that maps a mean n-gram score to 0..1.
const MAX_CHARS = 1000;
const CUT_AFTER_BYTES = 350;
const ENFORCE_CUT_AFTER_BYTES = 380;
const MAX_WORD_BYTES = 70;
const BASE_NGRAM_SCORE = 53;
const SCALE = 25;

/** eld's strToUtf8Bytes: the words of lowercased text as strings of byte characters. */
function byteWords(str: string, dictionary: readonly string[]): string[] {
  let encoded = '';
  const words: string[] = [];
  let countBytes = 0;
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (countBytes > CUT_AFTER_BYTES) break;
      } else {
        encoded += str[i];
      }
      countBytes++;
    } else if (code < 0x800) {
      encoded += dictionary[0xc0 | (code >> 6)]! + dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded += dictionary[0xe0 | (code >> 12)]! + dictionary[0x80 | ((code >> 6) & 0x3f)]! + dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 3;
    } else {
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      encoded +=
        dictionary[0xf0 | (code >> 18)]! +
        dictionary[0x80 | ((code >> 12) & 0x3f)]! +
        dictionary[0x80 | ((code >> 6) & 0x3f)]! +
        dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > ENFORCE_CUT_AFTER_BYTES) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}

/** eld's getByteNgrams: 4-byte n-grams at a stride of 3, word start and end marked by a space. */
function byteNgrams(words: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const word of words) {
    const len = Math.min(word.length, MAX_WORD_BYTES);
    let j = 0;
    for (; j + 4 < len; j += 3) grams.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    grams.add((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ');
  }
  return grams;
}

// An n-gram the database does not hold: remembered too (up to MAX_REMEMBERED_MISSES of them),
// since a lookup in the database object (100,000 keys, in dictionary mode) costs more than one
// in a Map.
const NOT_IN_DATABASE = new Float64Array(0);
const MAX_REMEMBERED_MISSES = 100_000;

/**
 * n-gram → [language number, score + BASE_NGRAM_SCORE, …] for the languages `keep` accepts,
 * unpacked on first use (empty for an n-gram the database does not hold). Bounded by the
 * database (about 100,000 n-grams for 'medium') plus the misses kept; a story uses a few hundred.
 */
function unpackedScores(db: NgramDatabase, keep: (languageNumber: number) => boolean): (gram: string) => Float64Array {
  const unpacked = new Map<string, Float64Array>();
  let misses = 0;
  return (gram) => {
    let packed = unpacked.get(gram);
    if (packed !== undefined) return packed;
    const byLanguage = db.ngrams[gram];
    if (byLanguage === undefined) {
      if (misses < MAX_REMEMBERED_MISSES) {
        misses++;
        unpacked.set(gram, NOT_IN_DATABASE);
      }
      return NOT_IN_DATABASE;
    }
    const pairs: number[] = [];
    for (const lang in byLanguage) if (keep(Number(lang))) pairs.push(Number(lang), byLanguage[lang]! + BASE_NGRAM_SCORE);
    packed = Float64Array.from(pairs);
    unpacked.set(gram, packed);
    return packed;
  };
}

/**
 * n-grams as numbers: eld's n-gram strings are one to six characters (a space, up to four byte
 * characters, a space), each below U+0100, so the characters and the length pack into two
 * int32s with no two n-grams alike. A story's few hundred n-grams were each a new string, cut
 * out of a string built character by character, then hashed for a Set and a Map; packed, they
 * are looked up in GramTable without a string made unless the n-gram is new.
 */
const PACKED_MAX_CHAR = 0xff;

/**
 * Open-addressing table: packed n-gram → its unpacked scores (or NOT_IN_DATABASE), plus the
 * number of the call that last met it, so the distinct n-grams of a call (eld's Set) are counted
 * without a Set. Typed arrays: no object per n-gram, nothing allocated once warm.
 */
class GramTable {
  #hi = new Int32Array(1 << 12);
  #lo = new Int32Array(1 << 12);
  // 0: empty slot; 1: not in the database; k ≥ 2: #scores[k].
  #value = new Int32Array(1 << 12);
  #metIn = new Int32Array(1 << 12);
  #scores: Float64Array[] = [NOT_IN_DATABASE, NOT_IN_DATABASE];
  #size = 0;
  #misses = 0;

  constructor(
    private readonly db: NgramDatabase,
    private readonly keep: (languageNumber: number) => boolean,
  ) {}

  /**
   * The slot of a packed n-gram (found or filled from the database), or -1 for an n-gram the
   * database lacks once MAX_REMEMBERED_MISSES are remembered.
   */
  slot(hi: number, lo: number, gram: () => string): number {
    const mask = this.#value.length - 1;
    let at = hash(hi, lo) & mask;
    for (let value = this.#value[at]!; value !== 0; value = this.#value[at]!) {
      if (this.#hi[at] === hi && this.#lo[at] === lo) return at;
      at = (at + 1) & mask;
    }
    const byLanguage = this.db.ngrams[gram()];
    let value = 1;
    if (byLanguage === undefined) {
      if (this.#misses >= MAX_REMEMBERED_MISSES) return -1;
      this.#misses++;
    } else {
      const pairs: number[] = [];
      for (const lang in byLanguage) if (this.keep(Number(lang))) pairs.push(Number(lang), byLanguage[lang]! + BASE_NGRAM_SCORE);
      value = this.#scores.push(Float64Array.from(pairs)) - 1;
    }
    this.#hi[at] = hi;
    this.#lo[at] = lo;
    this.#value[at] = value;
    this.#metIn[at] = 0;
    if (++this.#size * 2 > this.#value.length) return this.#grow(hi, lo);
    return at;
  }

  /** The scores in a slot (NOT_IN_DATABASE for a miss). */
  scores(at: number): Float64Array {
    return this.#scores[this.#value[at]!]!;
  }

  /** Marks the slot as met in `call`; false when it was met in that call already. */
  firstMeeting(at: number, call: number): boolean {
    if (this.#metIn[at] === call) return false;
    this.#metIn[at] = call;
    return true;
  }

  /** Clears every met-in mark: call numbers start again from 1 and must not meet old marks. */
  forgetMeetings(): void {
    this.#metIn.fill(0);
  }

  /** Doubles the table (met-in marks kept: it may grow in the middle of a call); the slot of hi/lo after. */
  #grow(hi: number, lo: number): number {
    const old = { hi: this.#hi, lo: this.#lo, value: this.#value, metIn: this.#metIn };
    const capacity = old.value.length * 2;
    this.#hi = new Int32Array(capacity);
    this.#lo = new Int32Array(capacity);
    this.#value = new Int32Array(capacity);
    this.#metIn = new Int32Array(capacity);
    const mask = capacity - 1;
    let found = -1;
    for (let k = 0; k < old.value.length; k++) {
      if (old.value[k] === 0) continue;
      let at = hash(old.hi[k]!, old.lo[k]!) & mask;
      while (this.#value[at] !== 0) at = (at + 1) & mask;
      this.#hi[at] = old.hi[k]!;
      this.#lo[at] = old.lo[k]!;
      this.#value[at] = old.value[k]!;
      this.#metIn[at] = old.metIn[k]!;
      if (old.hi[k] === hi && old.lo[k] === lo) found = at;
    }
    return found;
  }
}

function hash(hi: number, lo: number): number {
  const h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** Set in encodeWords' answer when it stopped at eld's byte limits before the end of the text. */
const STOPPED_EARLY = 1;

/**
 * eld's strToUtf8Bytes into `units` (the character codes of its byte strings, one per byte) with
 * each word's end in `ends` (a word starts where the one before ended); returns the word count
 * times 2, plus STOPPED_EARLY when eld's byte limits stopped it (what follows was not read).
 * `units` holds ENFORCE_CUT_AFTER_BYTES + 4 bytes, `ends` as many words.
 */
function encodeWords(str: string, charOf: Uint8Array, units: Uint8Array, ends: Int32Array): number {
  let n = 0;
  let start = 0;
  let words = 0;
  let countBytes = 0;
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (n > start) {
          ends[words++] = n;
          start = n;
        }
        if (countBytes > CUT_AFTER_BYTES) return stop(n, start, words, ends);
      } else {
        units[n++] = code;
      }
      countBytes++;
    } else if (code < 0x800) {
      units[n++] = charOf[0xc0 | (code >> 6)]!;
      units[n++] = charOf[0x80 | (code & 0x3f)]!;
      countBytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      units[n++] = charOf[0xe0 | (code >> 12)]!;
      units[n++] = charOf[0x80 | ((code >> 6) & 0x3f)]!;
      units[n++] = charOf[0x80 | (code & 0x3f)]!;
      countBytes += 3;
    } else {
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      units[n++] = charOf[0xf0 | (code >> 18)]!;
      units[n++] = charOf[0x80 | ((code >> 12) & 0x3f)]!;
      units[n++] = charOf[0x80 | ((code >> 6) & 0x3f)]!;
      units[n++] = charOf[0x80 | (code & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > ENFORCE_CUT_AFTER_BYTES) return stop(n, start, words, ends);
  }
  if (n > start) ends[words++] = n;
  return words * 2;
}

/** encodeWords' answer when it stops early: the word being read still counts. */
function stop(n: number, start: number, words: number, ends: Int32Array): number {
  if (n > start) ends[words++] = n;
  return words * 2 + STOPPED_EARLY;
}

/**
 * A scorer over one eld database: for `text`, eld's score of every language in `allowed` that
 * scores above 0, highest first (ties in eld's language order), exactly as eld.detect(text)
 * .getScores() lists them. When every `allowed` a caller passes lies within `usual` (the language
 * detector asks about 12 of eld's 60 languages), only those languages' scores are added up: a
 * common n-gram has scores for dozens of languages, and the sums were most of the scorer's time.
 * Any other `allowed` is still answered, from every language's scores.
 */
export function ngramScorer(
  db: NgramDatabase,
  helpers: EldTextHelpers,
  usual?: ReadonlySet<string>,
): (text: string, allowed: ReadonlySet<string>) => ScoredLanguage[] {
  const codes = Object.keys(db.languages).map((n) => db.languages[n]!);
  const keepUsual = usual === undefined ? null : (n: number): boolean => usual.has(codes[n]!);
  const withinUsual = (allowed: ReadonlySet<string>): boolean => {
    if (usual === undefined || allowed === usual) return true;
    for (const lang of allowed) if (!usual.has(lang)) return false;
    return true;
  };
  // One array of sums for every call (zeroed after each): a typed array is slow to allocate.
  const sums = new Float64Array(codes.length);
  const scoreOut = (gramCount: number, allowed: ReadonlySet<string>): ScoredLanguage[] => {
    // Pushed in eld's language order; the sort is stable, so ties keep that order.
    const out: ScoredLanguage[] = [];
    for (let index = 0; index < codes.length; index++) {
      const sum = sums[index]!;
      if (sum <= 0 || !allowed.has(codes[index]!)) continue;
      const mean = sum / gramCount;
      out.push({ lang: codes[index]!, score: mean / (mean + SCALE) });
    }
    sums.fill(0);
    return sortSmall(out, byScore);
  };

  // The string path: eld's own steps on strings, for a word longer than MAX_WORD_BYTES (its last
  // n-gram runs to the word's end, too long to pack) or a dictionary that cannot be packed.
  const allScoresOf = unpackedScores(db, () => true);
  const usualScoresOf = keepUsual === null ? allScoresOf : unpackedScores(db, keepUsual);
  const scoreStrings = (lowered: string, allowed: ReadonlySet<string>): ScoredLanguage[] => {
    const grams = byteNgrams(byteWords(lowered, helpers.dictionary));
    const scoresOf = withinUsual(allowed) ? usualScoresOf : allScoresOf;
    // Sums of integers: exact whatever the order, so they equal eld's. Languages left out of
    // scoresOf stay 0 and are not in `allowed`, so they are skipped below as before.
    for (const gram of grams) {
      const packed = scoresOf(gram);
      for (let k = 0; k < packed.length; k += 2) sums[packed[k]!]! += packed[k + 1]!;
    }
    return scoreOut(grams.size, allowed);
  };

  const packable = helpers.dictionary.length === 256 && helpers.dictionary.every((c) => c.length === 1 && c.charCodeAt(0) <= PACKED_MAX_CHAR);
  if (!packable) return (text, allowed) => scoreStrings(lowerText(text, helpers), allowed);

  const charOf = Uint8Array.from(helpers.dictionary, (c, byte) => (byte < 0x80 ? byte : c.charCodeAt(0)));
  const allTable = new GramTable(db, () => true);
  const usualTable = keepUsual === null ? allTable : new GramTable(db, keepUsual);
  const units = new Uint8Array(ENFORCE_CUT_AFTER_BYTES + 4);
  const ends = new Int32Array(ENFORCE_CUT_AFTER_BYTES + 4);
  // Packed n-grams the table would not remember (past MAX_REMEMBERED_MISSES), met in this call.
  const unremembered: number[] = [];
  let call = 0;
  let table = usualTable;
  let distinct = 0;
  // The n-gram being counted, as character codes; as eld's string only when the table lacks it.
  const gram = new Uint8Array(6);
  let gramLength = 0;
  const gramString = (): string => String.fromCharCode(...gram.subarray(0, gramLength));
  /** Counts the n-gram ' ' + units[from, from + length) + ' ' (each space when its bit is set), once per call. */
  const count = (from: number, length: number, spaces: number): void => {
    let n = 0;
    if ((spaces & 1) !== 0) gram[n++] = 32;
    for (let k = from; k < from + length; k++) gram[n++] = units[k]!;
    if ((spaces & 2) !== 0) gram[n++] = 32;
    gramLength = n;
    for (; n < 6; n++) gram[n] = 0;
    // The length and first two characters in hi, the next four in lo.
    const hi = (gramLength << 16) | (gram[0]! << 8) | gram[1]!;
    const lo = (gram[2]! << 24) | (gram[3]! << 16) | (gram[4]! << 8) | gram[5]!;
    const at = table.slot(hi, lo, gramString);
    if (at < 0) {
      const key = hi * 2 ** 32 + (lo >>> 0);
      if (unremembered.includes(key)) return;
      unremembered.push(key);
      distinct++;
      return;
    }
    if (!table.firstMeeting(at, call)) return;
    distinct++;
    const packed = table.scores(at);
    for (let k = 0; k < packed.length; k += 2) sums[packed[k]!]! += packed[k + 1]!;
  };

  return (text, allowed) => {
    // eld lowercases 1,000 characters and encodes a third of them at most: a shorter head of
    // the text does when its encoding stops before the head's end (see headEnd).
    const head = headEnd(text);
    let lowered = head < 0 ? '' : lowerText(text.substring(0, head), helpers);
    let encoded = head < 0 ? 0 : encodeWords(lowered, charOf, units, ends);
    if ((encoded & STOPPED_EARLY) === 0) {
      lowered = lowerText(text, helpers);
      encoded = encodeWords(lowered, charOf, units, ends);
    }
    const words = encoded >> 1;
    for (let w = 0, start = 0; w < words; start = ends[w++]!) {
      if (ends[w]! - start > MAX_WORD_BYTES) return scoreStrings(lowered, allowed);
    }
    table = withinUsual(allowed) ? usualTable : allTable;
    if (call === 0x7fffffff) {
      // After 2^31 calls the numbers wrap; a slot still marked with an old number would then count
      // as met already in the new call that reuses it.
      usualTable.forgetMeetings();
      allTable.forgetMeetings();
      call = 0;
    }
    call += 1;
    unremembered.length = 0;
    distinct = 0;
    // eld's getByteNgrams on each word: 4-byte n-grams at a stride of 3, the first after a
    // space, then the word's last 4 bytes (all of a word of 3 or fewer) followed by a space.
    for (let w = 0, start = 0; w < words; start = ends[w++]!) {
      const len = ends[w]! - start;
      let j = 0;
      for (; j + 4 < len; j += 3) count(start + j, 4, j === 0 ? 1 : 0);
      const from = len !== 3 ? Math.max(0, len - 4) : 0;
      count(start + from, len - from, (j === 0 ? 1 : 0) | 2);
    }
    return scoreOut(distinct, allowed);
  };
}

// Where headEnd looks for the end of a head: past what eld encodes of most text (380 bytes),
// before MAX_CHARS.
const HEAD_FROM = 400;
const HEAD_BEFORE = 700;

/**
 * The end of a head of `text` whose processed form (lowerText) is the start of the whole text's
 * processed form, or -1: a space after an ASCII letter. No run of separators crosses it (the
 * letter ends the one before), trimming leaves its end alone, and lowercasing looks past a
 * Greek sigma only as far as the next cased letter, which the ASCII letter is.
 */
export function headEnd(text: string): number {
  const last = Math.min(text.length - 1, HEAD_BEFORE);
  for (let at = HEAD_FROM; at < last; at++) {
    if (text.charCodeAt(at) !== 32) continue;
    const before = text.charCodeAt(at - 1) | 0x20;
    if (before >= 0x61 && before <= 0x7a) return at;
  }
  return -1;
}

// The sign of b.score - a.score, which is all a sort reads (a difference would be a new number).
function byScore(a: ScoredLanguage, b: ScoredLanguage): number {
  return b.score > a.score ? 1 : b.score < a.score ? -1 : 0;
}

/** eld's text processing before encoding: its first MAX_CHARS characters, separators to spaces, trimmed, lowercased. */
export function lowerText(text: string, helpers: EldTextHelpers): string {
  return text.substring(0, MAX_CHARS).replace(helpers.separators, ' ').trim().toLowerCase();
}
