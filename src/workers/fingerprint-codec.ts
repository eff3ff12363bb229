/**
 * Fingerprints as stored in the shared near-duplicate index: the two MinHash signatures as
 * base64 of little-endian uint32s, then numbers, names and date as plain text. Every lookup reads
 * up to eight stored fingerprints; as JSON number arrays (~1.4 KB each) parsing them cost ~100 µs
 * per story, a large share of the index's Node CPU. This form is about half the bytes and decodes
 * without a parser; a lookup scores candidates straight from it (storedSimilarityTo).
 */
import { EMPTY_BIN, SIGNATURE_SIZE, similarity, weighSimilarity, type Fingerprint } from './normalize/fingerprint.js';

/** Marks the packed form; JSON (written before it existed) starts with "{". */
const PACKED = 'F1';
const SIGNATURE_BYTES = SIGNATURE_SIZE * 4;

/** `fp` packed: "F1" TAB base64(minhash ‖ wordhash) TAB numbers TAB names TAB date. */
export function encodeFingerprint(fp: Fingerprint): string {
  const bins = Buffer.allocUnsafe(2 * SIGNATURE_BYTES);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    bins.writeUInt32LE(fp.minhash[i]!, i * 4);
    bins.writeUInt32LE(fp.wordhash[i]!, SIGNATURE_BYTES + i * 4);
  }
  // Numbers are bare digits and names bare [a-z0-9] (fingerprint.ts folds them), so a space and a
  // tab cannot occur inside one.
  return [PACKED, bins.toString('base64'), fp.numbers.join(' '), fp.names.join(' '), fp.date ?? ''].join('\t');
}

function words(field: string): string[] {
  return field === '' ? [] : field.split(' ');
}

/** The fingerprint `encodeFingerprint` packed, or one stored as JSON by an earlier release. */
export function decodeFingerprint(stored: string): Fingerprint {
  if (stored.startsWith('{')) return JSON.parse(stored) as Fingerprint;
  const [mark, base64, numbers, names, date] = stored.split('\t');
  if (mark !== PACKED || base64 === undefined || numbers === undefined || names === undefined || date === undefined) {
    throw new Error(`not a stored fingerprint: ${stored.slice(0, 40)}`);
  }
  const bins = Buffer.from(base64, 'base64');
  if (bins.length !== 2 * SIGNATURE_BYTES) throw new Error(`stored fingerprint has ${bins.length} signature bytes, not ${2 * SIGNATURE_BYTES}`);
  const minhash: number[] = [];
  const wordhash: number[] = [];
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    minhash.push(bins.readUInt32LE(i * 4));
    wordhash.push(bins.readUInt32LE(SIGNATURE_BYTES + i * 4));
  }
  return { minhash, wordhash, numbers: words(numbers), names: words(names), date: date === '' ? null : date };
}

const SPACE = 0x20;
/** Length of base64(2 * SIGNATURE_BYTES) as encodeFingerprint writes it (padded). */
const PACKED_BASE64_LENGTH = 4 * Math.ceil((2 * SIGNATURE_BYTES) / 3);

// The signature bytes of the stored print being scored, reused: a fresh Buffer and two number[]
// per candidate (eight candidates a lookup) were most of what a duplicate lookup allocated. One
// byte more than a signature, so a longer one shows as a wrong length. Scoring is synchronous.
const signatureScratch = Buffer.alloc(2 * SIGNATURE_BYTES + 1);
const storedSignatures = new DataView(signatureScratch.buffer, signatureScratch.byteOffset, signatureScratch.length);
/**
 * EMPTY_BIN as a signed word. Bins are compared as int32 (`| 0`, getInt32): an unsigned value
 * above 2^31 is a double to V8, and the comparisons were the loop's largest cost.
 */
const EMPTY_WORD = EMPTY_BIN | 0;

/** `fp`'s two signatures as int32 words, minhash then wordhash. */
function signatureWords(fp: Fingerprint): Int32Array {
  const signature = new Int32Array(2 * SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    signature[i] = fp.minhash[i]! | 0;
    signature[SIGNATURE_SIZE + i] = fp.wordhash[i]! | 0;
  }
  return signature;
}

