/**
 * Near-duplicate fingerprints: MinHash over tone-insensitive word shingles, plus the numbers,
 * names and dateline day a story states. Two copies of one story share most of all four; two
 * storm bulletins on different days share wording but not numbers or day.
 */
import { toneInsensitiveKey } from './text.js';

/** What a story is compared by; plain data, safe to store as JSON. */
export interface Fingerprint {
  /** One-permutation MinHash signature: SIGNATURE_SIZE bin minima, 0xffffffff for an empty bin. */
  minhash: number[];
  /** Numbers stated, separators removed ("10.000" → "10000"). */
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

export const SIGNATURE_SIZE = 64;
const SHINGLE_WORDS = 3;
const EMPTY_BIN = 0xffffffff;
const NUMBER_RE = /\d(?:[\d.,]*\d)?/gu;
const NAME_RE = /\p{Lu}[\p{L}\p{M}]*(?:[ -]\p{Lu}[\p{L}\p{M}]*)+/gu;
const MARKS_RE = /[\u0300-\u036f]/gu;

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
function oneVersusAllMinhash(words: string[]): number[] {
  const bins: number[] = Array.from({ length: SIGNATURE_SIZE }, () => EMPTY_BIN);
  const wordHashes = words.map(fnv1a);
  const last = Math.max(1, wordHashes.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < last; i++) {
    let h = 0x9e3779b9;
    for (let j = i; j < i + SHINGLE_WORDS && j < wordHashes.length; j++) h = Math.imul(h ^ wordHashes[j]!, 0x85ebca6b);
    h = mix(h);
    const bin = h >>> 26;
    const value = h & 0x3ffffff;
    if (value < bins[bin]!) bins[bin] = value;
  }
  return bins;
}

function foldName(name: string): string {
  return name.normalize('NFD').replace(MARKS_RE, '').replace(/[đĐ]/gu, 'd').toLowerCase().replace(/[^a-z0-9]/gu, '');
}

/** The fingerprint of a story: deterministic, independent of tone-mark placement and case. */
export function fingerprint(article: FingerprintInput): Fingerprint {
  const text = [article.headline, article.lead ?? '', article.body.text].join('\n');
  const words = toneInsensitiveKey(text).split(' ').filter((w) => w !== '');
  const minhash = words.length === 0 ? Array.from({ length: SIGNATURE_SIZE }, () => EMPTY_BIN) : oneVersusAllMinhash(words);
  const numbers = new Set<string>();
  for (const m of text.matchAll(NUMBER_RE)) numbers.add(m[0].replace(/[.,]/gu, ''));
  const names = new Set<string>();
  for (const m of text.matchAll(NAME_RE)) {
    const folded = foldName(m[0]);
    if (folded.length >= 4) names.add(folded);
  }
  return { minhash, numbers: [...numbers].sort(), names: [...names].sort(), date: article.dateline.date };
}

function jaccard(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 && b.length === 0) return null;
  const set = new Set(a);
  let shared = 0;
  for (const x of b) if (set.has(x)) shared++;
  return shared / (a.length + b.length - shared);
}

/** Estimated Jaccard similarity of the two stories' shingle sets (0..1); bins empty in both are skipped. */
export function textSimilarity(a: Fingerprint, b: Fingerprint): number {
  let same = 0;
  let used = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    const x = a.minhash[k];
    const y = b.minhash[k];
    if (x === EMPTY_BIN && y === EMPTY_BIN) continue;
    used++;
    if (x === y) same++;
  }
  return used === 0 ? 0 : same / used;
}

/**
 * How likely two stories are the same story (0..1): shingle overlap weighted with shared numbers
 * and names; stories dated on different days are pulled down hard (bulletins repeat wording).
 */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  const text = textSimilarity(a, b);
  const numbers = jaccard(a.numbers, b.numbers);
  const names = jaccard(a.names, b.names);
  let score = 0.6 * text + 0.2 * (numbers ?? text) + 0.2 * (names ?? text);
  if (a.date !== null && b.date !== null && a.date !== b.date) score *= 0.5;
  return score;
}

/** The score at and above which two stories count as duplicates (tuned on test/fixtures/wire/pairs). */
export const DUPLICATE_THRESHOLD = 0.45;
