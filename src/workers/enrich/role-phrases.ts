/**
 * Recognizing title heads and role phrases around a name, in token terms. A role is the stretch
 * from a title head to the name ("Phó Chủ tịch UBND tỉnh Hà Giang"), or an apposition after it
 * (", Giám đốc Sở Thông tin và Truyền thông Hà Giang,").
 */
import { syllableKey } from './fold.js';
import { HONORIFICS, MAX_TITLE_TOKENS, RANKS, ROLE_BREAKS, TITLE_HEADS } from './lexicon.js';
import { longestAt, phraseIndex } from './phrase-index.js';
import type { Section } from './spans.js';
import { hardBreakBefore } from './spans.js';
import { STOPWORDS } from './stopwords.js';
import type { Token } from './tokenize.js';

/** Long enough for reformed project boards ("Giám đốc Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh Lạng Sơn"). */
const MAX_ROLE_TOKENS = 24;
const PAREN = /^[()]+$/u;
const APPOSITION_SEP = /^[,(\-–—]$/u;
// Articles and possessives are no part of the role: "Son proviseur, Jean-Marc Delorme", "X, a farmer in …".
// Case-sensitive after the first letter, so that an acronym ("UN Resident Coordinator") stays.
const LEADING_ARTICLE = /^(?:[Ll]e|[Ll]a|[Ll]es|[Tt]he|[Aa]|[Aa]n|[Uu]n|[Uu]ne|[Ss]on|[Ss]a|[Ll]eur|[Nn]otre|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+|^[Ll]['’]/u;
const COMMA_BEFORE_NAME = /^\)?,$/u;
/** "nguyên Tổng Giám đốc", "former Minister": a role may open with these before its title. */
const FORMER = new Set(['nguyên', 'cựu', 'former', 'ancien', 'ancienne', 'then'].map(syllableKey));
/** "X, a farmer in …", "X, une infirmière de …": an indefinite article may open an English/French apposition. */
const INDEFINITE = new Set(['a', 'an', 'un', 'une'].map(syllableKey));
const CLOSE_PAREN_COMMA = /^\),$/u;
const MAX_ASIDE = 8;
const WEEKDAYS_MONTHS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|On|In|At|The)$/u;
const MAX_MODIFIERS = 3;
const MAX_LIST_TOKENS = 8;
/** Titles that name a seat on a body; the office written after them, across a comma, is part of the role. */
const MEMBERSHIP = new Set(['Ủy viên', 'Uỷ viên', 'Ủy viên dự khuyết', 'Uỷ viên dự khuyết'].map((w) => w.split(' ').map(syllableKey).join(' ')));
/** Keys of tokens [k, k + n), joined by spaces. */
function keyOf(T: readonly Token[], k: number, n: number): string {
  return T.slice(k, k + n).map((t) => t.key).join(' ');
}
const CALENDAR_WORDS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u;

/** True when token i is an English weekday or month name ("on Wednesday, Deputy Minister …"): never a name. */
export function isCalendarWord(T: readonly Token[], i: number): boolean {
  return CALENDAR_WORDS.test(T[i]?.text ?? '');
}
const MAX_SEGMENT = 6;
const DASH = /^[-–]$/u;
/** Two-syllable words that start with a breaking syllable but are nouns inside names ("dự án", "Hàng không"). */
// "Ban Quản lý các khu công nghiệp", "Ban Quản lý dự án đầu tư xây dựng các công trình": "các" inside a board's name.
const NOT_BREAKS = new Set(['dự án', 'hàng không', 'không gian', 'có thẩm quyền', 'với tư cách', 'đến từ', 'quản lý các', 'xây dựng các', 'đầu tư xây dựng'].map((w) => w.split(' ').map(syllableKey).join(' ')));

/**
 * English writes modifiers before the title ("Japanese Foreign Minister", "VFF General
 * Secretary"): capitalized unaccented words right before the head join the role.
 */