/** binSimilarity (fingerprint.ts) of signature `first / SIGNATURE_SIZE` of `mine` and of the stored print. */
function storedBinSimilarity(mine: Int32Array, first: number): number {
  let same = 0;
  let used = 0;
  for (let k = first; k < first + SIGNATURE_SIZE; k++) {
    const x = mine[k];
    const y = storedSignatures.getInt32(4 * k, true);
    if (x === EMPTY_WORD && y === EMPTY_WORD) continue;
    used++;
    if (x === y) same++;
  }
  return used === 0 ? 0 : same / used;
}

/** Words in stored[start, end), as field.split(' ') counts them (none in an empty field). */
function storedWordCount(stored: string, start: number, end: number): number {
  if (start === end) return 0;
  let count = 1;
  for (let i = start; i < end; i++) if (stored.charCodeAt(i) === SPACE) count++;
  return count;
}

/** overlap (fingerprint.ts) of `mine` (held as `set` too) and the words of stored[start, end). */
function storedOverlap(mine: readonly string[], set: ReadonlySet<string>, stored: string, start: number, end: number): number | null {
  if (mine.length === 0 || start === end) return null;
  let shared = 0;
  let theirs = 0;
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && stored.charCodeAt(i) !== SPACE) continue;
    theirs++;
    if (set.has(stored.slice(from, i))) shared++;
    from = i + 1;
  }
  return shared / Math.min(mine.length, theirs);
}

/**
 * similarity(fp, decodeFingerprint(stored)) for every stored fingerprint it is given, to the last
 * bit, read straight from the packed text: the signatures are decoded into one reused buffer and
 * compared there, numbers and names are looked up in sets of `fp`'s made once per lookup instead
 * of once per candidate. JSON-era and malformed prints go through decodeFingerprint (which throws
 * for the malformed ones, as before).
 */
export function storedSimilarityTo(fp: Fingerprint): (stored: string) => number {
  const mine = signatureWords(fp);
  const numbers = new Set(fp.numbers);
  const names = new Set(fp.names);
  return (stored) => {
    if (!stored.startsWith(`${PACKED}\t`)) return similarity(fp, decodeFingerprint(stored));
    const base64End = stored.indexOf('\t', PACKED.length + 1);
    const numbersEnd = base64End < 0 ? -1 : stored.indexOf('\t', base64End + 1);
    const namesEnd = numbersEnd < 0 ? -1 : stored.indexOf('\t', numbersEnd + 1);
    // Only the canonical base64 length is read here; anything else is decoded the slow way,
    // which accepts what Buffer.from accepts and refuses a wrong length with its message.
    if (namesEnd < 0 || base64End - PACKED.length - 1 !== PACKED_BASE64_LENGTH) return similarity(fp, decodeFingerprint(stored));
    const written = signatureScratch.write(stored.slice(PACKED.length + 1, base64End), 'base64');
    if (written !== 2 * SIGNATURE_BYTES) return similarity(fp, decodeFingerprint(stored));
    // A tab after the date would end it, as split('\t') does.
    const nextTab = stored.indexOf('\t', namesEnd + 1);
    const dateEnd = nextTab < 0 ? stored.length : nextTab;
    const dateStart = namesEnd + 1;
    const storedDated = dateEnd > dateStart;
    const sameDate = fp.date !== null && fp.date.length === dateEnd - dateStart && stored.startsWith(fp.date, dateStart);
    return weighSimilarity({
      text: storedBinSimilarity(mine, 0),
      vocabulary: storedBinSimilarity(mine, SIGNATURE_SIZE),
      numbers: storedOverlap(fp.numbers, numbers, stored, base64End + 1, numbersEnd),
      names: storedOverlap(fp.names, names, stored, numbersEnd + 1, namesEnd),
      otherDay: fp.date !== null && storedDated && !sameDate,
      fewestNumbers: Math.min(fp.numbers.length, storedWordCount(stored, base64End + 1, numbersEnd)),
    });
  };
}
