/**
 * Where a Vietnamese organisation name ends: capitalized words, lowercase field words ("dự án đầu
 * tư xây dựng", "bệnh tật"), level words, "về <field>", "tại <place>" for missions and campuses,
 * "của Quốc hội", numbers and places inside the name.
 */
import { isVietSyllable, phraseKey, syllableKey } from './fold.js';
import { HEAD_ABBREVIATIONS, MISSION_HEADS, VI_ABOUT_HEADS, VI_BRANCH_HEADS, VI_NAME_NOUNS, VI_NAME_VERB_NOUNS, VI_ORG_LOWER } from './org-lexicon.js';
import { listContinues, roleBreakAt, titleLengthAt } from './role-phrases.js';
import { hardBreakBefore } from './spans.js';
import { longestAt } from './phrase-index.js';
import type { Token } from './tokenize.js';
import { phraseMap, KNOWN, VI_HEADS, VI_LOWER, ADMIN, NOT_ORG, MAX_ORG_TOKENS, DASH, DIGIT, ROMAN, keyOf, longest, type Ctx, VA, MAX_SHORT_NAME, knownBrandAt } from './org-tables.js';

const MISSION = new Set(MISSION_HEADS.map(phraseKey));
const ABOUT_HEADS = new Set(VI_ABOUT_HEADS.map(phraseKey));
const BRANCH_HEADS = new Set(VI_BRANCH_HEADS.map(phraseKey));
const FIELD_NOUNS = phraseMap([...VI_NAME_NOUNS, ...VI_ORG_LOWER.filter((w) => w !== 'và')].map((h) => [h, true] as const));
const FIELD_VERBS = phraseMap(VI_NAME_VERB_NOUNS.map((h) => [h, true] as const));
/** Place heads that carry a name on into the place it serves ("Chi cục Hải quan cửa khẩu Móng Cái", "Ban Quản lý vịnh Hạ Long"). */
const FEATURE_LINKS = phraseMap(
  ['cửa khẩu', 'cửa khẩu quốc tế', 'vịnh', 'cảng', 'cảng hàng không', 'sân bay', 'khu kinh tế', 'khu công nghiệp', 'đảo', 'vườn quốc gia', 'khu bảo tồn', 'hồ', 'sông'].map((h) => [h, true] as const),
);
/** Words after which a Vietnamese name is over: a term ("khóa XVII"), a date, a number. */
const VI_ORG_STOP = new Set(['khóa', 'nhiệm kỳ', 'lần', 'năm', 'ngày', 'tháng', 'số'].map(phraseKey));
const MAX_LOWER_RUN = 3;
const MAX_LONG_LOWER_RUN = 6;

