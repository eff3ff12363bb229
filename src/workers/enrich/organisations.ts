/**
 * Organisations: well-known bodies by name or abbreviation, and names built on a head word
 * ("Sở Thông tin và Truyền thông Hà Giang", "UBND tỉnh Hà Giang", "Ministry of Foreign Affairs",
 * "ministère des Affaires étrangères"), stopping before a person's name or a verb. A parenthesized
 * abbreviation after a name is linked to it, and later uses of the abbreviation join it.
 */
import { phraseKey, syllableKey } from './fold.js';
import { flagSet, tokenIn } from './word-flags.js';
import { HEAD_ABBREVIATIONS } from './org-lexicon.js';
import { acronymNamedAt, brandAt, type BrandContext } from './org-brands.js';
import { type Section, type Span, hardBreakBefore, spanText } from './spans.js';
import type { Token } from './tokenize.js';
import { type OrgMention, type Known, KNOWN, CANONICAL, KNOWN_ABBR, VI_HEADS, VI_LOWER, ADMIN, NOT_ORG, NUMBERED_HEADS, DIGIT, keyOf, longest, type Ctx, ARTICLES, FR_LOWER_HEADS, LEADING_ELISION, MAX_SHORT_NAME, knownBrandAt, hasProperPart } from './org-tables.js';
import { fieldStretch, extendVietnamese } from './org-vietnamese.js';
import { matchEnglish, matchFrench } from './org-latin.js';

export { mergeOrganisations } from './org-merge.js';
export type { OrgMention } from './org-tables.js';

/** Heads of bodies whose name carries their territory. */
const TERRITORIAL = new Set(['ubnd', 'hđnd', 'sở', 'tỉnh', 'thành', 'huyện', "people's", 'provincial', 'municipal', 'comité'].map(phraseKey));
const ADMIN_WORD_KEYS = new Set(['tỉnh', 'thành', 'phố', 'tp', 'huyện', 'quận', 'province', 'provincial', 'city', 'municipal'].map(phraseKey));
const ADMIN_WORDS = new Set(['tỉnh', 'thành phố', 'tp', 'huyện', 'quận', 'xã', 'phường', 'thị xã', 'province', 'provincial', 'city', 'municipal', 'district', 'commune'].map(phraseKey));

