/**
 * Calendar helpers for datelines: a day/month without a year gets the year that puts it nearest
 * before the item's publication time, read in Vietnam time (UTC+7), where the agency writes.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar day in Vietnam time. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The calendar day an instant falls on in Vietnam (UTC+7). */
export function vietnamDay(iso: string): CalendarDay | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return vietnamDayAt(ms);
}

function vietnamDayAt(ms: number): CalendarDay {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** True when year/month/day names a real calendar day (29/2 only in leap years). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** "YYYY-MM-DD" for a calendar day. */
export function formatDay(c: CalendarDay): string {
  return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
}

/** The day `offsetDays` away from the Vietnam-time day of `iso`. */
export function shiftDay(iso: string, offsetDays: number): CalendarDay | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const shifted = new Date(ms + offsetDays * DAY_MS);
  const time = shifted.getTime();
  // A valid Date's ISO string parses back to its own time, so the day is read from the time
  // directly (a string round trip cost more than the rest of a dateline's date). Out of the Date
  // range, toISOString throws its RangeError as before.
  return Number.isNaN(time) ? vietnamDay(shifted.toISOString()) : vietnamDayAt(time);
}

/**
 * The ISO day for day/month (and year when written): without a year, the nearest such date that
 * is not after publication + 1 day in Vietnam time (a story filed just before midnight may name
 * tomorrow's event). Null for impossible dates.
 */
export function resolveDayMonth(day: number, month: number, year: number | null, publishedIso: string): string | null {
  if (year !== null) {
    const y = year < 100 ? 2000 + year : year;
    return isValidDay(y, month, day) ? formatDay({ year: y, month, day }) : null;
  }
  const limit = shiftDay(publishedIso, 1);
  if (limit === null) return null;
  const limitKey = limit.year * 10000 + limit.month * 100 + limit.day;
  // Walk back from next year: 29/2 may need up to four years.
  for (let y = limit.year; y >= limit.year - 4; y--) {
    if (!isValidDay(y, month, day)) continue;
    if (y * 10000 + month * 100 + day <= limitKey) return formatDay({ year: y, month, day });
  }
  return null;
}
