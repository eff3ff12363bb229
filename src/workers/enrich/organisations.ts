/**
 * Organisations: well-known bodies by name or abbreviation, and names built on a head word
 * ("Sở Thông tin và Truyền thông Hà Giang", "UBND tỉnh Hà Giang", "Ministry of Foreign Affairs",
 * "ministère des Affaires étrangères"), stopping before a person's name or a verb. A parenthesized
 * abbreviation after a name is linked to it, and later uses of the abbreviation join it.
 */
import type { Organisation } from '../../shared/article.js';
import { phraseKey, syllableKey } from './fold.js';
import {
  EN_GENERIC, EN_ORG_HEADS, FR_CONNECTORS, FR_ORG_HEADS, FR_ORG_LOWER, HEAD_ABBREVIATIONS, KNOWN_ORGS,
  MISSION_HEADS, VI_ADMIN_LINKS, VI_NOT_ORG, VI_ORG_HEADS, VI_ORG_LOWER,
} from './org-lexicon.js';
import { listContinues, roleBreakAt, titleLengthAt } from './role-phrases.js';
import type { Section, Span } from './spans.js';
import { hardBreakBefore, spanText } from './spans.js';
import { longestAt, phraseIndex, type PhraseIndex } from './phrase-index.js';
import type { Token } from './tokenize.js';

export interface OrgMention extends Span {
  name: string;
  abbreviation: string | null;
  /** Dedup identity: a known body's id, else the name's key. */
  id: string;
  /** A local authority named after its territory ("UBND tỉnh Hà Giang"): its place counts as mentioned. */
  territorial: boolean;
}

/** Heads of bodies whose name carries their territory. */
const TERRITORIAL = new Set(['ubnd', 'hđnd', 'sở', 'tỉnh', 'thành', 'huyện', "people's", 'provincial', 'municipal', 'comité'].map(phraseKey));
const ADMIN_WORD_KEYS = new Set(['tỉnh', 'thành', 'phố', 'tp', 'huyện', 'quận', 'province', 'provincial', 'city', 'municipal'].map(phraseKey));
const ADMIN_WORDS = new Set(['tỉnh', 'thành phố', 'huyện', 'quận', 'xã', 'phường', 'thị xã', 'province', 'provincial', 'city', 'municipal', 'district', 'commune'].map(phraseKey));

function isTerritorial(T: readonly Token[], start: number, end: number): boolean {
  if (TERRITORIAL.has(T[start]?.key ?? '')) return true;
  for (let j = start; j < end; j++) if (ADMIN_WORDS.has(T[j]?.key ?? '') || (j + 1 < end && ADMIN_WORDS.has(`${T[j]?.key} ${T[j + 1]?.key}`))) return true;
  return false;
}

interface Known {
  id: string;
  abbreviation: string | null;
  tokens: number;
}

interface PhraseMap<V> {
  map: ReadonlyMap<string, V>;
  index: PhraseIndex<V>;
}

function phraseMap<V>(entries: readonly (readonly [string, V])[]): PhraseMap<V> {
  const index = phraseIndex(entries.map(([k, v]) => [phraseKey(k), v] as const));
  return { map: index.phrases, index };
}

