/** Feed date reading: a table of real-world shapes, and round-trip properties against Date. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedDate, readDate } from '../../../src/producers/feed/dates.js';
import { decodeXmlEntities } from '../../../src/producers/feed/entities.js';

describe('parseFeedDate', () => {
  it.each([
    ['Wed, 02 Oct 2002 13:00:00 GMT', '2002-10-02T13:00:00.000Z'],
    ['Wed, 02 Oct 2002 15:00:00 +0200', '2002-10-02T13:00:00.000Z'],
    ['Wed, 2 Oct 2002 08:00:00 EST', '2002-10-02T13:00:00.000Z'],
    ['Wednesday, 02 October 2002 20:00:00 ICT', '2002-10-02T13:00:00.000Z'],
    ['02 Oct 2002 13:00 UT', '2002-10-02T13:00:00.000Z'],
    ['Wed, 02 Oct 02 13:00:00 Z', '2002-10-02T13:00:00.000Z'],
    ['Wed, 02 Oct 2002 20:00:00 +07:00', '2002-10-02T13:00:00.000Z'],
    ['2002-10-02T13:00:00Z', '2002-10-02T13:00:00.000Z'],
    ['2002-10-02T20:00:00+07:00', '2002-10-02T13:00:00.000Z'],
    ['2002-10-02 13:00:00', '2002-10-02T13:00:00.000Z'],
    ['2002-10-02', '2002-10-02T00:00:00.000Z'],
    ['2002-10-02T13:00:00.999999999Z', '2002-10-02T13:00:00.999Z'],
    ['  2002-10-02T13:00:00Z  ', '2002-10-02T13:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('%s → %s', (raw, want) => {
    expect(parseFeedDate(raw)).toBe(want);
  });

  it.each([
    '', 'yesterday', '1', '2023', '2023-02-29T00:00:00Z', '2023-13-01', '2023-01-32', 'Wed, 02 Foo 2002 13:00:00 GMT',
    'Wed, 02 Oct 2002 24:00:00 GMT', 'Wed, 02 Oct 2002 13:60:00 GMT', 'Wed, 02 Oct 2002 13:00:00 XYZ', '02/10/2002 13:00',
    '0000-01-01T00:00:00Z', '9999-12-31T00:00:00Z',
  ])('%j → null', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });

  it('round-trips any date through its RFC 822 and ISO spellings', () => {
    const dates = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(dates, (d) => {
        expect(parseFeedDate(d.toISOString())).toBe(d.toISOString());
        const seconds = new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();
        expect(parseFeedDate(d.toUTCString())).toBe(seconds);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and returns null or a valid ISO string for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseFeedDate(s);
        expect(r === null || new Date(r).toISOString() === r).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

/** Spells `instant` as the wall-clock time `offsetMin` east of UTC, in each shape; callers add the zone. */
function wallClock(instant: Date, offsetMin: number) {
  const w = new Date(instant.getTime() + offsetMin * 60_000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMin < 0 ? '-' : '+';
  const hh = p2(Math.floor(Math.abs(offsetMin) / 60));
  const mm = p2(Math.abs(offsetMin) % 60);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][w.getUTCDay()]!;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][w.getUTCMonth()]!;
  const time = `${p2(w.getUTCHours())}:${p2(w.getUTCMinutes())}:${p2(w.getUTCSeconds())}`;
  const isoDay = `${w.getUTCFullYear()}-${p2(w.getUTCMonth() + 1)}-${p2(w.getUTCDate())}`;
  return {
    rfc822: (zone: string) => `${day}, ${p2(w.getUTCDate())} ${month} ${w.getUTCFullYear()} ${time} ${zone}`,
    toStringForm: (zone: string) => `${day} ${month} ${p2(w.getUTCDate())} ${w.getUTCFullYear()} ${time} ${zone}`,
    iso: (zone: string) => `${isoDay}T${time}${zone}`,
    sign, hh, mm, hour: String(Math.floor(Math.abs(offsetMin) / 60)),
  };
}

