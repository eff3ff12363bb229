/**
 * Datelines: the "Place (Agency) - Day date," prefix agency copy opens its first body paragraph
 * with, in the Vietnamese, English and French house styles of the national wire service.
 */
import { resolveDayMonth, shiftDay, formatDay } from './dates.js';
import { AGENCY_CHAIN_SOURCE } from './lexicon.js';

/** What a dateline prefix says, plus the paragraph text after it. */
export interface DatelineMatch {
  place: string | null;
  date: string | null;
  agency: string | null;
  /** The prefix exactly as written, e.g. "TTXVN - Ngày 2/8,". */
  raw: string;
  /** The paragraph after the prefix, as written (not re-capitalized). */
  rest: string;
  /** 'agency' when an agency mark anchors it; 'date' for a bare opening date ("Đêm 6/9, ..."). */
  strength: 'agency' | 'date';
}

const DASH = '[-–—]';
// Agencies written bare before the dash ("TTXVN - Ngày 2/8, ..."): only known marks, so an
// ordinary sentence with a dash is never mistaken for a dateline.
const BARE_AGENCY = '(?:TTXVN|VNA|Vietnam\\+|VietnamPlus|CVN|VNS|VOV|VTV)(?:\\s*\\/\\s*(?:TTXVN|VNA|Vietnam\\+|VietnamPlus|CVN|VNS|VNP))*';
// In parentheses only known agency marks, so "Bộ Y tế (BYT) - ..." is never read as a dateline.
const PAREN_AGENCY = AGENCY_CHAIN_SOURCE;
// Up to six words, joined by spaces or hyphens/dashes: "Bà Rịa - Vũng Tàu", "Hô Chi Minh-Ville".
const PLACE = "[\\p{Lu}][\\p{L}\\p{M}.'’]*(?:(?:\\s*[-–]\\s*|\\s+)[\\p{L}\\p{M}.'’]+){0,5}";

const MONTHS: Readonly<Record<string, number>> = Object.freeze({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
});
const MONTH_NAME = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)';
// Date written inside the place part: "Hanoi, May 20", "Hanoï, 20 mai", "Hà Nội, 20/5",
// "Hà Nội, ngày 20/5", "Hà Nội, ngày 20 tháng 5 năm 2024".
const PLACE_DATE = `(?:${MONTH_NAME}\\s+\\d{1,2}(?:,?\\s*\\d{4})?|(?:le\\s+)?\\d{1,2}(?:er)?\\s+${MONTH_NAME}(?:\\s+\\d{4})?|(?:(?:[Nn]gày|NGÀY)\\s+)?(?:\\d{1,2}\\s*\\/\\s*\\d{1,2}(?:\\s*\\/\\s*\\d{2,4})?|\\d{1,2}\\s+(?:tháng|THÁNG)\\s+\\d{1,2}(?:\\s+(?:năm|NĂM)\\s+\\d{4})?))`;

const AGENCY_PAREN_RE = new RegExp(
  `^(?:(${PLACE})(?:\\s*,\\s*(${PLACE_DATE}))?\\s*)?\\((${PAREN_AGENCY})\\)\\s*${DASH}+\\s*`,
  'u',
);
const AGENCY_BARE_RE = new RegExp(`^(${BARE_AGENCY})\\s*${DASH}+\\s*`, 'u');

