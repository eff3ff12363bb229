/**
 * Splits text into word tokens with offsets and the flags every extractor needs, so each
 * extractor walks one shared array instead of running its own regexes over the text.
 */
import { detached } from '../../shared/detached-string.js';
import { isLetterNumberOrMark, isLetterOrNumber, isSurrogate } from '../normalize/char-classes.js';
import { tokenKeys as foldToken } from './fold.js';
import { STOP_PHRASE_STARTS, STOPWORDS } from './stopwords.js';

// Where each memo sits in Token.memos (bit offsets), and the five-bit value meaning "not looked up".
const MEMO_BITS = 5;
const MEMO_UNSET = (1 << MEMO_BITS) - 1;
const MEMO_TITLE = 0;
const MEMO_ROLE_BREAK = 5;
const MEMO_HONORIFIC = 10;
const MEMO_ORG_HEAD = 15;
const MEMO_ADMIN = 20;
const MEMO_FEATURE = 25;
/** Every memo unset: 30 one bits, still a small integer. */
const NO_MEMOS = (1 << 30) - 1;

function memoAt(memos: number, shift: number): number {
  const value = (memos >>> shift) & MEMO_UNSET;
  return value === MEMO_UNSET ? -1 : value;
}

function withMemo(memos: number, shift: number, value: number): number {
  if (value < 0 || value >= MEMO_UNSET) return memos;
  return (memos & ~(MEMO_UNSET << shift)) | (value << shift);
}

/**
 * A word where it occurs in a section. What the word's own letters say (key, flags, ...) is the
 * same for every occurrence, so a token keeps only its place, its gap from the previous token and
 * its memos, and reads the rest from its word's shared facts: a token is about half the size it
 * would be with its own copy of them, and a story makes hundreds of tokens.
 */
export class Token {
  /** The word's shared facts: which phrase lexicons have a phrase starting with it (see phrase-index.ts), its key-set bits. */
  readonly word: WordFacts;
  readonly start: number;
  readonly end: number;
  /** Non-space characters between the previous token and this one ("," "." "(" ...). */
  readonly sep: string;
  /** Written directly after the previous token with no space (a hyphen or dot joins them). */
  readonly glued: boolean;
  /** First token of a sentence or paragraph: its capital letter says nothing. */
  readonly sentenceStart: boolean;
  // Memo of lexicon lookups starting at this token, filled on first use; -1 means not looked up
  // yet. The six memos share one small integer, five bits each (31 = not looked up), read and
  // written through the accessors below: one field of the token rather than six, or an object of
  // their own. Tokens live for one call. A value too large for its bits is simply not kept, and
  // is looked up again when asked: a memo only saves work, it never changes an answer.
  memos = NO_MEMOS;

  constructor(word: WordFacts, start: number, end: number, sep: string, glued: boolean, sentenceStart: boolean) {
    this.word = word;
    this.start = start;
    this.end = end;
    this.sep = sep;
    this.glued = glued;
    this.sentenceStart = sentenceStart;
  }

  /** Title length (role-phrases.ts). */
  get memoTitle(): number {
    return memoAt(this.memos, MEMO_TITLE);
  }

  set memoTitle(value: number) {
    this.memos = withMemo(this.memos, MEMO_TITLE, value);
  }

  /** 1 when a role phrase breaks here, else 0 (role-phrases.ts). */
  get memoRoleBreak(): number {
    return memoAt(this.memos, MEMO_ROLE_BREAK);
  }

  set memoRoleBreak(value: number) {
    this.memos = withMemo(this.memos, MEMO_ROLE_BREAK, value);
  }

  /** 1 when an honorific starts here, else 0 (role-phrases.ts). */
  get memoHonorific(): number {
    return memoAt(this.memos, MEMO_HONORIFIC);
  }

  set memoHonorific(value: number) {
    this.memos = withMemo(this.memos, MEMO_HONORIFIC, value);
  }

  /** Organisation head length (people.ts). */
  get memoOrgHead(): number {
    return memoAt(this.memos, MEMO_ORG_HEAD);
  }

  set memoOrgHead(value: number) {
    this.memos = withMemo(this.memos, MEMO_ORG_HEAD, value);
  }

  /** Administrative head length (places.ts). */
  get memoAdmin(): number {
    return memoAt(this.memos, MEMO_ADMIN);
  }

  set memoAdmin(value: number) {
    this.memos = withMemo(this.memos, MEMO_ADMIN, value);
  }

  /** Geographic feature head length (places.ts). */
  get memoFeature(): number {
    return memoAt(this.memos, MEMO_FEATURE);
  }

  set memoFeature(value: number) {
    this.memos = withMemo(this.memos, MEMO_FEATURE, value);
  }

  /** The token as written. */
  get text(): string {
    return this.word.text;
  }

