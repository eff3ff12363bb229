/**
 * Fingerprints as stored in the shared near-duplicate index: the two MinHash signatures as
 * base64 of little-endian uint32s, then numbers, names and date as plain text. Every lookup reads
 * up to eight stored fingerprints; as JSON number arrays (~1.4 KB each) parsing them cost ~100 µs
 * per story, a large share of the index's Node CPU. This form is about half the bytes and decodes
 * without a parser.
 */
import { SIGNATURE_SIZE, type Fingerprint } from './normalize/fingerprint.js';

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
