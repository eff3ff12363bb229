/**
 * Strict feed date reading: RFC 822/2822 (RSS), RFC 3339/ISO 8601 (Atom, JSON Feed, ninjs), and
 * the JavaScript Date.prototype.toString() shape that some CMSs print straight into pubDate.
 * Date.parse is not used on its own because it accepts nonsense ("1" is 2001 in V8), and a wrong
 * date is worse than a missing one: the normalize stage falls back to receivedAt.
 */

/**
 * One zone spelling, checked by zoneOffset: a name ("ICT"), or a numeric offset optionally after
 * GMT/UTC/UT ("+0700", "+07:00", "+07", "GMT+7", "UTC+07:00"), as Vietnamese CMSs emit.
 */
const ZONE = String.raw`(?<zone>(?:[A-Za-z]{2,3}\s*)?[+-][\d:]{1,5}|[A-Za-z]{1,5})`;
const RFC822 = new RegExp(
  String.raw`^(?:[A-Za-z]{2,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*${ZONE}?$`,
);
/** Date.prototype.toString(): "Thu Nov 27 2025 16:49:12 GMT+0700", the "(Indochina Time)" already cut off. */
const DATE_TO_STRING = new RegExp(
  String.raw`^(?:[A-Za-z]{2,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*${ZONE}?$`,
);
const ISO8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
/** RFC 2822 allows a comment after the zone ("+0700 (ICT)"); it carries no meaning, so it is dropped. */
const TRAILING_COMMENT = /\s*\([^()]*\)$/;
const NUMERIC_OFFSET = /^(?:(gmt|utc|ut)\s*)?([+-])(?:(\d{2})(\d{2})|(\d{1,2})(?::(\d{2}))?)$/i;
/** Real zones run from -12:00 to +14:00; past ±14:00 an offset is a typo, not a place. */
const MAX_OFFSET_MIN = 14 * 60;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** RFC 822 zone names plus the ones agencies in this region actually send. */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  ict: 420, bst: 60, cet: 60, cest: 120, jst: 540, hkt: 480, sgt: 480,
};

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  const check = new Date(Date.UTC(y, mo - 1, d));
  // Rejects 31 February and friends, which Date.UTC silently rolls over.
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  const t = utc - offsetMin * 60_000;
  if (!Number.isFinite(t) || y < 1900 || y > 2200) return null;
  return new Date(t).toISOString();
}

/** Minutes east of UTC for one zone spelling, or null when it is unknown or out of range. */
function zoneOffset(zone: string): number | null {
  const m = NUMERIC_OFFSET.exec(zone);
  if (!m) return ZONES[zone.toLowerCase()] ?? null;
  const hours = Number(m[3] ?? m[5]);
  const minutes = Number(m[4] ?? m[6] ?? 0);
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > MAX_OFFSET_MIN) return null;
  return m[2] === '-' ? -total : total;
}

function monthOf(name: string | undefined): number | undefined {
  return MONTHS[(name ?? '').slice(0, 3).toLowerCase()];
}

/** RFC 822 years may have two digits; 50 and later are the 1900s, as RFC 2822 section 4.3 says. */
function fullYear(y: string | undefined): number {
  const n = Number(y);
  return y?.length === 2 ? n + (n < 50 ? 2000 : 1900) : n;
}

/**
 * Offset of the zone a date gave. Without one the date is taken as UTC, except when a comment
 * followed: "16:49:12 (ICT)" names its zone only in words we cannot trust, and reading it as UTC
 * could put the story hours off.
 */
function offsetFor(zone: string | undefined, commented: boolean): number | null {
  if (zone === undefined) return commented ? null : 0;
  return zoneOffset(zone);
}

/**
 * Reads an RSS or Atom style date string; returns ISO 8601 (UTC) or null when unreadable.
 * Dates without a zone are taken as UTC.
 */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  // The comment may be long ("(Central European Summer Time)"); the date itself may not.
  if (trimmed.length > 128) return null;
  const s = trimmed.replace(TRAILING_COMMENT, '');
  const commented = s !== trimmed;
  if (s === '' || s.length > 64) return null;
  let m = ISO8601.exec(s);
  if (m) {
    const offset = offsetFor(m.groups?.['zone'], commented);
    if (offset === null) return null;
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offset);
  }
  m = RFC822.exec(s);
  if (m) {
    const month = monthOf(m[2]);
    const offset = offsetFor(m.groups?.['zone'], commented);
    if (month === undefined || offset === null) return null;
    return build(fullYear(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0, offset);
  }
  m = DATE_TO_STRING.exec(s);
  if (m) {
    const month = monthOf(m[1]);
    const offset = offsetFor(m.groups?.['zone'], commented);
    if (month === undefined || offset === null) return null;
    return build(Number(m[3]), month, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0, offset);
  }
  return null;
}

/** A parsed date plus whether the source gave one that could not be read. */
export interface DateReading {
  iso: string | null;
  invalid: boolean;
}

/** Reads the first non-blank candidate; `invalid` is true when one was given but unreadable. */
export function readDate(...candidates: (string | null | undefined)[]): DateReading {
  for (const c of candidates) {
    if (c === null || c === undefined || c.trim() === '') continue;
    const iso = parseFeedDate(c);
    return { iso, invalid: iso === null };
  }
  return { iso: null, invalid: false };
}
