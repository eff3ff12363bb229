/**
 * Strict feed date reading: RFC 822/2822 (RSS) and RFC 3339/ISO 8601 (Atom, JSON Feed, ninjs).
 * Date.parse is not used on its own because it accepts nonsense ("1" is 2001 in V8), and a wrong
 * date is worse than a missing one: the normalize stage falls back to receivedAt.
 */

const RFC822 =
  /^(?:[A-Za-z]{2,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:([A-Za-z]{1,5})|([+-])(\d{2}):?(\d{2}))?$/;
const ISO8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

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

function offsetOf(sign: string | undefined, hh: string | undefined, mm: string | undefined): number {
  if (!sign || !hh || !mm) return 0;
  const v = Number(hh) * 60 + Number(mm);
  return sign === '-' ? -v : v;
}

/**
 * Reads an RSS or Atom style date string; returns ISO 8601 (UTC) or null when unreadable.
 * Dates without a zone are taken as UTC.
 */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = raw.trim();
  if (s === '' || s.length > 64) return null;
  let m = ISO8601.exec(s);
  if (m) {
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms,
      m[8] ? 0 : offsetOf(m[9], m[10], m[11]));
  }
  m = RFC822.exec(s);
  if (m) {
    const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
    if (month === undefined) return null;
    let year = Number(m[3]);
    if (m[3]?.length === 2) year += year < 50 ? 2000 : 1900;
    let offset = 0;
    if (m[7]) {
      const z = ZONES[m[7].toLowerCase()];
      if (z === undefined) return null;
      offset = z;
    } else offset = offsetOf(m[8], m[9], m[10]);
    return build(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0, offset);
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
