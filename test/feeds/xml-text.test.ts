import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  cleanText,
  emptyElement,
  escapeHtml,
  escapeXmlText,
  parentElement,
  plainTextElement,
  textElement,
} from '../../src/feeds/xml-text.js';

// processEntities + htmlEntities so numeric references (&#13;) are decoded like a real XML parser does.
const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  alwaysCreateTextNode: true,
  htmlEntities: true,
});

describe('cleanText', () => {
  it.each([
    ['plain Vietnamese is untouched', 'Bồi dưỡng đội ngũ ở Hà Giang', 'Bồi dưỡng đội ngũ ở Hà Giang'],
    ['C0 controls go, tab/LF/CR stay', 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\th\ni\rj', 'abcdefg\th\ni\rj'],
    ['DEL and C1 controls go', 'x\u007Fy\u0085z\u009F!', 'xyz!'],
    ['U+FFFE and U+FFFF go', 'a\uFFFEb\uFFFFc', 'abc'],
    ['lone surrogates go, pairs stay', 'a\uD800b\uDC00c😀d', 'abc😀d'],
    ['markup characters are not its business', '<a>&]]>', '<a>&]]>'],
  ])('%s', (_label, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('escaping', () => {
  it('escapes text so that `]]>`, `&` and `<` survive a parse', () => {
    const xml = textElement('t', 'Giá <vàng> & USD ]]> "x"');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(PARSER.parse(xml).t['#text']).toBe('Giá <vàng> & USD ]]> "x"');
  });

  it.each([['&lt;b&gt;'], ['&amp;nbsp; &#x26; &#38;'], ['a & b < c > d']])(
    'text that looks like entities (%s) is escaped once and survives a parse unchanged',
    (s) => {
      const xml = `<r>${textElement('t', s)}${plainTextElement('p', s)}</r>`;
      const parsed = PARSER.parse(xml).r;
      expect(parsed.t['#text']).toBe(s);
      expect(parsed.p['#text']).toBe(s);
    },
  );

  it('omits null attributes and escapes quotes, tabs and newlines in attribute values', () => {
    const xml = emptyElement('e', { a: 'say "hi"\tand\nbye', b: null, c: undefined, n: 0 });
    expect(xml).not.toContain(' b=');
    expect(xml).not.toContain(' c=');
    expect(PARSER.parse(xml).e).toEqual({ '#text': '', '@_a': 'say "hi"\tand\nbye', '@_n': '0' });
  });

  it('writes a parent with no children as an empty element', () => {
    expect(parentElement('p', [], { x: '1' })).toBe('<p x="1"/>');
  });

  it('escapeHtml turns plain text into HTML that shows the same text', () => {
    expect(escapeHtml(`a < b & "c" 'd' > e`)).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt; e');
  });

  it('any string, as text or attribute, gives well-formed XML that parses back to the cleaned string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const xml = `<r>${textElement('t', s)}${plainTextElement('p', s)}${emptyElement('e', { v: s })}</r>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        const parsed = PARSER.parse(xml).r;
        expect(parsed.t['#text']).toBe(cleanText(s));
        expect(parsed.p['#text']).toBe(cleanText(s));
        expect(parsed.e['@_v']).toBe(cleanText(s));
      }),
      { numRuns: 500 },
    );
  });

  it('never emits CDATA, even for text containing `]]>`', () => {
    expect(escapeXmlText(']]>')).toBe(']]&gt;');
  });
});
