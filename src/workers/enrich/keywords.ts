/**
 * Keywords: syllable 2–3-grams scored by TF-IDF, with people, organisations and places kept whole
 * as single candidates (never cut into n-grams). The top 10, as first written in the story.
 */
import type { IdfReader } from './idf-store.js';
import type { Section, Span } from './spans.js';
import { keyIdGeneration, type Token } from './tokenize.js';
import { hardBreakBefore } from './spans.js';
import { isStopPhrase } from './stopwords.js';
import { scratchBytes } from './scratch.js';

export const MAX_KEYWORDS = 10;
const MAX_JOINED = 4;
/** Weight of a term found in the headline or lead versus the body. */
const SECTION_WEIGHT = [3, 2, 1];
/** Entities are what a story is about; favour them over ordinary phrases. */
const ENTITY_BOOST = 1.5;

interface Candidate {
  surface: string;
  /** Weighted term frequency (headline and lead count more). */
  tf: number;
  /** Plain number of occurrences. */
  count: number;
  entity: boolean;
  tokens: number;
}

/** A syllable n-gram, keyed by its token ids until its text key is needed (see GramId). */
interface Gram extends Candidate {
  /** Where it first occurs, to build its key, code and surface on demand ('' until asked, see surfaceOf). */
  section: Section;
  at: number;
  /** Its key once built ('' until asked, see keyOfGram): the same string for IDF learning and lookup. */
  key: string;
}

// An n-gram's code packs its token ids into one number, so counting needs no string building; a
// bigram's code stays a small integer, which maps hash cheaply. Ids start at 1, so a trigram's
// code never equals a bigram's. Ids stay below 2^15 between stories (see tokenize.ts), but one
// story with more new words than the room kept for it numbers them past that: a code with such an
// id could equal another n-gram's, so that n-gram goes by its text key instead (see GramId).
const ID_SPACE = 2 ** 15;
const MAX_GRAM = 3;
/** Per token of the section being counted: inside an entity (see scratch.ts). */
const IN_ENTITY = scratchBytes();

/** The key of an n-gram: its tokens' keys joined by one space. */
function gramKey(T: readonly Token[], at: number, n: number): string {
  let key = T[at]?.key ?? '';
  for (let k = 1; k < n; k++) key += ` ${T[at + k]?.key ?? ''}`;
  return key;
}

/**
 * What an n-gram is counted under: its code when every id fits in the code, else its text key.
 * Either way one n-gram has one GramId and two n-grams never share one (a number never equals a string).
 */
type GramId = number | string;

function gramId(T: readonly Token[], at: number, n: number): GramId {
  let code = 0;
  for (let k = 0; k < n; k++) {
    const id = T[at + k]?.id ?? 0;
    if (id >= ID_SPACE) return gramKey(T, at, n);
    code = code * ID_SPACE + id;
  }
  return code;
}

// N-gram keys by code, kept from story to story. Every distinct n-gram of a story is learned into
// the archive IDF and some are looked up in it: a key built afresh each time is a new string that
// has to be flattened, hashed and compared character by character in those maps, where a kept one
// carries its hash and is often the very string the map holds. Wire copy repeats its phrases, so
// most keys are found here. A code stands for one key only while token ids keep their numbering,
// and only for ids that fit in it (an n-gram with a wider id has its key as its GramId).
const MAX_KEPT_KEYS = 100_000;
const keptKeys = new Map<number, string>();
let keptKeysGeneration = -1;

/** The key of the n-gram with code `code` (every id below ID_SPACE) at T[at..at+n), from the kept keys when there. */
function keptGramKey(T: readonly Token[], at: number, n: number, code: number): string {
  if (keptKeysGeneration !== keyIdGeneration()) {
    keptKeys.clear();
    keptKeysGeneration = keyIdGeneration();
  }
  let key = keptKeys.get(code);
  if (key === undefined) {
    key = gramKey(T, at, n);
    if (keptKeys.size >= MAX_KEPT_KEYS) keptKeys.clear();
    keptKeys.set(code, key);
  }
  return key;
}

/** The n-gram's key, found on first use and kept. */
function keyOfGram(g: Gram): string {
  if (g.key === '') {
    const T = g.section.tokens;
    const id = gramId(T, g.at, g.tokens);
    g.key = typeof id === 'string' ? id : keptGramKey(T, g.at, g.tokens, id);
  }
  return g.key;
}

function isGram(c: Candidate): c is Gram {
  return 'at' in c;
}

/** The candidate as first written; an n-gram's is cut from its section only when asked (few are chosen). */
function surfaceOf(c: Candidate): string {
  if (c.surface === '' && isGram(c)) {
    const T = c.section.tokens;
    c.surface = c.section.text.slice(T[c.at]?.start ?? 0, T[c.at + c.tokens - 1]?.end ?? 0);
  }
  return c.surface;
}

