import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAZETTEER } from '../../../src/workers/enrich/gazetteer.js';
import { lookupPlace } from '../../../src/workers/enrich/index.js';
import { phraseKey } from '../../../src/workers/enrich/fold.js';

interface Unit { code: string; name: string; type: string; predecessors: string[]; predecessorIso: string[]; centroidLonLat: number[] }
const units = JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/vn-provinces-2025.json'), 'utf8')) as Unit[];

describe('the 2025 provincial map', () => {
  it('has 34 units (28 provinces, 6 centrally-run cities) covering the 63 earlier provinces once each', () => {
    expect(units).toHaveLength(34);
    expect(units.filter((u) => u.type === 'Thành phố').map((u) => u.name).sort()).toEqual(['Cần Thơ', 'Hà Nội', 'Hải Phòng', 'Hồ Chí Minh', 'Huế', 'Đà Nẵng'].sort());
    const preds = units.flatMap((u) => u.predecessors);
    expect(preds).toHaveLength(63);
    expect(new Set(preds).size).toBe(63);
    const iso = units.flatMap((u) => u.predecessorIso);
    expect(new Set(iso).size).toBe(63);
    for (const u of units) expect(u.predecessorIso).toHaveLength(u.predecessors.length);
  });

  it('places every centroid inside Vietnam', () => {
    for (const u of units) {
      const [lon, lat] = u.centroidLonLat;
      expect(lon).toBeGreaterThan(102);
      expect(lon).toBeLessThan(110);
      expect(lat).toBeGreaterThan(8.3);
      expect(lat).toBeLessThan(23.5);
    }
  });

  it('resolves every earlier province to the unit that absorbed it, keeping its own ISO code', () => {
    for (const u of units) {
      u.predecessors.forEach((p, i) => {
        const e = lookupPlace(p);
        expect(e?.code, p).toBe(`VN-2025:${u.code}`);
        expect(e?.canonical).toBe(u.name);
        // The unit's own name resolves to the unit itself, which has no single predecessor code.
        expect(e?.predecessorIso ?? null).toBe(p === u.name ? null : u.predecessorIso[i]);
      });
    }
  });

  it.each([
    ['Hà Giang', 'VN-2025:08', 'Tuyên Quang'],
    ['Khánh Hoà', 'VN-2025:56', 'Khánh Hòa'],
    ['Thanh Hoá', 'VN-2025:38', 'Thanh Hóa'],
    ['Hoà Bình', 'VN-2025:25', 'Phú Thọ'],
    ['Bình Dương', 'VN-2025:79', 'Hồ Chí Minh'],
    ['TP.HCM', 'VN-2025:79', 'Hồ Chí Minh'],
    ['Thừa Thiên Huế', 'VN-2025:46', 'Huế'],
    ['Quảng Nam', 'VN-2025:48', 'Đà Nẵng'],
    ['Kon Tum', 'VN-2025:51', 'Quảng Ngãi'],
  ])('%s → %s (%s), tone placement ignored', (name, code, canonical) => {
    const e = lookupPlace(name);
    expect(e?.code).toBe(code);
    expect(e?.canonical).toBe(canonical);
  });

  it('keeps distinct syllables apart: "Hà" is not "Hạ"', () => {
    expect(phraseKey('Hà Long')).not.toBe(phraseKey('Hạ Long'));
    expect(phraseKey('Khánh Hòa')).toBe(phraseKey('Khánh Hoà'));
    expect(phraseKey('Thụy Sĩ')).toBe(phraseKey('Thuỵ Sĩ'));
  });

  it('knows countries in three languages with ISO 3166-1 codes', () => {
    for (const [name, code] of [['Hoa Kỳ', 'US'], ['United States', 'US'], ['États-Unis', 'US'], ['Lào', 'LA'], ['Laos', 'LA'], ['Hàn Quốc', 'KR'], ['Đức', 'DE'], ['Allemagne', 'DE']] as const) {
      expect(lookupPlace(name)?.code, name).toBe(code);
    }
    const countries = new Set([...GAZETTEER.byKey.values()].filter((e) => e.kind === 'country').map((e) => e.code));
    expect(countries.size).toBeGreaterThanOrEqual(80);
  });
});
