/**
 * Linking stories that translate each other (the Vietnamese story and the English desk's version
 * an hour later): wording shares nothing across languages, so the match rests on what a
 * translation keeps: proper names (folded to bare ASCII, so "Trần Đức Quý" meets "Tran Duc
 * Quy"), numbers, and the day the dateline names. The later story gets `translationOf` = the
 * earlier one's id.
 */
import type { Redis } from 'ioredis';
import type { Article } from '../shared/article.js';
import { foldDiacritics } from './translate-tag/vietnamese.js';
import { baseLanguage } from '../translation/provider.js';
import { CandidateIndex } from './candidate-lookup.js';
import { isLetterOrMark, isSurrogate, isUppercaseLetter } from './normalize/char-classes.js';
import { isSpaceUnit } from './normalize/words.js';

/** Stories scored per lookup, those sharing the most names first. */
const MAX_CANDIDATES = 16;

/** What a story is matched by, across languages. */
export interface LinkPrint {
  lang: string;
  names: string[];
  numbers: string[];
  date: string | null;
}

/** Scores at or above this link two stories (measured on test/fixtures/wire/pairs, docs/quality.md). */
export const TRANSLATION_THRESHOLD = 0.2;

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const x of b) if (set.has(x)) shared++;
  return shared / (a.length + b.length - shared);
}

// Thousands written "12.000", "12,000", "12 000" (French) are one number; decimals too.
const NUMBER_RE = /\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/gu;
function fold(word: string): string {
  return foldDiacritics(word).replace(/[^a-z0-9]/gu, '');
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;

/** End of the capitalized word at `at`, \p{Lu}[\p{L}\p{M}'’-]*, or -1 when none starts there. */
function capitalizedWordEnd(text: string, at: number): number {
  const first = text.codePointAt(at);
  if (first === undefined || !isUppercaseLetter(first)) return -1;
  let i = at + (first > 0xffff ? 2 : 1);
  for (let c = text.codePointAt(i); c !== undefined && (isLetterOrMark(c) || c === APOSTROPHE || c === RIGHT_QUOTE || c === HYPHEN); c = text.codePointAt(i)) {
    i += c > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * Name keys of a text: for every capitalized run of words, its last two and last three words
 * folded. A translation renders titles differently ("Bộ trưởng Giao thông vận tải Nguyễn Duy
 * Lâm", "ministre des Transports Nguyen Duy Lam") but keeps the name at the end of the run.
 *
 * The runs are the matches of /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)+/gu, found
 * with the character tables of char-classes.ts (\p{…} classes are slow on Vietnamese text, see
 * there), and only the words a key needs are folded. The regex never gives back part of a word or of a space run (what
 * would follow is a word character or a space, never what it needs next), so each is taken whole.
 */
function nameKeys(text: string): string[] {
  const keys = new Set<string>();
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  while (at < text.length) {
    // Most characters start no word: passed over with one table lookup (a surrogate takes the
    // full path, which reads the astral character it may be half of).
    const unit = text.charCodeAt(at);
    if (!isSurrogate(unit) && !isUppercaseLetter(unit)) {
      at++;
      continue;
    }
    const firstEnd = capitalizedWordEnd(text, at);
    if (firstEnd < 0) {
      // As the regex engine does in unicode mode: the next try starts at the next code point.
      at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
      continue;
    }
    starts.length = 0;
    ends.length = 0;
    starts.push(at);
    ends.push(firstEnd);
    for (;;) {
      let next = ends[ends.length - 1]!;
      while (next < text.length && isSpaceUnit(text.charCodeAt(next))) next++;
      const end = next > ends[ends.length - 1]! ? capitalizedWordEnd(text, next) : -1;
      if (end < 0) break;
      starts.push(next);
      ends.push(end);
    }
    // A lone capitalized word is no run, and no try starting inside it can do better: it would
    // end where this word ends and meet the same text after it.
    at = ends[ends.length - 1]!;
    if (starts.length >= 2) addLastWords(text, starts, ends, keys);
  }
  return [...keys].sort();
}

/** The run's last two and last three words, folded (words folding to nothing skipped), into `keys`. */
function addLastWords(text: string, starts: readonly number[], ends: readonly number[], keys: Set<string>): void {
  const last: string[] = [];
  for (let w = starts.length - 1; w >= 0 && last.length < 3; w--) {
    const folded = fold(text.slice(starts[w], ends[w]));
    if (folded !== '') last.unshift(folded);
  }
  if (last.length >= 2) keys.add(last.slice(-2).join(' '));
  if (last.length >= 3) keys.add(last.join(' '));
}

function numberKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const m of text.matchAll(NUMBER_RE)) {
    const digits = m[0].replace(/\D/gu, '');
    if (digits.length >= 2) keys.add(digits); // single digits are everywhere
  }
  return [...keys].sort();
}

/** The link print of a story in language `lang` (BCP 47; region ignored). */
export function linkPrint(article: Pick<Article, 'headline' | 'lead' | 'body' | 'dateline'>, lang: string): LinkPrint {
  const text = `${article.headline}\n${article.lead ?? ''}\n${article.body.text}`;
  return { lang: baseLanguage(lang), names: nameKeys(text), numbers: numberKeys(text), date: article.dateline.date };
}

/** Marks the packed form of a stored print; JSON (written before it existed) starts with "{". */
const PACKED_PRINT = 'L1';

/**
 * A print as the shared index stores it: "L1" TAB lang TAB names TAB numbers TAB date, lists
 * comma-separated (names are folded to [a-z0-9 ], numbers to digits). Cheaper to read back than
 * JSON: a lookup reads up to 16 of them.
 */
export function encodeLinkPrint(print: LinkPrint): string {
  return [PACKED_PRINT, print.lang, print.names.join(','), print.numbers.join(','), print.date ?? ''].join('\t');
}

function list(field: string): string[] {
  return field === '' ? [] : field.split(',');
}

/** The print `encodeLinkPrint` packed, or one stored as JSON by an earlier release. */
export function decodeLinkPrint(stored: string): LinkPrint {
  if (stored.startsWith('{')) return JSON.parse(stored) as LinkPrint;
  const [mark, lang, names, numbers, date] = stored.split('\t');
  if (mark !== PACKED_PRINT || lang === undefined || names === undefined || numbers === undefined || date === undefined) {
    throw new Error(`not a stored link print: ${stored.slice(0, 40)}`);
  }
  return { lang, names: list(names), numbers: list(numbers), date: date === '' ? null : date };
}

/** How likely `a` and `b` are translations of each other (0..1); 0 for the same language. */
export function translationScore(a: LinkPrint, b: LinkPrint): number {
  if (a.lang === b.lang || a.lang === 'und' || b.lang === 'und') return 0;
  return weighTranslation(jaccard(a.names, b.names), jaccard(a.numbers, b.numbers), a.date !== null && b.date !== null && a.date !== b.date);
}

// translationScore from its measures: one formula for decoded and for stored prints.
function weighTranslation(names: number, numbers: number, otherDay: boolean): number {
  let score = 0.6 * names + 0.4 * numbers;
  // A translation keeps the day it reports; two days apart is two events.
  if (otherDay) score *= 0.3;
  return score;
}

const COMMA = 0x2c;

/** jaccard of `mine` (held as `set` too) and the comma-separated list stored[start, end). */
function storedJaccard(mine: readonly string[], set: ReadonlySet<string>, stored: string, start: number, end: number): number {
  if (mine.length === 0 || start === end) return 0;
  let shared = 0;
  let items = 0;
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && stored.charCodeAt(i) !== COMMA) continue;
    items++;
    if (set.has(stored.slice(from, i))) shared++;
    from = i + 1;
  }
  return shared / (mine.length + items - shared);
}

