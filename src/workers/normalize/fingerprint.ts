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
 */
function oneVersusAllMinhash(wordHashes: number[], shingle: number): number[] {
  const bins: number[] = Array.from({ length: SIGNATURE_SIZE }, () => EMPTY_BIN);
  const last = Math.max(1, wordHashes.length - shingle + 1);
  for (let i = 0; i < last; i++) {
    let h = 0x9e3779b9;
    for (let j = i; j < i + shingle && j < wordHashes.length; j++) h = Math.imul(h ^ wordHashes[j]!, 0x85ebca6b);
    h = mix(h);
    const bin = h >>> 26;
    const value = h & 0x3ffffff;
    if (value < bins[bin]!) bins[bin] = value;
  }
  return bins;
}

// A name folded to bare ASCII letters and digits ("Hà Nội" → "hanoi").
function foldName(name: string): string {
  return foldDiacritics(name).replace(/[^a-z0-9]/gu, '');
}

/** The fingerprint of a story: deterministic, independent of tone-mark placement and case. */
export function fingerprint(article: FingerprintInput): Fingerprint {
  const text = [article.headline, article.lead ?? '', article.body.text].join('\n');
  const words = toneInsensitiveWords(text).filter((w) => w !== '');
  const wordHashes = words.map(fnv1a);
  const minhash = oneVersusAllMinhash(wordHashes, SHINGLE_WORDS);
  const wordhash = oneVersusAllMinhash(wordHashes, 1);
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
  for (const name of titleCaseNames(`${article.lead ?? ''}\n${article.body.text}`)) {
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
  const text = textSimilarity(a, b);
  const vocabulary = wordSimilarity(a, b);
  const numbers = overlap(a.numbers, b.numbers);
  const names = overlap(a.names, b.names);
  const wording = 0.5 * text + 0.5 * vocabulary;
  let score = 0.6 * wording + 0.2 * (numbers ?? wording) + 0.2 * (names ?? wording);
  if (a.date !== null && b.date !== null && a.date !== b.date) score *= 0.5;
  // Two stories that each state figures and share none report different facts.
  if (numbers === 0 && Math.min(a.numbers.length, b.numbers.length) >= 2) score *= 0.6;
  return score;
}

/** The score at and above which two stories count as duplicates (tuned on test/fixtures/wire/pairs). */
export const DUPLICATE_THRESHOLD = 0.45;
