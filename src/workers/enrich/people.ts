/**
 * People mentioned in a story, with their role as written. A name is a run of capitalized tokens
 * that a title, an honorific, an apposition or its own shape (a Vietnamese family name followed by
 * two or three syllables, a common Western given name, an East Asian family name) marks as a
 * person. Shorter later mentions ("ông Hòa", "Bộ trưởng Thành", "Mr Park") join the full name.
 */
import type { Person } from '../../shared/article.js';
import {
  FOREIGN_FAMILY, MIDDLE_NAMES, MIDDLE_NAMES_ASCII, NAMED_AFTER_HEADS, PERSON_CUES, SURNAMES, SURNAMES_ASCII,
  ROLE_BREAKS, WEAK_HONORIFICS, WESTERN_GIVEN_NAMES,
} from './lexicon.js';
import { placeHeadBefore } from './places.js';
import { isVietSyllable, phraseKey } from './fold.js';
import { longestAt, phraseIndex, type PhraseIndex } from './phrase-index.js';
import { EN_ORG_HEADS, FR_ORG_HEADS, VI_ORG_HEADS } from './org-lexicon.js';
import { isCalendarWord, isHonorific, roleAfter, roleBefore, roleBreakAt, titleLengthAt } from './role-phrases.js';
import type { PlaceMatch, Section, Span } from './spans.js';
import { hardBreakBefore, spanText } from './spans.js';
import { scratchBytes } from './scratch.js';
import type { Token } from './tokenize.js';
import { flagSet, tokenIn } from './word-flags.js';

export interface PersonMention extends Span {
  name: string;
  /** Token keys of the name, for matching short mentions to full names. */
  keys: string[];
  role: string | null;
  section: number;
}