function modifierStart(T: readonly Token[], head: number, isPerson: (i: number) => boolean): number {
  let s = head;
  let lowercase = false;
  while (s > 0 && head - s < MAX_MODIFIERS) {
    const p = T[s - 1];
    if (!p || p.key !== p.ascii || isPerson(s - 1) || hardBreakBefore(T, s) || WEEKDAYS_MONTHS.test(p.text)) break;
    if (isHonorific(T, s - 1) || ROLE_BREAKS.has(p.key)) break;
    if (!p.cap) {
      // "village health worker", "British cave scientist": one lowercase noun may qualify the
      // title when it opens the clause or follows a capitalized modifier.
      if (lowercase || STOPWORDS.has(p.key) || p.upper) break;
      const opensClause = s - 1 === 0 || hardBreakBefore(T, s - 1) || p.sentenceStart;
      const afterModifier = T[s - 2]?.cap === true && T[s - 2]?.key === T[s - 2]?.ascii && !hardBreakBefore(T, s - 1) && !isPerson(s - 2);
      if (!opensClause && !afterModifier) break;
      lowercase = true;
    }
    s--;
    if (p.sentenceStart) break;
  }
  return s;
}
const TRAILING_PUNCT = /[\s,;:(\-–—]+$/u;


const TITLE_INDEX = phraseIndex([...TITLE_HEADS].map((k) => [k, true] as const));
const BREAK_INDEX = phraseIndex([...ROLE_BREAKS].map((k) => [k, true] as const));
const NOT_BREAK_INDEX = phraseIndex([...NOT_BREAKS].map((k) => [k, true] as const));
const HONORIFIC_INDEX = phraseIndex([...HONORIFICS].map((k) => [k, true] as const));

/** Tokens in the longest title head starting at token i (0 if none). */
export function titleLengthAt(T: readonly Token[], i: number): number {
  const t = T[i];
  if (!t) return 0;
  let n = t.memoTitle;
  if (n < 0) {
    n = longestAt(TITLE_INDEX, T, i).n;
    t.memoTitle = n;
  }
  return n;
}

/** "General Department", "Chief Office": a title word before these names a body, not a role. */
const ORG_WORDS_AFTER_TITLE = new Set(['Department', 'Office', 'Committee', 'Directorate', 'Staff', 'Secretariat', 'Inspectorate', 'Assembly'].map(syllableKey));
const LIST_AND = new Set(['and', 'và', 'et'].map(syllableKey));

/** After a comma at token k: "Y và Z" closes a list within the next few tokens, with no other punctuation. */
export function listContinues(T: readonly Token[], k: number): boolean {
  for (let m = k + 1; m < T.length && m <= k + MAX_LIST_TOKENS; m++) {
    // "Energy, Mines, Water and Environment": more capitalized items after commas.
    if (hardBreakBefore(T, m) && !(T[m]?.sep === ',' && T[m]?.cap)) return false;
    if (LIST_AND.has(T[m]?.key ?? '')) return T[m + 1]?.cap === true;
  }
  return false;
}

/** True when token j is inside a title head ("ký" in "Tổng Thư ký"). */
function insideTitle(T: readonly Token[], j: number): boolean {
  for (let k = Math.max(0, j - MAX_TITLE_TOKENS + 1); k < j; k++) if (k + titleLengthAt(T, k) > j) return true;
  return false;
}

/** True when a lowercase role-breaking word or phrase ("cho biết", "said") starts at token i. */
export function roleBreakAt(T: readonly Token[], i: number): boolean {
  const t = T[i];
  if (!t || t.cap) return false;
  if (t.memoRoleBreak < 0) {
    // The exceptions ("dự án", "hàng không") only matter for a word that would break.
    const breaks = longestAt(BREAK_INDEX, T, i).n > 0;
    const inNoun = breaks && (longestAt(NOT_BREAK_INDEX, T, i).n > 0 || (i > 0 && longestAt(NOT_BREAK_INDEX, T, i - 1).n > 1) || (i > 1 && longestAt(NOT_BREAK_INDEX, T, i - 2).n > 2));
    t.memoRoleBreak = breaks && !inNoun ? 1 : 0;
  }
  return t.memoRoleBreak === 1;
}

/** True when token i is an honorific ("ông", "Mr", "M."). */
export function isHonorific(T: readonly Token[], i: number): boolean {
  const t = T[i];
  if (!t) return false;
  if (t.memoHonorific < 0) t.memoHonorific = longestAt(HONORIFIC_INDEX, T, i).n > 0 ? 1 : 0;
  return t.memoHonorific === 1;
}

function cleanRole(text: string): string | null {
  const r = text.replace(TRAILING_PUNCT, '').replace(LEADING_ARTICLE, '').trim();
  return r.length > 0 ? r : null;
}

/**
 * Start of an office phrase that ends right before token `comma` (whose separator is a comma) and
 * opens a clause: a title head at a sentence start, after a break or after a lowercase word. -1 if none.
 */
function officeBeforeComma(T: readonly Token[], comma: number, isPerson: (i: number) => boolean): number {
  let found = -1;
  for (let k = comma - 1; k >= 0 && comma - k <= MAX_ROLE_TOKENS; k--) {
    if (isPerson(k) || (roleBreakAt(T, k) && !insideTitle(T, k))) break;
    // A rank is no office ("Đại tá, PGS.TS X"): the whole title phrase is looked up, not its first word.
    if (titleLengthAt(T, k) > 0 && !onlyRanks(T, k, k + titleLengthAt(T, k))) found = k;
    if (k === 0 || hardBreakBefore(T, k) || T[k]?.sentenceStart) break;
  }
  if (found < 0) return -1;
  // The office opens the clause: nothing capitalized that it does not cover runs before it.
  return found === 0 || hardBreakBefore(T, found) || T[found]?.sentenceStart || !T[found - 1]?.cap ? found : -1;
}

const MAX_RANK_TOKENS = 4;

/** True when a token in [from, to) follows a comma. */
function commaWithin(T: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (T[j]?.sep === ',') return true;
  return false;
}

/** Keys of tokens [from, to) joined by one space. */
function joinedKeys(T: readonly Token[], from: number, to: number): string {
  let key = T[from]?.key ?? '';
  for (let j = from + 1; j < Math.min(to, T.length); j++) key += ` ${T[j]?.key ?? ''}`;
  return key;
}

/**
 * True when tokens [from, to) are ranks and degrees only, one or several joined by commas
 * ("Đại tá", "Thiếu tướng, GS.TS", "Bác sĩ CKII"): such a role yields to an office in apposition.
 */
function onlyRanks(T: readonly Token[], from: number, to: number): boolean {
  let k = from;
  while (k < to) {
    if (k > from && T[k]?.sep !== ',' && T[k]?.sep !== ' ' && T[k]?.sep !== '') return false;
    let n = Math.min(MAX_RANK_TOKENS, to - k);
    for (; n > 0; n--) {
      if (n > 1 && commaWithin(T, k + 1, k + n)) continue;
      if (RANKS.has(joinedKeys(T, k, k + n))) break;
    }
    if (n === 0) return false;
    k += n;
  }
  return k > from;
}

/**
 * The role written before a name starting at token `ns`: the leftmost title head reachable
 * backwards without crossing punctuation, a role-breaking word or another person. One comma
 * (optionally followed by an honorific) right before the name may be crossed:
 * "Đại sứ Mỹ tại Việt Nam, ông Marc Knapper", "le ministre de l'Agriculture, Lê Văn Thành".
 */
export function roleBefore(
  section: Section,
  ns: number,
  isPerson: (i: number) => boolean,
): { role: string; start: number; end: number; bare: boolean } | null {
  const T = section.tokens;
  let end = ns - 1;
  if (end >= 0 && isHonorific(T, end) && !hardBreakBefore(T, ns)) {
    if (T[end]?.sep === ',') end--;
    else if (end - 1 >= 0 && isHonorific(T, end - 1) && T[end - 1]?.sep === ',') end -= 2; // "đồng chí"
    else end--;
  } else if (COMMA_BEFORE_NAME.test(T[ns]?.sep ?? '')) {
    // French/English apposition before the name; the title must then be found.
  } else if (hardBreakBefore(T, ns) && T[ns]?.sep !== ')') return null;
  let best = -1;
  for (let j = end; j >= 0 && end - j < MAX_ROLE_TOKENS; j--) {
    if (isPerson(j)) break;
    if (j < end && hardBreakBefore(T, j + 1) && !PAREN.test(T[j + 1]?.sep ?? '')) break;
    if (roleBreakAt(T, j) && !insideTitle(T, j)) break;
    if (!T[j]?.cap && isHonorific(T, j)) break;
    if (titleLengthAt(T, j) > 0 && !ORG_WORDS_AFTER_TITLE.has(T[j + titleLengthAt(T, j)]?.key ?? '')) best = j;
    if (T[j]?.sentenceStart) break;
  }
  if (best < 0) return null;
  const bare = onlyRanks(T, best, end + 1);
  // "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Sơn La, Đại tá Lò Văn Cường": an office written
  // before the rank, across its comma, is the role.
  const office = bare && T[best]?.sep === ',' ? officeBeforeComma(T, best, isPerson) : -1;
  if (office >= 0) {
    const role = cleanRole(section.text.slice(T[office]!.start, T[best - 1]!.end));
    if (role) return { role, start: office, end: best - 1, bare: false };
  }
  // "Phó Thủ tướng, Bộ trưởng Ngoại giao X": a title segment before a comma belongs too.
  if (T[best]?.sep === ',') {
    for (let k = best - 1; k >= 0 && best - k <= MAX_SEGMENT; k--) {
      if (isPerson(k) || roleBreakAt(T, k)) break;
      const h = titleLengthAt(T, k);
      if (h > 0 && (k === 0 || hardBreakBefore(T, k) || T[k]?.sentenceStart || isHonorific(T, k - 1) || !T[k - 1]?.cap)) {
        if (titleLengthAt(T, k) > 0) best = k;
        break;
      }
      if (hardBreakBefore(T, k)) break;
    }
  }
  if (best > 0 && FORMER.has(T[best - 1]?.key ?? '') && !hardBreakBefore(T, best)) best--;
  else if (section.latin) best = modifierStart(T, best, isPerson);
  const a = T[best];
  const b = T[end];
  if (!a || !b) return null;
  let text = section.text.slice(a.start, b.end);
  if (text.includes('(') && !text.includes(')')) text += ')';
  const role = cleanRole(text);
  return role ? { role, start: best, end, bare } : null;
}

/** Field names written with commas inside unit names ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"). */
const COMMA_FIELDS = /(?:phòng cháy, chữa cháy(?: và cứu nạn, cứu hộ)?|phòng, chống|cứu nạn, cứu hộ|khám, chữa bệnh)/giu;

/** True when the comma before token k sits inside a comma-written field name. */
function commaInsideField(section: Section, k: number): boolean {
  const t = section.tokens[k];
  if (!t) return false;
  const from = Math.max(0, t.start - 30);
  const window = section.text.slice(from, t.start + 40);
  for (const m of window.matchAll(COMMA_FIELDS)) {
    const a = from + (m.index ?? 0);
    if (a < t.start && a + m[0].length > t.start) return true;
  }
  return false;
}

/**
 * "Trung tâm Chống độc, Bệnh viện Bạch Mai": after a comma, a parent body closes an apposition
 * role that already names a unit. True when token k opens such a body and the role from `from`
 * to k names one.
 */
function parentBodyAt(T: readonly Token[], from: number, k: number, orgHeadAt: (i: number) => number): boolean {
  if (!T[k]?.cap || orgHeadAt(k) === 0 || titleLengthAt(T, k) > 0) return false;
  for (let j = from; j < k; j++) if (T[j]?.cap && orgHeadAt(j) > 0) return true;
  return false;
}

/** The apposition role after a name ending before token `ne`: ", Giám đốc Sở ..." up to the next break. */
export function roleAfter(
  section: Section,
  ne: number,
  isPerson: (i: number) => boolean,
  orgHeadAt: (i: number) => number = () => 0,
): { role: string; end: number } | null {
  const T = section.tokens;
  const first = T[ne];
  if (!first || !APPOSITION_SEP.test(first.sep)) return null;
  // "Trương Quốc Vinh (sinh năm 1979), Tổng Giám đốc …": the apposition follows an aside.
  if (first.sep === '(' && titleLengthAt(T, ne) === 0) {
    for (let k = ne + 1; k < T.length && k - ne <= MAX_ASIDE; k++) {
      if (isPerson(k)) return null;
      if (CLOSE_PAREN_COMMA.test(T[k]?.sep ?? '')) return roleAfterFrom(section, k, ne, isPerson, orgHeadAt);
      if (hardBreakBefore(T, k)) return null;
    }
    return null;
  }
  return roleAfterFrom(section, ne, ne, isPerson, orgHeadAt);
}

/** The apposition role whose first token is `ne`, for a name ending before `nameEnd`. */
function roleAfterFrom(
  section: Section,
  ne: number,
  nameEnd: number,
  isPerson: (i: number) => boolean,
  orgHeadAt: (i: number) => number,
): { role: string; end: number } | null {
  const T = section.tokens;
  const first = T[ne];
  if (!first) return null;
  const sep = ne === nameEnd ? first.sep : ',';
  // The title may follow "nguyên"/"former" or up to three capitalized modifiers ("Korean Ambassador").
  let h = 0;
  let lead = 0;
  for (; lead <= MAX_MODIFIERS && ne + lead < T.length; lead++) {
    h = titleLengthAt(T, ne + lead);
    if (h > 0) break;
    const t = T[ne + lead];
    if (!t || (lead > 0 && hardBreakBefore(T, ne + lead))) return null;
    const modifier = (t.cap && t.key === t.ascii && !isPerson(ne + lead)) || (lead === 0 && (FORMER.has(t.key) || (section.latin && INDEFINITE.has(t.key))));
    if (!modifier) return null;
  }
  if (h === 0) return null;
  // "miền Trung, GS.TS Trương Văn A": a rank or degree right before a capitalized word opens the next person.
  if (onlyRanks(T, ne + lead, ne + lead + h) && T[ne + lead + h]?.cap && !hardBreakBefore(T, ne + lead + h)) return null;
  let k = ne + lead + h;
  let openParen = sep === '(';
  while (k < T.length && k - ne < MAX_ROLE_TOKENS) {
    const t = T[k];
    if (!t || isPerson(k)) break;
    if (hardBreakBefore(T, k)) {
      if (DASH.test(t.sep) && t.cap && !isPerson(k)) {
        // "Hiệp hội Cà phê - Ca cao Việt Nam": a dash inside a name.
      } else if (t.sep === ',' && t.cap && listContinues(T, k)) {
        // "for Vietnam, Cambodia and Laos", "Sở Văn hóa, Thể thao và Du lịch".
      } else if (t.sep === ',' && !section.latin && MEMBERSHIP.has(keyOf(T, ne + lead, h)) && titleLengthAt(T, k) > 0) {
        // "Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương": a seat on a body, then the office held.
      } else if (t.sep === ',' && !section.latin && (parentBodyAt(T, ne + lead + h, k, orgHeadAt) || commaInsideField(section, k))) {
        // "Hiệu trưởng Trường Đại học Y - Dược, Đại học Huế", "phòng cháy, chữa cháy".
      } else if (t.sep === '(' && !openParen && t.upper) {
        openParen = true;
      } else if (t.sep === ')' && openParen && sep !== '(') {
        openParen = false;
      } else break;
    }
    if (roleBreakAt(T, k) && !insideTitle(T, k)) break;
    if (!t.cap && isHonorific(T, k)) break;
    k++;
  }
  // A trailing abbreviation in parentheses belongs to the role: "(EVN)".
  const last = T[k - 1];
  if (!last) return null;
  let text = section.text.slice(first.start, last.end);
  if (T[k]?.sep.startsWith(')') && text.includes('(') && !text.includes(')')) text += ')';
  const role = cleanRole(text);
  return role ? { role, end: k } : null;
}
