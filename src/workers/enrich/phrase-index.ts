/**
 * A set of multi-token phrases (by token key) that answers "which is the longest phrase starting
 * at token i" with one map probe per token, stopping as soon as no phrase continues.
 */
import type { Token } from './tokenize.js';
import { hardBreakBefore } from './spans.js';

export interface PhraseIndex<V> {
  /** Full phrase key → value. */
  readonly phrases: ReadonlyMap<string, V>;
  /** Every proper prefix of a phrase key. */
  readonly prefixes: ReadonlySet<string>;
}

/** Builds an index from [phrase key, value] pairs; the first value for a key wins. */
export function phraseIndex<V>(entries: Iterable<readonly [string, V]>): PhraseIndex<V> {
  const phrases = new Map<string, V>();
  const prefixes = new Set<string>();
  for (const [key, v] of entries) {
    if (!key || phrases.has(key)) continue;
    phrases.set(key, v);
    const words = key.split(' ');
    for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(' '));
  }
  return { phrases, prefixes };
}

/**
 * The longest phrase starting at token i: its length in tokens (0 if none) and value. Tokens must
 * not be separated by punctuation unless `allowSep` accepts the separator.
 */
export function longestAt<V>(
  index: PhraseIndex<V>,
  T: readonly Token[],
  i: number,
  keyOf: (t: Token) => string = (t) => t.key,
  allowSep: (sep: string) => boolean = () => false,
): { n: number; value: V | undefined } {
  let key = '';
  let best = 0;
  let value: V | undefined;
  for (let j = i; j < T.length; j++) {
    const t = T[j];
    if (!t) break;
    if (j > i && hardBreakBefore(T, j) && !allowSep(t.sep)) break;
    key = j === i ? keyOf(t) : `${key} ${keyOf(t)}`;
    const v = index.phrases.get(key);
    if (v !== undefined) {
      best = j - i + 1;
      value = v;
    }
    if (!index.prefixes.has(key)) break;
  }
  return { n: best, value };
}