  /** Tone-placement-insensitive lowercase key (see fold.ts). */
  get key(): string {
    return this.word.key;
  }

  /** A small number standing for `key` (1 ≤ id < 2^15), the same for every token with that key. */
  get id(): number {
    return this.word.id;
  }

  /** Lowercase ASCII fold. */
  get ascii(): string {
    return this.word.ascii;
  }

  /** Starts with an uppercase letter. */
  get cap(): boolean {
    return this.word.cap;
  }

  /** Two or more letters, all uppercase (UBND, TTXVN, VFF). */
  get upper(): boolean {
    return this.word.upper;
  }

  /** Written with a possessive "'s" ("Vietnam's"): the name ends here. */
  get possessive(): boolean {
    return this.word.possessive;
  }

  /** Digits only (with "." "," "%"), e.g. "2025", "7,96". */
  get numeric(): boolean {
    return this.word.numeric;
  }

  /** A keyword stopword (see stopwords.ts). */
  get stop(): boolean {
    return this.word.stop;
  }

  /** The first word of a stop phrase ("cho" of "cho biết"). */
  get stopPhraseStart(): boolean {
    return this.word.stopPhraseStart;
  }
}

// "M. Brochet", "Dr. Smith": the dot after these abbreviations neither ends a sentence nor
// separates the honorific from the name.
const DOTTED_HONORIFICS = new Set(['M', 'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Mme', 'Mlle', 'Gen', 'Col', 'Sen']);
const POSSESSIVE_END = /\p{L}{2}['’]s$/u;

// Hyphens and apostrophes stay inside a token: "Jin-woo", "Mát-xcơ-va", "People's", "l'État".
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
// French elision: "l'Agriculture" is capitalized for our purposes.
const UPPER_START = /^(?:[dlDL]['’])?\p{Lu}/u;
const LETTER_LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}.*\p{L}/u;
const SENTENCE_BREAK = /[.!?…:;\n"“”]/u;
const SPACE = /\s+/gu;
const HAS_SPACE = /\s/u;
const NUMERIC = /^[\p{N}.,%]+$/u;

// The next most common gap after one space is one printable ASCII character and a space (", ",
// ". ", "; "): per such character, itself as a string and whether SENTENCE_BREAK matches it, so
// that gap needs no slice and no regex.
const FIRST_PRINTABLE = 0x21;
const LAST_PRINTABLE = 0x7e;
const PRINTABLE_CHARS: string[] = [];
const PRINTABLE_BREAKS: boolean[] = [];
for (let c = 0; c <= LAST_PRINTABLE; c++) {
  PRINTABLE_CHARS.push(String.fromCharCode(c));
  PRINTABLE_BREAKS.push(SENTENCE_BREAK.test(String.fromCharCode(c)));
}

/** Per distinct word: a bit per phrase lexicon that has a phrase starting with the word. */
export interface WordStarts {
  mask: number;
  /** The lexicon registry version the mask was computed for; -1 before the first use. */
  version: number;
  /** Per lexicon (by registry slot), the trie node of the word when a phrase starts with it (see phrase-index.ts). */
  starts: unknown[];
  /** A bit per key set holding the word (see word-flags.ts). */
  sets: number;
  /** The key-set registry version `sets` was computed for; -1 before the first use. */
  setsVersion: number;
}

/** What a word's own letters say about it; the same for every occurrence of the word. */
export interface WordFacts extends WordStarts {
  /** The word as written. */
  text: string;
  key: string;
  id: number;
  ascii: string;
  cap: boolean;
  upper: boolean;
  possessive: boolean;
  numeric: boolean;
  stop: boolean;
  stopPhraseStart: boolean;
}

// Wire copy reuses a small vocabulary, so the facts of a word are worked out once and looked up
// after that. The cache is bounded: past the limit it starts afresh rather than grow without end.
const MAX_CACHED_WORDS = 50_000;
/**
 * Key → id. Ids start afresh before a story when fewer than STORY_ROOM are left below 2^15, so
 * they stay below it unless one story brings more new keys than that (keywords then key its grams
 * by text: see gramId there).
 */
const keyIds = new Map<string, number>();
const MAX_KEY_IDS = 2 ** 15 - 1;
/** Room kept for the new keys of one story: enough for any ordinary story's. */
const STORY_ROOM = 8_000;
/** Bumped whenever ids start afresh: a value kept by id must be dropped when this changes. */
let idGeneration = 0;

// The word cache is an open-addressed table keyed by a hash of the word's UTF-16 units, which the
// scanner computes as it walks them. A Map keyed by the word would need a freshly sliced string
// per token and V8 hashing it on every lookup; here a hit compares units against the text in
// place and hands back the cached string, so a known word is never sliced.
// The table starts small and doubles as new words come in, so it stays dense: the few thousand
// words a wire service mostly uses then sit in a table small enough for the processor's caches,
// where one sized for the limit from the start spreads them over a megabyte and most probes miss.
const MIN_SLOT_BITS = 12;
const MAX_SLOT_BITS = 17; // 131,072 slots: at most 38 % full below MAX_CACHED_WORDS, so probes stay short.
// The word hash has a fixed seed, so words could be chosen to fill one run of slots and make every
// probe long; the slot is taken through a multiplier picked at random per process instead of from
// the hash's low bits. (Tokens do not depend on it: ids follow first use, not slots.)
const SLOT_MULTIPLIER = (Math.floor(Math.random() * 0x40000000) * 2 + 1) | 0;

let slotBits = MIN_SLOT_BITS;
let slotMask = (1 << slotBits) - 1;
/**
 * The hash of the word in each slot, 0 for an empty slot. Probes read this compact array first and
 * touch a slot's facts only when the hash matches: each array read is a likely cache miss.
 */
let slotHashes = new Int32Array(1 << slotBits);
let slotFacts: (WordFacts | null)[] = emptyFacts(1 << slotBits);
let cachedWords = 0;

function emptyFacts(slots: number): (WordFacts | null)[] {
  return Array.from({ length: slots }, () => null);
}

function firstSlot(hash: number): number {
  return Math.imul(hash, SLOT_MULTIPLIER) >>> (32 - slotBits);
}

/** The first empty slot on the probe path of `hash`. */
function freeSlot(hash: number): number {
  let slot = firstSlot(hash);
  while (slotHashes[slot] !== 0) slot = (slot + 1) & slotMask;
  return slot;
}

/** Whether one more word would fill more than 3/8 of the slots of a table that can still double. */
function crowded(): boolean {
  return slotBits < MAX_SLOT_BITS && (cachedWords + 1) * 8 > 3 << slotBits;
}

/** Doubles the table, moving every word to its slot in the larger one. */
function growWordCache(): void {
  const hashes = slotHashes;
  const facts = slotFacts;
  slotBits++;
  slotMask = (1 << slotBits) - 1;
  slotHashes = new Int32Array(1 << slotBits);
  slotFacts = emptyFacts(1 << slotBits);
  for (let s = 0; s < hashes.length; s++) {
    const h = hashes[s]!;
    if (h === 0) continue;
    const slot = freeSlot(h);
    slotHashes[slot] = h;
    slotFacts[slot] = facts[s]!;
  }
}

function clearWordCache(): void {
  slotHashes.fill(0);
  slotFacts.fill(null);
  cachedWords = 0;
}

// FNV-1a over UTF-16 units; the scanner and hashOfUnits must mix the same way.
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

function mix(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, HASH_PRIME);
}

function hashOfUnits(text: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

/** The slot hash of a word hash: never 0, which marks an empty slot. */
function slotHash(hash: number): number {
  return hash === 0 ? 1 : hash;
}

/** Whether `word` is written at `text[start..]` (its length already checked). */
function writtenAt(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** Starts the word tables afresh when they are nearly full; call between stories, never inside one. */
export function makeRoomForStory(): void {
  if (keyIds.size < MAX_KEY_IDS - STORY_ROOM) return;
  keyIds.clear();
  clearWordCache();
  idGeneration++;
}

/** Which numbering of keys the current ids belong to (see makeRoomForStory). */
export function keyIdGeneration(): number {
  return idGeneration;
}

function idOf(key: string): number {
  let id = keyIds.get(key);
  if (id === undefined) {
    id = keyIds.size + 1;
    keyIds.set(key, id);
  }
  return id;
}

/** Shared by the words that start no phrase: most of them. */
const NO_STARTS: unknown[] = [];

function factsOf(t: string): WordFacts {
  const { key, ascii } = foldToken(t);
  const cap = UPPER_START.test(t);
  return {
    text: t,
    key,
    id: idOf(key),
    // The extractors ask `key === ascii` of nearly every token (is the word written without marks?):
    // one string for both makes that a pointer comparison instead of a walk over the letters.
    ascii: ascii === key ? key : ascii,
    cap,
    upper: cap && LETTERS.test(t) && !LETTER_LOWER.test(t),
    possessive: (t.includes("'") || t.includes('’')) && POSSESSIVE_END.test(t),
    numeric: NUMERIC.test(t),
    stop: STOPWORDS.has(key),
    stopPhraseStart: STOP_PHRASE_STARTS.has(key),
    mask: 0,
    version: -1,
    starts: NO_STARTS,
    sets: 0,
    setsVersion: -1,
  };
}

/** The facts of the word at `text[start..end)`, whose units hash to `wordHash`; cached. */
function cachedFacts(text: string, start: number, end: number, wordHash: number): WordFacts {
  const hash = slotHash(wordHash);
  let slot = firstSlot(hash);
  for (;;) {
    const h = slotHashes[slot]!;
    if (h === 0) break;
    if (h === hash) {
      const facts = slotFacts[slot]!;
      if (facts.text.length === end - start && writtenAt(facts.text, text, start)) return facts;
    }
    slot = (slot + 1) & slotMask;
  }
  // Kept past this story: a copy, not a view into the story's text (see detached-string.ts).
  const facts = factsOf(detached(text.slice(start, end)));
  if (cachedWords >= MAX_CACHED_WORDS) {
    clearWordCache();
    slot = firstSlot(hash);
  } else if (crowded()) {
    growWordCache();
    slot = freeSlot(hash);
  }
  slotHashes[slot] = hash;
  slotFacts[slot] = facts;
  cachedWords++;
  return facts;
}

function wordSpansByRegex(text: string): number[] {
  const spans: number[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) spans.push(m.index, m.index + m[0].length);
  return spans;
}

/**
 * Tokenizes `text`; `text` is one section (headline, lead or body), so its first token starts a sentence.
 * Words are the matches of WORD, found by a scanner that hashes each word's units as it walks them.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const len = text.length;
  let prevEnd = 0;
  let i = 0;
  while (i < len) {
    const first = text.charCodeAt(i);
    if (!isLetterOrNumber(first)) {
      // Surrogate pairs (letters beyond the Basic Multilingual Plane) are rare: the regex reads those
      // texts. Every character not taken into a word comes through here, so none is missed.
      if (isSurrogate(first)) return tokenizeSpans(text, wordSpansByRegex(text));
      i++;
      continue;
    }
    const start = i;
    let hash = mix(HASH_SEED, first);
    i++;
    for (;;) {
      while (i < len) {
        const c = text.charCodeAt(i);
        if (!isLetterNumberOrMark(c)) break;
        hash = mix(hash, c);
        i++;
      }
      const c = text.charCodeAt(i);
      // "Jin-woo", "People's", "l’État": a hyphen or apostrophe followed by a letter or digit joins.
      if (i + 1 < len && (c === 0x2d || c === 0x27 || c === 0x2019)) {
        const next = text.charCodeAt(i + 1);
        if (isLetterOrNumber(next)) {
          hash = mix(mix(hash, c), next);
          i += 2;
          continue;
        }
      }
      break;
    }
    pushToken(out, text, prevEnd, start, i, hash);
    prevEnd = i;
  }
  return out;
}

/** Tokens of `text` at `spans` ([start0, end0, start1, ...]). */
function tokenizeSpans(text: string, spans: readonly number[]): Token[] {
  const out: Token[] = [];
  for (let w = 0; w < spans.length; w += 2) {
    const start = spans[w]!;
    const end = spans[w + 1]!;
    pushToken(out, text, w === 0 ? 0 : spans[w - 1]!, start, end, hashOfUnits(text, start, end));
  }
  return out;
}

/**
 * Appends the token at `text[start..end)`, whose units hash to `hash`, to `out`; the previous token
 * ends at `prevEnd` (0 for the first).
 */
function pushToken(out: Token[], text: string, prevEnd: number, start: number, end: number, hash: number): void {
  const f = cachedFacts(text, start, end, hash);
  const first = out.length === 0;
  // Most gaps are one space: no punctuation, no sentence or paragraph break.
  let sep = '';
  let glued = false;
  let sentenceStart = first;
  const gapLength = start - prevEnd;
  const c = text.charCodeAt(prevEnd);
  if (gapLength === 2 && c >= FIRST_PRINTABLE && c <= LAST_PRINTABLE && text.charCodeAt(prevEnd + 1) === 32) {
    sep = c === 0x2e && !first && DOTTED_HONORIFICS.has(out[out.length - 1]!.text) ? '' : PRINTABLE_CHARS[c]!;
    sentenceStart = first || (sep !== '' && PRINTABLE_BREAKS[c]!);
  } else if (gapLength !== 1 || c !== 32) {
    const gap = text.slice(prevEnd, start);
    const rawSep = gap.replace(SPACE, '');
    sep = rawSep === '.' && !first && DOTTED_HONORIFICS.has(out[out.length - 1]!.text) ? '' : rawSep;
    const spaced = HAS_SPACE.test(gap);
    glued = !first && gap.length > 0 && !spaced && sep !== '';
    // A newline in the gap is a paragraph break; sep alone would lose it.
    sentenceStart = first || (sep !== '' && spaced && SENTENCE_BREAK.test(sep)) || gap.includes('\n');
  }
  out.push(new Token(f, start, end, sep, glued, sentenceStart));
}

/** Keys of `text` tokenized exactly as `tokenize` does, joined by one space. */
export function tokenKeys(text: string): string {
  return tokenize(text)
    .map((t) => t.key)
    .join(' ');
}