const KNOWN = phraseMap(KNOWN_ORGS.map(([id, form, abbr]) => [form, { id, abbreviation: abbr, tokens: phraseKey(form).split(' ').length }] as const));
const KNOWN_ABBR: ReadonlyMap<string, { id: string; name: string }> = new Map(
  KNOWN_ORGS.filter(([, , a]) => a !== null).map(([id, form, abbr]) => [abbr ?? '', { id, name: form }] as const).reverse(),
);
const CANONICAL: ReadonlyMap<string, string> = new Map(KNOWN_ORGS.map(([id, form]) => [id, form] as const).reverse());
const VI_HEADS = phraseMap(VI_ORG_HEADS.map((h) => [h, true] as const));
const MISSION = new Set(MISSION_HEADS.map(phraseKey));
const VI_LOWER = phraseMap(VI_ORG_LOWER.map((h) => [h, true] as const));
const ADMIN = phraseMap(VI_ADMIN_LINKS.map((h) => [h, true] as const));
const NOT_ORG = new Set(VI_NOT_ORG.map(phraseKey));
const EN_HEADS = new Set(EN_ORG_HEADS.map(phraseKey));
const EN_GEN = new Set(EN_GENERIC.map(phraseKey));
const EN_CONNECT = new Set(['of', 'for', 'and', '&'].map(phraseKey));
/** English heads of local authorities: "Hanoi Department of Finance", "Hanoi Party Committee". */
const EN_TERRITORIAL = new Set(['department', 'committee', 'police', 'council', 'service'].map(phraseKey));
const EN_MISSION = new Set(['embassy', 'consulate', 'office', 'mission', 'delegation'].map(phraseKey));
const EN_LOWER_INSIDE = new Set(['provincial', 'municipal', 'city', 'district', 'the'].map(phraseKey));
const FR_HEADS = phraseMap(FR_ORG_HEADS.map((h) => [h, true] as const));
const FR_CONNECT = new Set(FR_CONNECTORS.map(phraseKey));
const FR_LOWER = new Set(FR_ORG_LOWER.map(phraseKey));
const ABBR_RE = /^[\p{Lu}Đ][\p{Lu}Đ0-9&]{1,9}$/u;
const MAX_ORG_TOKENS = 16;
const DASH = /^[-–]$/u;
const ROMAN = /^[IVXLC]+$/u;
/** Words after which a Vietnamese name is over: a term ("khóa XVII"), a date, a number. */
const VI_ORG_STOP = new Set(['khóa', 'nhiệm kỳ', 'lần', 'năm', 'ngày', 'tháng', 'số'].map(phraseKey));
const MAX_LOWER_RUN = 3;
const MAX_LONG_LOWER_RUN = 6;
/** French adjective endings: "hydrométéorologique", "révolutionnaire", "provincial". */
const FR_ADJECTIVE = /^\p{Ll}[\p{Ll}-]*(?:ique|iques|al|ale|aux|ales|aire|aires|ien|ienne|iens|iennes|ais|aise|el|elle|ien)$/u;
/** A lowercase noun after "de" that still names the body, not a date or quantity. */
const FR_NOUN_OK = /^\p{Ll}[\p{Ll}'’-]{3,}$/u;

function keyOf(T: readonly Token[], i: number, n: number): string | null {
  if (i + n > T.length) return null;
  let k = '';
  for (let j = i; j < i + n; j++) {
    if (j > i && hardBreakBefore(T, j) && T[j]?.sep !== '-' && T[j]?.sep !== ',') return null;
    k += (j > i ? ' ' : '') + (T[j]?.key ?? '');
  }
  return k;
}

// Names run across a dash or comma ("Bộ Văn hóa, Thể thao và Du lịch", "Cà phê - Ca cao").
const NAME_SEP = (sep: string): boolean => sep === '-' || sep === ',';

/** "tỉnh Hà Giang", "xã Lũng Cú": an administrative word followed by a capitalized name ("xã hội" is not). */
function adminBeforeName(T: readonly Token[], r: number): boolean {
  const n = longest(T, r, ADMIN);
  return n > 0 && T[r + n]?.cap === true && !hardBreakBefore(T, r + n);
}

function longest<V>(T: readonly Token[], i: number, pm: PhraseMap<V>): number {
  return longestAt(pm.index, T, i, undefined, NAME_SEP).n;
}

interface Ctx {
  section: Section;
  isPerson: (i: number) => boolean;
  isPlaceStart: (i: number) => boolean;
  isPlaceEnd: (i: number) => boolean;
  /** End (exclusive) of the place starting at token i, if one does. */
  placeEndAt: (i: number) => number | undefined;
}
/** Lowercase words after which a Vietnamese name does not go on. */
const VI_LINK_STOPS = new Set(['tại', 'của', 'cho', 'ở', 'với', 'từ', 'trong', 'trên', 'về'].map(phraseKey));
const VA = syllableKey('và');
const TAI = syllableKey('tại');
const HOI = syllableKey('hội');
const ARTICLES = new Set(['le', 'la', 'les', 'the', 'un', 'une', 'a', 'an'].map(phraseKey));
/** French heads conventionally written lowercase; other French heads must be capitalized. */
const FR_LOWER_HEADS = new Set(['ministère', 'ambassade', 'comité populaire', 'groupe', 'hôpital', 'université'].map(phraseKey));
const LEADING_ELISION = /^[ldLD]['’]/u;

/**
 * A parenthesized abbreviation or short name right after token e-1: "(VFF)", "(Vietnam Airlines)".
 * Returns it and the index after ")".
 */
function parenAbbreviation(section: Section, e: number, placeEndAt: (i: number) => number | undefined): { abbr: string; next: number } | null {
  const T = section.tokens;
  const t = T[e];
  if (!t || !t.sep.endsWith('(')) return null;
  let k = e + 1;
  while (k < T.length && k - e < MAX_SHORT_NAME && T[k]?.cap && !hardBreakBefore(T, k)) k++;
  // "(Mỹ)", "(Nhật Bản)": a place in parentheses says where; it is no short name.
  if (placeEndAt(e) === k) return null;
  // "(Bộ Công Thương)": another body, the one this belongs to.
  if (longest(T, e, VI_HEADS) > 0) return null;
  const after = T[k];
  if (after && !after.sep.startsWith(')')) return null;
  if (k === e + 1 ? !(ABBR_RE.test(t.text) || t.cap) : !T.slice(e, k).every((x) => x.cap)) return null;
  return { abbr: spanText(section, e, k), next: k };
}
const MAX_SHORT_NAME = 3;

/** End (exclusive) of a Vietnamese name that starts with a head of `h` tokens at `i`. */
function extendVietnamese(ctx: Ctx, i: number, h: number): number {
  const T = ctx.section.tokens;
  const mission = MISSION.has(keyOf(T, i, h) ?? '');
  let j = i + h;
  while (j < T.length && j - i < MAX_ORG_TOKENS) {
    const t = T[j];
    if (!t || ctx.isPerson(j)) break;
    if (hardBreakBefore(T, j)) {
      // "Hiệp hội Cà phê - Ca cao Việt Nam" goes on across a dash; "Cục X - Bộ Y" is two bodies.
      const dash = DASH.test(t.sep) && t.cap && longest(T, j, VI_HEADS) === 0 && longest(T, j, KNOWN) === 0;
      // "Sở Văn hóa, Thể thao và Du lịch": a comma inside a listed name.
      const list = t.sep === ',' && t.cap && listContinues(T, j) && longest(T, j, VI_HEADS) === 0;
      if (!dash && !list) break;
    }
    if (VI_ORG_STOP.has(t.key) || ROMAN.test(t.text)) break;
    // A place inside the name is taken whole ("Viện Lúa Đồng bằng sông Cửu Long").
    const placeEnd = ctx.placeEndAt(j);
    if (t.cap && placeEnd !== undefined) {
      j = placeEnd;
      continue;
    }
    if (t.cap) {
      // A title opens a person's role, not more of this name ("... Hà Giang Giám đốc ...").
      if (titleLengthAt(T, j) > 0 && !t.upper && j > i + h) break;
      j++;
      continue;
    }
    if (roleBreakAt(T, j)) break;
    if (mission && t.key === TAI && ctx.isPlaceStart(j + 1)) {
      j++;
      continue;
    }
    // After a place name the body's name is complete: "UBND tỉnh Đắk Lắk tổ chức ...".
    if (ctx.isPlaceEnd(j - 1) && t.key !== VA) break;
    // "Đại học Quốc gia Hà Nội và Tập đoàn FPT": "và" before another head joins two bodies.
    if (t.key === VA && (longest(T, j + 1, VI_HEADS) > 0 || longest(T, j + 1, KNOWN) > 0 || ctx.isPlaceEnd(j - 1))) break;
    // "Tập đoàn SCG và Central Group": a foreign name after "và" is another body.
    if (t.key === VA && (T[j - 1]?.upper || (T[j - 1]?.cap && T[j + 1]?.cap && T[j - 1]?.key === T[j - 1]?.ascii && T[j + 1]?.key === T[j + 1]?.ascii))) break;
    const admin = longest(T, j, ADMIN);
    if (admin > 0 && T[j + admin]?.cap && !hardBreakBefore(T, j + admin)) {
      j += admin;
      continue;
    }
    const lower = longest(T, j, VI_LOWER);
    if (lower > 0 && (t.key !== VA || (T[j + 1]?.cap && !hardBreakBefore(T, j + 1)))) {
      j += lower;
      continue;
    }
    if (mission && t.key === TAI && ctx.isPlaceStart(j + 1)) {
      j++;
      continue;
    }
    if (VI_LINK_STOPS.has(t.key)) break;
    // Lowercase syllables finishing a capitalized word ("Ngoại giao", "Thông tin đối ngoại"):
    // a short run that ends at punctuation or runs into more of the name belongs to it.
    let r = j;
    while (r < T.length && !T[r]?.cap && !hardBreakBefore(T, r) && !roleBreakAt(T, r) && r - j <= MAX_LONG_LOWER_RUN && (r === j || (T[r]?.key !== VA && !adminBeforeName(T, r)))) r++;
    const runLen = r - j;
    const adminNext = longest(T, r, ADMIN);
    const endsWell =
      r >= T.length || hardBreakBefore(T, r) || roleBreakAt(T, r) || T[r]?.key === VA || (T[r]?.cap && !ctx.isPerson(r)) || (adminNext > 0 && T[r + adminNext]?.cap === true);
    // Lowercase syllables complete a single capitalized syllable ("Y tế", "Ngoại giao"), never a
    // multi-word proper name ("Bệnh viện Chợ Rẫy ghép ...").
    const singleCap = T[j - 1]?.cap === true && (j - 2 < i + h || !T[j - 2]?.cap || T[j - 2]?.upper === true);
    // A longer lowercase stretch is accepted when it closes with "quốc gia", "trung ương"...
    const closesName = runLen > MAX_LOWER_RUN && runLen <= MAX_LONG_LOWER_RUN && [1, 2].some((n) => VI_LOWER.map.has(keyOf(T, r - n, n) ?? ''));
    if ((runLen <= MAX_LOWER_RUN || closesName) && endsWell) j = r;
    else if (singleCap) j++;
    else break;
    if (!endsWell) break;
  }
  while (j > i + h && (T[j - 1]?.key === VA || (!T[j - 1]?.cap && longest(T, j - 1, ADMIN) === 1 && !T[j]?.cap))) j--;
  // "Ban Dân tộc HĐND tỉnh": an abbreviated council keeps its level word.
  const level = longest(T, j, ADMIN);
  if (level > 0 && T[j - 1]?.upper && HEAD_ABBREVIATIONS[T[j - 1]?.text ?? ''] && !T[j + level]?.cap && j > i + 1) j += level;
  return j;
}

/** Organisation mentions in one section. */
export function findOrganisations(
  section: Section,
  isPerson: (i: number) => boolean,
  isPlaceStart: (i: number) => boolean,
  isPlaceEnd: (i: number) => boolean,
  placeEndAt: (i: number) => number | undefined,
  language: string,
  /** Abbreviation → id from "Name (ABBR)" in earlier sections; this call adds to it. */
  defined: Map<string, string>,
): OrgMention[] {
  const T = section.tokens;
  const ctx: Ctx = { section, isPerson, isPlaceStart, isPlaceEnd, placeEndAt };
  const out: OrgMention[] = [];
  for (let i = 0; i < T.length; ) {
    const t = T[i];
    const lowerFrenchHead = language === 'fr' && FR_LOWER_HEADS.has(keyOf(T, i, 1) ?? '') || (language === 'fr' && FR_LOWER_HEADS.has(keyOf(T, i, 2) ?? ''));
    if (!t || isPerson(i) || ARTICLES.has(t.key) || (!t.cap && !lowerFrenchHead)) {
      i++;
      continue;
    }
    const m = matchAt(ctx, i, language);
    if (!m) {
      i++;
      continue;
    }
    let { end } = m;
    let abbreviation = m.abbreviation;
    const paren = parenAbbreviation(section, end, placeEndAt);
    if (paren) {
      abbreviation = paren.abbr;
      end = paren.next;
    }
    const name = (m.name ?? spanText(section, i, m.end)).replace(LEADING_ELISION, '');
    // "Công an Hà Nội" and "Công an thành phố Hà Nội" are one body.
    const keys = m.name === null ? T.slice(i, m.end).map((x) => x.key) : phraseKey(name).split(' ');
    const id = m.id ?? `name:${keys.filter((w) => !ADMIN_WORD_KEYS.has(w)).join(' ')}`;
    if (paren) defined.set(paren.abbr, id);
    // "Hanoi Department of Finance", "Hanoi Party Committee": named after its province or city.
    const territorial = m.id === null && (isTerritorial(T, i, end) || (language !== 'vi' && isPlaceStart(i) && T.slice(i, end).some((x) => EN_TERRITORIAL.has(x.key))));
    out.push({ start: i, end, name, abbreviation, id, territorial });
    i = end;
  }
  // Standalone abbreviations defined earlier in the story or known ("VFF", "TTXVN", "WHO").
  for (let i = 0; i < T.length; i++) {
    const t = T[i];
    if (!t || !t.upper || isPerson(i) || out.some((o) => i >= o.start && i < o.end)) continue;
    // "ASEAN Cup", "ASEAN Championship": the abbreviation names an event here.
    const nx = T[i + 1];
    if (nx && nx.cap && !hardBreakBefore(T, i + 1) && !isPerson(i + 1)) continue;
    const id = defined.get(t.text);
    const known = KNOWN_ABBR.get(t.text);
    if (id) out.push({ start: i, end: i + 1, name: t.text, abbreviation: t.text, id, territorial: false });
    else if (known) out.push({ start: i, end: i + 1, name: CANONICAL.get(known.id) ?? known.name, abbreviation: t.text, id: known.id, territorial: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

function matchAt(ctx: Ctx, i: number, language: string): { end: number; name: string | null; abbreviation: string | null; id: string | null } | null {
  const T = ctx.section.tokens;
  const known = longest(T, i, KNOWN);
  let knownHit: { end: number; name: string | null; abbreviation: string | null; id: string | null } | null = null;
  if (known > 0) {
    const k = KNOWN.map.get(keyOf(T, i, known) ?? '');
    // A one-word brand running into more capitalized words is part of a longer name ("Jeonbuk Hyundai Motors").
    const partOfLonger = known === 1 && ((T[i + 1]?.cap && !hardBreakBefore(T, i + 1) && !ctx.isPerson(i + 1)) || (i > 0 && T[i - 1]?.cap && !T[i - 1]?.sentenceStart && !hardBreakBefore(T, i)));
    if (k && !partOfLonger && !(known === 1 && T[i]?.upper && !isKnownAbbrForm(k))) {
      knownHit = { end: i + known, name: null, abbreviation: k.abbreviation, id: k.id };
      // "Chính phủ Indonesia", "Quốc hội Lào": a national body of another country.
      if (ctx.isPlaceStart(i + known) && !hardBreakBefore(T, i + known) && !ctx.isPerson(i + known)) {
        let e = i + known + 1;
        while (e < T.length && !ctx.isPlaceEnd(e - 1)) e++;
        knownHit = { end: e, name: null, abbreviation: null, id: null };
      }
    }
  }
  const other = matchOther(ctx, i, language);
  // A known name followed by lowercase words is complete: "Bộ Nông nghiệp và Môi trường sớm ...".
  const extendsByLowercaseOnly = knownHit && other && T.slice(knownHit.end, other.end).every((x) => !x.cap);
  if (knownHit && (!other || other.end <= knownHit.end || extendsByLowercaseOnly)) return knownHit;
  // "Assemblée nationale du Vietnam", "National Assembly of Vietnam": the known body, named in full.
  const ownCountry = knownHit && other && ctx.isPlaceEnd(other.end - 1) && T.slice(knownHit.end, other.end).filter((x) => x.cap).length <= 2;
  if (knownHit?.id && other && ownCountry) {
    return { ...knownHit, end: other.end };
  }
  return other;
}

function matchOther(ctx: Ctx, i: number, language: string): { end: number; name: string | null; abbreviation: string | null; id: string | null } | null {
  const T = ctx.section.tokens;
  const t = T[i];
  if (!t) return null;
  // "UBND tỉnh Hà Giang": an abbreviated head, expanded in the name, the written form kept as abbreviation.
  const expansion = HEAD_ABBREVIATIONS[t.text];
  if (expansion) {
    const end = extendVietnamese(ctx, i, 1);
    if (end === i + 1 || !hasProperPart(T, i + 1, end)) return null;
    const written = spanText(ctx.section, i, end);
    return { end, name: expansion + written.slice(t.text.length), abbreviation: written, id: `name:${phraseKey(expansion + written.slice(t.text.length))}` };
  }
  if (language === 'fr') {
    const fr = matchFrench(ctx, i);
    if (fr) return fr;
  }
  if (language === 'en' || t.key === t.ascii) {
    const en = matchEnglish(ctx, i);
    if (en) return en;
  }
  const h = longest(T, i, VI_HEADS);
  if (h === 0 || ctx.isPlaceStart(i)) return null;
  const nextTok = T[i + h];
  if (!nextTok || (hardBreakBefore(T, i + h) && !hasProperPart(T, i + 1, i + h))) return null;
  const two = keyOf(T, i, h + 1);
  if (two && NOT_ORG.has(two)) return null;
  const opensWithName = nextTok.cap || longest(T, i + h, ADMIN) > 0 || longest(T, i + h, VI_LOWER) > 0 || hasProperPart(T, i + 1, i + h);
  if (!opensWithName || ctx.isPerson(i + h) || (nextTok.cap && ctx.isPlaceStart(i + h) && h === 1 && t.key === HOI)) return null;
  const end = extendVietnamese(ctx, i, h);
  // A head may itself be a whole name ("Ban Tổ chức"): something capitalized after its first word.
  if (end <= i + 1 || !hasProperPart(T, i + 1, end)) return null;
  return { end, name: null, abbreviation: null, id: null };
}

function isKnownAbbrForm(k: Known): boolean {
  return k.tokens === 1;
}

/** Something after the head says which body: a capitalized word beyond administrative links. */
function hasProperPart(T: readonly Token[], from: number, end: number): boolean {
  for (let j = from; j < end; j++) if (T[j]?.cap) return true;
  return false;
}

/** English: a capitalized stretch with a head noun ("Ministry of Foreign Affairs", "Vietnam Football Federation"). */
function matchEnglish(ctx: Ctx, i: number): { end: number; name: null; abbreviation: null; id: null } | null {
  const T = ctx.section.tokens;
  let j = i;
  let hasHead = false;
  let lastGood = i;
  // "General Department of ...": a title word directly before an organisation head names the body.
  if (T[i]?.key === 'the' || (titleLengthAt(T, i) > 0 && !EN_HEADS.has(T[i + titleLengthAt(T, i)]?.key ?? ''))) return null;
  while (j < T.length && j - i < MAX_ORG_TOKENS) {
    const t = T[j];
    if (!t || ctx.isPerson(j) || (j > i && hardBreakBefore(T, j) && !(ctx.section.latin && hasHead && t.sep === ',' && t.cap && listContinues(T, j)))) break;
    // "Vietnam's Ministry of Finance": a place as owner is not part of the name ("Women's Union" is).
    if (t.possessive && ctx.isPlaceEnd(j)) return null;
    if (t.cap) {
      // A title opens a role ("... Committee Chairman X"), unless it is the object of "of"
      // ("Ministry of Justice", "Office of the President").
      const afterConnector = EN_CONNECT.has(T[j - 1]?.key ?? '') || T[j - 1]?.key === 'the';
      if (j > i && titleLengthAt(T, j) > 0 && !EN_HEADS.has(t.key) && !afterConnector) break;
      if (EN_HEADS.has(t.key)) hasHead = true;
      j++;
      lastGood = j;
      continue;
    }
    // "Ministry of Culture, Sports and Tourism": a comma inside a listed name.
    if (ctx.section.latin && hasHead && t.cap && j > i && T[j]?.sep === ',' && listContinues(T, j)) {
      j++;
      lastGood = j;
      continue;
    }
    // "People's Committee and the Department of ...": "and" after a head joins two bodies.
    if ((t.key === 'and' || t.key === '&') && EN_HEADS.has(T[j - 1]?.key ?? '')) break;
    if ((EN_CONNECT.has(t.key) || EN_LOWER_INSIDE.has(t.key)) && T[j + 1]?.cap && !hardBreakBefore(T, j + 1)) {
      j++;
      continue;
    }
    // "Vietnamese Embassy in France": a mission names its host country.
    if (t.key === 'in' && hasHead && EN_MISSION.has(T[j - 1]?.key ?? '') && ctx.isPlaceStart(j + 1)) {
      j++;
      continue;
    }
    if (t.key === 'of' && T[j + 1]?.key === 'the' && T[j + 2]?.cap) {
      j += 2;
      continue;
    }
    break;
  }
  if (!hasHead) return null;
  // Trailing lowercase "province"/"city" qualifies a People's Committee: "... of Ha Giang province".
  let end = lastGood;
  if ((T[end]?.key === 'province' || T[end]?.key === 'city') && !hardBreakBefore(T, end)) end++;
  const generic = T.slice(i, lastGood).every((t) => EN_GEN.has(t.key) || EN_CONNECT.has(t.key) || EN_LOWER_INSIDE.has(t.key));
  if (generic) return null;
  return { end, name: null, abbreviation: null, id: null };
}

/** French: a head then connectors, capitalized words and known lowercase words ("ministère des Affaires étrangères"). */
function matchFrench(ctx: Ctx, i: number): { end: number; name: null; abbreviation: null; id: null } | null {
  const T = ctx.section.tokens;
  const h = longest(T, i, FR_HEADS);
  if (h === 0) return null;
  if (!T[i]?.cap && !FR_LOWER_HEADS.has(keyOf(T, i, h) ?? '')) return null;
  let j = i + h;
  let lastGood = j;
  while (j < T.length && j - i < MAX_ORG_TOKENS) {
    const t = T[j];
    if (!t || ctx.isPerson(j) || hardBreakBefore(T, j) || roleBreakAt(T, j)) break;
    if (t.cap || FR_LOWER.has(t.key) || (j > i + h && FR_ADJECTIVE.test(t.text))) {
      j++;
      lastGood = j;
      continue;
    }
    if (FR_CONNECT.has(t.key)) {
      // "le ministère ... et l'Agence ...": "et" before another head joins two bodies.
      if (t.key === 'et' && (longest(T, j + 1, FR_HEADS) > 0 || longest(T, j + 1, KNOWN) > 0 || !(FR_CONNECT.has(T[j + 1]?.key ?? '') || /^d['’]/u.test(T[j + 1]?.text ?? '')))) break;
      j++;
      // One lowercase noun after a connector: "Centre national de prévision ...".
      const n = T[j];
      if (n && !n.cap && !FR_CONNECT.has(n.key) && !hardBreakBefore(T, j) && !roleBreakAt(T, j) && FR_NOUN_OK.test(n.text)) {
        j++;
        lastGood = j;
      }
      continue;
    }
    break;
  }
  if (lastGood === i + h) return null;
  if (!T.slice(i + h, lastGood).some((t) => t.cap || FR_LOWER.has(t.key))) return null;
  return { end: lastGood, name: null, abbreviation: null, id: null };
}

/** One key is the other's leading words, and both name more than a bare head. */
function isWordPrefix(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.split(' ').length >= 3 && long.startsWith(`${short} `);
}

const OWN_COUNTRY_SUFFIX = / (?:viêt5 nam|vietnam|viet nam)$/u;

/** One Organisation per body, in order of first mention; a known body keeps its first written form. */
export function mergeOrganisations(mentions: readonly OrgMention[]): Organisation[] {
  const byId = new Map<string, Organisation>();
  const byAbbr = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const m of mentions) {
    // "Vietnam Airlines" in the headline, "Tổng công ty Hàng không Việt Nam (Vietnam Airlines)"
    // in the lead: the full name takes over the short one.
    const shortId = m.abbreviation && m.abbreviation !== m.name ? byName.get(m.abbreviation) : undefined;
    const short = shortId ? byId.get(shortId) : undefined;
    if (shortId && short) {
      short.name = m.name;
      short.abbreviation = m.abbreviation;
      byAbbr.set(m.abbreviation ?? '', shortId);
      byName.set(m.name, shortId);
      continue;
    }
    const viaAbbr = byAbbr.get(m.name);
    // "Bộ Tài chính Việt Nam" is the "Bộ Tài chính" named earlier; "Sở Du lịch" the
    // "Sở Du lịch Khánh Hòa" (one name is the other's word-for-word start).
    const bare = m.id.replace(OWN_COUNTRY_SUFFIX, '');
    const prefixOf = [...byId.keys()].find((k) => k.startsWith('name:') && m.id.startsWith('name:') && isWordPrefix(k, m.id));
    const viaBare = bare !== m.id && byId.has(bare);
    const id = viaAbbr ?? (viaBare ? bare : (prefixOf ?? m.id));
    const had = byId.get(id);
    if (had) {
      had.abbreviation ??= m.abbreviation;
      // Keep the fullest written name ("Yonhap News Agency" over "Yonhap"), but not the one
      // that only adds our own country.
      const fuller = m.name.length > had.name.length && m.name !== m.abbreviation;
      const sameId = id === m.id;
      if (fuller && !viaAbbr && !viaBare && (id === prefixOf || !id.startsWith('name:') || sameId)) had.name = m.name;
      continue;
    }
    byId.set(id, { name: m.name, abbreviation: m.abbreviation });
    byName.set(m.name, id);
    if (m.abbreviation) byAbbr.set(m.abbreviation, id);
  }
  return [...byId.values()];
}
