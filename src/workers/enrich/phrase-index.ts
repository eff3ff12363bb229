/**
 * A set of multi-token phrases (by token key) that answers "which is the longest phrase starting
 * at token i" by walking a word trie: no string building, stopping as soon as no phrase continues.
 * Most tokens start no phrase of a given lexicon; each distinct word remembers, as one bit per
 * lexicon, which lexicons have a phrase starting with it, and the trie node it starts, so that
 * answer costs no map probe.
 */
import type { Token, WordStarts } from './tokenize.js';
import { hardBreakBefore } from './spans.js';

/** One word of the trie: the phrases that go on from here, and the value of the phrase ending here. */
export interface TrieNode<V> {
  next: Map<string, TrieNode<V>> | null;
  value: V | undefined;
}

export interface PhraseIndex<V> {
  /** Full phrase key → value. */
  readonly phrases: ReadonlyMap<string, V>;
  /** Phrases by their words. */
  readonly root: TrieNode<V>;
  /** This lexicon's bit in a word's start mask, or 0 past the 31 that fit (then the trie is asked). */
  readonly bit: number;
  /** This lexicon's position in the registry: where a word keeps its first trie node for it. */
  readonly slot: number;
}

/** Every lexicon with a bit, in bit order; a word's mask is computed against these. */
const REGISTRY: PhraseIndex<unknown>[] = [];
const MAX_BITS = 31;

/** Builds an index from [phrase key, value] pairs; the first value for a key wins. */
export function phraseIndex<V>(entries: Iterable<readonly [string, V]>): PhraseIndex<V> {
  const phrases = new Map<string, V>();
  for (const [key, v] of entries) if (key && !phrases.has(key)) phrases.set(key, v);
  const root = phraseTrie(phrases);
  const bit = REGISTRY.length < MAX_BITS ? 1 << REGISTRY.length : 0;
  const index: PhraseIndex<V> = { phrases, root, bit, slot: REGISTRY.length };
  // Lexicons are built at module load; a word's mask computed before this one existed is stale.
  if (bit !== 0) REGISTRY.push(index as PhraseIndex<unknown>);
  return index;
}

/** The phrases of `phrases` (words joined by one space) as a word trie, without a start bit (for keys other than tone keys). */
export function phraseTrie<V>(phrases: ReadonlyMap<string, V>): TrieNode<V> {
  const root: TrieNode<V> = { next: null, value: undefined };
  for (const [key, v] of phrases) {
    let node = root;
    for (const word of key.split(' ')) {
      node.next ??= new Map();
      let child = node.next.get(word);
      if (!child) {
        child = { next: null, value: undefined };
        node.next.set(word, child);
      }
      node = child;
    }
    node.value = v;
  }
  return root;
}

/**
 * The trie node of the token's word as the first word of a phrase of `index`, if any. Each word
 * looks its nodes up in every lexicon once; later tokens of the word read them from the word.
 */
export function startNode<V>(index: PhraseIndex<V>, t: Token): TrieNode<V> | undefined {
  if (index.bit === 0) return index.root.next?.get(t.key);
  const w: WordStarts = t.word;
  if (w.version !== REGISTRY.length) {
    let mask = 0;
    let starts: unknown[] | undefined;
    for (const ix of REGISTRY) {
      const node = ix.root.next?.get(t.key);
      if (!node) continue;
      mask |= ix.bit;
      starts ??= [];
      starts[ix.slot] = node;
    }
    w.mask = mask;
    if (starts) w.starts = starts;
    w.version = REGISTRY.length;
  }
  return (w.mask & index.bit) !== 0 ? (w.starts[index.slot] as TrieNode<V>) : undefined;
}

const NONE = { n: 0, value: undefined } as const;

/**
 * The longest phrase starting at token i: its length in tokens (0 if none) and value. Tokens must
 * not be separated by punctuation unless `allowSep` accepts the separator. `keyOf` reads another
 * key of each token than its tone key (the start masks are then not used).
 */
export function longestAt<V>(
  index: PhraseIndex<V>,
  T: readonly Token[],
  i: number,
  keyOf?: (t: Token) => string,
  allowSep?: (sep: string) => boolean,
): { n: number; value: V | undefined } {
  const first = T[i];
  if (!first) return NONE;
  let node = keyOf ? index.root.next?.get(keyOf(first)) : startNode(index, first);
  if (!node) return NONE;
  let best = node.value !== undefined ? 1 : 0;
  let value = node.value;
  for (let j = i + 1; node.next && j < T.length; j++) {
    const t = T[j] as Token;
    if (hardBreakBefore(T, j) && !(allowSep?.(t.sep) ?? false)) break;
    node = node.next.get(keyOf ? keyOf(t) : t.key);
    if (!node) break;
    if (node.value !== undefined) {
      best = j - i + 1;
      value = node.value;
    }
  }
  return best === 0 ? NONE : { n: best, value };
}
