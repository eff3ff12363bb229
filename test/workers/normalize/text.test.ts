import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTonePlacement, normalizeText, toneInsensitiveKey } from '../../../src/workers/normalize/index.js';
import { convertTcvn3, convertViqr, convertVni, detectLegacyEncoding } from '../../../src/workers/normalize/legacy-encoding.js';

// Vietnamese-flavoured strings: letters with and without marks, spaces, odd whitespace, controls.
const viChar = fc.constantFrom(...'aăâeêioôơuưyđAĂÂĐHNQ hòaoàthúyuýkhỏeoẻ\u0300\u0301\u0309\u00A0\t\r\n\u200B\u0007“”.,-0123456789'.split(''));
const viText = fc.array(viChar, { maxLength: 80 }).map((cs) => cs.join(''));
const anyText = fc.oneof(viText, fc.string({ unit: 'grapheme', maxLength: 120 }));

describe('text cleaning properties', () => {
  it('normalizeText is idempotent', () => {
    fc.assert(fc.property(anyText, (s) => {
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
      }), { numRuns: 2000 });
  });

  it('normalizeText gives the same result for NFC and NFD input', () => {
    fc.assert(fc.property(anyText, (s) => {
        expect(normalizeText(s.normalize('NFD'))).toBe(normalizeText(s.normalize('NFC')));
      }), { numRuns: 2000 });
  });

  it('normalizeText leaves no control characters, CR, tabs, no-break spaces or double spaces', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = normalizeText(s);
        expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F\u00A0\u200B\r]| {2}/u);
        expect(out).toBe(out.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });

  it('toneInsensitiveKey and canonicalTonePlacement are idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(toneInsensitiveKey(toneInsensitiveKey(s))).toBe(toneInsensitiveKey(s));
        expect(canonicalTonePlacement(canonicalTonePlacement(s))).toBe(canonicalTonePlacement(s));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['Hòa', 'Hoà'],
    ['thúy', 'thuý'],
    ['khỏe', 'khoẻ'],
    ['Thanh Hóa', 'Thanh Hoá'],
    ['ủy ban', 'uỷ ban'],
    ['QUÝ', 'QÚY'],
  ])('toneInsensitiveKey("%s") equals toneInsensitiveKey("%s")', (a, b) => {
    expect(toneInsensitiveKey(a)).toBe(toneInsensitiveKey(b));
    expect(toneInsensitiveKey(a.normalize('NFD'))).toBe(toneInsensitiveKey(b));
  });

  it.each([
    ['Hòa', 'Hỏa'],
    ['ma', 'mà'],
    ['thương', 'thường'],
    ['Hà', 'Hạ'],
  ])('toneInsensitiveKey keeps different tones apart: %s ≠ %s', (a, b) => {
    expect(toneInsensitiveKey(a)).not.toBe(toneInsensitiveKey(b));
  });

  it('keeps curly quotes and text as written', () => {
    expect(normalizeText('  “Hoà bình”\u00A0và\tthuý  ')).toBe('“Hoà bình” và thuý');
  });
});

describe('legacy Vietnamese encodings', () => {
  it.each([
    ['tcvn3', 'Hµ Néi lµ thñ ®« cña n\u00ADíc ViÖt Nam', 'Hà Nội là thủ đô của nước Việt Nam', convertTcvn3],
    ['viqr', "Ha` No^.i la` thu? ddo^ cu?a nu+o+'c Vie^.t Nam", 'Hà Nội là thủ đô của nước Việt Nam', convertViqr],
    ['vni', 'Haø Noäi laø thuû ñoâ cuûa nöôùc Vieät Nam', 'Hà Nội là thủ đô của nước Việt Nam', convertVni],
  ] as const)('%s is detected and converted', (enc, input, expected, convert) => {
    expect(detectLegacyEncoding(input)).toBe(enc);
    expect(convert(input)).toBe(expected);
  });

  it.each([
    ["L'été à Hanoï, où il fait chaud. Le Premier ministre a déclaré à l'aéroport qu'il était déjà là."],
    ['Hà Nội là thủ đô của nước Việt Nam.'],
    ['Is it? Yes. The U.S. and the E.U. met in Zürich, Köln and São Paulo; señor Muñoz said “ok”.'],
    ['Khánh Hoà, thuý, khoẻ: “Hoà bình”.'],
    // Soft hyphens (U+00AD, TCVN3's "ư") in ordinary copy: Russian, and English with no other code.
    ['Прези\u00ADдент Рос\u00ADсии провёл сове\u00ADщание в Крем\u00ADле'],
    ['Inter\u00ADnational Con\u00ADfer\u00ADence on cli\u00ADmate opens'],
    ['Ελληνικά: Αθή\u00ADνα, Θεσ\u00ADσα\u00ADλο\u00ADνί\u00ADκη µ'],
    // Quoted Latin names in other scripts look like VIQR tone marks.
    ["Акции 'Toyota', 'Honda' и 'Mazda' выросли на бирже 'Nikkei'"],
    ["他说'Toyota'和'Honda'还有'Mazda'都涨了"],
  ])('ordinary text is left alone: %s', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it('still reads TCVN3 whose "ư" is its most frequent code', () => {
    expect(detectLegacyEncoding('Th\u00AD¬ng m¹i')).toBe('tcvn3');
    expect(convertTcvn3('Th\u00AD¬ng m¹i')).toBe('Thương mại');
    // "ươ" pairs (ư + ờ, ợ, ở) and no other strong code.
    expect(detectLegacyEncoding('Ng\u00ADêi d©n ®\u00ADîc h\u00ADëng lîi')).toBe('tcvn3');
    expect(convertTcvn3('Ng\u00ADêi d©n ®\u00ADîc h\u00ADëng lîi')).toBe('Người dân được hưởng lợi');
  });

  it('still reads a legacy story that names something in another script', () => {
    const story = 'Hµ Néi lµ thñ ®« cña n\u00ADíc ViÖt Nam. Thñ t\u00ADíng ChÝnh phñ ®· chñ tr× cuéc häp víi c¸c bé ngµnh vÒ t×nh h×nh kinh tÕ';
    for (const foreign of [' (习近平)', ' tia γ', ' Путин', ' 5 Ω']) expect(detectLegacyEncoding(story + foreign), foreign).toBe('tcvn3');
    expect(detectLegacyEncoding('Haø Noäi laø thuû ñoâ cuûa nöôùc Vieät Nam (東京)')).toBe('vni');
  });
});
