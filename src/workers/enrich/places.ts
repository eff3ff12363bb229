/**
 * Places: gazetteer names (provinces past and present, countries, cities, regions) and names
 * introduced by a place head word ("huyện Đồng Văn", "sông Lô", "Meo Vac district").
 */
import type { Place } from '../../shared/article.js';
import { boundedMemo } from '../../shared/bounded-memo.js';
import { GAZETTEER, type GazetteerEntry } from './gazetteer.js';
import { isVietSyllable, phraseKey } from './fold.js';
import type { PlaceMatch, Section, Span } from './spans.js';
import { hardBreakBefore, spanText } from './spans.js';
import { flagSet, tokenIn } from './word-flags.js';
import { longestAt, phraseIndex, startNode } from './phrase-index.js';
import type { Token } from './tokenize.js';
import { isUnitName, isUnitNameAscii } from './wards.js';

/** Words before an ambiguous name ("Anh", "Ý", "Đức") that make it a place. */
const PLACE_CUES = new Set(
  ['tại', 'ở', 'sang', 'đến', 'tới', 'nước', 'thăm', 'in', 'to', 'from', 'visit', 'visited', 'en', 'au', 'aux', 'vers', 'giữa', 'CHLB', 'Vương quốc'].map(phraseKey),
);
const LIST_JOINERS = new Set(['và', 'and', 'et', 'với', 'with', 'cùng'].map(phraseKey));
const FOREIGN_PLACE_CUES = new Set(['ở', 'tại', 'đến', 'tới', 'sang'].map(phraseKey));
/** English and French cues before a Vietnamese place written without its head ("at Dung Quat", "à Nghia Lô"). */
const LATIN_PLACE_CUES = new Set(['at', 'in', 'à', 'de', 'near', 'près'].map(phraseKey));
/** Words before a head that make it plural: "các phường Biên Hòa, Hố Nai", "hai xã A và B". */
const PLURAL_BEFORE = new Set(['các', 'những', 'hai', 'ba', 'bốn'].map(phraseKey));
// The cue sets above as per-word bits: the passes below ask them of every token.
const LIST_JOINER_KEYS = flagSet(LIST_JOINERS);
const FOREIGN_PLACE_CUE_KEYS = flagSet(FOREIGN_PLACE_CUES);
const LATIN_PLACE_CUE_KEYS = flagSet(LATIN_PLACE_CUES);
const MAX_HEAD_MODIFIER = 2;
const DIRECTION_WORDS = new Set(['phía', 'miền', 'vùng', 'khu vực', 'phần'].map(phraseKey));

/** A capitalized foreign word: Latin letters only, not an acronym, not a Vietnamese syllable ("Kumamoto", not "APEC", "Khu"). */
function foreignWord(t: Section['tokens'][number] | undefined): boolean {
  return t !== undefined && t.cap && !t.upper && t.key === t.ascii && /^[A-Za-z-]+$/u.test(t.text) && !isVietSyllable(t.key);
}

