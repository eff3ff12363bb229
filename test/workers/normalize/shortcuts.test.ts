/**
 * The normalize stage's shortcuts (work skipped when it cannot change the result) give exactly
 * what the longer way gives: each is checked against the plain formulation it replaces, on
 * generated text rich in what the shortcut looks for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RawItemSchema } from '../../../src/shared/raw-item.js';
import { escapeHtml, htmlToText } from '../../../src/workers/normalize/html.js';
import { detectLegacyEncoding, withoutEnglishApostrophes } from '../../../src/workers/normalize/legacy-encoding.js';
import { cleanField, normalizeHtmlText, readContent, textBlocks } from '../../../src/workers/normalize/read-raw.js';
import { readStoryParts } from '../../../src/workers/normalize/story-parts.js';
import { normalizeInline } from '../../../src/workers/normalize/text.js';
import { countSpaceSeparatedWords, isSpaceUnit } from '../../../src/workers/normalize/words.js';

// Pieces that sit on the edges of each shortcut: every kind of whitespace, controls, apostrophes,
// abbreviations, VIQR marks, tags and entities, Vietnamese letters, astral characters.
const pieces = [
  ' ', '  ', '\t', '\n', '\n\n', '\r', '\u000B', '\u000C', '\u00A0', '\u1680', '\u2000', '\u2001', '\u200A', '\u200B', '\u2028', '\u2029',
  '\u202F', '\u205F', '\u3000', '\uFEFF', '\u0007', '\u0085', '\u00AD', '\u2060', '\u202E', "'", '’', "'s", '’t', "n't", 'U.S.', 'A.B.C.',
  'É.', 'dd', 'DD', 'Dd', 'a^', 'e.', 'o+', 'a(', 'a`', "o'", 'u?', 'y~', 'l', 'a', 'x', 'Vie^.t', 'ViÖt', 'Vieät', 'Hà Nội', 'hòa', 'A\u0301',
  '\u0301', '<p>', '</p>', '<br>', '<b>', '</b>', '<div class="x">', '</div>', '</li>', '&amp;', '&nbsp;', '&#x200B;', '&#99;', '>', '<', '&',
  ':', '.', '😀', '𝐀.', '\ud800',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);
const RUNS = { numRuns: 4_000 };

describe('countSpaceSeparatedWords', () => {
  it('counts what split on \\s+ and dropping empty pieces counts', () => {
    fc.assert(fc.property(text, (t) => {
      expect(countSpaceSeparatedWords(t)).toBe(t.split(/\s+/u).filter((w) => w !== '').length);
    }), RUNS);
  });

  it('counts words between every kind of whitespace', () => {
    expect(countSpaceSeparatedWords('')).toBe(0);
    expect(countSpaceSeparatedWords(' \u00A0\u3000 ')).toBe(0);
    expect(countSpaceSeparatedWords('Hà\u00A0Nội\u2028là\tthủ\u3000đô')).toBe(5);
  });

  it('isSpaceUnit agrees with /\\s/ on every UTF-16 unit', () => {
    for (let c = 0; c < 0x10000; c++) expect([c, isSpaceUnit(c)]).toEqual([c, /\s/u.test(String.fromCharCode(c))]);
  });
});

describe('withoutEnglishApostrophes', () => {
  const NOT_VIQR_RE = /\b\p{L}+['’](?:s|t|ll|re|ve|m|d)\b|\b(?:\p{Lu}\.){2,}|\b\p{L}['’]\p{L}/gu;

  it("is the whole-text replace of English apostrophes and abbreviations", () => {
    fc.assert(fc.property(text, (t) => {
      expect(withoutEnglishApostrophes(t)).toBe(t.replace(NOT_VIQR_RE, ' '));
    }), RUNS);
  });

  it("removes \"China's\", \"don't\" and \"U.S.\" and keeps VIQR marks", () => {
    expect(withoutEnglishApostrophes("U.S. says China's moves don't Vie^.t")).toBe('  says   moves   Vie^.t');
  });
});

describe('normalizeInline', () => {
  const reference = (t: string): string =>
    t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u00AD]/g, '').normalize('NFC').replace(/\s+/gu, ' ').trim();

  it('gives the full cleaning on clean and unclean lines alike', () => {
    fc.assert(fc.property(text, (t) => {
      expect(normalizeInline(t)).toBe(reference(t));
    }), RUNS);
  });

  it('still composes a clean line that is not NFC', () => {
    expect(normalizeInline('Ho\u0300a Bi\u0300nh')).toBe('Hòa Bình');
  });
});

describe('normalizeHtmlText', () => {
  const reference = (html: string): string =>
    html.replace(/>([^<]+)</gu, (_m, t: string) => `>${t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u00AD]/gu, '').replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu, ' ').replace(/\s{2,}/gu, ' ')}<`);

  it('cleans text nodes as three replaces per node do', () => {
    fc.assert(fc.property(text, (t) => {
      expect(normalizeHtmlText(t)).toBe(reference(t));
    }), RUNS);
  });

  it('leaves attribute values alone', () => {
    expect(normalizeHtmlText('<p title="a  b">x\u00A0\u00A0y</p>')).toBe('<p title="a  b">x y</p>');
  });
});

describe('htmlToText', () => {
  const reference = (html: string): string =>
    normalizeInline(
      html
        .replace(/<br\s*\/?>/giu, ' ')
        .replace(/<\/(?:li|tr|td|th|figcaption|caption)>/giu, ' ')
        .replace(/<[^>]*>/gu, '')
        .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp|#39));/giu, (_m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
          const cp = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : null;
          if (cp !== null) return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
          return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' } as Record<string, string>)[name!.toLowerCase()] ?? '';
        }),
    );

  it('reads text with and without tags and entities as the full pass does', () => {
    fc.assert(fc.property(text, (t) => {
      expect(htmlToText(t)).toBe(reference(t));
    }), RUNS);
  });
});

describe('escapeHtml', () => {
  it('escapes as the four replaces do, text with nothing to escape included', () => {
    fc.assert(fc.property(text, (t) => {
      expect(escapeHtml(t)).toBe(t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    }), RUNS);
  });
});

describe('cleanField', () => {
  it('gives the cleaned line, converted when it is in a legacy encoding', () => {
    expect(cleanField('  Hà\u00A0Nội  mở rộng ', false)).toBe('Hà Nội mở rộng');
    expect(cleanField('<b>Gi¸ l¹nh</b> thu mua æn ®Þnh, n«ng d©n phÊn khëi.', true)).toBe('Giá lạnh thu mua ổn định, nông dân phấn khởi.');
  });

  it('reads a legacy code page before cleaning deletes its soft hyphen (TCVN3 writes "ư" as U+00AD)', () => {
    expect(cleanField('Hµ Néi lµ thñ ®« cña n\u00ADíc ViÖt Nam', false)).toBe('Hà Nội là thủ đô của nước Việt Nam');
    expect(cleanField('<b>Bé Th\u00AD¬ng m¹i</b> c«ng bè gi¸ x¨ng dÇu míi', true)).toBe('Bộ Thương mại công bố giá xăng dầu mới');
    // In Unicode text a soft hyphen is still an invisible control and goes.
    expect(cleanField('Thương\u00AD mại', false)).toBe('Thương mại');
    expect(cleanField('Прези\u00ADдент Рос\u00ADсии провёл сове\u00ADщание', false)).toBe('Президент России провёл совещание');
    expect(cleanField('Inter&#173;national Con&#173;fer&#173;ence opens', true)).toBe('International Conference opens');
  });
});

describe('readContent of plain text', () => {
  const item = (content: string) => RawItemSchema.parse({ sourceId: 's', format: 'wire-text', identity: 'x', content, receivedAt: '2024-05-04T05:00:00Z' });

  it('gives textBlocks and the encoding detected on the NFC text, read once', () => {
    fc.assert(
      fc.property(text, (t) => {
        const c = readContent(item(t));
        expect(c.blocks).toEqual(textBlocks(t));
        expect(c.legacyEncoding).toBe(detectLegacyEncoding(t.normalize('NFC')));
      }),
      { numRuns: 1_000 },
    );
  });

  it('converts a VIQR story and says so', () => {
    const c = readContent(item('Vie^.t Nam la` mo^.t quo^\'c gia.\n\nHa` No^.i la` thu? ddo^ cu?a Vie^.t Nam.'));
    expect(c.legacyEncoding).toBe('viqr');
    expect(c.blocks.map((b) => b.text)).toEqual(['Việt Nam là một quốc gia.', 'Hà Nội là thủ đô của Việt Nam.']);
  });
});

describe('readStoryParts', () => {
  it('finds a dateline paragraph that is also the opening line (read once, used twice)', () => {
    const opening = 'Hà Nội (TTXVN) - Ngày 2/8, Bộ Y tế tổ chức hội nghị tổng kết công tác phòng chống dịch bệnh trên toàn quốc.';
    const parts = readStoryParts([{ text: opening, html: null }, { text: 'Hội nghị kéo dài hai ngày.', html: null }], { publishedIso: '2024-08-02T05:00:00Z', hasHeaderLines: true });
    expect(parts.dateline).toEqual({ place: 'Hà Nội', date: '2024-08-02', agency: 'TTXVN', raw: 'Hà Nội (TTXVN) - Ngày 2/8,' });
    expect(parts.body[0]!.text).toMatch(/^Bộ Y tế tổ chức/u);
  });
});
