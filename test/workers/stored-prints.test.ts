/** Fingerprints and link prints survive the packed form the shared indexes store, and old JSON still reads. */
import { describe, expect, it } from 'vitest';
import { decodeFingerprint, encodeFingerprint } from '../../src/workers/fingerprint-codec.js';
import { bandsOf } from '../../src/workers/normalize/duplicate-index.js';
import { EMPTY_BIN, fingerprint, similarity } from '../../src/workers/normalize/fingerprint.js';
import { decodeLinkPrint, encodeLinkPrint, linkPrint } from '../../src/workers/translation-links.js';

const long = {
  headline: 'Bão số 5 đổ bộ vào Quảng Trị, hơn 12.000 hộ dân được sơ tán',
  lead: 'Chiều 26/11, bão số 5 đã đổ bộ vào tỉnh Quảng Trị với sức gió mạnh cấp 11.',
  body: {
    text: 'Ông Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh Quảng Trị, cho biết hơn 12.000 hộ dân đã được sơ tán đến nơi an toàn. Lực lượng cứu hộ đã cứu 37 ngư dân gặp nạn ngoài khơi, thiệt hại ước 2,5 tỷ đồng.',
    html: '',
  },
  dateline: { place: null, date: '2026-11-26', agency: null, raw: null },
};
const short = { headline: 'Khai mạc hội chợ', lead: null, body: { text: 'Hội chợ khai mạc.', html: '' }, dateline: { place: null, date: null, agency: null, raw: null } };

describe('stored fingerprints', () => {
  it('decode to exactly the fingerprint that was packed, for a long and a short story', () => {
    for (const story of [long, short]) {
      const fp = fingerprint(story);
      const stored = encodeFingerprint(fp);
      expect(decodeFingerprint(stored)).toEqual(fp);
      expect(stored.length).toBeLessThan(JSON.stringify(fp).length);
    }
    // The short story keeps empty bins (0xffffffff), which must survive the packing.
    expect(fingerprint(short).minhash).toContain(EMPTY_BIN);
  });

  it('still reads fingerprints stored as JSON before the packed form', () => {
    const fp = fingerprint(long);
    expect(decodeFingerprint(JSON.stringify(fp))).toEqual(fp);
  });

  it('refuses what is neither, instead of scoring garbage', () => {
    expect(() => decodeFingerprint('F1\tAAAA\t\t\t')).toThrow(/signature bytes/);
    expect(() => decodeFingerprint('something else')).toThrow(/not a stored fingerprint/);
  });

  it('scores the same after a round trip', () => {
    const a = fingerprint(long);
    const b = fingerprint({ ...long, headline: 'Bão số 5 vào Quảng Trị: 12.000 hộ được sơ tán' });
    expect(similarity(a, decodeFingerprint(encodeFingerprint(b)))).toBe(similarity(a, b));
  });
});

describe('LSH bands', () => {
  it('leave out bands whose bins are all empty: every short story shares them', () => {
    const fp = fingerprint(short);
    const bands = bandsOf(fp);
    expect(bands.length).toBeGreaterThan(0);
    expect(bands.length).toBeLessThan(16);
    for (const band of bands) expect(band.split(':')[1]!.split('.').some((bin) => Number(bin) !== EMPTY_BIN)).toBe(true);
    expect(bandsOf(fingerprint(long))).toHaveLength(16);
  });
});

describe('stored link prints', () => {
  it('decode to exactly the print that was packed, and old JSON still reads', () => {
    for (const [story, lang] of [[long, 'vi'], [short, 'vi-VN']] as const) {
      const print = linkPrint(story, lang);
      expect(decodeLinkPrint(encodeLinkPrint(print))).toEqual(print);
      expect(decodeLinkPrint(JSON.stringify(print))).toEqual(print);
    }
    expect(linkPrint(long, 'vi').names.length).toBeGreaterThan(0);
    expect(() => decodeLinkPrint('nonsense')).toThrow(/not a stored link print/);
  });
});