// Time-of-day words: never places. "Rạng sáng" = small hours, "Trưa" = noon, "Đêm" = night.
const TIME_WORD = '(?:[Rr]ạng sáng|[Ss]áng sớm|[Ss]áng|[Tt]rưa|[Cc]hiều tối|[Cc]hiều muộn|[Cc]hiều|[Tt]ối muộn|[Tt]ối|[Đđ]êm|[Kk]huya|[Cc]uối ngày|[Đđ]ầu giờ sáng|[Đđ]ầu giờ chiều|[Gg]iữa trưa)';
const DAY_WORD = '(?:[Nn]gày|[Hh]ôm)';
// A clock time before the time-of-day or day word: "10 giờ sáng 14/3", "Lúc 9h30 ngày 14/3".
const CLOCK = '(?:(?:[Vv]ào\\s+)?(?:[Ll]úc\\s+|[Kk]hoảng\\s+)?\\d{1,2}\\s*(?:giờ|h)(?:\\s*\\d{1,2}(?:\\s*phút)?)?\\s+)';
// "thứ Sáu", "thứ 6", "Chủ nhật": the weekday written before the date ("Sáng thứ Sáu (14/3),").
const WEEKDAY = '(?:[Tt]hứ\\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|[Cc]hủ\\s+[Nn]hật)';
// A day range ("13-14/3", "20 - 21/5", "13 và 14/3") names its first day; the range's second
// number must be followed by "/" or "." so "2-8-24" stays day 2, month 8, year 24.
const NUMERIC_DATE = '(\\d{1,2})(?:\\s*(?:[-–]|và|đến)\\s*\\d{1,2}(?=\\s*[/.]\\s*\\d))?\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}|\\d{2}))?';
const WORDED_DATE = '(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s+năm\\s+(\\d{4}))?';
// "(giờ địa phương)", "(theo giờ Hà Nội)", or the same without parentheses: "theo giờ địa phương".
const LOCAL_TIME = '(?:\\s*\\([^()]{1,40}\\)|\\s+(?:theo\\s+)?giờ\\s+[^,()]{1,30})?';
// "Theo phóng viên TTXVN tại Mỹ," — the correspondent attribution that belongs to the dateline.
const CORRESPONDENT = '(?:Theo (?:phóng viên|PV|đặc phái viên|Đặc phái viên)(?: thường trú)?(?: (?:TTXVN|VNA))?(?: tại (?:khu vực )?[^,]{1,40})?\\s*,\\s*)?';
// Groups: 1 the "(" after a weekday, 2–4 numeric day/month/year, 5–7 worded day/month/year,
// 8 the ")" closing the weekday's parenthesis (checked against group 1 in matchDatePhrase).
const VI_DATE_PHRASE_RE = new RegExp(
  `^${CORRESPONDENT}(?:${CLOCK}?(?:${TIME_WORD}\\s+(?:${DAY_WORD}\\s+)?|${DAY_WORD}\\s+))?(?:${WEEKDAY}(?:\\s*(\\()|,?\\s+))?(?:${NUMERIC_DATE}|${WORDED_DATE})(\\))?${LOCAL_TIME}\\s*,\\s*`,
  'u',
);
const VI_RELATIVE_RE = new RegExp(`^${CORRESPONDENT}${CLOCK}?(?:${TIME_WORD}|${DAY_WORD}) (nay|qua)${LOCAL_TIME}\\s*,\\s*`, 'u');
const TIME_WORD_ONLY_RE = new RegExp(`^${TIME_WORD}$`, 'u');
const EN_MONTH_DAY_RE = new RegExp(`^(${MONTH_NAME})\\s+(\\d{1,2})(?:,?\\s*(\\d{4}))?$`, 'u');
const DAY_MONTH_RE = new RegExp(`^(?:le\\s+)?(\\d{1,2})(?:er)?\\s+(${MONTH_NAME})(?:\\s+(\\d{4}))?$`, 'u');
const NUM_DAY_MONTH_RE = /^(?:(?:[Nn]gày|NGÀY)\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{2,4}))?$/;
const WORDED_DAY_MONTH_RE = /^(?:(?:[Nn]gày|NGÀY)\s+)?(\d{1,2})\s+(?:tháng|THÁNG)\s+(\d{1,2})(?:\s+(?:năm|NĂM)\s+(\d{4}))?$/;

function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

function parsePlaceDate(text: string, publishedIso: string): string | null {
  let m = EN_MONTH_DAY_RE.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month === null ? null : resolveDayMonth(Number(m[2]), month, m[3] ? Number(m[3]) : null, publishedIso);
  }
  m = DAY_MONTH_RE.exec(text);
  if (m) {
    const month = monthNumber(m[2]!);
    return month === null ? null : resolveDayMonth(Number(m[1]), month, m[3] ? Number(m[3]) : null, publishedIso);
  }
  m = NUM_DAY_MONTH_RE.exec(text) ?? WORDED_DAY_MONTH_RE.exec(text);
  if (m) return resolveDayMonth(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, publishedIso);
  return null;
}

