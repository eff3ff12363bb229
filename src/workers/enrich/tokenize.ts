/**
 * Splits text into word tokens with offsets and the flags every extractor needs, so each
 * extractor walks one shared array instead of running its own regexes over the text.
 */
import { isLetterNumberOrMark, isLetterOrNumber, isSurrogate } from '../normalize/char-classes.js';
import { tokenKeys as foldToken } from './fold.js';
import { STOP_PHRASE_STARTS, STOPWORDS } from './stopwords.js';

export interface Token {
  /** The token as written. */
  text: string;
  start: number;
  end: number;
  /** Tone-placement-insensitive lowercase key (see fold.ts). */
  key: string;
  /** A small number standing for `key` (1 ≤ id < 2^15), the same for every token with that key. */
  id: number;
  /** Lowercase ASCII fold. */
  ascii: string;
  /** Starts with an uppercase letter. */
  cap: boolean;
  /** Two or more letters, all uppercase (UBND, TTXVN, VFF). */
  upper: boolean;
  /** Non-space characters between the previous token and this one ("," "." "(" ...). */
  sep: string;
  /** Written directly after the previous token with no space (a hyphen or dot joins them). */
  glued: boolean;
  /** First token of a sentence or paragraph: its capital letter says nothing. */
  sentenceStart: boolean;
  /** Written with a possessive "'s" ("Vietnam's"): the name ends here. */
  possessive: boolean;
  /** Digits only (with "." "," "%"), e.g. "2025", "7,96". */
  numeric: boolean;
  /** A keyword stopword (see stopwords.ts). */
  stop: boolean;
  /** The first word of a stop phrase ("cho" of "cho biết"). */
  stopPhraseStart: boolean;
  /** Shared by every token of the same word: which phrase lexicons have a phrase starting with it (see phrase-index.ts). */
  word: WordStarts;
  // Memo of lexicon lookups starting at this token, filled on first use; -1 means not looked up
  // yet. Fields of the token itself rather than an object of their own: one allocation less per
  // token. Tokens live for one call.
  /** Title length (role-phrases.ts). */
  memoTitle: number;
  /** 1 when a role phrase breaks here, else 0 (role-phrases.ts). */
  memoRoleBreak: number;
  /** 1 when an honorific starts here, else 0 (role-phrases.ts). */
  memoHonorific: number;
  /** Organisation head length (people.ts). */
  memoOrgHead: number;
  /** Administrative head length (places.ts). */
  memoAdmin: number;
  /** Geographic feature head length (places.ts). */
  memoFeature: number;
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
interface WordFacts extends WordStarts {
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
const wordCache = new Map<string, WordFacts>();
/** Key → id. Ids stay below 2^15 (keywords pack two into one small integer). */
const keyIds = new Map<string, number>();
const MAX_KEY_IDS = 2 ** 15 - 1;
/** Room kept for the new keys of one story, so ids never run out inside a story. */
const STORY_ROOM = 8_000;

/** Starts the word tables afresh when they are nearly full; call between stories, never inside one. */
export function makeRoomForStory(): void {
  if (keyIds.size < MAX_KEY_IDS - STORY_ROOM) return;
  keyIds.clear();
  wordCache.clear();
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
  const hit = wordCache.get(t);
  if (hit) return hit;
  const { key, ascii } = foldToken(t);
  const cap = UPPER_START.test(t);
  const facts: WordFacts = {
    key,
    id: idOf(key),
    ascii,
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
  if (wordCache.size >= MAX_CACHED_WORDS) wordCache.clear();
  wordCache.set(t, facts);
  return facts;
}

/** Start and end of every WORD match in `text`, in order, as a flat list [start0, end0, start1, ...]. */
function wordSpans(text: string): number[] {
  const spans: number[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    const first = text.charCodeAt(i);
    if (!isLetterOrNumber(first)) {
      // Surrogate pairs (letters beyond the Basic Multilingual Plane) are rare: the regex reads those
      // texts. Every character not taken into a word comes through here, so none is missed.
      if (isSurrogate(first)) return wordSpansByRegex(text);
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < len && isLetterNumberOrMark(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      // "Jin-woo", "People's", "l’État": a hyphen or apostrophe followed by a letter or digit joins.
      if (i + 1 < len && (c === 0x2d || c === 0x27 || c === 0x2019) && isLetterOrNumber(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
      break;
    }
    spans.push(start, i);
  }
  return spans;
}

function wordSpansByRegex(text: string): number[] {
  const spans: number[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) spans.push(m.index, m.index + m[0].length);
  return spans;
}

/** Tokenizes `text`; `text` is one section (headline, lead or body), so its first token starts a sentence. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  const spans = wordSpans(text);
  for (let w = 0; w < spans.length; w += 2) {
    const start = spans[w] ?? 0;
    const t = text.slice(start, spans[w + 1]);
    const first = out.length === 0;
    const f = factsOf(t);
    // Most gaps are one space: no punctuation, no sentence or paragraph break.
    let sep = '';
    let glued = false;
    let sentenceStart = first;
    if (start - prevEnd !== 1 || text.charCodeAt(prevEnd) !== 32) {
      const gap = text.slice(prevEnd, start);
      const rawSep = gap.replace(SPACE, '');
      const prev = out[out.length - 1];
      sep = rawSep === '.' && prev && DOTTED_HONORIFICS.has(prev.text) ? '' : rawSep;
      const spaced = HAS_SPACE.test(gap);
      glued = !first && gap.length > 0 && !spaced && sep !== '';
      // A newline in the gap is a paragraph break; sep alone would lose it.
      sentenceStart = first || (sep !== '' && spaced && SENTENCE_BREAK.test(sep)) || gap.includes('\n');
    }
    out.push({
      text: t,
      start,
      end: start + t.length,
      key: f.key,
      id: f.id,
      ascii: f.ascii,
      cap: f.cap,
      upper: f.upper,
      sep,
      glued,
      sentenceStart,
      possessive: f.possessive,
      numeric: f.numeric,
      stop: f.stop,
      stopPhraseStart: f.stopPhraseStart,
      word: f,
      memoTitle: -1,
      memoRoleBreak: -1,
      memoHonorific: -1,
      memoOrgHead: -1,
      memoAdmin: -1,
      memoFeature: -1,
    });
    prevEnd = start + t.length;
  }
  return out;
}

/** Keys of `text` tokenized exactly as `tokenize` does, joined by one space. */
export function tokenKeys(text: string): string {
  return tokenize(text)
    .map((t) => t.key)
    .join(' ');
}
