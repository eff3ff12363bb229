/**
 * Words of a fixed vocabulary found where they lie in a text, as small ids, with no string cut
 * out per word: topic tagging and the function-word vote only ever compare a story's words with
 * a fixed list, and cutting each word out, then hashing it for a Map lookup, was most of their
 * cost. wordIds gives the words of toneInsensitiveWords(text) this way (-1 for a word not in the
 * vocabulary).
 */
import { canonicalTonePlacement } from '../normalize/index.js';
// The units toneInsensitiveWords splits on: wordIds must split exactly as it does.
import { IS_NON_WORD } from '../normalize/text.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A set of words, each with a small id (0, 1, 2, … in the order added), found by position in a text. */
export class WordVocabulary {
  readonly #words: string[] = [];
  readonly #hashes: number[] = [];
  // id + 1 per slot, 0 for an empty one; open addressing, at most half full.
  #slots = new Int32Array(1 << 10);

  /** The id of `word`, added when new. */
  add(word: string): number {
    const found = this.idAt(word, 0, word.length);
    if (found >= 0) return found;
    let h = FNV_OFFSET;
    for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
    const id = this.#words.length;
    this.#words.push(word);
    this.#hashes.push(h);
    if (this.#words.length * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#place(id);
    return id;
  }

  /** How many words the vocabulary holds (ids are below it). */
  get size(): number {
    return this.#words.length;
  }

  /** The id of text[start, end), or -1. */
  idAt(text: string, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
    return this.find(text, start, end, h);
  }

  /** The id of text[start, end) (whose FNV-1a hash is `hash`), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.#slots.length - 1;
    const length = end - start;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.#slots[at]!;
      if (slot === 0) return -1;
      const id = slot - 1;
      if (this.#hashes[id] !== hash) continue;
      const word = this.#words[id]!;
      if (word.length !== length) continue;
      let k = 0;
      while (k < length && word.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return id;
    }
  }

  #place(id: number): void {
    const mask = this.#slots.length - 1;
    let at = this.#hashes[id]! & mask;
    while (this.#slots[at] !== 0) at = (at + 1) & mask;
    this.#slots[at] = id + 1;
  }

  #rehash(capacity: number): void {
    this.#slots = new Int32Array(capacity);
    for (let id = 0; id < this.#words.length; id++) this.#place(id);
  }
}

// One buffer of ids for every call, grown when a text has more words: callers read it before
// the next call.
let idBuffer = new Int32Array(1 << 10);

/**
 * The ids of the words of toneInsensitiveWords(text) in order (-1 for a word not in `vocabulary`):
 * ids[0, count). The array is shared and overwritten by the next call.
 */
export function wordIds(text: string, vocabulary: WordVocabulary): { ids: Int32Array; count: number } {
  const folded = canonicalTonePlacement(text.toLowerCase());
  // A text of n units holds at most (n + 1) / 2 words.
  if (idBuffer.length < (folded.length >> 1) + 1) idBuffer = new Int32Array(folded.length);
  const ids = idBuffer;
  let count = 0;
  let start = -1;
  let hash = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (IS_NON_WORD[c] === 1) {
      if (start >= 0) ids[count++] = vocabulary.find(folded, start, i, hash);
      start = -1;
    } else {
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
  }
  if (start >= 0) ids[count++] = vocabulary.find(folded, start, folded.length, hash);
  return { ids, count };
}
