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

const NAME_RE = /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)+/gu;
// Thousands written "12.000", "12,000", "12 000" (French) are one number; decimals too.
const NUMBER_RE = /\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/gu;
function fold(word: string): string {
  return foldDiacritics(word).replace(/[^a-z0-9]/gu, '');
}

/**
 * Name keys of a text: for every capitalized run of words, its last two and last three words
 * folded. A translation renders titles differently ("Bộ trưởng Giao thông vận tải Nguyễn Duy
 * Lâm", "ministre des Transports Nguyen Duy Lam") but keeps the name at the end of the run.
 */
function nameKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const m of text.matchAll(NAME_RE)) {
    const words = m[0].split(/\s+/u).map(fold).filter((w) => w !== '');
    for (const n of [2, 3]) if (words.length >= n) keys.add(words.slice(-n).join(' '));
  }
  return [...keys].sort();
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
  let score = 0.6 * jaccard(a.names, b.names) + 0.4 * jaccard(a.numbers, b.numbers);
  // A translation keeps the day it reports; two days apart is two events.
  if (a.date !== null && b.date !== null && a.date !== b.date) score *= 0.3;
  return score;
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

function best(print: LinkPrint, candidates: Iterable<[string, LinkPrint]>, excludeId: string, threshold: number): TranslationMatch | null {
  let found: TranslationMatch | null = null;
  for (const [id, other] of candidates) {
    if (id === excludeId) continue;
    const score = translationScore(print, other);
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
    return best(print, candidates, excludeId, this.threshold);
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
    return best(print, found.map(([id, stored]) => [id, decodeLinkPrint(stored)]), excludeId, this.#threshold);
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
