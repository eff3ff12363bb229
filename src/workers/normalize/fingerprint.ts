/**
 * Near-duplicate fingerprints: MinHash over tone-insensitive word shingles, plus the numbers,
 * names and dateline day a story states. Two copies of one story share most of all four; two
 * storm bulletins on different days share wording but not numbers or day.
 */
import { titleCaseNames } from './names.js';
import { foldDiacritics } from './fold.js';
import { toneInsensitiveWords } from './text.js';

/** What a story is compared by; plain data, safe to store as JSON. */
export interface Fingerprint {
  /** One-permutation MinHash of word 3-shingles: SIGNATURE_SIZE bin minima, 0xffffffff = empty. */
  minhash: number[];
  /** The same over single words: rewrites keep the words but not the word order. */
  wordhash: number[];
  /** Figures stated, separators removed ("10.000" → "10000"); days, months and years left out. */
  numbers: string[];
  /** Capitalized multi-word names, folded to bare ASCII letters ("Hà Nội" → "hanoi"). */
  names: string[];
  date: string | null;
}

/** The article fields a fingerprint reads. */
export interface FingerprintInput {
  headline: string;
  lead: string | null;
  body: { text: string };
  dateline: { date: string | null };
}

/** Bins per MinHash signature. */
export const SIGNATURE_SIZE = 64;
const SHINGLE_WORDS = 3;
/** A MinHash bin no shingle fell into. */
export const EMPTY_BIN = 0xffffffff;
const NUMBER_RE = /\d(?:[\d.,]*\d)?/gu;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * One-permutation MinHash: each shingle hash goes to one of SIGNATURE_SIZE bins (top 6 bits)
 * and each bin keeps its smallest value: one hash per shingle instead of 64 (Li et al., 2012).
 * Reads the first `count` word hashes of `wordHashes` (a reused buffer, see hashWords).
 */
function oneVersusAllMinhash(wordHashes: Uint32Array, count: number, shingle: number): number[] {
  const bins: number[] = [];
  for (let k = 0; k < SIGNATURE_SIZE; k++) bins.push(EMPTY_BIN);
  // A story without words still fills one bin (the hash of the empty shingle): kept as it was.
  const last = Math.max(1, count - shingle + 1);
  for (let i = 0; i < last; i++) {
    let h = 0x9e3779b9;
    for (let j = i; j < i + shingle && j < count; j++) h = Math.imul(h ^ wordHashes[j]!, 0x85ebca6b);
    h = mix(h);
    const bin = h >>> 26;
    const value = h & 0x3ffffff;
    if (value < bins[bin]!) bins[bin] = value;
  }
  return bins;
}

// Word hashes of the story being fingerprinted. A typed array reused from story to story: a
// number[] of fresh uint32s boxed every hash above 2^30 and was rebuilt (filter, map) per story.
// fingerprint() is synchronous, so no two stories share it at once.
let wordHashScratch = new Uint32Array(1024);
// Words of the longest story the scratch grows for (256 KB): a longer one gets an array of its
// own, so one huge body does not pin its size for the life of the process.
const SCRATCH_MAX_WORDS = 1 << 16;

/** fnv1a of every non-empty word, in the scratch array or (a huge story) one of its own. */
function hashWords(words: readonly string[]): { hashes: Uint32Array; count: number } {
  let hashes = wordHashScratch;
  if (hashes.length < words.length) {
    hashes = new Uint32Array(words.length <= SCRATCH_MAX_WORDS ? Math.min(2 * words.length, SCRATCH_MAX_WORDS) : words.length);
    if (words.length <= SCRATCH_MAX_WORDS) wordHashScratch = hashes;
  }
  let count = 0;
  // toneInsensitiveWords gives [''] for a text without words; no other word is empty.
  for (const word of words) if (word !== '') hashes[count++] = fnv1a(word);
  return { hashes, count };
}

// A name folded to bare ASCII letters and digits ("Hà Nội" → "hanoi").
function foldName(name: string): string {
  return foldDiacritics(name).replace(/[^a-z0-9]/gu, '');
}

