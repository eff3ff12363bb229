/**
 * Sets of token keys (or ASCII folds) that a hot loop asks about nearly every token. Each set
 * owns one bit; each distinct word works out its bits once, so after that a membership test is
 * a bit test instead of a string-keyed hash probe.
 */
import type { Token, WordStarts } from './tokenize.js';

/** One set of keys with its bit. */
export interface FlagSet {
  /** The keys, for lookups of anything other than one token's own key. */
  readonly keys: ReadonlySet<string>;
  /** Whether the set holds ASCII folds (Token.ascii) rather than tone keys (Token.key). */
  readonly ascii: boolean;
  /** This set's bit in a word's flags, or 0 past the 31 that fit (then the set is probed). */
  readonly bit: number;
}

/** Every set with a bit, in bit order; a word's flags are computed against these. */
const REGISTRY: FlagSet[] = [];
const MAX_BITS = 31;

/** Builds a set of keys (or ASCII folds when `ascii`) answered by a per-word bit; build at module load. */
export function flagSet(keys: Iterable<string>, ascii = false): FlagSet {
  const bit = REGISTRY.length < MAX_BITS ? 1 << REGISTRY.length : 0;
  const set: FlagSet = { keys: new Set(keys), ascii, bit };
  if (bit !== 0) REGISTRY.push(set);
  return set;
}

/** The word's flags against every registered set, worked out on the word's first test after a set was added. */
function flagsOf(t: Token): number {
  const w: WordStarts = t.word;
  if (w.setsVersion !== REGISTRY.length) {
    let flags = 0;
    for (const s of REGISTRY) if (s.keys.has(s.ascii ? t.ascii : t.key)) flags |= s.bit;
    w.sets = flags;
    w.setsVersion = REGISTRY.length;
  }
  return w.sets;
}

/** True when the token's key (or ASCII fold) is in `set`; a missing token reads as the empty key. */
export function tokenIn(set: FlagSet, t: Token | undefined): boolean {
  if (!t) return set.keys.has('');
  if (set.bit === 0) return set.keys.has(set.ascii ? t.ascii : t.key);
  return (flagsOf(t) & set.bit) !== 0;
}
