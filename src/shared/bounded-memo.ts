/**
 * Per-word results remembered across stories: words and names recur from story to story, and
 * the work on each (slugifying, folding, testing) costs several times a lookup. The table is
 * emptied when it reaches its limit, which bounds memory without an LRU's bookkeeping, and its
 * keys are detached copies, so a remembered word never keeps its whole story alive.
 */
import { detached } from './detached-string.js';

/** `compute`, remembering up to `limit` results by argument. */
export function boundedMemo<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) {
      result = compute(key);
      if (results.size >= limit) results.clear();
      results.set(detached(key), result);
    }
    return result;
  };
}
