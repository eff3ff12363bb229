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
