/**
 * The place gazetteer: Vietnam's 34 provincial-level units after the 1 July 2025 reorganization
 * (with the 63 earlier provinces as predecessors resolving to today's unit), well-known Vietnamese
 * towns, countries, foreign cities and regions in Vietnamese, English and French. Built once at
 * module load into two immutable indexes keyed by token keys (see fold.ts).
 */
import provinces from '../../../data/vn-provinces-2025.json' with { type: 'json' };
import world from '../../../data/world-places.json' with { type: 'json' };
import { phraseIndex, phraseTrie, type PhraseIndex, type TrieNode } from './phrase-index.js';
import { tokenize } from './tokenize.js';

export interface GazetteerEntry {
  /** Canonical name of what the written name resolves to (today's unit for a former province). */
  canonical: string;
  kind: string;
  /** 'VN-2025:NN' for Vietnamese units (2025 code), ISO 3166-1 alpha-2 for countries/foreign cities. */
  code: string | null;
  lat: number | null;
  lon: number | null;
  /** A common word or given name as well: only a place after a place cue. */
  ambiguous: boolean;
  /** Per token of the name: must the text token be capitalized? */
  caps: readonly boolean[];
  tokens: number;
  /** For a former province: its ISO 3166-2 code (e.g. VN-03 for Hà Giang). */
  predecessorIso: string | null;
}

interface ProvinceRecord {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  type: string;
  predecessors: string[];
  predecessorIso: string[];
  centroidLonLat: number[];
  aliases: string[];
  predecessorAliases: Record<string, string[]>;
}

type WorldRow = [string | null, number, number, string, string[]];
type CountryRow = [string, number, number, string[]];

export interface Gazetteer {
  /** Token-key phrase → entry, for text written with diacritics. */
  byKey: ReadonlyMap<string, GazetteerEntry>;
  /** ASCII phrase → entry, consulted only for tokens written without diacritics. */
  byAscii: ReadonlyMap<string, GazetteerEntry>;
  maxTokens: number;
  /** First words of byAscii phrases: most tokens start no name, and one probe says so. */
  asciiStarts: ReadonlySet<string>;
  /** byKey and byAscii by their words, so a scan walks token by token without building phrase strings. */
  keyIndex: PhraseIndex<GazetteerEntry>;
  asciiTrie: TrieNode<GazetteerEntry>;
  /** 2025 unit code ('VN-2025:08') → canonical unit name. */
  units: ReadonlyMap<string, { name: string; lat: number; lon: number; predecessors: readonly string[] }>;
}

const HAS_DIACRITIC = /[^\x00-\x7f]/u;

function buildGazetteer(): Gazetteer {
  const byKey = new Map<string, GazetteerEntry>();
  const byAscii = new Map<string, GazetteerEntry>();
  const units = new Map<string, { name: string; lat: number; lon: number; predecessors: readonly string[] }>();
  let maxTokens = 1;

  // First added wins: units before predecessors, countries before cities, so a shared name
  // ("Hà Nội" as unit and predecessor, "Singapore" as country and city) keeps the broader sense.
  // asciiOk: whether the unaccented spelling may be matched too. True for Vietnamese units and
  // regions (English and French copy writes "Ha Giang", "Nghê An"), false for Vietnamese names of
  // foreign places, whose unaccented forms are other words ("Lào" → "Lao", "Mỹ" → "My").
  const add = (rawName: string, e: Omit<GazetteerEntry, 'ambiguous' | 'caps' | 'tokens'>, asciiOk = true): void => {
    const ambiguous = rawName.startsWith('?');
    const name = ambiguous ? rawName.slice(1) : rawName;
    const toks = tokenize(name);
    if (toks.length === 0) return;
    const entry: GazetteerEntry = { ...e, ambiguous, caps: toks.map((t) => t.cap), tokens: toks.length };
    maxTokens = Math.max(maxTokens, toks.length);
    const key = toks.map((t) => t.key).join(' ');
    if (!byKey.has(key)) byKey.set(key, entry);
    const ascii = toks.map((t) => t.ascii).join(' ');
    // Unaccented spellings ("Ha Giang", "Hanoi") are indexed only when they cannot be confused
    // with another accented name folding to the same letters.
    if (!asciiOk && HAS_DIACRITIC.test(name)) return;
    if (!byAscii.has(ascii)) byAscii.set(ascii, entry);
    else if (byAscii.get(ascii)?.code !== e.code && HAS_DIACRITIC.test(name)) byAscii.set(ascii, { ...entry, ambiguous: true });
  };

  const rows = provinces as unknown as ProvinceRecord[];
  for (const p of rows) {
    const code = `VN-2025:${p.code}`;
    const [lon, lat] = p.centroidLonLat;
    const kind = p.type === 'Thành phố' ? 'city' : 'province';
    const base = { canonical: p.name, kind, code, lat: lat ?? null, lon: lon ?? null, predecessorIso: null };
    units.set(code, { name: p.name, lat: lat ?? 0, lon: lon ?? 0, predecessors: p.predecessors });
    for (const n of [p.name, p.nameEn, ...p.aliases]) add(n, base);
  }
  for (const p of rows) {
    const code = `VN-2025:${p.code}`;
    const [lon, lat] = p.centroidLonLat;
    p.predecessors.forEach((pred, i) => {
      const e = { canonical: p.name, kind: 'province', code, lat: lat ?? null, lon: lon ?? null, predecessorIso: p.predecessorIso[i] ?? null };
      for (const n of [pred, ...(p.predecessorAliases[pred] ?? [])]) add(n, e);
    });
  }
  for (const [iso, lat, lon, names] of world.countries as unknown as CountryRow[]) {
    const canonical = names.find((n) => !n.startsWith('?')) ?? iso;
    for (const n of names) add(n, { canonical, kind: 'country', code: iso, lat, lon, predecessorIso: null }, false);
  }
  const vietnamese = [...(world.vnPlaces as unknown as WorldRow[]), ...(world.regions as unknown as WorldRow[])];
  for (const [code, lat, lon, kind, names] of vietnamese) {
    const canonical = names[0] ?? '';
    for (const n of names) add(n, { canonical, kind, code, lat, lon, predecessorIso: null });
  }
  for (const [code, lat, lon, kind, names] of world.cities as unknown as WorldRow[]) {
    const canonical = names[0] ?? '';
    for (const n of names) add(n, { canonical, kind, code, lat, lon, predecessorIso: null }, false);
  }
  const startsOf = (keys: Iterable<string>): Set<string> => new Set([...keys].map((k) => k.split(' ')[0] ?? ''));
  return {
    byKey,
    byAscii,
    maxTokens,
    units,
    keyIndex: phraseIndex(byKey),
    asciiTrie: phraseTrie(byAscii),
    asciiStarts: startsOf(byAscii.keys()),
  };
}

/** The gazetteer, built once at module load; read-only thereafter. */
export const GAZETTEER: Gazetteer = buildGazetteer();