function isTerritorial(T: readonly Token[], start: number, end: number): boolean {
  if (TERRITORIAL.has(T[start]?.key ?? '')) return true;
  // The head's own words do not count: "Hợp tác xã" is a cooperative, not a commune.
  for (let j = start + longest(T, start, VI_HEADS); j < end; j++) if (ADMIN_WORDS.has(T[j]?.key ?? '') || (j + 1 < end && ADMIN_WORDS.has(`${T[j]?.key} ${T[j + 1]?.key}`))) return true;
  return false;
}
/** Heads that name one body on their own, without more words after them. */
const BARE_NAMES = new Set(['Ban Tổ chức', 'Ban Chấp hành', 'Ban Thường vụ', 'Ban Bí thư', 'Ban Tuyên giáo', 'Ban Dân vận', 'Ban Kinh tế', 'Ban Nội chính', 'Ban Đối ngoại', 'Trung ương Đoàn', 'Bộ đội Biên phòng', 'Cảnh sát biển', 'Bảo hiểm xã hội', 'Đoàn Thanh niên', 'Tổng Liên đoàn', 'Hội Liên hiệp'].map(phraseKey));
/** English heads of local authorities: "Hanoi Department of Finance", "Hanoi Party Committee". */
const EN_TERRITORIAL = new Set(['department', 'committee', 'police', 'council', 'service'].map(phraseKey));
const ABBR_RE = /^[\p{Lu}Đ][\p{Lu}Đ0-9&]{1,9}$/u;
const HOI = syllableKey('hội');
const LIST_CONJUNCTIONS = new Set(['et', 'and', 'và'].map(phraseKey));
/** Capitalized at a sentence start, these words open no name: "Its Department of ...", "Selon l'Association ...". */
const NOT_NAME_START = new Set(
  [
    'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'for', 'from', 'with', 'by',
    'after', 'before', 'during', 'under', 'according', 'as', 'but', 'and', 'if', 'when', 'while', 'meanwhile', 'selon',
    'pour', 'dans', 'avec', 'chez', 'après', 'avant', 'depuis', 'lors', 'par', 'sur', 'sous', 'contre', 'entre', 'malgré',
    'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cette', 'ces', 'mais', 'et', 'ou', 'quand', 'si', 'des', 'du', 'de',
  ].map(phraseKey),
);
/** Words that open no name, asked of every token. */
const NO_NAME_START = flagSet([...ARTICLES, ...NOT_NAME_START]);
const POSSESSIVE_END = /['’]s$/u;
const FR_OF = new Set(['de', 'du', 'des'].map(syllableKey));

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

/**
 * True when token i is inside one of `spans`. A function rather than a closure over i: a closure
 * in the loop body would give every pass of the loop its own scope object for i, allocated for
 * every token.
 */
function insideAny(spans: readonly Span[], i: number): boolean {
  for (const s of spans) if (i >= s.start && i < s.end) return true;
  return false;
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
  const brands: BrandContext = { section, isPerson, placeEndAt, isKnownBrand: (k) => knownBrandAt(T, k) };
  const out: OrgMention[] = [];
  for (let i = 0; i < T.length; ) {
    const t = T[i];
    const lowerFrenchHead = language === 'fr' && FR_LOWER_HEADS.has(keyOf(T, i, 1) ?? '') || (language === 'fr' && FR_LOWER_HEADS.has(keyOf(T, i, 2) ?? ''));
    if (!t || isPerson(i) || tokenIn(NO_NAME_START, t) || (!t.cap && !lowerFrenchHead)) {
      i++;
      continue;
    }
    const headed = matchAt(ctx, i, language);
    // Only where no head word or known name starts: a brand or a name spelled by its acronym.
    const brandEnd = headed === null && t.cap ? ((isPlaceStart(i) ? null : brandAt(brands, i)) ?? acronymNamedAt(brands, i)) : null;
    const brandHit = brandEnd === null ? null : { end: brandEnd, name: null, abbreviation: null, id: null };
    const m = headed ?? brandHit;
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
    // "Amkor's general director": the owner's name without its possessive ending.
    const name = (m.name ?? spanText(section, i, m.end)).replace(LEADING_ELISION, '').replace(POSSESSIVE_END, '');
    // "Công an Hà Nội" and "Công an thành phố Hà Nội" are one body.
    const keys = m.name === null ? T.slice(i, m.end).map((x) => x.key.replace(POSSESSIVE_END, '')) : nameKeys(T, i, m.end);
    const id = m.id ?? `name:${keys.filter((w) => !ADMIN_WORD_KEYS.has(w)).join(' ')}`;
    if (paren) defined.set(paren.abbr, id);
    // "Hanoi Department of Finance", "Hanoi Party Committee": named after its province or city.
    // A company or club is never a local authority ("CLB Becamex TP Hồ Chí Minh").
    const company = m === brandHit || COMPANY_HEAD_KEYS.has(keyOf(T, i, longest(T, i, VI_HEADS)) ?? '') || HEAD_EXPANSIONS.get(t.text) === 'Câu lạc bộ';
    const territorial = m.id === null && !company && (isTerritorial(T, i, end) || (language !== 'vi' && isPlaceStart(i) && T.slice(i, end).some((x) => EN_TERRITORIAL.has(x.key))));
    out.push({ start: i, end, name, abbreviation, id, key: keys.join(' '), territorial, national: namesNationalParent(T, end) });
    i = end;
  }
  // Standalone abbreviations defined earlier in the story or known ("VFF", "TTXVN", "WHO").
  for (let i = 0; i < T.length; i++) {
    const t = T[i];
    if (!t || !t.upper || isPerson(i) || insideAny(out, i)) continue;
    // "ASEAN Cup", "ASEAN Championship": the abbreviation names an event here.
    const nx = T[i + 1];
    if (nx && nx.cap && !hardBreakBefore(T, i + 1) && !isPerson(i + 1)) continue;
    const id = defined.get(t.text);
    const known = KNOWN_ABBR.get(t.text);
    if (id) out.push({ start: i, end: i + 1, name: t.text, abbreviation: t.text, id, key: t.key, territorial: false });
    else if (known) out.push({ start: i, end: i + 1, name: CANONICAL.get(known.id) ?? known.name, abbreviation: t.text, id: known.id, key: known.key, territorial: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Ministry-level parents: "(Bộ Tài chính)", "thuộc Bộ Công an", "(Ministry of Finance)". */
const NATIONAL_PARENTS = new Set(['bộ', 'chính phủ', 'ministry', 'ministère'].map(phraseKey));
const UNDER = new Set(['thuộc', 'trực thuộc', 'under'].map(phraseKey));

/** True when the words at token e name a ministry as the parent of the body that ends before e. */
function namesNationalParent(T: readonly Token[], e: number): boolean {
  const t = T[e];
  if (!t) return false;
  if (t.sep.endsWith('(')) return NATIONAL_PARENTS.has(t.key) || NATIONAL_PARENTS.has(`${t.key} ${T[e + 1]?.key ?? ''}`);
  const u = UNDER.has(t.key) ? 1 : UNDER.has(`${t.key} ${T[e + 1]?.key ?? ''}`) ? 2 : 0;
  return u > 0 && !hardBreakBefore(T, e) && NATIONAL_PARENTS.has(T[e + u]?.key ?? '') && T[e + u]?.cap === true;
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
  // "l'Union européenne et le Vietnam" lists two parties: a conjunction never leads to the owner.
  const between = knownHit && other ? T.slice(knownHit.end, other.end) : [];
  const ownCountry = knownHit && other && ctx.isPlaceEnd(other.end - 1) && between.filter((x) => x.cap).length <= 2 && !between.some((x) => LIST_CONJUNCTIONS.has(x.key));
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
  const expansion = HEAD_EXPANSIONS.get(t.text);
  if (expansion) {
    const end = extendVietnamese(ctx, i, 1);
    if (end === i + 1 || !hasProperPart(T, i + 1, end)) return null;
    const written = spanText(ctx.section, i, end);
    return { end, name: expansion + written.slice(t.text.length), abbreviation: written, id: `name:${nameKeys(T, i, end).join(' ')}` };
  }
  if (language === 'fr') {
    const fr = matchFrench(ctx, i);
    if (fr) return fr;
    // "SAMU de Paris", "CHU de Nantes": an acronym named after its city.
    if (t.upper && !KNOWN_ABBR.has(t.text) && FR_OF.has(T[i + 1]?.key ?? '') && !hardBreakBefore(T, i + 1) && !hardBreakBefore(T, i + 2)) {
      const placeEnd = ctx.placeEndAt(i + 2);
      if (placeEnd !== undefined) return { end: placeEnd, name: null, abbreviation: null, id: null };
    }
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
  // "Quân khu 2", "Sư đoàn 312": a unit named by its number alone.
  const numbered = NUMBERED_HEADS.has(keyOf(T, i, h) ?? '') && DIGIT.test(nextTok.text) && !hardBreakBefore(T, i + h) && !nextTok.text.includes('-');
  if (numbered) return { end: extendVietnamese(ctx, i, h), name: null, abbreviation: null, id: null };
  const opensWithName =
    nextTok.cap || longest(T, i + h, ADMIN) > 0 || longest(T, i + h, VI_LOWER) > 0 || hasProperPart(T, i + 1, i + h) || fieldStretch(ctx, i + h, true, false) > i + h;
  if (!opensWithName || ctx.isPerson(i + h) || (nextTok.cap && ctx.isPlaceStart(i + h) && h === 1 && t.key === HOI)) return null;
  const end = extendVietnamese(ctx, i, h);
  // A head may itself be a whole name ("Ban Tổ chức"): something capitalized after its first word.
  if (end <= i + 1 || !hasProperPart(T, i + 1, end)) return null;
  // Other bare heads are back-references ("Tổng Lãnh sự quán sẵn sàng ...", "Ban Quản lý cho biết").
  if (end === i + h && !BARE_NAMES.has(keyOf(T, i, h) ?? '')) return null;
  return { end, name: null, abbreviation: null, id: null };
}

/** Keys of the name over tokens [i, end), an abbreviated head ("UBND") expanded ("ủy ban nhân dân"). */
function nameKeys(T: readonly Token[], i: number, end: number): string[] {
  const keys: string[] = [];
  for (let k = i; k < end; k++) {
    const t = T[k];
    if (!t) continue;
    const expanded = k === i ? EXPANSION_KEYS.get(t.text) : undefined;
    if (expanded) keys.push(...expanded);
    else keys.push(t.key);
  }
  return keys;
}
/** HEAD_ABBREVIATIONS as a map: looked up for nearly every capitalized token. */
const HEAD_EXPANSIONS: ReadonlyMap<string, string> = new Map(Object.entries(HEAD_ABBREVIATIONS));
const EXPANSION_KEYS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(HEAD_ABBREVIATIONS).map(([abbr, full]) => [abbr, phraseKey(full).split(' ')] as const));

function isKnownAbbrForm(k: Known): boolean {
  return k.tokens === 1;
}

const COMPANY_HEAD_KEYS = new Set(['Câu lạc bộ', 'Công ty', 'Công ty Cổ phần', 'Công ty cổ phần', 'Công ty TNHH', 'Công ty TNHH MTV', 'Tập đoàn', 'Tổng công ty', 'Hãng', 'Liên doanh'].map(phraseKey));
