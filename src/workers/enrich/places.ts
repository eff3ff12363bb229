/**
 * Places: gazetteer names (provinces past and present, countries, cities, regions) and names
 * introduced by a place head word ("huyện Đồng Văn", "sông Lô", "Meo Vac district").
 */
import type { Place } from '../../shared/article.js';
import { GAZETTEER, type GazetteerEntry } from './gazetteer.js';
import { phraseKey } from './fold.js';
import type { PlaceMatch, Section, Span } from './spans.js';
import { hardBreakBefore, spanText } from './spans.js';

/** Words before an ambiguous name ("Anh", "Ý", "Đức") that make it a place. */
const PLACE_CUES = new Set(
  ['tại', 'ở', 'sang', 'đến', 'tới', 'nước', 'thăm', 'in', 'to', 'from', 'visit', 'visited', 'en', 'au', 'aux', 'vers', 'giữa', 'CHLB', 'Vương quốc'].map(phraseKey),
);
const LIST_JOINERS = new Set(['và', 'and', 'et', 'với', 'with', 'cùng'].map(phraseKey));

/**
 * Administrative head words: the head is dropped from the name ("huyện Đồng Văn" → "Đồng Văn").
 * Natural-feature heads stay in the name ("sông Lô"), since the bare name means nothing alone.
 */
const ADMIN_HEADS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['tỉnh', 'province'], ['thành phố', 'city'], ['TP', 'city'], ['thủ đô', 'city'], ['huyện', 'district'],
      ['quận', 'district'], ['thị xã', 'town'], ['thị trấn', 'town'], ['xã', 'commune'], ['phường', 'ward'],
      ['thôn', 'village'], ['bản', 'village'], ['làng', 'village'], ['ấp', 'village'], ['tổ dân phố', 'neighbourhood'],
      ['đặc khu', 'special zone'], ['khu du lịch', 'resort'], ['cảng', 'port'], ['cảng biển', 'port'], ['port de', 'port'], ['province of', 'province'], ['province de', 'province'], ['ville de', 'city'],
      ['district de', 'district'], ['commune de', 'commune'],
    ] as const
  ).map(([h, k]) => [phraseKey(h), k]),
);
const FEATURE_HEADS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['sông', 'river'], ['vịnh', 'bay'], ['đèo', 'pass'], ['núi', 'mountain'], ['đảo', 'island'], ['hồ', 'lake'],
      ['cửa khẩu', 'border gate'], ['biển', 'sea'], ['cao nguyên', 'plateau'],
      ['vườn quốc gia', 'national park'], ['baie de', 'bay'], ['baie d', 'bay'], ['fleuve', 'river'], ['île de', 'island'],
      ['delta du', 'delta'], ['golfe du', 'gulf'], ['col de', 'pass'],
    ] as const
  ).map(([h, k]) => [phraseKey(h), k]),
);
/** English heads that follow the name ("Meo Vac district", "Ha Giang province"). */
const SUFFIX_HEADS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['province', 'province'], ['district', 'district'], ['commune', 'commune'], ['ward', 'ward'], ['village', 'village'],
      ['town', 'town'], ['city', 'city'], ['river', 'river'], ['bay', 'bay'], ['island', 'island'], ['pass', 'pass'],
      ['border gate', 'border gate'], ['lake', 'lake'], ['port', 'port'],
    ] as const
  ).map(([h, k]) => [phraseKey(h), k]),
);
const MAX_HEAD = 3;
const LANDSCAPE_BEFORE = new Set(['miền', 'vùng', 'đồi', 'rừng', 'ven'].map(phraseKey));

/** True when a place head word ("huyện", "đèo", "xã", "sông") ends right before token i. */
export function placeHeadBefore(tokens: Section['tokens'], i: number): boolean {
  for (let h = 1; h <= MAX_HEAD && i - h >= 0; h++) {
    const key = tokens.slice(i - h, i).map((t) => t.key).join(' ');
    if (ADMIN_HEADS.has(key) || FEATURE_HEADS.has(key)) return true;
  }
  return false;
}
const MAX_NAME_TOKENS = 4;

function entryAt(section: Section, i: number, n: number, latin = false): GazetteerEntry | undefined {
  const toks = section.tokens.slice(i, i + n);
  if (toks.length < n) return undefined;
  for (let k = 1; k < n; k++) if (hardBreakBefore(section.tokens, i + k) && toks[k]?.sep !== '-') return undefined;
  const key = toks.map((t) => t.key).join(' ');
  let e = GAZETTEER.byKey.get(key);
  // English and French copy drops or half-keeps Vietnamese marks ("Nghê An", "Hanoï").
  if (!e && (latin || toks.every((t) => t.key === t.ascii))) {
    e = GAZETTEER.byAscii.get(toks.map((t) => t.ascii).join(' '));
  }
  if (!e || e.tokens !== n) return undefined;
  for (let k = 0; k < n; k++) if (e.caps[k] && !toks[k]?.cap) return undefined;
  if (!toks.some((t) => t.cap)) return undefined;
  return e;
}