interface DatePhrase {
  date: string | null;
  length: number;
}

/** A Vietnamese opening date phrase ("Chiều 20/5,", "Ngày 2 tháng 8,", "Sáng nay,"), if any. */
function matchDatePhrase(text: string, publishedIso: string): DatePhrase | null {
  const m = VI_DATE_PHRASE_RE.exec(text);
  // "thứ Sáu (14/3" without its ")" (or a stray ")") is not a date phrase.
  if (m && (m[1] === undefined) === (m[8] === undefined)) {
    const day = Number(m[2] ?? m[5]);
    const month = Number(m[3] ?? m[6]);
    const yearText = m[4] ?? m[7];
    return { date: resolveDayMonth(day, month, yearText ? Number(yearText) : null, publishedIso), length: m[0].length };
  }
  const r = VI_RELATIVE_RE.exec(text);
  if (r) {
    const day = shiftDay(publishedIso, r[1] === 'qua' ? -1 : 0);
    return { date: day ? formatDay(day) : null, length: r[0].length };
  }
  return null;
}

/**
 * Reads the dateline prefix at the start of a paragraph, or null when it has none. The year of a
 * day/month date comes from `publishedIso` (see resolveDayMonth).
 */
export function parseDateline(paragraph: string, publishedIso: string): DatelineMatch | null {
  let place: string | null = null;
  let agency: string | null = null;
  let date: string | null = null;
  let consumed = 0;
  let strength: DatelineMatch['strength'] = 'agency';

  // The place and date before "(Agency)" hold no "(": a paragraph without one cannot match, and
  // most paragraphs have none (the regex's \p{…} classes cost more than this scan).
  const paren = paragraph.includes('(') ? AGENCY_PAREN_RE.exec(paragraph) : null;
  const bare = paren ? null : AGENCY_BARE_RE.exec(paragraph);
  if (paren) {
    place = paren[1] ?? null;
    if (place !== null && TIME_WORD_ONLY_RE.test(place)) place = null;
    if (paren[2]) date = parsePlaceDate(paren[2], publishedIso);
    agency = paren[3]!.replace(/\s+/g, '');
    consumed = paren[0].length;
  } else if (bare) {
    agency = bare[1]!.replace(/\s+/g, '');
    consumed = bare[0].length;
  } else {
    strength = 'date';
  }

  const after = paragraph.slice(consumed);
  const phrase = matchDatePhrase(after, publishedIso);
  if (phrase) {
    date = date ?? phrase.date;
    consumed += phrase.length;
  } else if (strength === 'date') {
    return null;
  }
  const raw = paragraph.slice(0, consumed).trimEnd();
  return { place, date, agency, raw, rest: paragraph.slice(consumed).trimStart(), strength };
}

/**
 * The date a paragraph opens with when it is not stripped as a dateline (e.g. "Sáng 20/5 tại Hà
 * Nội, ..." with no comma after the date, or "Trong hai ngày 20 - 21/5, ..." whose span belongs
 * to the sentence): used only to fill dateline.date.
 */
export function openingDate(paragraph: string, publishedIso: string): string | null {
  const m = OPENING_DATE_RE.exec(paragraph);
  if (!m) return null;
  return resolveDayMonth(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, publishedIso);
}
// "Trong hai ngày 20 - 21/5" (over two days, 20–21 May) gives its first day.
const SPAN_OPENING = '[Tt]rong\\s+(?:hai|ba|bốn|năm|\\d)\\s+ngày\\s+';
const OPENING_DATE_RE = new RegExp(`^(?:${TIME_WORD}\\s+(?:${DAY_WORD}\\s+)?|${DAY_WORD}\\s+|${SPAN_OPENING})${NUMERIC_DATE}\\b`, 'u');
