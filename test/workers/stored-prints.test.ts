/** Fingerprints and link prints survive the packed form the shared indexes store, and old JSON still reads. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RawItemSchema } from '../../src/shared/raw-item.js';
import { decodeFingerprint, encodeFingerprint, storedSimilarityTo } from '../../src/workers/fingerprint-codec.js';
import { bandsOf } from '../../src/workers/normalize/duplicate-index.js';
import { EMPTY_BIN, fingerprint, similarity, type FingerprintInput } from '../../src/workers/normalize/fingerprint.js';
import { readRawItem } from '../../src/workers/normalize/index.js';
import { decodeLinkPrint, encodeLinkPrint, linkPrint, storedTranslationScoreTo, translationScore } from '../../src/workers/translation-links.js';

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

// Every story of the labeled pairs (updates, rewrites, translations, look-alikes), as normalize reads it.
function pairStories(): FingerprintInput[] {
  const root = new URL('../fixtures/wire/pairs/', import.meta.url).pathname;
  const stories: FingerprintInput[] = [];
  for (const name of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, name)).filter((f) => f.endsWith('.txt')).sort()) {
      const path = join(root, name, file);
      const content = readFileSync(path, 'utf8');
      const n = readRawItem(RawItemSchema.parse({ sourceId: 'pairs', format: 'wire-text', identity: path, content, receivedAt: '2026-11-26T08:00:00Z' }));
      stories.push({ headline: n.headline, lead: n.lead, body: { text: n.bodyText }, dateline: n.parts.dateline });
    }
  }
  return stories;
}

describe('scoring stored prints without decoding them', () => {
  const stories = [...pairStories(), long, short, { headline: '', lead: null, body: { text: '' }, dateline: { date: null } }];
  const fps = stories.flatMap((story) => {
    const fp = fingerprint(story);
    // The sides a score turns on: no date, no numbers, no names, numbers stated twice.
    return [fp, { ...fp, date: null }, { ...fp, numbers: [] }, { ...fp, names: [] }, { ...fp, numbers: [...fp.numbers, ...fp.numbers] }];
  });

  it('scores a stored fingerprint exactly as similarity() scores it decoded, packed or JSON', () => {
    expect(stories.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    let duplicates = 0;
    for (const [i, fp] of fps.entries()) {
      const score = storedSimilarityTo(fp);
      for (const [j, other] of fps.entries()) {
        const packed = encodeFingerprint(other);
        const want = similarity(fp, decodeFingerprint(packed));
        if (want >= 0.45 && i !== j) duplicates++;
        if (!Object.is(score(packed), want) || !Object.is(score(JSON.stringify(other)), similarity(fp, other))) wrong.push(`${i}→${j}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(duplicates).toBeGreaterThan(100);
  });

  it('refuses what is not a stored fingerprint, as decoding does', () => {
    const score = storedSimilarityTo(fingerprint(long));
    const packed = encodeFingerprint(fingerprint(short));
    expect(() => score('F1\tAAAA\t\t\t')).toThrow(/signature bytes/);
    expect(() => score(packed.replace(/=/u, 'AAAA'))).toThrow(/signature bytes/);
    expect(() => score('something else')).toThrow(/not a stored fingerprint/);
    expect(() => score(packed.slice(0, packed.lastIndexOf('\t')))).toThrow(/not a stored fingerprint/);
  });

  it('scores a stored link print exactly as translationScore() scores it decoded, packed or JSON', () => {
    const langs = ['vi', 'en', 'fr', 'und'];
    const prints = stories.flatMap((story, i) => {
      const print = linkPrint({ ...story, body: { ...story.body, html: '' }, dateline: { place: null, agency: null, raw: null, ...story.dateline } }, langs[i % langs.length]!);
      return [print, { ...print, lang: langs[(i + 1) % langs.length]! }, { ...print, date: null }, { ...print, numbers: [] }];
    });
    const wrong: string[] = [];
    let linked = 0;
    for (const [i, print] of prints.entries()) {
      const score = storedTranslationScoreTo(print);
      for (const [j, other] of prints.entries()) {
        const packed = encodeLinkPrint(other);
        const want = translationScore(print, decodeLinkPrint(packed));
        if (want > 0) linked++;
        if (!Object.is(score(packed), want) || !Object.is(score(JSON.stringify(other)), translationScore(print, other))) wrong.push(`${i}→${j}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(linked).toBeGreaterThan(100);
    expect(() => storedTranslationScoreTo(prints[0]!)('nonsense')).toThrow(/not a stored link print/);
    expect(() => storedTranslationScoreTo(prints[0]!)('L1\ten\ta,b\t12')).toThrow(/not a stored link print/);
  });
});