/** True when a place cue ("tại", "ở", "in", "to") stands right before token i. */
export function placeCueBefore(T: readonly Token[], i: number): boolean {
  const prev = T[i - 1];
  if (!prev || T[i]?.sep) return false;
  return PLACE_CUES.has(prev.key) || (i >= 2 && PLACE_CUES.has(`${T[i - 2]?.key} ${prev.key}`));
}

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
      ['đặc khu', 'special zone'], ['khu vực', 'area'], ['vùng núi', 'area'], ['khu du lịch', 'resort'], ['cảng', 'port'], ['cảng biển', 'port'], ['port de', 'port'], ['province of', 'province'], ['province de', 'province'], ['ville de', 'city'],
      ['district de', 'district'], ['commune de', 'commune'],
    ] as const
  ).map(([h, k]) => [phraseKey(h), k]),
);
const FEATURE_HEADS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['sông', 'river'], ['vịnh', 'bay'], ['đèo', 'pass'], ['núi', 'mountain'], ['đảo', 'island'], ['hồ', 'lake'],
      ['cửa khẩu', 'border gate'], ['biển', 'sea'], ['cao nguyên', 'plateau'],
      ['vườn quốc gia', 'national park'], ['thác', 'waterfall'], ['hang', 'cave'], ['động', 'cave'], ['baie de', 'bay'], ['baie d', 'bay'], ['fleuve', 'river'], ['île de', 'island'],
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
      ['border gate', 'border gate'], ['lake', 'lake'], ['port', 'port'], ['provinces', 'province'],
      ['districts', 'district'], ['communes', 'commune'], ['wards', 'ward'], ['cities', 'city'],
    ] as const
  ).map(([h, k]) => [phraseKey(h), k]),
);
const SUFFIX_HEAD_KEYS = flagSet(SUFFIX_HEADS.keys());
/** First words of gazetteer names by ASCII fold: most tokens start none. */
const ASCII_STARTS = flagSet(GAZETTEER.asciiStarts, true);
const MAX_HEAD = 3;
const ADMIN_INDEX = phraseIndex([...ADMIN_HEADS]);
const FEATURE_INDEX = phraseIndex([...FEATURE_HEADS]);
const NUMBER = /^\d{1,2}$/u;
const ROMAN = /^[IVXLC]+$/u;
const NO_HEAD = { n: 0, value: undefined } as const;

/** Tokens of the administrative head starting at token i (0 if none), looked up once per token. */
function adminAt(T: readonly Token[], i: number): number {
  const t = T[i];
  if (!t) return 0;
  let n = t.memoAdmin;
  if (n < 0) {
    n = longestAt(ADMIN_INDEX, T, i).n;
    t.memoAdmin = n;
  }
  return n;
}

/** Tokens of the natural-feature head starting at token i (0 if none), looked up once per token. */
function featureAt(T: readonly Token[], i: number): number {
  const t = T[i];
  if (!t) return 0;
  let n = t.memoFeature;
  if (n < 0) {
    n = longestAt(FEATURE_INDEX, T, i).n;
    t.memoFeature = n;
  }
  return n;
}

/** True when a natural-feature head ("sông", "vịnh", "đèo") ends right before token i. */
export function featureHeadBefore(tokens: readonly Token[], i: number): boolean {
  for (let h = 1; h <= MAX_HEAD && i - h >= 0; h++) if (featureAt(tokens, i - h) === h) return true;
  return false;
}
const NUMBERED_HEADS = new Set(['quận', 'phường', 'district', 'ward'].map(phraseKey));
const LANDSCAPE_BEFORE = new Set(['miền', 'vùng', 'đồi', 'rừng', 'ven'].map(phraseKey));

/** True when a place head word ("huyện", "đèo", "xã", "sông") ends right before token i. */
export function placeHeadBefore(tokens: readonly Token[], i: number): boolean {
  for (let h = 1; h <= MAX_HEAD && i - h >= 0; h++) {
    if (adminAt(tokens, i - h) === h || featureAt(tokens, i - h) === h) return true;
  }
  return false;
}
const MAX_NAME_TOKENS = 4;
const MAX_UNIT_TOKENS = 3;

/** Whether the text tokens [i, i+n) satisfy an entry's capitalization. */
function capsOk(T: Section['tokens'], i: number, e: GazetteerEntry): boolean {
  let anyCap = false;
  for (let k = 0; k < e.tokens; k++) {
    const t = T[i + k];
    if (!t) return false;
    if (e.caps[k] && !t.cap) return false;
    anyCap ||= t.cap;
  }
  return anyCap;
}

/**
 * The longest gazetteer entry starting at token i. Accented text is looked up by tone key;
 * unaccented tokens (and any token in English/French copy, which drops or half-keeps the marks:
 * "Nghê An", "Hanoï") also by ASCII fold.
 */
