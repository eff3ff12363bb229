/**
 * Organisations: well-known bodies by name or abbreviation, and names built on a head word
 * ("Sở Thông tin và Truyền thông Hà Giang", "UBND tỉnh Hà Giang", "Ministry of Foreign Affairs",
 * "ministère des Affaires étrangères"), stopping before a person's name or a verb. A parenthesized
 * abbreviation after a name is linked to it, and later uses of the abbreviation join it.
 */
import type { Organisation } from '../../shared/article.js';
import { isVietSyllable, phraseKey, syllableKey } from './fold.js';
import {
  EN_GENERIC, EN_ORG_HEADS, FR_CONNECTORS, FR_ORG_HEADS, FR_ORG_LOWER, HEAD_ABBREVIATIONS, KNOWN_ORGS,
  MISSION_HEADS, VI_ABOUT_HEADS, VI_ADMIN_LINKS, VI_BRANCH_HEADS, VI_NAME_NOUNS, VI_NAME_VERB_NOUNS, VI_NOT_ORG, VI_ORG_HEADS,
  VI_ORG_LOWER,
} from './org-lexicon.js';
import { acronymNamedAt, brandAt, type BrandContext } from './org-brands.js';
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
  /** The name's key (see fold.ts), abbreviated heads expanded. */
  key: string;
  /** A local authority named after its territory ("UBND tỉnh Hà Giang"): its place counts as mentioned. */
  territorial: boolean;
  /** Named with its national parent ("Cục Hải quan (Bộ Tài chính)"): not a local body's short name. */
  national?: boolean;
}

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
const CANONICAL: ReadonlyMap<string, string> = new Map(KNOWN_ORGS.map(([id, form]) => [id, form] as const).reverse());
const CANONICAL_FORM = CANONICAL;
const KNOWN_ABBR: ReadonlyMap<string, { id: string; name: string; key: string }> = new Map(
  KNOWN_ORGS.filter(([, , a]) => a !== null)
    .map(([id, form, abbr]) => [abbr ?? '', { id, name: form, key: phraseKey(CANONICAL_FORM.get(id) ?? form) }] as const)
    .reverse(),
);

const VI_HEADS = phraseMap(VI_ORG_HEADS.map((h) => [h, true] as const));
const MISSION = new Set(MISSION_HEADS.map(phraseKey));
/** Heads that name one body on their own, without more words after them. */
const BARE_NAMES = new Set(['Ban Tổ chức', 'Ban Chấp hành', 'Ban Thường vụ', 'Ban Bí thư', 'Ban Tuyên giáo', 'Ban Dân vận', 'Ban Kinh tế', 'Ban Nội chính', 'Ban Đối ngoại', 'Trung ương Đoàn', 'Bộ đội Biên phòng', 'Cảnh sát biển', 'Bảo hiểm xã hội', 'Đoàn Thanh niên', 'Tổng Liên đoàn', 'Hội Liên hiệp'].map(phraseKey));
const ABOUT_HEADS = new Set(VI_ABOUT_HEADS.map(phraseKey));
const BRANCH_HEADS = new Set(VI_BRANCH_HEADS.map(phraseKey));
const FIELD_NOUNS = phraseMap([...VI_NAME_NOUNS, ...VI_ORG_LOWER.filter((w) => w !== 'và')].map((h) => [h, true] as const));
const FIELD_VERBS = phraseMap(VI_NAME_VERB_NOUNS.map((h) => [h, true] as const));
const VI_LOWER = phraseMap(VI_ORG_LOWER.map((h) => [h, true] as const));
const ADMIN = phraseMap(VI_ADMIN_LINKS.map((h) => [h, true] as const));
/** Place heads that carry a name on into the place it serves ("Chi cục Hải quan cửa khẩu Móng Cái", "Ban Quản lý vịnh Hạ Long"). */
const FEATURE_LINKS = phraseMap(
  ['cửa khẩu', 'cửa khẩu quốc tế', 'vịnh', 'cảng', 'cảng hàng không', 'sân bay', 'khu kinh tế', 'khu công nghiệp', 'đảo', 'vườn quốc gia', 'khu bảo tồn', 'hồ', 'sông'].map((h) => [h, true] as const),
);
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
const DIGIT = /^\d/u;

