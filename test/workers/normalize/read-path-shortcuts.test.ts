/**
 * The read path's cheaper forms give exactly what the forms they replace gave: each is checked
 * against the earlier formulation (kept here as the reference), on generated text rich in what
 * the shortcut looks for, and on the edge cases written out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../../src/workers/normalize/dateline.js';
import { resolveDayMonth, shiftDay, vietnamDay } from '../../../src/workers/normalize/dates.js';
import { hasEndMark, isSignOff, parseBylineLine, stripEndMark } from '../../../src/workers/normalize/tail.js';
import { canonicalTonePlacement, normalizeText, toneInsensitiveKey, toneInsensitiveWords } from '../../../src/workers/normalize/text.js';
import { isAgencyMark } from '../../../src/workers/normalize/lexicon.js';

const pieces = [
  ' ', '  ', '\t', '\n', '\n\n', '\n\n\n', ' \n', '\n ', ' \n ', '\r\n', '\u00A0', '\u2000', '\u2028', '\u3000', '\uFEFF', '\u200B',
  '.', '/', './.', '/.', '. / .', '/ .', '.\u00A0/\u00A0.', '(', ')', '(TTXVN)', '(VNA)', '(Ảnh: TTXVN)', '(Bộ Y tế)', ' - ', ' – ',
  'Hà Nội', 'Hanoi', 'TTXVN', 'Minh Tâm', 'Ngày 2/8,', 'Chiều 20/5,', 'Sáng nay,', ', May 20', 'hòa', 'Hòa', 'HÒA', 'thúy', 'THÚY',
  'khỏe', 'KHỎE', 'hoà', 'ó', 'ú', 'a', 'e', 'y', 'A', 'E', 'Y', 'o\u0301a', 'u\u0301y', 'x', '😀', '\ud800', '1', '20',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const RUNS = { numRuns: 4_000 };

// ---- The earlier formulations, as references.
const END_MARK_RE = /\s*(?:\.\s*\/\s*\.|\/\s*\.)\s*$/u;
const OLD_SPACE_AROUND_NEWLINE = / *\n */g;
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const PLACEMENT = new Map<string, string>();
for (const [first, second] of [['o', 'a'], ['o', 'e'], ['u', 'y']] as const) {
  for (const tone of TONES) {
    for (const f of [first, first.toUpperCase()]) {
      for (const s of [second, second.toUpperCase()]) PLACEMENT.set((f + tone).normalize('NFC') + s, f + (s + tone).normalize('NFC'));
    }
  }
}
const OLD_PLACEMENT_RE = (() => {
  const firstsBySecond = new Map<string, string>();
  for (const key of PLACEMENT.keys()) firstsBySecond.set(key.charAt(1), (firstsBySecond.get(key.charAt(1)) ?? '') + key.charAt(0));
  return new RegExp([...firstsBySecond].map(([second, firsts]) => `[${firsts}]${second}`).join('|'), 'gu');
})();

function referenceCanonical(t: string): string {
  return t.normalize('NFC').replace(OLD_PLACEMENT_RE, (m) => PLACEMENT.get(m) ?? m);
}

function referenceShiftDay(iso: string, offsetDays: number): ReturnType<typeof vietnamDay> {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return vietnamDay(new Date(ms + offsetDays * 24 * 60 * 60 * 1000).toISOString());
}

