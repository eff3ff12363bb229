/**
 * fingerprint() hashes words into a buffer reused from story to story and reads names from a
 * slice of its text; it must give exactly what the plain version it replaced gives (kept here as
 * the reference): fingerprints are stored in the shared index and compared with earlier releases'.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_BIN, SIGNATURE_SIZE, fingerprint, type Fingerprint, type FingerprintInput } from '../../../src/workers/normalize/fingerprint.js';
import { foldDiacritics } from '../../../src/workers/normalize/fold.js';
import { titleCaseNames } from '../../../src/workers/normalize/names.js';
import { toneInsensitiveWords } from '../../../src/workers/normalize/text.js';

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function minhash(wordHashes: number[], shingle: number): number[] {
  const bins: number[] = Array.from({ length: SIGNATURE_SIZE }, () => EMPTY_BIN);
  const last = Math.max(1, wordHashes.length - shingle + 1);
  for (let i = 0; i < last; i++) {
    let h = 0x9e3779b9;
    for (let j = i; j < i + shingle && j < wordHashes.length; j++) h = Math.imul(h ^ wordHashes[j]!, 0x85ebca6b);
    h = mix(h);
    if ((h & 0x3ffffff) < bins[h >>> 26]!) bins[h >>> 26] = h & 0x3ffffff;
  }
  return bins;
}

/** The fingerprint as the release before the scans computed it. */
function reference(article: FingerprintInput): Fingerprint {
  const text = [article.headline, article.lead ?? '', article.body.text].join('\n');
  const wordHashes = toneInsensitiveWords(text).filter((w) => w !== '').map(fnv1a);
  const numbers = new Set<string>();
  for (const m of text.matchAll(/\d(?:[\d.,]*\d)?/gu)) {
    const digits = m[0].replace(/[.,]/gu, '');
    const value = Number(digits);
    if (digits === m[0] && (value < 32 || (value >= 1990 && value <= 2100))) continue;
    numbers.add(digits);
  }
  const names = new Set<string>();
  for (const name of titleCaseNames(`${article.lead ?? ''}\n${article.body.text}`)) {
    const folded = foldDiacritics(name).replace(/[^a-z0-9]/gu, '');
    if (folded.length >= 4) names.add(folded);
  }
  return { minhash: minhash(wordHashes, 3), wordhash: minhash(wordHashes, 1), numbers: [...numbers].sort(), names: [...names].sort(), date: article.dateline.date };
}

const pieces = [
  'Hà Nội', 'Lê Hữu Hòa', 'hoà', 'hòa', 'UBND', ' ', '  ', '\n', '-', '.', ',', '..', ',.', '0', '7', '31', '32', '1989', '1990', '2100', '2101',
  '10.000', '2,5', '4.700', '12,000.5', '452/464', '1.2.3', '00', '007', '٣', '½', '𝟘', '😀', 'Ngày 26/11/2026', 'x', 'A',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

describe('fingerprint, against the plain version', () => {
  it('gives the same signatures, figures and names for any text', () => {
    fc.assert(
      fc.property(text, text, fc.option(text), (headline, body, lead) => {
        const story = { headline, lead, body: { text: body }, dateline: { date: '2026-11-26' } };
        expect(fingerprint(story)).toEqual(reference(story));
      }),
      { numRuns: 2000 },
    );
  });

  it('fills one bin for a story without words, as before', () => {
    const empty = { headline: '', lead: null, body: { text: '' }, dateline: { date: null } };
    expect(fingerprint(empty)).toEqual(reference(empty));
    expect(fingerprint(empty).minhash.filter((bin) => bin !== EMPTY_BIN)).toHaveLength(1);
  });

  it('keeps figures, drops days and years: "10.000" → "10000", "2,5" → "25"', () => {
    const story = { headline: 'Ngày 26/11/2026, 10.000 hộ', lead: null, body: { text: 'Thiệt hại 2,5 tỷ đồng, 452/464 xã.' }, dateline: { date: null } };
    expect(fingerprint(story).numbers).toEqual(['10000', '25', '452', '464']);
  });

  it('does not mix up stories hashed one after another (the word buffer is reused)', () => {
    const long = { headline: 'Bão số 5', lead: null, body: { text: 'gió mạnh '.repeat(3000) }, dateline: { date: null } };
    const short = { headline: 'Hội chợ khai mạc', lead: null, body: { text: 'Hội chợ.' }, dateline: { date: null } };
    const alone = fingerprint(short);
    fingerprint(long);
    expect(fingerprint(short)).toEqual(alone);
    expect(fingerprint(long)).toEqual(reference(long));
  });

  it('fingerprints a story longer than the reused buffer is kept for, and the stories after it, as before', () => {
    // 100,000 distinct words: past the 65,536 the buffer grows to (a huge body gets its own array).
    const huge = { headline: 'Báo cáo', lead: null, body: { text: Array.from({ length: 100_000 }, (_, i) => `từ${i}`).join(' ') }, dateline: { date: null } };
    const middle = { headline: 'Giá lúa', lead: null, body: { text: 'lúa gạo '.repeat(20_000) }, dateline: { date: null } };
    const short = { headline: 'Hội chợ khai mạc', lead: null, body: { text: 'Hội chợ.' }, dateline: { date: null } };
    for (const story of [middle, huge, short, middle]) expect(fingerprint(story)).toEqual(reference(story));
  });
});