/**
 * translationScore(print, decodeLinkPrint(stored)) for every stored print it is given, to the last
 * bit, read straight from the packed text: most candidates share names because they are in the
 * same language, and those are answered from the language field alone; the others are compared
 * with sets of `print`'s made once per lookup. JSON-era and malformed prints are decoded (which
 * throws for the malformed ones, as before).
 */
export function storedTranslationScoreTo(print: LinkPrint): (stored: string) => number {
  const names = new Set(print.names);
  const numbers = new Set(print.numbers);
  return (stored) => {
    const langEnd = stored.startsWith(`${PACKED_PRINT}\t`) ? stored.indexOf('\t', PACKED_PRINT.length + 1) : -1;
    const namesEnd = langEnd < 0 ? -1 : stored.indexOf('\t', langEnd + 1);
    const numbersEnd = namesEnd < 0 ? -1 : stored.indexOf('\t', namesEnd + 1);
    if (numbersEnd < 0) return translationScore(print, decodeLinkPrint(stored));
    const langStart = PACKED_PRINT.length + 1;
    const sameLang = print.lang.length === langEnd - langStart && stored.startsWith(print.lang, langStart);
    const storedUnd = langEnd - langStart === 3 && stored.startsWith('und', langStart);
    if (sameLang || print.lang === 'und' || storedUnd) return 0;
    // A tab after the date would end it, as split('\t') does.
    const nextTab = stored.indexOf('\t', numbersEnd + 1);
    const dateEnd = nextTab < 0 ? stored.length : nextTab;
    const dateStart = numbersEnd + 1;
    const sameDate = print.date !== null && print.date.length === dateEnd - dateStart && stored.startsWith(print.date, dateStart);
    return weighTranslation(
      storedJaccard(print.names, names, stored, langEnd + 1, namesEnd),
      storedJaccard(print.numbers, numbers, stored, namesEnd + 1, numbersEnd),
      print.date !== null && dateEnd > dateStart && !sameDate,
    );
  };
}