function longestEntry(section: Section, i: number, latin: boolean): GazetteerEntry | undefined {
  const T = section.tokens;
  let best: GazetteerEntry | undefined;
  const first = T[i];
  if (!first) return undefined;
  // Each walk follows the name's words down its trie; a walk ends where no name goes on.
  // The first word's node comes from the word itself (see phrase-index.ts); no probe of the big first-word map.
  let keyNode = startNode(GAZETTEER.keyIndex, first);
  let asciiNode = (latin || first.key === first.ascii) && tokenIn(ASCII_STARTS, first) ? GAZETTEER.asciiTrie.next?.get(first.ascii) : undefined;
  for (let j = i; j < T.length && (keyNode || asciiNode); j++) {
    const t = T[j];
    if (!t) break;
    if (j > i && hardBreakBefore(T, j) && t.sep !== '-') break;
    const n = j - i + 1;
    if (keyNode) {
      if (j > i) keyNode = keyNode.next?.get(t.key);
      const e = keyNode?.value;
      if (e && e.tokens === n && capsOk(T, i, e)) best = e;
      if (!keyNode?.next) keyNode = undefined;
    }
    if (asciiNode && !(latin || t.key === t.ascii)) asciiNode = undefined;
    if (asciiNode) {
      if (j > i) asciiNode = asciiNode.next?.get(t.ascii);
      const e = asciiNode?.value;
      if (e && e.tokens === n && capsOk(T, i, e) && (!best || best.tokens < n)) best = e;
      if (!asciiNode?.next) asciiNode = undefined;
    }
  }
  return best;
}