/**
 * The terms of the sections: entities and whatever shares an entity's words by text key
 * (`named`), all other n-grams by code (`grams`). Counted in text order, so a phrase seen before
 * it is named as an entity stays a plain phrase, as a single map by key would have it.
 */
function countTerms(sections: readonly Section[], entitySpans: readonly Span[][]): { named: Map<string, Candidate>; grams: Map<GramId, Gram> } {
  const named = new Map<string, Candidate>();
  const grams = new Map<GramId, Gram>();
  /** GramIds of n-grams that are counted under an entity's key. */
  const routed = new Map<GramId, string>();
  sections.forEach((section, si) => {
    const T = section.tokens;
    const weight = SECTION_WEIGHT[Math.min(si, SECTION_WEIGHT.length - 1)] ?? 1;
    const inEntity = IN_ENTITY.take(T.length);
    const spans = entitySpans[si] ?? [];
    for (const s of spans) inEntity.fill(1, s.start, s.end);
    for (const s of spans) {
      const n = s.end - s.start;
      const key = gramKey(T, s.start, n);
      const a = T[s.start];
      const b = T[s.end - 1];
      if (!key || !a || !b) continue;
      if (n >= 2 && n <= MAX_GRAM) {
        const id = gramId(T, s.start, n);
        const plain = grams.get(id);
        if (plain) {
          grams.delete(id);
          named.set(key, plain);
        }
        routed.set(id, key);
      }
      const c = named.get(key);
      if (c) {
        c.tf += weight;
        c.count++;
      } else named.set(key, { surface: section.text.slice(a.start, b.end), tf: weight, count: 1, entity: true, tokens: n });
    }
    const add = (id: GramId, i: number, n: number): void => {
      // Most stories name no entity of two or three words: then nothing is routed and the probe is skipped.
      const key = routed.size === 0 ? undefined : routed.get(id);
      const g = key === undefined ? grams.get(id) : named.get(key);
      if (g) {
        g.tf += weight;
        g.count++;
        return;
      }
      // An n-gram counted under its text key already has it.
      const fresh: Gram = { surface: '', tf: weight, count: 1, entity: false, tokens: n, section, at: i, key: typeof id === 'string' ? id : '' };
      if (key === undefined) grams.set(id, fresh);
      else named.set(key, fresh);
    };
    for (let i = 0; i < T.length; i++) {
      if (inEntity[i] === 1) continue;
      const first = T[i];
      if (!first || first.stop || first.numeric) continue;
      const second = T[i + 1];
      // A function word inside or at the end of a phrase makes it a fragment of a sentence.
      if (!second || inEntity[i + 1] === 1 || hardBreakBefore(T, i + 1) || second.numeric || second.stop) continue;
      if (first.stopPhraseStart && isStopPhrase(first.key, second.key)) continue;
      const firstId = first.id;
      const secondId = second.id;
      // The code when both ids fit in it (see ID_SPACE), else -1: a rare id past it takes gramId's way.
      const bigram = (firstId | secondId) < ID_SPACE ? firstId * ID_SPACE + secondId : -1;
      add(bigram >= 0 ? bigram : gramId(T, i, 2), i, 2);
      const third = T[i + 2];
      if (!third || inEntity[i + 2] === 1 || hardBreakBefore(T, i + 2) || third.numeric || third.stop) continue;
      const thirdId = third.id;
      add(bigram >= 0 && thirdId < ID_SPACE ? bigram * ID_SPACE + thirdId : gramId(T, i, 3), i, 3);
    }
  });
  return { named, grams };
}

/** The n-gram and entity terms of sections (tone-insensitive keys), for IDF counting and scoring. */
export function candidateTerms(sections: readonly Section[], entitySpans: readonly Span[][]): Map<string, Candidate> {
  const { named, grams } = countTerms(sections, entitySpans);
  const out = new Map<string, Candidate>(named);
  for (const g of grams.values()) out.set(keyOfGram(g), g);
  return out;
}

/**
 * Words shared by the end of `a` and the start of `b` (keys: words joined by one space), fewer than
 * either has.
 */
export function overlap(a: string, b: string): number {
  return overlapAt(a, spacesOf(a), b, spacesOf(b));
}

/**
 * overlap(a, b) given the positions of their spaces: compared in place, without splitting either
 * key into words.
 */
function overlapAt(a: string, aSpaces: readonly number[], b: string, bSpaces: readonly number[]): number {
  for (let k = Math.min(aSpaces.length, bSpaces.length); k >= 1; k--) {
    // The last k words of a start after its k-th space from the end; the first k words of b end at its k-th space.
    const from = (aSpaces[aSpaces.length - k] ?? 0) + 1;
    const len = bSpaces[k - 1] ?? 0;
    if (a.length - from === len && a.startsWith(b.slice(0, len), from)) return k;
  }
  return 0;
}

/** Positions of the spaces in `s`. */
function spacesOf(s: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) out.push(i);
  return out;
}