/** Longest gazetteer matches, left to right; ambiguous names only after a place cue or in a list of places. */
export function findGazetteerMatches(section: Section, language = 'vi'): PlaceMatch[] {
  const latin = language !== 'vi';
  const out: PlaceMatch[] = [];
  const T = section.tokens;
  for (let i = 0; i < T.length; ) {
    let hit: PlaceMatch | null = null;
    for (let n = Math.min(GAZETTEER.maxTokens, T.length - i); n >= 1; n--) {
      const e = entryAt(section, i, n, latin);
      if (e) {
        hit = { start: i, end: i + n, entry: e, weak: false };
        break;
      }
    }
    if (hit && hit.entry.ambiguous && !cued(section, hit, out)) hit.weak = true;
    // "Coupe d'Asie": an elided name right after a capitalized word belongs to that name.
    if (hit && /^[dD]['’]/u.test(T[hit.start]?.text ?? '') && T[hit.start - 1]?.cap && !hardBreakBefore(T, hit.start)) hit.weak = true;
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}

function cued(section: Section, hit: PlaceMatch, earlier: readonly PlaceMatch[]): boolean {
  const T = section.tokens;
  const prev = T[hit.start - 1];
  const prev2 = hit.start >= 2 ? `${T[hit.start - 2]?.key} ${prev?.key}` : '';
  if (prev && !T[hit.start]?.sep && (PLACE_CUES.has(prev.key) || PLACE_CUES.has(prev2))) return true;
  // "Đại học Cambridge (Anh)": a lone name in parentheses after a name gives its country.
  if (T[hit.start]?.sep.endsWith('(') && (T[hit.end]?.sep.startsWith(')') ?? false)) return true;
  const last = [...earlier].reverse().find((m) => !m.weak);
  // "Pháp, Đức và Ý": a name joined to a listed country is a country too.
  if (last && last.entry.kind === 'country' && hit.start - last.end <= 1) {
    if (hit.start === last.end && T[hit.start]?.sep === ',') return true;
    if (prev && LIST_JOINERS.has(prev.key)) return true;
  }
  const next = T[hit.end];
  if (next && LIST_JOINERS.has(next.key) && entryAt(section, hit.end + 1, 1)?.kind === 'country') return true;
  return false;
}

/** Places introduced by a head word but absent from the gazetteer, e.g. "huyện Mèo Vạc". */
export function findHeadedPlaces(section: Section, taken: (i: number) => boolean): { span: Span; kind: string; keepHead: boolean }[] {
  const T = section.tokens;
  const out: { span: Span; kind: string; keepHead: boolean }[] = [];
  for (let i = 0; i < T.length; i++) {
    if (taken(i)) continue;
    for (let h = MAX_HEAD; h >= 1; h--) {
      if (i + h >= T.length) continue;
      const key = T.slice(i, i + h).map((t) => t.key).join(' ');
      const adminKind = ADMIN_HEADS.get(key);
      const featureKind = adminKind ? undefined : FEATURE_HEADS.get(key);
      const kind = adminKind ?? featureKind;
      if (!kind) continue;
      // "miền núi", "vùng biển": a landscape word, not a named feature.
      if (featureKind && LANDSCAPE_BEFORE.has(T[i - 1]?.key ?? '')) continue;
      // A head word starting a sentence is only a head if the next token is a capitalized name.
      let j = i + h;
      const first = T[j];
      if (!first || !first.cap || hardBreakBefore(T, j) || taken(j)) continue;
      while (j < T.length && j - (i + h) < MAX_NAME_TOKENS && T[j]?.cap && !taken(j) && (j === i + h || !hardBreakBefore(T, j))) j++;
      out.push({ span: { start: featureKind ? i : i + h, end: j }, kind, keepHead: featureKind !== undefined });
      i = j - 1;
      break;
    }
  }
  // English: capitalized name then a suffix head ("Meo Vac district").
  for (let i = 1; i < T.length; i++) {
    const kind = SUFFIX_HEADS.get(T[i]?.key ?? '');
    if (!kind || T[i]?.cap || hardBreakBefore(T, i)) continue;
    let s = i;
    while (s > 0 && T[s - 1]?.cap && i - s < MAX_NAME_TOKENS && !taken(s - 1) && !T[s - 1]?.sentenceStart && !hardBreakBefore(T, s)) s--;
    if (s < i && !taken(i - 1)) out.push({ span: { start: s, end: i }, kind, keepHead: false });
  }
  return out;
}

/** A Place record for a gazetteer hit, keeping the name as written. */
export function placeFromMatch(section: Section, m: PlaceMatch): Place {
  return { name: spanText(section, m.start, m.end), kind: m.entry.kind, code: m.entry.code, lat: m.entry.lat, lon: m.entry.lon };
}

/** Resolves a place name as written ("Hà Giang", "Khánh Hoà") to its gazetteer entry, if any. */
export function lookupPlace(name: string): GazetteerEntry | undefined {
  return GAZETTEER.byKey.get(phraseKey(name));
}