// parseBylineLine as it was, with the trailing-group replace tried on every line.
const NAME_WORD = "[\\p{Lu}][\\p{L}\\p{M}'’.-]*";
const NAME_RE = new RegExp(`^${NAME_WORD}(?:\\s+(?:(?:de|du|da|van|von|le|la|bin|binti)\\s+)?${NAME_WORD}){0,4}$`, 'u');
function referenceParseBylineLine(line: string): string[] | null {
  if (isSignOff(line)) return [];
  const prefix = /^(?:(?:Bài và ảnh|Tin và ảnh|Tin, ảnh|Bài, ảnh|Bài|Tin|Nhóm phóng viên|Phóng viên|PV|Story and photos by|Text and photos|Reported by|By|Par)\s*:?\s+)/iu;
  const text = line.trim().replace(prefix, '').replace(/\s*\((?:[^()]*)\)\s*$/u, (m) => (isAgencyMark(m.replace(/[()]/g, '')) ? '' : m));
  if (text.length === 0 || text.length > 90) return null;
  const names: string[] = [];
  for (const part of text.split(/\s*(?:\s[-–—]\s|,|;|\/|\s&\s|\svà\s|\sand\s|\set\s)\s*/u)) {
    const p = part.trim();
    if (p === '' || isAgencyMark(p) || /^(?:PV|BTV|CTV|Nhóm PV|Nhóm phóng viên|Phóng viên|Staff|Staff writer)$/u.test(p)) continue;
    if (!NAME_RE.test(p)) return null;
    names.push(p);
  }
  return names;
}

describe('end mark', () => {
  it('hasEndMark is the regex it replaces', () => {
    fc.assert(fc.property(text, (t) => {
        expect(hasEndMark(t)).toBe(END_MARK_RE.test(t));
      }), RUNS);
  });

  it('reads the end mark whatever whitespace sits around it', () => {
    for (const t of ['Hết./.', 'Hết. / .', 'Hết /.', 'Hết/.\u00A0', 'Hết./.\n', 'Hết.\u3000/\u3000.']) expect([t, hasEndMark(t)]).toEqual([t, true]);
    for (const t of ['Hết.', 'Hết/', '/', '.', '', ' ', 'a/b.', 'Hết./.x', './\u200B.']) expect([t, hasEndMark(t)]).toEqual([t, END_MARK_RE.test(t)]);
  });

  it('stripEndMark is the regex form it replaces', () => {
    const referenceStrip = (p: string): string => {
      if (!END_MARK_RE.test(p)) return p;
      const t = p.replace(/\s*\/\s*\.\s*$/u, '').trimEnd();
      return /[.!?…](?:["”’»)]*)$|["”’»)]\.$/u.test(t) ? t : `${t}.`;
    };
    fc.assert(fc.property(text, (t) => {
        expect(stripEndMark(t)).toBe(referenceStrip(t));
      }), RUNS);
  });
});

describe('byline line', () => {
  it('reads a trailing parenthesized group only where the line ends in ")", as the full replace does', () => {
    const lines = fc.oneof(
      text,
      fc.array(fc.constantFrom('Minh Tâm', 'Thu Hương', ' ', '(TTXVN)', '(VNA)', '(PV TTXVN tại Bắc Kinh)', ')', '(', 'Bài: ', ' - ', '\u00A0', '\t', '\u3000'), { maxLength: 8 }).map((a) => a.join('')),
    );
    fc.assert(fc.property(lines, (line) => {
        expect(parseBylineLine(line)).toEqual(referenceParseBylineLine(line));
      }), RUNS);
    expect(parseBylineLine('Minh Tâm (TTXVN)')).toEqual(['Minh Tâm']);
    expect(parseBylineLine('Minh Tâm (TTXVN) \u00A0')).toEqual(['Minh Tâm']);
    expect(parseBylineLine('Minh Tâm (Bắc Kinh)')).toBeNull();
    expect(parseBylineLine('Bài: Minh Tâm - Thu Hương (VNA)')).toEqual(['Minh Tâm', 'Thu Hương']);
  });
});

