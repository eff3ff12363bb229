/**
 * Strings safe to keep as long-lived cache keys. V8 makes a substring of 13 or more code units a
 * view into the string it was cut from (a "sliced string"), so caching one keeps that whole parent
 * alive: a word of a 1 MB document would hold the megabyte. Cache inserts are rare next to lookups,
 * so they pay for a copy.
 */

/** Below this length V8 copies substrings anyway. */
const SLICE_MIN_LENGTH = 13;

/** `text` as a string of its own, not a view into a larger one. */
export function detached(text: string): string {
  return text.length < SLICE_MIN_LENGTH ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}