describe('parseFeedDate: zone spellings CMSs send beyond strict RFC 822', () => {
  it.each([
    // RFC 2822 allows a comment after the zone.
    ['Thu, 27 Nov 2025 16:49:12 +0700 (ICT)', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 09:49:12 GMT (Greenwich Mean Time)', '2025-11-27T09:49:12.000Z'],
    // GMT/UTC/UT prefixed offsets, as Vietnamese CMSs write them.
    ['Thu, 27 Nov 2025 16:49:12 GMT+7', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 GMT+07:00', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 GMT+0700', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 GMT +0700', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 UTC+7', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 UTC+07', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 utc+07:00', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 UT+7', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 GMT-0500', '2025-11-27T21:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 GMT-5', '2025-11-27T21:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 GMT+05:30', '2025-11-27T11:19:12.000Z'],
    // Hour-only offsets.
    ['Thu, 27 Nov 2025 16:49:12 +07', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 +7', '2025-11-27T09:49:12.000Z'],
    ['Thu, 27 Nov 2025 16:49:12 -03', '2025-11-27T19:49:12.000Z'],
    ['2025-11-27T16:49:12+07', '2025-11-27T09:49:12.000Z'],
    ['2025-11-27T16:49:12-03', '2025-11-27T19:49:12.000Z'],
    ['2025-11-27 16:49+07', '2025-11-27T09:49:00.000Z'],
    // Date.prototype.toString().
    ['Thu Nov 27 2025 16:49:12 GMT+0700 (Indochina Time)', '2025-11-27T09:49:12.000Z'],
    ['Thu Nov 27 2025 04:49:12 GMT-0500 (Eastern Standard Time)', '2025-11-27T09:49:12.000Z'],
    ['Thu Nov 27 2025 10:49:12 GMT+0100 (Central European Standard Time)', '2025-11-27T09:49:12.000Z'],
    ['Thu Nov 27 2025 16:49:12 GMT+0700', '2025-11-27T09:49:12.000Z'],
    // The widest real zones.
    ['Thu, 27 Nov 2025 23:49:12 +1400', '2025-11-27T09:49:12.000Z'],
    ['Wed, 26 Nov 2025 19:49:12 -1400', '2025-11-27T09:49:12.000Z'],
  ])('%s → %s', (raw, want) => {
    expect(parseFeedDate(raw)).toBe(want);
  });

  it.each([
    // Offsets no place on earth uses.
    'Thu, 27 Nov 2025 16:49:12 +1401', 'Thu, 27 Nov 2025 16:49:12 -1500', 'Thu, 27 Nov 2025 16:49:12 +0760',
    'Thu, 27 Nov 2025 16:49:12 GMT+15', 'Thu, 27 Nov 2025 16:49:12 UTC+14:30', '2025-11-27T16:49:12+15',
    '2025-11-27T16:49:12+14:01', 'Thu Nov 27 2025 16:49:12 GMT+2400 (Nowhere)',
    // Impossible dates and times in the new shapes.
    'Thu Feb 30 2025 16:49:12 GMT+0700 (Indochina Time)', 'Thu Nov 27 2025 24:00:00 GMT+0700', 'Thu Foo 27 2025 16:49:12 GMT+0700',
    'Thu, 30 Feb 2025 16:49:12 GMT+7', '2025-02-30T16:49:12+07',
    // A comment without a zone names the zone only in words; reading it as UTC could be hours off.
    'Thu, 27 Nov 2025 16:49:12 (ICT)', 'Thu Nov 27 2025 16:49:12 (Indochina Time)',
    // Malformed offsets and comments.
    'Thu, 27 Nov 2025 16:49:12 ICT+7', 'Thu, 27 Nov 2025 16:49:12 GMT+', 'Thu, 27 Nov 2025 16:49:12 +07:0',
    'Thu, 27 Nov 2025 16:49:12 +123', '2025-11-27T16:49:12+7', 'Thu, 27 Nov 2025 16:49:12 +0700 (ICT) extra',
    `Thu, 27 Nov 2025 16:49:12 +0700 (${'x'.repeat(120)})`, '(ICT)', 'Thu, 27 Nov 2025 16:49:12 +0700 ((ICT))',
  ])('%j stays null', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });

  const instants = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true });
  const offsets = fc.integer({ min: -14 * 60, max: 14 * 60 });
  const toSecond = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();

  it('reads any instant back exactly from its wall-clock time in any zone, however the zone is spelled', () => {
    fc.assert(
      fc.property(instants, offsets, (d, off) => {
        const w = wallClock(d, off);
        const want = toSecond(d);
        const spellings = [
          w.rfc822(`${w.sign}${w.hh}${w.mm} (Some Zone)`),
          w.rfc822(`GMT${w.sign}${w.hh}:${w.mm}`),
          w.rfc822(`UTC ${w.sign}${w.hh}${w.mm}`),
          w.toStringForm(`GMT${w.sign}${w.hh}${w.mm} (Some Standard Time)`),
          w.iso(`${w.sign}${w.hh}:${w.mm}`),
        ];
        if (w.mm === '00') {
          spellings.push(w.rfc822(`GMT${w.sign}${w.hour}`), w.rfc822(`UTC${w.sign}${w.hh}`), w.rfc822(`${w.sign}${w.hh}`), w.iso(`${w.sign}${w.hh}`));
        }
        for (const s of spellings) expect([s, parseFeedDate(s)]).toEqual([s, want]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back what Date.prototype.toString() printed, in whatever zone the process runs', () => {
    fc.assert(
      fc.property(instants, (d) => {
        expect([d.toString(), parseFeedDate(d.toString())]).toEqual([d.toString(), toSecond(d)]);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every offset beyond ±14:00 in every spelling', () => {
    const beyond = fc.oneof(fc.integer({ min: 14 * 60 + 1, max: 99 * 60 + 59 }), fc.integer({ min: -(99 * 60 + 59), max: -(14 * 60 + 1) }));
    fc.assert(
      fc.property(instants, beyond, (d, off) => {
        const w = wallClock(d, off);
        for (const s of [
          w.rfc822(`${w.sign}${w.hh}${w.mm}`), w.rfc822(`GMT${w.sign}${w.hh}:${w.mm}`), w.toStringForm(`GMT${w.sign}${w.hh}${w.mm} (X)`),
          w.iso(`${w.sign}${w.hh}:${w.mm}`),
        ]) expect([s, parseFeedDate(s)]).toEqual([s, null]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('readDate', () => {
  it('reads the first non-blank candidate and flags it invalid when unreadable', () => {
    expect(readDate(null, '  ', 'Wed, 02 Oct 2002 13:00:00 GMT')).toEqual({ iso: '2002-10-02T13:00:00.000Z', invalid: false });
    expect(readDate('garbage', '2002-10-02')).toEqual({ iso: null, invalid: true });
    expect(readDate(null, undefined)).toEqual({ iso: null, invalid: false });
  });
});

describe('decodeXmlEntities', () => {
  it.each([
    ['a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;', 'a & b <c> "d" \'e\''],
    ['&#8217; &#x2019; &#X1F600;', '\u2019 \u2019 😀'],
    ['&nbsp;&eacute;&Agrave;&yuml;&ndash;&hellip;&euro;', '\u00a0éÀÿ–…€'],
    ['&amp;amp; stays single-decoded', '&amp; stays single-decoded'],
    ['&unknown; &#0; &#xD800; &#x110000; & alone', '&unknown; &#0; &#xD800; &#x110000; & alone'],
    ['no entities at all', 'no entities at all'],
  ])('%j → %j', (raw, want) => {
    expect(decodeXmlEntities(raw)).toBe(want);
  });
});