/** "tỉnh Hà Giang", "xã Lũng Cú": an administrative word followed by a capitalized name ("xã hội" is not). */
function adminBeforeName(T: readonly Token[], r: number): boolean {
  const n = longest(T, r, ADMIN);
  return n > 0 && T[r + n]?.cap === true && !hardBreakBefore(T, r + n);
}
/** Lowercase words after which a Vietnamese name does not go on. */
const VI_LINK_STOPS = new Set(['tại', 'của', 'cho', 'ở', 'với', 'từ', 'trong', 'trên', 'về', 'thuộc'].map(phraseKey));
const VE = syllableKey('về');
/** True when "Việt Nam" ends right before token j: a national body whose local chapter may follow. */
function ownCountryBefore(T: readonly Token[], j: number): boolean {
  return T[j - 1]?.key === 'vietnam' || (T[j - 1]?.key === 'nam' && T[j - 2]?.key === VIET);
}
const VIET = syllableKey('Việt');
const CAC = syllableKey('các');
const TAI = syllableKey('tại');
const CUA = syllableKey('của');
/** National bodies that own committees: "Ủy ban Đối ngoại của Quốc hội". */
const PARLIAMENTS = phraseMap(['Quốc hội', 'Chính phủ', 'Thủ tướng Chính phủ'].map((h) => [h, true] as const));

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
export function fieldStretch(ctx: Ctx, j: number, verbFirst: boolean, commas: boolean): number {
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

/** Adverbs that open a predicate ("Cục Quân nhu sớm mở rộng …", "… khẩn trương rà soát"): never syllables of a name. */
const PREVERBS = phraseMap(['sớm', 'khẩn trương', 'kịp thời', 'nhanh chóng', 'chủ động', 'tích cực', 'thường xuyên', 'tiếp tục', 'sẽ', 'đã', 'đang', 'vừa', 'cần', 'phải', 'cũng', 'luôn'].map((h) => [h, true] as const));

/** True when a predicate adverb starts at token r. */
function preverbAt(T: readonly Token[], r: number): boolean {
  return longestAt(PREVERBS.index, T, r).n > 0;
}

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

/** True when a Vietnamese head word opens a body at token k ("Hội nhập" and "Hội nghị" do not). */
function opensBody(T: readonly Token[], k: number): boolean {
  const h = longest(T, k, VI_HEADS);
  return h > 0 && !NOT_ORG.has(keyOf(T, k, h + 1) ?? '');
}

/** End (exclusive) of a Vietnamese name that starts with a head of `h` tokens at `i`. */
export function extendVietnamese(ctx: Ctx, i: number, h: number): number {
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
    // "Ủy ban Đối ngoại của Quốc hội", "Ban Chỉ đạo của Chính phủ": a committee named with its parent.
    if (t.key === CUA && ABOUT_HEADS.has(headKey) && !hardBreakBefore(T, j + 1)) {
      const parent = longest(T, j + 1, PARLIAMENTS);
      if (parent > 0 && T[j + 1]?.cap && (strongEnd(T, j + 1 + parent) || T[j + 1 + parent]?.key === VA)) {
        j += 1 + parent;
        break;
      }
    }
    if (roleBreakAt(T, j)) break;
    // "Tổng Lãnh sự quán Nhật Bản tại TP Đà Nẵng": a mission names its host place, with or without a level word.
    if (mission && t.key === TAI && (ctx.isPlaceStart(j + 1) || adminBeforeName(T, j + 1))) {
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
    if (t.key === VA && (opensBody(T, j + 1) || longest(T, j + 1, KNOWN) > 0 || ctx.isPlaceEnd(j - 1))) break;
    // "Tập đoàn SCG và Central Group": a foreign name after "và" is another body.
    // "Trung tâm WTO và Hội nhập": after an acronym, a Vietnamese word that opens no body goes on.
    const vietAfterAcronym = T[j - 1]?.upper === true && T[j + 1]?.cap === true && T[j + 1]?.key !== T[j + 1]?.ascii && !opensBody(T, j + 1) && !ctx.isPlaceStart(j + 1);
    if (t.key === VA && ((T[j - 1]?.upper && !vietAfterAcronym) || (T[j - 1]?.cap && T[j + 1]?.cap && T[j - 1]?.key === T[j - 1]?.ascii && T[j + 1]?.key === T[j + 1]?.ascii))) break;
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
    while (r < T.length && !T[r]?.cap && !DIGIT.test(T[r]?.text ?? '') && !hardBreakBefore(T, r) && !roleBreakAt(T, r) && !preverbAt(T, r) && r - j <= MAX_LONG_LOWER_RUN && (r === j || (T[r]?.key !== VA && !adminBeforeName(T, r)))) r++;
    const runLen = r - j;
    const adminNext = longest(T, r, ADMIN);
    const endsWell =
      r >= T.length || hardBreakBefore(T, r) || roleBreakAt(T, r) || (r > j && preverbAt(T, r)) || T[r]?.key === VA || (T[r]?.cap && !ctx.isPerson(r)) || (adminNext > 0 && T[r + adminNext]?.cap === true) ||
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
  // "Ban Chấp hành Đảng bộ huyện khóa mới", "Sở Y tế tỉnh.": a level word closing a name with
  // no place after it stays ("of the province").
  const closing = longest(T, j, ADMIN);
  if (closing > 0 && j > i + h && !T[j - 1]?.upper && !T[j + closing]?.cap && !ctx.isPlaceEnd(j - 1) &&
    (strongEnd(T, j + closing) || VI_ORG_STOP.has(T[j + closing]?.key ?? ''))) return j + closing;
  // "Ban Dân tộc HĐND tỉnh": an abbreviated council keeps its level word.
  const level = longest(T, j, ADMIN);
  if (level > 0 && T[j - 1]?.upper && HEAD_ABBREVIATIONS[T[j - 1]?.text ?? ''] && !T[j + level]?.cap && j > i + 1) j += level;
  return j;
}