/** For each bigram (by GramId), the highest count of a trigram seen twice or more that contains it. */
function trigramCounts(...termLists: Iterable<Candidate>[]): Map<GramId, number> {
  const out = new Map<GramId, number>();
  for (const terms of termLists) {
    for (const c of terms) {
      // Only a trigram seen twice or more can match the count of a bigram worth keeping (see consider).
      if (c.entity || c.count < 2 || !isGram(c) || c.tokens !== MAX_GRAM) continue;
      // Its two bigrams: its first two words and its last two.
      const T = c.section.tokens;
      const first = gramId(T, c.at, 2);
      const last = gramId(T, c.at + 1, 2);
      out.set(first, Math.max(out.get(first) ?? 0, c.count));
      out.set(last, Math.max(out.get(last) ?? 0, c.count));
    }
  }
  return out;
}

/**
 * Top keywords of the sections by TF-IDF against `idf`. `onTerms` receives the document's
 * distinct terms, so an archive-learned IDF can count them without extracting them twice.
 */
export function extractKeywords(
  sections: readonly Section[],
  entitySpans: readonly Span[][],
  idf: IdfReader,
  onTerms?: (terms: Iterable<string>) => void,
): string[] {
  const { named, grams } = countTerms(sections, entitySpans);
  if (onTerms) {
    const terms = [...named.keys()];
    for (const g of grams.values()) terms.push(keyOfGram(g));
    onTerms(terms);
  }
  const n = idf.documentCount();
  const tri = trigramCounts(named.values(), grams.values());
  const scored: { key: string; c: Candidate; score: number }[] = [];
  const consider = (key: string | null, c: Candidate): void => {
    // A plain phrase said once is noise; an entity named once still says what the story is about.
    if (!c.entity && c.count < 2) return;
    // A bigram that only ever occurs inside one trigram is that trigram's fragment.
    if (!c.entity && c.tokens === 2 && isGram(c) && tri.get(gramId(c.section.tokens, c.at, 2)) === c.count) return;
    const k = key ?? (isGram(c) ? keyOfGram(c) : '');
    const w = Math.log((n + 1) / (idf.documentFrequency(k) + 1)) + 1;
    scored.push({ key: k, c, score: c.tf * w * (c.entity ? ENTITY_BOOST : 1) * (c.tokens >= 3 ? 1.1 : 1) });
  };
  for (const [key, c] of named) consider(key, c);
  for (const g of grams.values()) consider(null, g);
  scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  // `padded` is the key between two spaces, so a whole-word containment test is one includes();
  // `spaces` are the key's space positions, for overlapAt.
  const chosen: { key: string; padded: string; spaces: number[]; surface: string; entity: boolean }[] = [];
  for (const s of scored) {
    if (chosen.length >= MAX_KEYWORDS) break;
    const padded = ` ${s.key} `;
    // Skip a phrase that is part of, or contains, one already chosen ("thông tin đối" vs "thông tin đối ngoại").
    if (chosen.some((c) => c.padded.includes(padded) || padded.includes(c.padded))) continue;
    const surface = s.c.entity ? surfaceOf(s.c) : surfaceOf(s.c).toLowerCase();
    const spaces = spacesOf(s.key);
    // Overlapping phrases are one longer term cut two ways, at either end of the one chosen first:
    // "thông tin" + "tin đối ngoại", "gạo quý" + "khẩu gạo quý". Joined into it when the whole fits
    // in MAX_JOINED words and it overlaps nothing else; otherwise a fragment, dropped.
    let joined: (typeof chosen)[number] | undefined;
    let after = 0;
    let before = 0;
    let overlaps = 0;
    if (!s.c.entity) {
      for (const c of chosen) {
        if (c.entity) continue;
        const a = overlapAt(c.key, c.spaces, s.key, spaces);
        const b = a > 0 ? 0 : overlapAt(s.key, spaces, c.key, c.spaces);
        if (a === 0 && b === 0) continue;
        overlaps++;
        joined = c;
        after = a;
        before = b;
      }
    }
    if (joined) {
      const k = after || before;
      // Words: the joined key's plus this key's, less the k they share.
      if (overlaps === 1 && joined.spaces.length + 1 + spaces.length + 1 - k <= MAX_JOINED) {
        const words = surface.split(' ');
        if (after > 0) {
          joined.key = `${joined.key} ${s.key.slice((spaces[k - 1] ?? 0) + 1)}`;
          joined.surface = `${joined.surface} ${words.slice(k).join(' ')}`;
        } else {
          joined.key = `${s.key.slice(0, spaces[spaces.length - k] ?? 0)} ${joined.key}`;
          joined.surface = `${words.slice(0, words.length - k).join(' ')} ${joined.surface}`;
        }
        joined.padded = ` ${joined.key} `;
        joined.spaces = spacesOf(joined.key);
      }
      continue;
    }
    chosen.push({ key: s.key, padded, spaces, surface, entity: s.c.entity });
  }
  return chosen.map((c) => c.surface);
}
