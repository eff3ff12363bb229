/**
 * Organisation lexicons compiled once into phrase maps, and the token helpers every organisation
 * pass shares (phrase keys, longest head, the extraction context).
 */
import { phraseKey, syllableKey } from './fold.js';
import { EN_ORG_HEADS, KNOWN_ORGS, VI_ADMIN_LINKS, VI_NOT_ORG, VI_ORG_HEADS, VI_ORG_LOWER } from './org-lexicon.js';
import { type Section, type Span, hardBreakBefore } from './spans.js';
import { longestAt, phraseIndex, type PhraseIndex } from './phrase-index.js';
import type { Token } from './tokenize.js';

export interface OrgMention extends Span {
  name: string;
  abbreviation: string | null;
  /** Dedup identity: a known body's id, else the name's key. */
  id: string;
  /** The name's key (see fold.ts), abbreviated heads expanded. */
  key: string;
  /** A local authority named after its territory ("UBND tỉnh Hà Giang"): its place counts as mentioned. */
  territorial: boolean;
  /** Named with its national parent ("Cục Hải quan (Bộ Tài chính)"): not a local body's short name. */
  national?: boolean;
}

export interface Known {
  id: string;
  abbreviation: string | null;
  tokens: number;
}

interface PhraseMap<V> {
  map: ReadonlyMap<string, V>;
  index: PhraseIndex<V>;
}

/** A phrase → value map with its word-trie index, keys folded (see fold.ts). */
export function phraseMap<V>(entries: readonly (readonly [string, V])[]): PhraseMap<V> {
  const index = phraseIndex(entries.map(([k, v]) => [phraseKey(k), v] as const));
  return { map: index.phrases, index };
}

export const KNOWN = phraseMap(KNOWN_ORGS.map(([id, form, abbr]) => [form, { id, abbreviation: abbr, tokens: phraseKey(form).split(' ').length }] as const));
export const CANONICAL: ReadonlyMap<string, string> = new Map(KNOWN_ORGS.map(([id, form]) => [id, form] as const).reverse());
const CANONICAL_FORM = CANONICAL;
export const KNOWN_ABBR: ReadonlyMap<string, { id: string; name: string; key: string }> = new Map(
  KNOWN_ORGS.filter(([, , a]) => a !== null)
    .map(([id, form, abbr]) => [abbr ?? '', { id, name: form, key: phraseKey(CANONICAL_FORM.get(id) ?? form) }] as const)
    .reverse(),
);

export const VI_HEADS = phraseMap(VI_ORG_HEADS.map((h) => [h, true] as const));
export const VI_LOWER = phraseMap(VI_ORG_LOWER.map((h) => [h, true] as const));
export const ADMIN = phraseMap(VI_ADMIN_LINKS.map((h) => [h, true] as const));
export const NOT_ORG = new Set(VI_NOT_ORG.map(phraseKey));
export const EN_HEADS = new Set(EN_ORG_HEADS.map(phraseKey));
export const MAX_ORG_TOKENS = 16;
export const NUMBERED_HEADS = new Set(['Quân khu', 'Quân đoàn', 'Sư đoàn', 'Lữ đoàn', 'Trung đoàn', 'Hải đoàn', 'Bệnh viện Quân y', 'Vùng Cảnh sát biển'].map(phraseKey));
export const DASH = /^[-–]$/u;
export const DIGIT = /^\d/u;

export const ROMAN = /^[IVXLC]+$/u;

/** Phrase key of the n tokens from i, across a dash or comma but no other punctuation; null past the end. */
export function keyOf(T: readonly Token[], i: number, n: number): string | null {
  if (i + n > T.length) return null;
  let k = '';
  for (let j = i; j < i + n; j++) {
    if (j > i && hardBreakBefore(T, j) && T[j]?.sep !== '-' && T[j]?.sep !== ',') return null;
    k += (j > i ? ' ' : '') + (T[j]?.key ?? '');
  }
  return k;
}

// Names run across a dash or comma ("Bộ Văn hóa, Thể thao và Du lịch", "Cà phê - Ca cao").
const NAME_SEP = (sep: string): boolean => sep === '-' || sep === ',';

/** Tokens of the longest phrase of `pm` starting at token i (0 if none), running across a dash or comma. */
export function longest<V>(T: readonly Token[], i: number, pm: PhraseMap<V>): number {
  return longestAt(pm.index, T, i, undefined, NAME_SEP).n;
}

export interface Ctx {
  section: Section;
  isPerson: (i: number) => boolean;
  isPlaceStart: (i: number) => boolean;
  isPlaceEnd: (i: number) => boolean;
  /** End (exclusive) of the place starting at token i, if one does. */
  placeEndAt: (i: number) => number | undefined;
}
export const VA = syllableKey('và');
export const ARTICLES = new Set(['le', 'la', 'les', 'the', 'un', 'une', 'a', 'an'].map(phraseKey));
/** French heads conventionally written lowercase; other French heads must be capitalized. */
export const FR_LOWER_HEADS = new Set(['ministère', 'ambassade', 'comité populaire', 'groupe', 'hôpital', 'université', 'compagnie', 'société', 'lycée'].map(phraseKey));
export const LEADING_ELISION = /^[ldLD]['’]/u;
export const MAX_SHORT_NAME = 3;

/** A well-known one-word company written as a word, not an acronym ("Samsung", "Vingroup"). */
export function knownBrandAt(T: readonly Token[], i: number): boolean {
  const t = T[i];
  return t !== undefined && !t.upper && KNOWN.map.get(t.key)?.tokens === 1;
}

/** Something after the head says which body: a capitalized word beyond administrative links. */
export function hasProperPart(T: readonly Token[], from: number, end: number): boolean {
  for (let j = from; j < end; j++) if (T[j]?.cap) return true;
  return false;
}