/** Longest gazetteer matches, left to right; ambiguous names only after a place cue or in a list of places. */
export function findGazetteerMatches(section: Section, language = 'vi'): PlaceMatch[] {
  const latin = language !== 'vi';
  const out: PlaceMatch[] = [];
  const T = section.tokens;
  for (let i = 0; i < T.length; ) {
    const e = longestEntry(section, i, latin);
    let hit: PlaceMatch | null = e ? { start: i, end: i + e.tokens, entry: e, weak: false } : null;
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
  if (next && LIST_JOINERS.has(next.key) && longestEntry(section, hit.end + 1, false)?.kind === 'country') return true;
  return false;
}

/**
 * End of a 2025 ward or commune name of two or three capitalized syllables at token i that no
 * other pass took, followed by no more capitalized words (else it begins a longer name); 0 if none.
 */
function unitNameAt(T: readonly Token[], i: number, taken: (i: number) => boolean, latin: boolean): number {
  for (let n = MAX_UNIT_TOKENS; n >= 2; n--) {
    const e = i + n;
    if (e > T.length || T[e]?.cap && !hardBreakBefore(T, e)) continue;
    let ok = true;
    for (let k = i; k < e && ok; k++) ok = T[k]?.cap === true && !T[k]?.upper && !taken(k) && (k === i || !hardBreakBefore(T, k));
    if (!ok) continue;
    const words = T.slice(i, e);
    if (latin ? words.every((t) => isVietSyllable(t.ascii)) && isUnitNameAscii(words.map((t) => t.ascii).join(' ')) : isUnitName(words.map((t) => t.key).join(' '))) return e;
  }
  return 0;
}

/** Names listed after a plural head's first name, each of that head's kind; returns the end of the list. */
function listedAfter(T: readonly Token[], j: number, taken: (i: number) => boolean, kind: string, out: { span: Span; kind: string; keepHead: boolean }[]): number {
  while (j < T.length) {
    const comma = T[j]?.sep === ',';
    const s = comma ? j : LIST_JOINERS.has(T[j]?.key ?? '') && !hardBreakBefore(T, j) ? j + 1 : -1;
    if (s < 0 || !T[s]?.cap || taken(s) || (s > j && hardBreakBefore(T, s)) || adminAt(T, s) > 0) return j;
    let e = s + 1;
    while (e < T.length && e - s < MAX_NAME_TOKENS && T[e]?.cap && !taken(e) && !hardBreakBefore(T, e)) e++;
    out.push({ span: { start: s, end: e }, kind, keepHead: false });
    j = e;
  }
  return j;
}

/**
 * True when a bare place found so far ends at token `end`. A function rather than a closure over
 * the loop's index: that would give every pass of the loop its own scope object, for every token.
 */
function placeEndsAt(found: readonly { span: Span; kind: string }[], end: number): boolean {
  for (const o of found) if (o.span.end === end && o.kind === 'place') return true;
  return false;
}

/** Places introduced by a head word but absent from the gazetteer, e.g. "huyện Mèo Vạc". */
export function findHeadedPlaces(section: Section, taken: (i: number) => boolean): { span: Span; kind: string; keepHead: boolean }[] {
  const T = section.tokens;
  const out: { span: Span; kind: string; keepHead: boolean }[] = [];
  for (let i = 0; i < T.length; i++) {
    if (taken(i)) continue;
    const adminN = adminAt(T, i);
    const featureN = adminN > 0 ? 0 : featureAt(T, i);
    if (adminN === 0 && featureN === 0) continue;
    const admin = adminN > 0 ? longestAt(ADMIN_INDEX, T, i) : NO_HEAD;
    const feature = featureN > 0 ? longestAt(FEATURE_INDEX, T, i) : NO_HEAD;
    for (const h of admin.n > 0 ? [admin.n] : feature.n > 0 ? [feature.n] : []) {
      const adminKind = admin.value;
      const featureKind = adminKind ? undefined : feature.value;
      const kind = adminKind ?? featureKind;
      if (!kind) continue;
      // "miền núi", "vùng biển": a landscape word, not a named feature.
      if (featureKind && LANDSCAPE_BEFORE.has(T[i - 1]?.key ?? '')) continue;
      // A head word starting a sentence is only a head if the next token is a capitalized name.
      let j = i + h;
      const first = T[j];
      // "Quận 1", "phường 12": a numbered unit is named by head and number together.
      if (adminKind && first && NUMBER.test(first.text) && !hardBreakBefore(T, j) && NUMBERED_HEADS.has(T[i]?.key ?? '')) {
        out.push({ span: { start: i, end: j + 1 }, kind, keepHead: true });
        i = j;
        break;
      }
      // "thác Bản Giốc": a capitalized head word inside a name is no head.
      if (T[i]?.cap && !T[i]?.sentenceStart && !T[i]?.upper) continue;
      const plural = adminKind !== undefined && PLURAL_BEFORE.has(T[i - 1]?.key ?? '');
      // "các xã biên giới Sốp Cộp, Chiềng Khương": a plural head may take a lowercase modifier.
      if (plural && first && !first.cap) {
        let m = j;
        while (m < T.length && m - j < MAX_HEAD_MODIFIER && !T[m]?.cap && !hardBreakBefore(T, m) && !NUMBER.test(T[m]?.text ?? '')) m++;
        // "các tỉnh phía Bắc": a direction is no modifier; a unit's name has two syllables or more.
        const named = T[m + 1]?.cap === true && !hardBreakBefore(T, m + 1);
        if (m > j && named && !DIRECTION_WORDS.has(first.key) && !taken(m) && adminAt(T, m) === 0) j = m;
      }
      const start = j;
      const name = T[j];
      if (!name || !name.cap || hardBreakBefore(T, j) || taken(j) || ROMAN.test(name.text)) continue;
      while (j < T.length && j - start < MAX_NAME_TOKENS && T[j]?.cap && !taken(j) && (j === start || !hardBreakBefore(T, j))) j++;
      out.push({ span: { start: featureKind ? i : start, end: j }, kind, keepHead: featureKind !== undefined });
      // "các phường Biên Hòa, Hố Nai và xã Trảng Bom": the plural head covers the names listed after it.
      if (plural) j = listedAfter(T, j, taken, kind, out);
      i = j - 1;
      break;
    }
  }
  // Vietnamese copy: a foreign name after "ở"/"tại" ("ở Kumamoto và Hokkaido"), written without
  // Vietnamese letters, that no other pass took.
  if (!section.latin) {
    for (let i = 1; i < T.length; i++) {
      const cue = T[i - 1];
      // A list word continues a list of places only right after one; asked last, it scans what was found.
      if (!cue || hardBreakBefore(T, i)) continue;
      if (!tokenIn(FOREIGN_PLACE_CUE_KEYS, cue) && !(tokenIn(LIST_JOINER_KEYS, cue) && placeEndsAt(out, i - 1))) continue;
      let j = i;
      while (j < T.length && j - i < MAX_NAME_TOKENS && foreignWord(T[j]) && !taken(j) && (j === i || !hardBreakBefore(T, j))) j++;
      if (j > i && !T[j]?.cap) out.push({ span: { start: i, end: j }, kind: 'place', keepHead: false });
    }
  }
  // A 2025 ward or commune named without its head after a place cue ("tại Hương Khê, Hương Sơn",
  // "à Nghia Lô"). No kind or code: the bare name may be the former district's as much as the unit's.
  for (let i = 1; i < T.length; i++) {
    const cue = T[i - 1];
    if (!cue || hardBreakBefore(T, i) || !tokenIn(section.latin ? LATIN_PLACE_CUE_KEYS : FOREIGN_PLACE_CUE_KEYS, cue)) continue;
    const e = unitNameAt(T, i, taken, section.latin);
    if (e === 0) continue;
    out.push({ span: { start: i, end: e }, kind: 'place', keepHead: false });
    let j = e;
    // The names listed after it: "Hương Khê, Hương Sơn", "Tam Kỳ và Hội An".
    while (j < T.length && (T[j]?.sep === ',' || (LIST_JOINERS.has(T[j]?.key ?? '') && !hardBreakBefore(T, j)))) {
      const s = T[j]?.sep === ',' ? j : j + 1;
      if (s > j && hardBreakBefore(T, s)) break;
      const f = unitNameAt(T, s, taken, section.latin);
      if (f === 0) break;
      out.push({ span: { start: s, end: f }, kind: 'place', keepHead: false });
      j = f;
    }
    i = j;
  }
  // English: capitalized name then a suffix head ("Meo Vac district").
  for (let i = 1; i < T.length; i++) {
    if (!tokenIn(SUFFIX_HEAD_KEYS, T[i])) continue;
    const kind = SUFFIX_HEADS.get(T[i]?.key ?? '');
    if (!kind || T[i]?.cap || hardBreakBefore(T, i)) continue;
    let s = i;
    while (s > 0 && T[s - 1]?.cap && i - s < MAX_NAME_TOKENS && !taken(s - 1) && !T[s - 1]?.sentenceStart && !hardBreakBefore(T, s)) s--;
    if (s < i && !taken(i - 1)) {
      out.push({ span: { start: s, end: i }, kind, keepHead: false });
      // "in Dong Anh and Gia Lam districts": the plural head covers both names.
      const and = T[s - 1];
      if (and && LIST_JOINERS.has(and.key) && T[i]?.key.endsWith('s')) {
        let s2 = s - 1;
        while (s2 > 0 && T[s2 - 1]?.cap && s - 1 - s2 < MAX_NAME_TOKENS && !taken(s2 - 1) && !hardBreakBefore(T, s2)) s2--;
        if (s2 < s - 1) out.push({ span: { start: s2, end: s - 1 }, kind, keepHead: false });
      }
    }
  }
  return out;
}

/** A Place record for a gazetteer hit, keeping the name as written. */
export function placeFromMatch(section: Section, m: PlaceMatch): Place {
  return { name: spanText(section, m.start, m.end).replace(/['’]s$/u, ''), kind: m.entry.kind, code: m.entry.code, lat: m.entry.lat, lon: m.entry.lon };
}

/** phraseKey(name), remembered: datelines name a few places over and over. */
export const placeNameKey = boundedMemo(phraseKey, 5_000);

/** Resolves a place name as written ("Hà Giang", "Khánh Hoà") to its gazetteer entry, if any. */
export function lookupPlace(name: string): GazetteerEntry | undefined {
  return GAZETTEER.byKey.get(placeNameKey(name));
}