describe('text keys', () => {
  it('canonicalTonePlacement is the NFC and replace it was', () => {
    fc.assert(fc.property(text, (t) => {
        expect(canonicalTonePlacement(t)).toBe(referenceCanonical(t));
      }), RUNS);
  });

  it('moves every old-style pair, upper and lower case, and no other', () => {
    for (const [from, to] of PLACEMENT) expect(canonicalTonePlacement(`x${from}${from}x`)).toBe(`x${to}${to}x`);
    expect(canonicalTonePlacement('óóa úúy ó a')).toBe('óoá úuý ó a');
  });

  it('toneInsensitiveWords splits toneInsensitiveKey, a word at the very end included', () => {
    fc.assert(fc.property(text, (t) => {
        expect(toneInsensitiveWords(t)).toEqual(toneInsensitiveKey(t).split(' '));
      }), RUNS);
    expect(toneInsensitiveWords('Hòa')).toEqual(['hoà']);
    expect(toneInsensitiveWords('a, b')).toEqual(['a', 'b']);
    expect(toneInsensitiveWords('...')).toEqual(['']);
  });

  it('toneInsensitiveKey is the whole-text formulation', () => {
    const NON_WORD = String.raw`[\s!-/:-@[-\`{-~\u00A1-\u00A9\u00AB-\u00B4\u00B6-\u00B9\u00BB-\u00BF\u00D7\u00F7\u2010-\u206F\u3000-\u303F]`;
    const fold = new RegExp(`${NON_WORD}+`, 'g');
    fc.assert(fc.property(text, (t) => {
        expect(toneInsensitiveKey(t)).toBe(referenceCanonical(t.toLowerCase()).replace(fold, ' ').trim());
      }), RUNS);
  });
});

describe('normalizeText', () => {
  it('removes spaces around newlines as / *\\n */g did, touching only newlines that have them', () => {
    fc.assert(fc.property(text, (t) => {
        const reference = t
          .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
          .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u00AD]/g, '')
          .normalize('NFC')
          .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
          .replace(/ {2,}/g, ' ')
          .replace(OLD_SPACE_AROUND_NEWLINE, '\n')
          .replace(/\n{3,}/g, '\n\n')
          .trim();
        expect(normalizeText(t)).toBe(reference);
      }), RUNS);
  });
});

describe('dates', () => {
  const instants = fc.oneof(
    fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2026-11-27T16:59:59.999Z', '2026-11-27T17:00:00.000Z', '2024-02-28T17:00:00Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', 'not a date', ''),
  );

  it('shiftDay is the ISO round trip it replaces, the Date range edges included', () => {
    fc.assert(fc.property(instants, fc.integer({ min: -2, max: 2 }), (iso, offset) => {
        let want: unknown;
        let got: unknown;
        try {
          want = referenceShiftDay(iso, offset);
        } catch (e) {
          want = `${(e as Error).name}: ${(e as Error).message}`;
        }
        try {
          got = shiftDay(iso, offset);
        } catch (e) {
          got = `${(e as Error).name}: ${(e as Error).message}`;
        }
        expect(got).toEqual(want);
      }), RUNS);
  });

  it('resolves a day/month against the Vietnam-time day after publication', () => {
    expect(resolveDayMonth(28, 11, null, '2026-11-27T17:30:00Z')).toBe('2026-11-28');
    expect(resolveDayMonth(29, 11, null, '2026-11-27T17:30:00Z')).toBe('2026-11-29');
    expect(resolveDayMonth(30, 11, null, '2026-11-27T17:30:00Z')).toBe('2025-11-30');
    expect(() => shiftDay('+275760-09-13T00:00:00.000Z', 1)).toThrow(RangeError);
  });
});

describe('dateline', () => {
  it('reads an agency dateline in parentheses, with and without a place, and none in a paragraph without "("', () => {
    const published = '2026-11-27T03:00:00Z';
    expect(parseDateline('Hà Nội (TTXVN) - Ngày 2/8, ...', published)).toMatchObject({ place: 'Hà Nội', agency: 'TTXVN', date: '2026-08-02' });
    expect(parseDateline('(VNA) - Hanoi hosted ...', published)).toMatchObject({ place: null, agency: 'VNA', strength: 'agency' });
    expect(parseDateline('Hà Nội TTXVN - Ngày 2/8, ...', published)).toBeNull();
    expect(parseDateline('Chiều 20/5, tại Hà Nội ...', published)).toMatchObject({ agency: null, date: '2026-05-20', strength: 'date' });
  });
});
