/**
 * Zeroed typed arrays for per-token marks, reused from call to call. A fresh typed array of a few
 * hundred elements is allocated outside the JS heap (a zeroed malloc plus the collector's
 * bookkeeping), and the passes take several per section; zeroing a reused one costs a fraction
 * of that. The array handed out is the whole buffer, not a view of `length` elements (a view is
 * one more object per call, about 2 KB more allocated per story): past `length` it reads 0 where
 * a fresh array would read undefined, which the callers treat alike, as they treat every mark
 * other than 1 (or a positive end) as "not marked".
 */
const MIN_LENGTH = 1024;
/**
 * Elements of the longest buffer kept (64 KB of bytes, 256 KB of ints): a section of more tokens
 * gets an array of its own, so one huge body does not pin its size for the life of the process.
 */
export const MAX_KEPT_LENGTH = 1 << 16;

/** Every scratch made by scratchBytes or scratchInts (a fixed few, made at module load). */
const made: ScratchMarks<Uint8Array | Int32Array>[] = [];

/** One reusable buffer: each mark array alive at the same time needs its own. */
export class ScratchMarks<A extends Uint8Array | Int32Array> {
  #buffer: A;
  /** The length last handed out from the buffer: every element written since is below it. */
  #used = 0;

  constructor(private readonly make: (length: number) => A) {
    this.#buffer = make(MIN_LENGTH);
  }

  /**
   * An array whose elements are all 0 at indices below `length`, for marks there only; valid
   * until the next call on this scratch. Not for marks that outlive the call that takes them (the
   * passes are synchronous and never re-enter themselves).
   *
   * Its `.length` is NOT `length`: it is the whole reused buffer, usually longer (see the module
   * comment), and reads 0 past `length` where a fresh array would read undefined. Loop to
   * `length`, never to `.length`.
   */
  take(length: number): A {
    if (length > MAX_KEPT_LENGTH) return this.make(length);
    if (length > this.#buffer.length) this.#buffer = this.make(Math.min(Math.max(length, 2 * this.#buffer.length), MAX_KEPT_LENGTH));
    else this.#buffer.fill(0, 0, Math.max(length, this.#used));
    this.#used = length;
    return this.#buffer;
  }

  /** Elements of the buffer kept for the next call (at most MAX_KEPT_LENGTH). */
  get keptLength(): number {
    return this.#buffer.length;
  }
}

function scratch<A extends Uint8Array | Int32Array>(make: (length: number) => A): ScratchMarks<A> {
  const s = new ScratchMarks(make);
  made.push(s);
  return s;
}

export const scratchBytes = (): ScratchMarks<Uint8Array> => scratch((n) => new Uint8Array(n));
export const scratchInts = (): ScratchMarks<Int32Array> => scratch((n) => new Int32Array(n));

/** The longest buffer any scratch made by scratchBytes or scratchInts keeps (for tests). */
export function longestKeptScratch(): number {
  let longest = 0;
  for (const s of made) longest = Math.max(longest, s.keptLength);
  return longest;
}