/** The fingerprint of a story: deterministic, independent of tone-mark placement and case. */
export function fingerprint(article: FingerprintInput): Fingerprint {
  const text = `${article.headline}\n${article.lead ?? ''}\n${article.body.text}`;
  const { hashes, count } = hashWords(toneInsensitiveWords(text));
  const minhash = oneVersusAllMinhash(hashes, count, SHINGLE_WORDS);
  const wordhash = oneVersusAllMinhash(hashes, count, 1);
  const numbers = new Set<string>();
  for (const m of text.matchAll(NUMBER_RE)) {
    const digits = m[0].replace(/[.,]/gu, '');
    // Days, months, small counts and years are shared by every story of a day or a template;
    // only the figures ("4.700 hộ", "2,5 tỷ USD", "452/464") tell two stories apart.
    const value = Number(digits);
    if (digits === m[0] && (value < 32 || (value >= 1990 && value <= 2100))) continue;
    numbers.add(digits);
  }
  const names = new Set<string>();
  // Names are read from the lead and body only: `text` without the headline line, a slice of it
  // rather than a second copy.
  for (const name of titleCaseNames(text.slice(article.headline.length + 1))) {
    const folded = foldName(name);
    if (folded.length >= 4) names.add(folded);
  }
  return { minhash, wordhash, numbers: [...numbers].sort(), names: [...names].sort(), date: article.dateline.date };
}

// Overlap coefficient |A∩B| / min(|A|,|B|): an update or a short version states a subset of the
// original's numbers and names. Null when either side states none (no evidence either way).
function overlap(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  const set = new Set(a);
  let shared = 0;
  for (const x of b) if (set.has(x)) shared++;
  return shared / Math.min(a.length, b.length);
}

function binSimilarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  let used = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    const x = a[k];
    const y = b[k];
    if (x === EMPTY_BIN && y === EMPTY_BIN) continue;
    used++;
    if (x === y) same++;
  }
  return used === 0 ? 0 : same / used;
}

/** Estimated Jaccard similarity of the two stories' 3-shingle sets (0..1). */
export function textSimilarity(a: Fingerprint, b: Fingerprint): number {
  return binSimilarity(a.minhash, b.minhash);
}

/** Estimated Jaccard similarity of the two stories' vocabularies (0..1). */
export function wordSimilarity(a: Fingerprint, b: Fingerprint): number {
  return binSimilarity(a.wordhash, b.wordhash);
}

/**
 * How likely two stories are the same story (0..1): shingle and vocabulary overlap weighted
 * with shared numbers and names; stories dated on different days are pulled down hard
 * (bulletins and price notices repeat their wording every day).
 */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  return weighSimilarity({
    text: textSimilarity(a, b),
    vocabulary: wordSimilarity(a, b),
    numbers: overlap(a.numbers, b.numbers),
    names: overlap(a.names, b.names),
    otherDay: a.date !== null && b.date !== null && a.date !== b.date,
    fewestNumbers: Math.min(a.numbers.length, b.numbers.length),
  });
}

/** What similarity() weighs: each measure as it defines it. */
export interface SimilarityEvidence {
  text: number;
  vocabulary: number;
  /** Overlap coefficient of the numbers, null when either story states none. */
  numbers: number | null;
  names: number | null;
  /** Both stories are dated, on different days. */
  otherDay: boolean;
  /** How many numbers the story stating fewer states. */
  fewestNumbers: number;
}

/**
 * similarity() from its measures, for callers that measure a stored story without decoding it
 * (fingerprint-codec.ts): one formula, so both give the same score to the last bit.
 */
export function weighSimilarity(e: SimilarityEvidence): number {
  const wording = 0.5 * e.text + 0.5 * e.vocabulary;
  let score = 0.6 * wording + 0.2 * (e.numbers ?? wording) + 0.2 * (e.names ?? wording);
  if (e.otherDay) score *= 0.5;
  // Two stories that each state figures and share none report different facts.
  if (e.numbers === 0 && e.fewestNumbers >= 2) score *= 0.6;
  return score;
}

/** The score at and above which two stories count as duplicates (tuned on test/fixtures/wire/pairs). */
export const DUPLICATE_THRESHOLD = 0.45;