const ROMAN = /^[IVXLC]+$/u;
/** Words after which a Vietnamese name is over: a term ("khóa XVII"), a date, a number. */
const VI_ORG_STOP = new Set(['khóa', 'nhiệm kỳ', 'lần', 'năm', 'ngày', 'tháng', 'số'].map(phraseKey));
const MAX_LOWER_RUN = 3;
const MAX_LONG_LOWER_RUN = 6;
/** French adjective endings: "hydrométéorologique", "révolutionnaire", "provincial". */
const FR_ADJECTIVE = /^\p{Ll}[\p{Ll}-]*(?:ique|iques|al|ale|aux|ales|aire|aires|ien|ienne|iens|iennes|ais|aise|el|elle|ien)$/u;
/** A lowercase noun after "de" that still names the body, not a date or quantity. */
const FR_NOUN_OK = /^\p{Ll}[\p{Ll}'’-]{3,}$/u;
const PLURAL_NOUN = /^\p{Ll}{3,}[sx]$/u;

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
const VI_LINK_STOPS = new Set(['tại', 'của', 'cho', 'ở', 'với', 'từ', 'trong', 'trên', 'về', 'thuộc'].map(phraseKey));
const VA = syllableKey('và');
const VE = syllableKey('về');
/** True when "Việt Nam" ends right before token j: a national body whose local chapter may follow. */
function ownCountryBefore(T: readonly Token[], j: number): boolean {
  return T[j - 1]?.key === 'vietnam' || (T[j - 1]?.key === 'nam' && T[j - 2]?.key === VIET);
}
const VIET = syllableKey('Việt');
const CAC = syllableKey('các');
const TAI = syllableKey('tại');
const HOI = syllableKey('hội');
const ARTICLES = new Set(['le', 'la', 'les', 'the', 'un', 'une', 'a', 'an'].map(phraseKey));
/** Capitalized at a sentence start, these words open no name: "Its Department of ...", "Selon l'Association ...". */
const NOT_NAME_START = new Set(
  [
    'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'for', 'from', 'with', 'by',
    'after', 'before', 'during', 'under', 'according', 'as', 'but', 'and', 'if', 'when', 'while', 'meanwhile', 'selon',
    'pour', 'dans', 'avec', 'chez', 'après', 'avant', 'depuis', 'lors', 'par', 'sur', 'sous', 'contre', 'entre', 'malgré',
    'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cette', 'ces', 'mais', 'et', 'ou', 'quand', 'si', 'des', 'du', 'de',
  ].map(phraseKey),
);
/** French heads conventionally written lowercase; other French heads must be capitalized. */
const FR_LOWER_HEADS = new Set(['ministère', 'ambassade', 'comité populaire', 'groupe', 'hôpital', 'université', 'compagnie', 'société'].map(phraseKey));
const LEADING_ELISION = /^[ldLD]['’]/u;
const FR_COMPANY_HEADS = new Set(['groupe', 'compagnie', 'société'].map(phraseKey));
const POUR = syllableKey('pour');
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
const MAX_SHORT_NAME = 3;

const COMMA_SEP = (sep: string): boolean => sep === ',';
const VERB_OPENERS = new Set(['dự án', 'cảnh sát'].map(phraseKey));

/** Tokens of the longest field word at token k ("giao thông", "đầu tư xây dựng"), with whether it is verb-like. */
function fieldAt(T: readonly Token[], k: number, commas: boolean): { n: number; verb: boolean } {
  const allow = commas ? COMMA_SEP : undefined;
  const n = longestAt(FIELD_NOUNS.index, T, k, undefined, allow).n;
  const v = longestAt(FIELD_VERBS.index, T, k, undefined, allow).n;
  return v > n ? { n: v, verb: true } : { n, verb: false };
}

/**
 * A name is clearly over at token k: punctuation, a verb or a level word. A capitalized word does
 * not count: after a verb it is the object ("Quỹ Tiền tệ Quốc tế dự báo GDP ...").
 */
function strongEnd(T: readonly Token[], k: number): boolean {
  const t = T[k];
  if (!t || hardBreakBefore(T, k) || roleBreakAt(T, k)) return true;
  return !t.cap && longest(T, k, ADMIN) > 0;
}

/**
 * End of the lowercase field words of a Vietnamese name from token j ("dự án đầu tư xây dựng
 * công trình giao thông", "bệnh tật", "hỗn hợp"), or j when there are none. Field nouns run on
 * freely; a verb-like field word ("xây dựng", "kiểm tra") stays only when more of the name or a
 * clear end follows it, since right after a name it is usually the predicate ("Bộ Y tế cảnh
 * báo ..."). A level word with no name after it closes the name ("... thành phố").
 * `verbFirst`: the field may open with a verb-like word (after "về" or right after the head).
 */
function fieldStretch(ctx: Ctx, j: number, verbFirst: boolean, commas: boolean): number {
  const T = ctx.section.tokens;
  let k = j;
  let nouns = 0;
  let end = j;
  let safeEnd = j;
  let verbs = false;
  let field = false;
  // A verb-like field word continues the name right after the head, after another one, or after
  // a noun that takes one ("dự án đầu tư xây dựng", "Cảnh sát điều tra").
  let verbOk = verbFirst;
  // The capitalized word before may open a field word that the lowercase ones finish ("Y tế", "Kiểm soát").
  const prev = T[j - 1];
  const commaInside = T[j]?.sep === ',';
  if (prev?.cap && !prev.upper && (!hardBreakBefore(T, j) || commaInside)) {
    const f = fieldAt(T, j - 1, commaInside);
    if (f.n >= 2) {
      k = j - 1 + f.n;
      end = safeEnd = k;
      field = true;
      nouns++;
      verbOk = f.verb || VERB_OPENERS.has(keyOf(T, j - 1, f.n) ?? '');
    }
  }
  while (k < T.length && k - j < MAX_ORG_TOKENS) {
    const t = T[k];
    if (!t || t.cap || ctx.isPerson(k)) break;
    if (k > j && hardBreakBefore(T, k) && !(commas && t.sep === ',' && fieldAt(T, k, true).n > 0)) break;
    if (VI_ORG_STOP.has(t.key)) break;
    // "dự án ... các công trình", "Doanh nghiệp nhỏ và vừa", "Ban Quản lý các khu công nghiệp".
    const joiner = (field && t.key === VA) || (t.key === CAC && (field || (verbFirst && k === j)));
    if (joiner && !T[k + 1]?.cap && fieldAt(T, k + 1, commas).n > 0 && !hardBreakBefore(T, k + 1)) {
      k++;
      verbOk = verbs || (verbFirst && k === j + 1);
      continue;
    }
    const f = fieldAt(T, k, commas);
    if (f.n > 0 && (!f.verb || verbOk)) {
      verbOk = f.verb || VERB_OPENERS.has(keyOf(T, k, f.n) ?? '');
      k += f.n;
      field = true;
      if (f.verb) verbs = true;
      else nouns++;
      end = k;
      if (!verbs) safeEnd = k;
      continue;
    }
    // "Bộ Chỉ huy Quân sự thành phố", "Phòng giao dịch NHCSXH huyện": "of the city".
    const a = longest(T, k, ADMIN);
    if (a > 0 && field && !(T[k + a]?.cap && !hardBreakBefore(T, k + a))) {
      k += a;
      end = k;
      if (!verbs) safeEnd = k;
    }
    break;
  }
  // "Phòng giao dịch NHCSXH": a verb-like field right after the head, then more of the name.
  const intoName = verbFirst && field && T[end]?.cap === true && !hardBreakBefore(T, end) && !ctx.isPerson(end);
  if (nouns === 0 && !intoName) return j;
  // Verb-like words were taken only where a name carries them; still, one that the sentence goes
  // on from in lowercase ("... kiểm tra hàng hóa") is more likely the predicate.
  const goesOn = !strongEnd(T, end) && !(T[end]?.cap && !ctx.isPerson(end));
  return verbs && !intoName && goesOn ? safeEnd : end;
}

const MAX_RUN_INTO_NAME = 2;

/**
 * End of a short lowercase run from token j that leads straight into more capitalized name
 * ("trẻ PVF", "chuyên nghiệp Việt Nam", "miền Bắc"), or j. The capitalized word must not open a
 * person, a title or another body.
 */
function runIntoName(ctx: Ctx, j: number): number {
  const T = ctx.section.tokens;
  let r = j;
  while (r < T.length && r - j < MAX_RUN_INTO_NAME) {
    const t = T[r];
    if (!t || t.cap || hardBreakBefore(T, r) || roleBreakAt(T, r) || VI_LINK_STOPS.has(t.key) || t.key === VA || DIGIT.test(t.text) || longest(T, r, ADMIN) > 0) break;
    r++;
  }
  const next = T[r];
  if (r === j || !next?.cap || hardBreakBefore(T, r) || ctx.isPerson(r) || titleLengthAt(T, r) > 0) return j;
  if (longest(T, r, VI_HEADS) > 0 || longest(T, r, KNOWN) > 0) return j;
  return r;
}

/** End (exclusive) of a Vietnamese name that starts with a head of `h` tokens at `i`. */
function extendVietnamese(ctx: Ctx, i: number, h: number): number {
  const T = ctx.section.tokens;
  const headKey = keyOf(T, i, h) ?? '';
  const mission = MISSION.has(headKey);
  let j = i + h;
  let afterField = false;
  while (j < T.length && j - i < MAX_ORG_TOKENS) {
    const t = T[j];
    if (!t || ctx.isPerson(j)) break;
    if (hardBreakBefore(T, j)) {
      // "Hiệp hội Cà phê - Ca cao Việt Nam" goes on across a dash; "Cục X - Bộ Y" is two bodies.
      // "CLB Thể Công - Viettel": a one-word company after the dash is the sponsor in a club's name.
      const sponsor = knownBrandAt(T, j) && (hardBreakBefore(T, j + 1) || !T[j + 1]?.cap);
      const dash = DASH.test(t.sep) && t.cap && longest(T, j, VI_HEADS) === 0 && (longest(T, j, KNOWN) === 0 || sponsor);
      // "Sở Văn hóa, Thể thao và Du lịch": a comma inside a listed name.
      const list = t.sep === ',' && t.cap && listContinues(T, j) && longest(T, j, VI_HEADS) === 0;
      // "Cục Quản lý Khám, chữa bệnh": a comma inside a field word.
      const inField = t.sep === ',' && !t.cap && T[j - 1]?.cap === true && fieldAt(T, j - 1, true).n >= 2;
      if (!dash && !list && !inField) break;
    }
    // Lowercase field words: "dự án đầu tư xây dựng công trình giao thông", "bệnh tật", "Dân số".
    const field = t.cap ? j : fieldStretch(ctx, j, j === i + h, false);
    if (field > j) {
      j = field;
      afterField = true;
      continue;
    }
    if (VI_ORG_STOP.has(t.key) || ROMAN.test(t.text)) break;
    // "Quân khu 4", "Ban Chỉ đạo quốc gia APEC 2027", "Bệnh viện 108": a number right after the
    // head or a capitalized word is part of the name; anywhere else it is the sentence's.
    if (DIGIT.test(t.text)) {
      const afterWord = T[j - 1]?.cap || (T[j - 2]?.cap && j - 2 >= i + h);
      // "... TP Hồ Chí Minh 2-1": a number after a place or with a dash is the sentence's (a score, a date).
      if (!hardBreakBefore(T, j) && (j === i + h || afterWord) && !ctx.isPlaceEnd(j - 1) && !t.text.includes('-')) {
        j++;
        continue;
      }
      break;
    }
    // A place inside the name is taken whole ("Viện Lúa Đồng bằng sông Cửu Long").
    const placeEnd = ctx.placeEndAt(j);
    if (t.cap && placeEnd !== undefined) {
      j = placeEnd;
      afterField = false;
      continue;
    }
    if (t.cap) {
      // A title opens a person's role, not more of this name ("... Hà Giang Giám đốc ...").
      if (titleLengthAt(T, j) > 0 && !t.upper && j > i + h) break;
      j++;
      afterField = false;
      continue;
    }
    // "Ban Chỉ đạo về phòng, chống tham nhũng", "Ủy ban hỗn hợp về thương mại Việt Nam - Thái Lan".
    if (t.key === VE && ABOUT_HEADS.has(headKey)) {
      const about = fieldStretch(ctx, j + 1, true, true);
      if (about > j + 1) {
        j = about;
        afterField = true;
        continue;
      }
    }
    if (roleBreakAt(T, j)) break;
    if (mission && t.key === TAI && ctx.isPlaceStart(j + 1)) {
      j++;
      continue;
    }
    // "Phòng Thương mại và Công nghiệp Hàn Quốc tại Việt Nam (KoCham)": a foreign body's chapter
    // here, named so by its own short name or by the two countries.
    if (t.key === TAI && ctx.isPlaceStart(j + 1) && !hardBreakBefore(T, j + 1)) {
      const e = ctx.placeEndAt(j + 1) ?? j + 1;
      const abbrAfter = T[e]?.sep.endsWith('(') === true && T[e + 1]?.sep.startsWith(')') === true && T[e]?.cap === true;
      const chapter = ownCountryBefore(T, e) && ctx.isPlaceEnd(j - 1) && !ownCountryBefore(T, j);
      if (abbrAfter || chapter) {
        j = e;
        break;
      }
    }
    // "Đại học California tại Santa Barbara": a campus or branch named after its town.
    if (t.key === TAI && BRANCH_HEADS.has(headKey) && T[j + 1]?.cap && !hardBreakBefore(T, j + 1) && !ctx.isPerson(j + 1)) {
      let e = ctx.placeEndAt(j + 1) ?? j + 1;
      while (e < T.length && T[e]?.cap && !hardBreakBefore(T, e) && !ctx.isPerson(e) && e - j <= MAX_SHORT_NAME) e++;
      j = e;
      break;
    }
    // After a place name the body's name is complete: "UBND tỉnh Đắk Lắk tổ chức ...", except for
    // a national body's local chapter: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Định".
    if (ctx.isPlaceEnd(j - 1) && t.key !== VA && !(ownCountryBefore(T, j) && adminBeforeName(T, j))) break;
    // "Đại học Quốc gia Hà Nội và Tập đoàn FPT": "và" before another head joins two bodies.
    if (t.key === VA && (longest(T, j + 1, VI_HEADS) > 0 || longest(T, j + 1, KNOWN) > 0 || ctx.isPlaceEnd(j - 1))) break;
    // "Tập đoàn SCG và Central Group": a foreign name after "và" is another body.
    if (t.key === VA && (T[j - 1]?.upper || (T[j - 1]?.cap && T[j + 1]?.cap && T[j - 1]?.key === T[j - 1]?.ascii && T[j + 1]?.key === T[j + 1]?.ascii))) break;
    const admin = longest(T, j, ADMIN) || longest(T, j, FEATURE_LINKS);
    if (admin > 0 && T[j + admin]?.cap && !hardBreakBefore(T, j + admin)) {
      j += admin;
      afterField = false;
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
    // After field words or a lowercase head, only a short run into more of the name goes on:
    // "Trung tâm Đào tạo bóng đá trẻ PVF", "Công ty Cổ phần Bóng đá chuyên nghiệp Việt Nam".
    if (afterField || !T[j - 1]?.cap) {
      const r = runIntoName(ctx, j);
      if (r > j) {
        j = r;
        continue;
      }
      break;
    }
    // Lowercase syllables finishing a capitalized word ("Ngoại giao", "Thông tin đối ngoại"):
    // a short run that ends at punctuation or runs into more of the name belongs to it.
    // An acronym is never completed by lowercase syllables ("Bộ NN&MT khẩn trương ..."), and a
    // number is never inside such a run ("Tập đoàn Vingroup đầu tư 2 tỷ USD").
    if (T[j - 1]?.upper) {
      const level = longest(T, j, ADMIN);
      if (level > 0 && strongEnd(T, j + level)) j += level;
      break;
    }
    // Lowercase syllables finish only a Vietnamese syllable ("Ngoại giao"), never a brand ("Viettel hòa ...").
    if (!isVietSyllable(T[j - 1]?.key ?? '')) break;
    let r = j;
    while (r < T.length && !T[r]?.cap && !DIGIT.test(T[r]?.text ?? '') && !hardBreakBefore(T, r) && !roleBreakAt(T, r) && r - j <= MAX_LONG_LOWER_RUN && (r === j || (T[r]?.key !== VA && !adminBeforeName(T, r)))) r++;
    const runLen = r - j;
    const adminNext = longest(T, r, ADMIN);
    const endsWell =
      r >= T.length || hardBreakBefore(T, r) || roleBreakAt(T, r) || T[r]?.key === VA || (T[r]?.cap && !ctx.isPerson(r)) || (adminNext > 0 && T[r + adminNext]?.cap === true) ||
      // "Quân khu 4": one syllable finishing the word, then its number.
      (r === j + 1 && DIGIT.test(T[r]?.text ?? ''));
    // Lowercase syllables complete a single capitalized syllable ("Y tế", "Ngoại giao"), never a
    // multi-word proper name ("Bệnh viện Chợ Rẫy ghép ...").
    const singleCap = T[j - 1]?.cap === true && (j - 2 < i + h || !T[j - 2]?.cap || T[j - 2]?.upper === true);
    // A longer lowercase stretch is accepted when it closes with "quốc gia", "trung ương"...
    const closesName = runLen > MAX_LOWER_RUN && runLen <= MAX_LONG_LOWER_RUN && [1, 2].some((n) => VI_LOWER.map.has(keyOf(T, r - n, n) ?? ''));
    if ((runLen <= MAX_LOWER_RUN || closesName) && endsWell) j = r;
    // One syllable completes the word ("Ngoại giao"), unless it opens a word of its own
    // ("Tập đoàn Vingroup đầu tư ...").
    else if (singleCap && fieldAt(T, j, false).n < 2) j++;
    else break;
    if (!endsWell) break;
  }
  // A trailing level word stays: "Bộ Chỉ huy Quân sự thành phố", "Phòng giao dịch NHCSXH huyện" ("of the district").
  while (j > i + h && T[j - 1]?.key === VA) j--;
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
  const brands: BrandContext = { section, isPerson, placeEndAt, isKnownBrand: (k) => knownBrandAt(T, k) };
  const out: OrgMention[] = [];
  for (let i = 0; i < T.length; ) {
    const t = T[i];
    const lowerFrenchHead = language === 'fr' && FR_LOWER_HEADS.has(keyOf(T, i, 1) ?? '') || (language === 'fr' && FR_LOWER_HEADS.has(keyOf(T, i, 2) ?? ''));
    if (!t || isPerson(i) || ARTICLES.has(t.key) || NOT_NAME_START.has(t.key) || (!t.cap && !lowerFrenchHead)) {
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
    const name = (m.name ?? spanText(section, i, m.end)).replace(LEADING_ELISION, '');
    // "Công an Hà Nội" and "Công an thành phố Hà Nội" are one body.
    const keys = m.name === null ? T.slice(i, m.end).map((x) => x.key) : nameKeys(T, i, m.end);
    const id = m.id ?? `name:${keys.filter((w) => !ADMIN_WORD_KEYS.has(w)).join(' ')}`;
    if (paren) defined.set(paren.abbr, id);
    // "Hanoi Department of Finance", "Hanoi Party Committee": named after its province or city.
    // A company or club is never a local authority ("CLB Becamex TP Hồ Chí Minh").
    const company = m === brandHit || COMPANY_HEAD_KEYS.has(keyOf(T, i, longest(T, i, VI_HEADS)) ?? '') || HEAD_ABBREVIATIONS[t.text] === 'Câu lạc bộ';
    const territorial = m.id === null && !company && (isTerritorial(T, i, end) || (language !== 'vi' && isPlaceStart(i) && T.slice(i, end).some((x) => EN_TERRITORIAL.has(x.key))));
    out.push({ start: i, end, name, abbreviation, id, key: keys.join(' '), territorial, national: namesNationalParent(T, end) });
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
const EXPANSION_KEYS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(HEAD_ABBREVIATIONS).map(([abbr, full]) => [abbr, phraseKey(full).split(' ')] as const));

/** A well-known one-word company written as a word, not an acronym ("Samsung", "Vingroup"). */
function knownBrandAt(T: readonly Token[], i: number): boolean {
  const t = T[i];
  return t !== undefined && !t.upper && KNOWN.map.get(t.key)?.tokens === 1;
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
    // "HSBC Vietnam and Standard Chartered Bank", "Ministry of Finance and the State Bank": after
    // a place or an acronym, or before another headed name, "and" joins two bodies.
    if ((t.key === 'and' || t.key === '&') && (ctx.isPlaceEnd(j - 1) || T[j - 1]?.upper || (hasHead && headedNameAt(ctx, j + 1)))) break;
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

/** True when a capitalized name with its own English head starts at token k ("the State Bank", "Standard Chartered Bank"). */
function headedNameAt(ctx: Ctx, k: number): boolean {
  const T = ctx.section.tokens;
  let j = T[k]?.key === 'the' ? k + 1 : k;
  for (const start = j; j < T.length && j - start < MAX_SHORT_NAME + 2; j++) {
    const t = T[j];
    if (!t || !t.cap || (j > start && hardBreakBefore(T, j))) return false;
    if (EN_HEADS.has(t.key)) return true;
  }
  return false;
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
    // "Parti révolutionnaire populaire lao": a capitalized head may take an adjective at once.
    if (t.cap || FR_LOWER.has(t.key) || ((j > i + h || T[i]?.cap) && FR_ADJECTIVE.test(t.text))) {
      j++;
      lastGood = j;
      continue;
    }
    if (FR_CONNECT.has(t.key)) {
      // "le ministère ... et l'Agence ...": "et" before another head joins two bodies.
      const afterArticle = ARTICLES.has(T[j + 1]?.key ?? '') || /^l['’]/iu.test(T[j + 1]?.text ?? '') ? j + 2 : j + 1;
      const otherBody = longest(T, afterArticle, FR_HEADS) > 0 || longest(T, afterArticle, KNOWN) > 0 || longest(T, j + 1, FR_HEADS) > 0 || longest(T, j + 1, KNOWN) > 0;
      // "des exportateurs et producteurs de ...": two plural nouns joined inside the name.
      const nouns = t.key === 'et' && PLURAL_NOUN.test(T[j - 1]?.text ?? '') && PLURAL_NOUN.test(T[j + 1]?.text ?? '') && FR_CONNECT.has(T[j + 2]?.key ?? '');
      if (t.key === 'et' && !nouns && (otherBody || !(FR_CONNECT.has(T[j + 1]?.key ?? '') || /^d['’]/u.test(T[j + 1]?.text ?? '')))) break;
      j++;
      // One lowercase noun after a connector: "Centre national de prévision ...".
      const n = T[j];
      if (n && !n.cap && !FR_CONNECT.has(n.key) && !hardBreakBefore(T, j) && !roleBreakAt(T, j) && FR_NOUN_OK.test(n.text)) {
        j++;
        lastGood = j;
      }
      continue;
    }
    // "Programme des Nations unies pour le développement": "pour" goes on into a field of the name.
    if (t.key === POUR && lastGood === j) {
      const k = ARTICLES.has(T[j + 1]?.key ?? '') || /^l['’]/iu.test(T[j + 1]?.text ?? '') ? j + 2 : j + 1;
      if (k > j + 1 && FR_LOWER.has(T[k]?.key ?? '') && !hardBreakBefore(T, k)) {
        j = k + 1;
        lastGood = j;
        continue;
      }
    }
    break;
  }
  if (lastGood === i + h) return null;
  // "Département des pêches ...": a head capitalized mid-sentence is a name even with only lowercase words after it.
  const namedHead = T[i]?.cap === true && !T[i]?.sentenceStart;
  // "le groupe FPT", not "la société vietnamienne": a company head written lowercase needs a proper name.
  const properName = T.slice(i + h, lastGood).some((t) => t.cap);
  if (FR_COMPANY_HEADS.has(keyOf(T, i, h) ?? '') && !T[i]?.cap && !properName) return null;
  if (!namedHead && !properName && !T.slice(i + h, lastGood).some((t) => FR_LOWER.has(t.key))) return null;
  return { end: lastGood, name: null, abbreviation: null, id: null };
}

/**
 * One key is the other's leading words, and both name more than a bare head; a two-word name
 * only when the longer adds one word ("Hanoi Party" and "Hanoi Party Committee").
 */
function isWordPrefix(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!long.startsWith(`${short} `)) return false;
  const n = short.split(' ').length;
  return n >= 3 || (n === 2 && long.split(' ').length === 3);
}

const OWN_COUNTRY_SUFFIX = / (?:viêt5 nam|vietnam|viet nam)$/u;

const COMPANY_HEAD_KEYS = new Set(['Câu lạc bộ', 'Công ty', 'Công ty Cổ phần', 'Công ty cổ phần', 'Công ty TNHH', 'Công ty TNHH MTV', 'Tập đoàn', 'Tổng công ty', 'Hãng', 'Liên doanh'].map(phraseKey));
const COMPANY_HEADS = ['câu lạc bộ', 'clb', 'công ty', 'tập đoàn', 'tổng công ty', 'hãng', 'group', 'groupe', 'club'].map((h) => `${phraseKey(h)} `);

/** The name's key without a leading company or club head word. */
function withoutCompanyHead(key: string): string {
  const head = COMPANY_HEADS.find((h) => key.startsWith(h));
  return head ? key.slice(head.length) : key;
}

/** One Organisation per body, in order of first mention; a known body keeps its first written form. */
export function mergeOrganisations(mentions: readonly OrgMention[]): Organisation[] {
  const byId = new Map<string, Organisation>();
  const byAbbr = new Map<string, string>();
  const byName = new Map<string, string>();
  const national = new Set<string>();
  /** Name key without a company or club head ("becamex tp hồ chí minh") → id. */
  const byBareName = new Map<string, string>();
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
    // ... but "Cục Hải quan (Bộ Tài chính)" is the national department, not "Cục Hải quan tỉnh Quảng Ninh".
    const prefixOf = m.national
      ? undefined
      : [...byId.keys()].find((k) => k.startsWith('name:') && m.id.startsWith('name:') && !national.has(k) && isWordPrefix(k, m.id));
    const viaBare = bare !== m.id && byId.has(bare);
    // "CLB Hoàng Anh Gia Lai (HAGL)" after "Hoàng Anh Gia Lai" (HAGL); "CLB Becamex TP Hồ Chí Minh"
    // after "Becamex TP Hồ Chí Minh": the same club or company with and without its head word.
    const bareName = withoutCompanyHead(m.key);
    const viaSameBody = (m.abbreviation ? byAbbr.get(m.abbreviation) : undefined) ?? byBareName.get(bareName);
    const id = viaAbbr ?? (viaBare ? bare : (prefixOf ?? viaSameBody ?? m.id));
    const had = byId.get(id);
    if (had) {
      had.abbreviation ??= m.abbreviation;
      // Keep the fullest written name ("Yonhap News Agency" over "Yonhap"), but not the one
      // that only adds our own country.
      const fuller = m.name.length > had.name.length && m.name !== m.abbreviation;
      const sameId = id === m.id;
      if (fuller && !viaAbbr && !viaBare && (id === prefixOf || id === viaSameBody || !id.startsWith('name:') || sameId)) had.name = m.name;
      continue;
    }
    byBareName.set(bareName, id);
    byId.set(id, { name: m.name, abbreviation: m.abbreviation });
    if (m.national) national.add(id);
    byName.set(m.name, id);
    if (m.abbreviation) byAbbr.set(m.abbreviation, id);
  }
  return [...byId.values()];
}
