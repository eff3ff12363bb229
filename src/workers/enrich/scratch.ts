/**
 * Zeroed typed arrays for per-token marks, reused from call to call. A fresh typed array of a few
 * hundred elements is allocated outside the JS heap (a zeroed malloc plus the collector's
 * bookkeeping), and the passes take several per section; zeroing a reused one costs a fraction
 * of that. The array handed out is the whole buffer, not a view of `length` elements (making a
 * view costs nearly as much as the zeroing): past `length` it reads 0 where a fresh array would
 * read undefined, which the callers treat alike, as they treat every mark other than 1 (or a
 * positive end) as "not marked".
 */
const MIN_LENGTH = 1024;

/** One reusable buffer: each mark array alive at the same time needs its own. */
export class ScratchMarks<A extends Uint8Array | Int32Array> {
  #buffer: A;
  /** The length last handed out: every element written since is below it. */
  #used = 0;

  constructor(private readonly make: (length: number) => A) {
    this.#buffer = make(MIN_LENGTH);
  }

  /**
   * An array whose elements are all 0, for marks at indices below `length` only; valid until the
   * next call on this scratch. Not for marks that outlive the call that takes them (the passes
   * are synchronous and never re-enter themselves).
   */
  take(length: number): A {
    if (length > this.#buffer.length) this.#buffer = this.make(Math.max(length, 2 * this.#buffer.length));
    else this.#buffer.fill(0, 0, Math.max(length, this.#used));
    this.#used = length;
    return this.#buffer;
  }
}

export const scratchBytes = (): ScratchMarks<Uint8Array> => new ScratchMarks((n) => new Uint8Array(n));
export const scratchInts = (): ScratchMarks<Int32Array> => new ScratchMarks((n) => new Int32Array(n));