export interface TranslationMatch {
  id: string;
  score: number;
}

/** Remembers recent stories and finds the one a new story translates. */
export interface TranslationIndex {
  findOriginal(print: LinkPrint, excludeId: string): Promise<TranslationMatch | null>;
  add(id: string, print: LinkPrint): Promise<void>;
  /** `findOriginal(print, id)` then `add(id, print)`, in one round trip where the index is shared. */
  addAndFindOriginal(id: string, print: LinkPrint): Promise<TranslationMatch | null>;
}

function best<T>(candidates: Iterable<[string, T]>, excludeId: string, threshold: number, scoreOf: (other: T) => number): TranslationMatch | null {
  let found: TranslationMatch | null = null;
  for (const [id, other] of candidates) {
    if (id === excludeId) continue;
    const score = scoreOf(other);
    if (score >= threshold && (found === null || score > found.score)) found = { id, score };
  }
  return found;
}

/** A TranslationIndex in this process (the `process` command, tests); candidates share a name. */
export class MemoryTranslationIndex implements TranslationIndex {
  readonly #prints = new Map<string, LinkPrint>();
  readonly #byName = new Map<string, Set<string>>();
  constructor(
    private readonly capacity = 20_000,
    private readonly threshold = TRANSLATION_THRESHOLD,
  ) {}

  async findOriginal(print: LinkPrint, excludeId: string): Promise<TranslationMatch | null> {
    const candidates = new Map<string, LinkPrint>();
    for (const name of print.names) {
      for (const id of this.#byName.get(name) ?? []) {
        const other = this.#prints.get(id);
        if (other) candidates.set(id, other);
      }
    }
    return best(candidates, excludeId, this.threshold, (other) => translationScore(print, other));
  }

  async addAndFindOriginal(id: string, print: LinkPrint): Promise<TranslationMatch | null> {
    const original = await this.findOriginal(print, id);
    await this.add(id, print);
    return original;
  }

  async add(id: string, print: LinkPrint): Promise<void> {
    this.#remove(id);
    this.#prints.set(id, print);
    for (const name of print.names) {
      let ids = this.#byName.get(name);
      if (!ids) this.#byName.set(name, (ids = new Set()));
      ids.add(id);
    }
    if (this.#prints.size > this.capacity) {
      const oldest = this.#prints.keys().next().value;
      if (oldest !== undefined) this.#remove(oldest);
    }
  }

  #remove(id: string): void {
    const print = this.#prints.get(id);
    if (!print) return;
    this.#prints.delete(id);
    for (const name of print.names) this.#byName.get(name)?.delete(id);
  }
}

/**
 * A TranslationIndex in Redis: candidates are the stories sharing the most names with the new one
 * (`{prefix}:tl:rn:{name}` time-ordered lists, newest first, counted server-side), scored from their stored prints; everything
 * expires after the window, since a desk's translation follows the original within hours.
 */
export class RedisTranslationIndex implements TranslationIndex {
  readonly #index: CandidateIndex;
  readonly #threshold: number;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    opts: { windowSeconds?: number; threshold?: number } = {},
  ) {
    this.#index = new CandidateIndex(redis, `${prefix}:tl:p:`, opts.windowSeconds ?? 3 * 86_400);
    this.#threshold = opts.threshold ?? TRANSLATION_THRESHOLD;
  }

  #nameKeys(print: LinkPrint): string[] {
    return print.names.map((name) => `${this.prefix}:tl:rn:${name}`);
  }

  #best(print: LinkPrint, found: [id: string, stored: string][], excludeId: string): TranslationMatch | null {
    return best(found, excludeId, this.#threshold, storedTranslationScoreTo(print));
  }

  async findOriginal(print: LinkPrint, excludeId: string): Promise<TranslationMatch | null> {
    return this.#best(print, await this.#index.find(this.#nameKeys(print), excludeId, MAX_CANDIDATES), excludeId);
  }

  async add(id: string, print: LinkPrint): Promise<void> {
    await this.#index.add(id, encodeLinkPrint(print), this.#nameKeys(print));
  }

  async addAndFindOriginal(id: string, print: LinkPrint): Promise<TranslationMatch | null> {
    return this.#best(print, await this.#index.findThenAdd(id, encodeLinkPrint(print), this.#nameKeys(print), MAX_CANDIDATES), id);
  }
}