const MAX_NAME = 4;
/** Organisation head words: a capitalized run starting with one is not a person. */
/** Organisation heads that running text writes in lowercase before a proper name. */
const LOWER_HEAD_INDEX = phraseIndex(
  ['hôpital', 'université', 'ministère', 'ambassade', 'groupe', 'bệnh viện', 'công ty', 'tập đoàn', 'trường', 'nhà máy', 'hãng', 'hospital', 'company'].map(
    (h) => [phraseKey(h), true] as const,
  ),
);
const ORG_HEAD_INDEX = phraseIndex([...VI_ORG_HEADS, ...EN_ORG_HEADS, ...FR_ORG_HEADS].map((h) => [phraseKey(h), true] as const));
const ELISION = /^[dlDL]['’]/u;
const POSSESSIVE_TAIL = /['’]s$/u;
/** Capitalized words of English/French body names that may precede a name in one run. */
const THING_NOUNS = new Set(
  ['Bridge', 'Street', 'Road', 'Airport', 'Port', 'Park', 'Lake', 'River', 'Bay', 'Province', 'District', 'City', 'Ward',
    'Commune', 'Tower', 'Hall', 'Station', 'Hospital', 'University', 'School', 'Stadium', 'Centre', 'Center', 'Market',
    'Temple', 'Pagoda', 'Museum', 'Theatre', 'Cathedral', 'Highway', 'Expressway', 'Island', 'Mountain', 'Pass', 'Delta',
    'Party', 'Committee', 'Group', 'Company', 'Corporation', 'Bank', 'Ministry', 'Department', 'Agency', 'Cup', 'Games',
    'Award', 'Prize', 'Festival', 'Street', 'Avenue', 'Boulevard', 'Square', 'Club', 'FC', 'Airlines', 'Motors'].map(phraseKey),
);
const RUN_NOISE = new Set(["people's", 'provincial', 'municipal', 'national', 'populaire'].map(phraseKey));
/** Ede, Jrai and other Central Highlands names open with "Y" (men) or "H'" (women): "Y Thanh", "H'Ngam Niê". */
const HIGHLANDS_NAME = /^(?:Y|H['’]\p{Lu}.*)$/u;
const SENTENCE_STARTERS = new Set(
  ['pour', 'selon', 'dans', 'avec', 'chez', 'après', 'for', 'in', 'at', 'as', 'but', 'and', 'if', 'tại', 'theo', 'khi', 'sau', 'trước', 'ngoài', 'như', 'cùng'].map(phraseKey),
);
const LIST_WORDS = new Set(['và', 'and', 'et'].map(phraseKey));
const CONNECTORS_BEFORE = new Set(['de', 'du', 'des', 'la', 'of', 'the', 'và', 'and', 'et'].map(phraseKey));
const ROMAN = /^[IVXLC]+$/u;
const HYPHENATED = /\p{L}-\p{L}/u;

/**
 * Reasons a candidate with a title or honorific before it is still not a name: it opens an
 * organisation ("Giám đốc Sở ..."), it is a French elided word, or it is the first half of a
 * compound word that carries on in lowercase ("Bộ Ngoại giao", "Oxfam tại").
 */
function notAName(T: readonly Token[], ns: number, ne: number, placeEnds: ReadonlyMap<number, number>, latin: boolean): boolean {
  const first = T[ns];
  if (!first) return true;
  for (let j = ns; j < ne; j++) if (ELISION.test(T[j]?.text ?? '') || ROMAN.test(T[j]?.text ?? '')) return true;
  const next0 = T[ne];
  // Transliterated names ("Khăm-pheng Xi-xổm-bắt") are foreign whatever their marks.
  const foreign = T.slice(ns, ne).every((t) => t.key === t.ascii || HYPHENATED.test(t.text));
  // "Đoàn Thanh niên": two capitalized syllables carrying on in lowercase are a compound word.
  if (ne - ns === 2 && !latin && !foreign && next0 && !next0.cap && !hardBreakBefore(T, ne) && !roleBreakAt(T, ne) && !isHonorific(T, ne) && !LIST_WORDS.has(next0.key)) return true;
  // "l'hôpital Bach Mai", "bệnh viện Nguyễn Tri Phương": a name right after a lowercase
  // organisation head word names that organisation.
  // ("Môi trường Nguyễn Hữu Khánh": "trường" finishing a capitalized word is no head.)
  for (let k = Math.max(0, ns - 3); k < ns; k++) {
    if (longestAt(LOWER_HEAD_INDEX, T, k).n === ns - k && !T[k]?.cap && !(T[k - 1]?.cap && !hardBreakBefore(T, k))) return true;
  }
  if (isSurname(first) && ne - ns >= 2) return false;
  if (orgHeadAt(T, ns) > 0) return true;
  // "de la Francophonie", "of the Committee": a name after a connector is part of another name.
  if (ns > 0 && CONNECTORS_BEFORE.has(T[ns - 1]?.key ?? '') && !hardBreakBefore(T, ns)) return true;
  // Followed by "(ABBR)": an organisation's name.
  if (T[ne]?.sep.endsWith('(') && T[ne]?.upper) return true;
  // "Nhà hát Chèo Ninh Bình": a run that ends in a place names a body or a thing.
  for (let k = ns + 1; k < ne; k++) if ((placeEnds.get(k) ?? -1) === ne) return true;
  const next = T[ne];
  // Vietnamese compounds carry on in lowercase; English and French verbs are too many to list.
  // A foreign name of two or more words is not the first half of a Vietnamese compound.
  const foreignMultiword = ne - ns >= 2 && foreign;
  if (!latin && !foreignMultiword && next && !next.cap && !hardBreakBefore(T, ne) && !roleBreakAt(T, ne) && !isHonorific(T, ne) && !LIST_WORDS.has(next.key)) return true;
  return false;
}

// Letters only Vietnamese writes (horn, breve, đ, hook, dot below, tilde): a token with none of
// them may be a Vietnamese name in English or French spelling ("Tran", "Dô", "Nguyên").
const VIET_ONLY = /[đĐăĂơƠưƯảẢẩẨẳẲẻẺểỂỉỈỏỎổỔởỞủỦửỬỷỶạẠặẶậẬẹẸệỆịỊọỌộỘợỢụỤựỰỵỴãÃẫẪẵẴẽẼễỄĩĨõÕỗỖỡỠũŨữỮỹỸ]/u;

// The surname lists as per-word bits: isSurname is asked of most capitalized tokens.
const SURNAME_KEYS = flagSet(SURNAMES);
const SURNAME_ASCII = flagSet(SURNAMES_ASCII, true);

function isSurname(t: Token | undefined): boolean {
  if (!t) return false;
  if (tokenIn(SURNAME_KEYS, t)) return true;
  return tokenIn(SURNAME_ASCII, t) && !VIET_ONLY.test(t.text);
}

/** Tokens of the organisation head starting at token k (0 if none), looked up once per token. */
function orgHeadAt(T: readonly Token[], k: number): number {
  const t = T[k];
  if (!t) return 0;
  let n = t.memoOrgHead;
  if (n < 0) {
    n = longestAt(ORG_HEAD_INDEX, T, k).n;
    t.memoOrgHead = n;
  }
  return n;
}

/** True when an organisation head phrase starting before token s ends exactly at s. */
function endsHeadPhrase(T: readonly Token[], s: number): boolean {
  for (let k = Math.max(0, s - 3); k < s; k++) if (orgHeadAt(T, k) === s - k + 1) return true;
  return false;
}

function isMiddleName(t: Token | undefined): boolean {
  if (!t) return false;
  return MIDDLE_NAMES.has(t.key) || (!VIET_ONLY.test(t.text) && MIDDLE_NAMES_ASCII.has(t.ascii));
}

/** Token ranges that start with a place or an acronym inside a capitalized run are not the name. */
function stripPrefix(T: readonly Token[], a: number, b: number, placeEnds: ReadonlyMap<number, number>, inPlaceArr: Uint8Array): number {
  let s = a;
  // English capitalizes titles: "Yonhap CEO Hwang Dae-il", "VFF General Secretary Nguyen Van Phu".
  for (let k = a; k < b - 1; k++) {
    // "Trung Quốc Vương Nghị" holds "Quốc Vương" (king) across a place and a name: no title.
    if (inPlaceArr[k] === 1) continue;
    const h = titleLengthAt(T, k);
    if (h > 0 && k + h < b) s = k + h;
  }
  // "Tỉnh trưởng tỉnh Phông-xa-lỳ Khăm-pheng Xi-xổm-bắt": after a place head, one transliterated
  // (hyphenated) word is the place; the person's name follows it.
  if (b - a >= 3 && placeHeadBefore(T, a) && HYPHENATED.test(T[a]?.text ?? '') && !placeEnds.has(a)) s = a + 1;
  while (s < b - 1) {
    const pe = placeEnds.get(s);
    if (pe !== undefined && pe < b) {
      s = pe;
      continue;
    }
    // The run is the start of a longer place name ("Bà Rịa" in "Bà Rịa - Vũng Tàu").
    if (pe !== undefined && pe > b) return b;
    // The run starts inside a place that began earlier ("Nga" of "Liên bang Nga Vladimir Putin").
    if (inPlaceArr[s] === 1 && pe === undefined) {
      s++;
      continue;
    }
    // A capitalized function word opening the sentence: "Pour Marie Dupont", "Theo Trần Văn A".
    if (T[s]?.sentenceStart && s === a && !isSurname(T[s]) && (ROLE_BREAKS.has(T[s]?.key ?? '') || SENTENCE_STARTERS.has(T[s]?.key ?? ''))) {
      s++;
      continue;
    }
    const h = titleLengthAt(T, s);
    if (h > 0 && s + h < b) {
      s += h;
      continue;
    }
    // "Trung ương Đoàn Bùi Quang Huy": an organisation name that began before the run ends in it.
    if (s === a && endsHeadPhrase(T, s)) {
      s++;
      continue;
    }
    // "People's Committee H'Ngam Niê": organisation words before the name.
    const o = orgHeadAt(T, s) || (RUN_NOISE.has(T[s]?.key ?? '') ? 1 : 0);
    if (o > 0 && s + o < b && !isSurname(T[s])) {
      s += o;
      continue;
    }
    const t = T[s];
    if (t && (t.upper || (t.cap && isHonorific(T, s)))) {
      s++;
      continue;
    }
    break;
  }
  return s;
}

/** The family names of most Vietnamese (keys as tokens carry them), which no organisation or place name ends with. */
const COMMON_SURNAME_KEYS: ReadonlySet<string> = new Set(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương'].map(phraseKey));

/** The name inside capitalized run [s, b): the whole run, or its tail starting at a family name. */
function pickName(T: readonly Token[], s: number, b: number): [number, number] {
  const n = b - s;
  // "Foreign Trade Laurent Saint-Martin": a Western given name opens the name.
  for (let k = s + 1; k < b - 1 && n > 2; k++) {
    const t = T[k];
    if (t && t.key === t.ascii && WESTERN_GIVEN_NAMES.has(t.ascii) && b - k <= 3) return [k, b];
  }
  if (n <= MAX_NAME && isSurname(T[s])) return [s, b];
  if (n >= 4 && isSurname(T[b - 4]) && isMiddleName(T[b - 3]) && !isSurname(T[b - 3])) return [b - 4, b];
  // "Nguyễn Sinh Nhật Tân": one of the most common family names, then a middle name that is also
  // a family name ("Sinh", "Lưu", "Hoàng"), then two given syllables: four parts, not the last
  // three. Only the most common ones: rarer family names also end organisations and places
  // ("Tỉnh Đoàn", "Bạch Mai", "Lâm Hà"), whose last word must stay in the role.
  if (n >= 4 && COMMON_SURNAME_KEYS.has(T[b - 4]?.key ?? '') && isSurname(T[b - 3]) && !isSurname(T[b - 2]) && !isMiddleName(T[b - 2])) return [b - 4, b];
  if (n >= 3 && isSurname(T[b - 3])) return [b - 3, b];
  if (n >= 2 && isSurname(T[b - 2]) && n > MAX_NAME) return [b - 2, b];
  if (n <= MAX_NAME) return [s, b];
  return [b - 2, b];
}

const NAMED_AFTER_INDEX = phraseIndex([...NAMED_AFTER_HEADS].map((k) => [k, true] as const));
const CUE_INDEX = phraseIndex([...PERSON_CUES].map((k) => [k, true] as const));

/** True when a phrase of `index` ends right before token ns (at most three words). */
function phraseEndsBefore(index: PhraseIndex<true>, T: readonly Token[], ns: number): boolean {
  for (let n = 1; n <= 3 && ns - n >= 0; n++) if (longestAt(index, T, ns - n).n === n) return true;
  return false;
}

function namedAfterSomething(T: readonly Token[], ns: number): boolean {
  return phraseEndsBefore(NAMED_AFTER_INDEX, T, ns);
}

function cuedBefore(T: readonly Token[], ns: number): boolean {
  return !hardBreakBefore(T, ns) && phraseEndsBefore(CUE_INDEX, T, ns);
}

/** True when an organisation head stands in the role [from, ns) after its last title: the name there is the body's. */
function orgNameInRole(T: readonly Token[], from: number, ns: number): boolean {
  // Only a name left unfinished in lowercase ("... Địa ốc"): after a place, a known body or a
  // capitalized word the body's name is complete ("Chủ tịch Thượng viện Campuchia Hun Sen").
  const prev = T[ns - 1];
  if (!prev || prev.cap || KNOWN_ORG_ENDS.has(prev.key)) return false;
  let lastTitleEnd = from;
  for (let k = from; k < ns; k++) {
    const h = titleLengthAt(T, k);
    if (h > 0) lastTitleEnd = Math.max(lastTitleEnd, k + h);
  }
  if (lastTitleEnd >= ns) return false;
  for (let k = lastTitleEnd; k < ns; k++) if (orgHeadAt(T, k) > 0) return true;
  return false;
}

/** Last words of well-known bodies whose name ends in lowercase ("Liên hợp quốc", "Quỹ Tiền tệ Quốc tế", "Ngân hàng Thế giới"). */
const KNOWN_ORG_ENDS = new Set(['quốc', 'tế', 'giới', 'ương', 'nước', 'phủ', 'hội'].map(phraseKey));

/** A family name first, a common Western given name, or a hyphenated East Asian given name. */
function personShaped(T: readonly Token[], ns: number, ne: number): boolean {
  const first = T[ns];
  if (!first) return false;
  if (isSurname(first) || WESTERN_GIVEN_NAMES.has(first.ascii) || FOREIGN_FAMILY.has(first.ascii)) return true;
  return ne - ns >= 2 && /\p{L}-\p{L}/u.test(T[ns + 1]?.text ?? '');
}

/**
 * "La Banque d'État …" opening a French sentence: "La" is also a Vietnamese family name, but an
 * English or French run holding an organisation head after its first word is a body's name.
 */
function bodyWordInside(T: readonly Token[], ns: number, ne: number): boolean {
  for (let k = ns + 1; k < ne; k++) if (orgHeadAt(T, k) > 0) return true;
  return false;
}

/** A name with no title or honorific must look like one on its own. */
function standaloneName(T: readonly Token[], ns: number, ne: number, covered: boolean): boolean {
  const n = ne - ns;
  const first = T[ns];
  if (!first || covered) return false;
  // "Thai Prime Minister", "Tu Lien Bridge", "Sun Group": unaccented surnames are also English
  // words, and a name ending in a common noun is a thing.
  for (let k = ns; k < ne; k++) if (titleLengthAt(T, k) > 0 || isHonorific(T, k) || THING_NOUNS.has(T[k]?.key ?? '')) return false;
  // "Tập đoàn Sun Group": a name right after an organisation head is that organisation.
  for (let k = Math.max(0, ns - 3); k < ns; k++) if (orgHeadAt(T, k) === ns - k) return false;
  if (isSurname(first) && n >= 3 && n <= MAX_NAME) return true;
  if (HIGHLANDS_NAME.test(first.text) && n >= 2 && n <= MAX_NAME) return true;
  if (n >= 2 && n <= 3 && WESTERN_GIVEN_NAMES.has(first.ascii) && first.key === first.ascii) return true;
  // "Park Jin-woo", "Kishida Fumio": a romanized family name and a given name (the hyphen
  // test only for the few runs that get this far).
  if (n === 2 && FOREIGN_FAMILY.has(first.ascii) && first.key === first.ascii && (!isSurname(first) || HYPHENATED.test(T[ns + 1]?.text ?? ''))) return true;
  return false;
}

// Per-token marks of the section being read (see scratch.ts).
const IN_PLACE = scratchBytes();
const IN_PERSON = scratchBytes();

/** All person mentions in one section, full and short, in text order. */
export function findPersonMentions(section: Section, sectionIndex: number, places: readonly PlaceMatch[]): PersonMention[] {
  const T = section.tokens;
  const placeEnds = new Map<number, number>();
  // Keyed by start * (T.length + 1) + end: one number per span, no string built per lookup.
  const placeExact = new Set<number>();
  const inPlaceArr = IN_PLACE.take(T.length);
  for (const p of places) {
    placeEnds.set(p.start, p.end);
    placeExact.add(p.start * (T.length + 1) + p.end);
    inPlaceArr.fill(1, p.start, p.end);
  }
  const mentions: PersonMention[] = [];
  const inPerson = IN_PERSON.take(T.length);
  const isPerson = (i: number): boolean => inPerson[i] === 1;

  for (let a = 0; a < T.length; ) {
    if (!T[a]?.cap) {
      a++;
      continue;
    }
    let b = a + 1;
    while (b < T.length && T[b]?.cap && !hardBreakBefore(T, b)) b++;
    const s = stripPrefix(T, a, b, placeEnds, inPlaceArr);
    const [ns, ne] = pickName(T, s, b);
    // "Hợp tác xã Nông nghiệp Mỹ Thành": one Vietnamese syllable after a one-word place in the
    // same run finishes a longer place name; it is no given name ("Ngoại trưởng Mỹ Rubio" is).
    const tailOfPlace = ne - ns === 1 && ns > a && placeEnds.get(ns - 1) === ns && isVietSyllable(T[ns]?.key ?? '');
    const next = b;
    // "Gạch Tân Hưng Phát": with no title or honorific, a name-shaped tail after another
    // capitalized word of the same run finishes that word's name (a brand, a company).
    const tailOfRun = ns > s && T[ns - 1]?.cap === true && !hardBreakBefore(T, ns);
    const honorific = ns > 0 && isHonorific(T, ns - 1) && !hardBreakBefore(T, ns) && !(WEAK_HONORIFICS.has(T[ns - 1]?.key ?? '') && T[ns - 1]?.cap && !T[ns - 1]?.sentenceStart);
    const before = roleBefore(section, ns, isPerson);
    // A rank or degree alone before the name ("Đại tá", "Bác sĩ") yields to an apposition office.
    const after = before && !before.bare ? null : roleAfter(section, ne, isPerson, (i) => orgHeadAt(T, i));
    const covered = placeExact.has(ns * (T.length + 1) + ne) || (placeEnds.get(ns) ?? -1) >= ne;
    const context = honorific || before !== null || after !== null || (cuedBefore(T, ns) && ne - ns >= 2);
    // "Chủ tịch Hồ Chí Minh": a full Vietnamese name right after a title beats the place it spells.
    const titledName = before !== null && before.start + titleLengthAt(T, before.start) === ns && ne - ns >= 3 && isSurname(T[ns]);
    let ok = context
      ? (!covered || honorific || titledName) && !notAName(T, ns, ne, placeEnds, section.latin)
      : standaloneName(T, ns, ne, covered) && !placeHeadBefore(T, ns) && !(section.latin && bodyWordInside(T, ns, ne)) && !tailOfRun;
    if (ok && !honorific && before === null && namedAfterSomething(T, ns)) ok = false;
    // A lone capitalized word after a title is a person only when it is not an acronym or a place.
    if (ok && ne - ns === 1 && (T[ns]?.upper || covered)) ok = false;
    if (ok && ne - ns > MAX_NAME) ok = false;
    // "on Wednesday, Deputy Minister …": a weekday or month is no name.
    if (ok && ne - ns === 1 && isCalendarWord(T, ns)) ok = false;
    // "Ministry of Energy, Mines, Science and Environment": one English or French word
    // between commas of a list, with no honorific, is an item of a body's name.
    if (ok && section.latin && !honorific && ne - ns === 1 && T[ns]?.sep === ',' && (T[ne]?.sep === ',' || LIST_WORDS.has(T[ne]?.key ?? ''))) ok = false;
    if (ok && tailOfPlace && !honorific) ok = false;
    // "Tổng Giám đốc Công ty Cổ phần Địa ốc Phú An Khang": words after a body's head in the role
    // finish that body's name; a person's name there opens with a family name.
    if (ok && !honorific && before && !hardBreakBefore(T, ns) && orgNameInRole(T, before.start, ns) && !personShaped(T, ns, ne)) ok = false;
    if (ok) {
      const name = spanText(section, ns, ne).replace(POSSESSIVE_TAIL, '');
      mentions.push({
        start: ns,
        end: ne,
        name,
        keys: T.slice(ns, ne).map((t) => t.key),
        role: (before && !before.bare ? before.role : (after?.role ?? before?.role)) ?? null,
        section: sectionIndex,
      });
      inPerson.fill(1, ns, ne);
      // An apposition role is no place to look for the next name.
      a = Math.max(next, after?.end ?? next);
      continue;
    }
    a = next;
  }
  return mentions;
}

function isPartOf(short: readonly string[], full: readonly string[]): boolean {
  if (short.length >= full.length) return false;
  const k = short.length;
  const suffix = full.slice(full.length - k);
  const prefix = full.slice(0, k);
  return suffix.every((x, i) => x === short[i]) || prefix.every((x, i) => x === short[i]);
}

/**
 * One Person per individual: full names deduplicated tone-insensitively, short mentions folded
 * into the full name they are part of; a short mention with no full name stays as written.
 */
export function mergePeople(mentions: readonly PersonMention[]): Person[] {
  const byKey = new Map<string, { person: Person; keys: string[]; order: number }>();
  const sorted = mentions.map((m, order) => ({ m, order })).sort((x, y) => y.m.keys.length - x.m.keys.length || x.order - y.order);
  for (const { m, order } of sorted) {
    const key = m.keys.join(' ');
    const same = byKey.get(key);
    if (same) {
      same.person.role ??= m.role;
      same.order = Math.min(same.order, order);
      continue;
    }
    const owners = [...byKey.values()].filter((p) => isPartOf(m.keys, p.keys));
    if (owners.length > 0) {
      // The nearest full name mentioned before this one, else the first in the text.
      const owner = owners.filter((p) => p.order < order).sort((x, y) => y.order - x.order)[0] ?? owners[0];
      if (owner) owner.person.role ??= m.role;
      continue;
    }
    byKey.set(key, { person: { name: m.name, role: m.role }, keys: m.keys, order });
  }
  return [...byKey.values()].sort((x, y) => x.order - y.order).map((p) => p.person);
}
