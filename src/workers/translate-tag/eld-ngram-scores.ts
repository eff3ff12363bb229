/**
 * eld's language scores computed straight from its n-gram database: the same text processing,
 * the same byte n-grams, the same sums and the same 0..1 scale as eld 2.1's detect() and
 * getScores() (eld/src/languageDetector.js, eld/src/LanguageResult.js), about six times cheaper.
 * eld adds up each n-gram's scores with a for…in over an object keyed by language number, which
 * V8 walks slowly and which made eld most of the stage's CPU; here each n-gram's scores are
 * unpacked once into a typed array. The tests check the scores against eld.detect() itself.
 */
import type { ScoredLanguage } from './eld-scorer.js';

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
  const allScoresOf = unpackedScores(db, () => true);
  const usualScoresOf = usual === undefined ? allScoresOf : unpackedScores(db, (n) => usual.has(codes[n]!));
  const withinUsual = (allowed: ReadonlySet<string>): boolean => {
    if (usual === undefined || allowed === usual) return true;
    for (const lang of allowed) if (!usual.has(lang)) return false;
    return true;
  };
  // One array of sums for every call (zeroed after each): a typed array is slow to allocate.
  const sums = new Float64Array(codes.length);
  return (text, allowed) => {
    const lowered = text.substring(0, MAX_CHARS).replace(helpers.separators, ' ').trim().toLowerCase();
    const grams = byteNgrams(byteWords(lowered, helpers.dictionary));
    const scoresOf = withinUsual(allowed) ? usualScoresOf : allScoresOf;
    // Sums of integers: exact whatever the order, so they equal eld's. Languages left out of
    // scoresOf stay 0 and are not in `allowed`, so they are skipped below as before.
    for (const gram of grams) {
      const packed = scoresOf(gram);
      for (let k = 0; k < packed.length; k += 2) sums[packed[k]!]! += packed[k + 1]!;
    }
    const out: (ScoredLanguage & { index: number })[] = [];
    for (let index = 0; index < codes.length; index++) {
      const sum = sums[index]!;
      if (sum <= 0 || !allowed.has(codes[index]!)) continue;
      const mean = sum / grams.size;
      out.push({ lang: codes[index]!, score: mean / (mean + SCALE), index });
    }
    sums.fill(0);
    out.sort((a, b) => b.score - a.score || a.index - b.index);
    return out.map(({ lang, score }) => ({ lang, score }));
  };
}
