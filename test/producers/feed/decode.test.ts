/** decodeBody: which encoding wins, over the committed encoded fixtures and small byte tables. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, normalizeCharset } from '../../../src/producers/feed/decode.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/feeds/', import.meta.url));
const SOURCE = readFileSync(`${FIXTURES}encoded-src/vi-rss.xml`, 'utf8').normalize('NFC');
const HEADLINE = 'Đồng bằng sông Cửu Long ứng phó hạn mặn';

describe('decodeBody over the encoded Vietnamese fixtures', () => {
  it.each([
    ['vi-windows-1258.xml', null],
    ['vi-tcvn3.xml', 'text/xml; charset=TCVN3'],
    ['vi-tcvn3.xml', 'text/xml; charset="x-viet-tcvn"'],
    ['vi-utf16.xml', null],
    ['vi-utf16.xml', 'text/xml; charset=iso-8859-1'],
    ['vi-utf8-nfd.xml', null],
    ['vi-mislabelled-utf8.xml', 'text/xml; charset=windows-1258'],
  ])('%s with Content-Type %s → the source text in NFC', (file, contentType) => {
    const text = decodeBody(readFileSync(`${FIXTURES}${file}`), contentType);
    expect(text).toContain(HEADLINE);
    expect(text).toBe(text.normalize('NFC'));
    // Everything after the prolog is the source, character for character.
    expect(text.slice(text.indexOf('<rss'))).toBe(SOURCE.slice(SOURCE.indexOf('<rss')));
  });

  it.each([['a newline', '\n'], ['CRLF and spaces', '\r\n  '], ['a tab and blank lines', '\t\n\n']])(
    'finds the windows-1258 prolog after %s before "<?xml" (PHP feeds)',
    (_name, lead) => {
      const bytes = Buffer.concat([Buffer.from(lead), readFileSync(`${FIXTURES}vi-windows-1258.xml`)]);
      const text = decodeBody(bytes, 'application/rss+xml');
      expect(text).toContain(HEADLINE);
      expect(text.slice(text.indexOf('<rss'))).toBe(SOURCE.slice(SOURCE.indexOf('<rss')));
    },
  );

  it('reads TCVN3 bytes without a label as windows-1252 (no guessing from content)', () => {
    const text = decodeBody(readFileSync(`${FIXTURES}vi-tcvn3.xml`), null);
    expect(text).not.toContain(HEADLINE);
  });
});

describe('decodeBody precedence', () => {
  const cafe = 'café déjà vu';
  it.each<[string, Uint8Array, string | null, string]>([
    ['UTF-8 BOM is stripped', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(cafe)]), null, cafe],
    ['UTF-16BE BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(iconv.encode(cafe, 'utf-16be'))]), null, cafe],
    ['UTF-16LE without BOM but with an XML prolog', iconv.encode('<?xml version="1.0"?><a>é</a>', 'utf-16le'), null, '<?xml version="1.0"?><a>é</a>'],
    ['UTF-32LE BOM', iconv.encode(cafe, 'utf-32le', { addBOM: true }), null, cafe],
    ['windows-1252 bytes with a header label', iconv.encode(cafe, 'windows-1252'), 'text/plain; charset=windows-1252', cafe],
    ['ISO-8859-1 label read as windows-1252 (curly quote 0x92)', Buffer.from([0x92, 0x41]), 'text/plain; charset=ISO-8859-1', '\u2019A'],
    ['ISO-8859-15 euro sign', Buffer.from([0xa4]), 'text/plain; charset=iso-8859-15', '€'],
    ['prolog encoding when there is no header', iconv.encode('<?xml version="1.0" encoding="ISO-8859-2"?><a>ł</a>', 'iso-8859-2'), null, '<?xml version="1.0" encoding="ISO-8859-2"?><a>ł</a>'],
    ['header beats prolog', iconv.encode('<?xml version="1.0" encoding="ISO-8859-2"?><a>é</a>', 'windows-1252'), 'text/xml; charset=windows-1252', '<?xml version="1.0" encoding="ISO-8859-2"?><a>é</a>'],
    ['invalid UTF-8 with no label falls back to windows-1252', Buffer.from([0x63, 0x61, 0x66, 0xe9]), null, 'café'],
    ['unknown label is ignored', Buffer.from('plain'), 'text/plain; charset=x-made-up', 'plain'],
    ['decomposed input comes out composed', Buffer.from('Vie\u0323\u0302t', 'utf8'), null, 'Việt'],
  ])('%s', (_name, bytes, contentType, want) => {
    expect(decodeBody(bytes, contentType)).toBe(want);
  });

  describe('a UTF-16/32 label on bytes that are not', () => {
    const doc = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${HEADLINE}</title></channel></rss>`;

    it.each(['utf-16', 'UTF-16LE', 'utf-16be', 'UTF-32', 'ucs-2'])('UTF-8 body with charset=%s is read as UTF-8', (label) => {
      expect(decodeBody(Buffer.from(doc, 'utf8'), `text/xml; charset=${label}`)).toBe(doc);
    });

    it('UTF-8 body whose prolog alone says UTF-16 is read as UTF-8', () => {
      const text = doc.replace('encoding="utf-8"', 'encoding="UTF-16"');
      expect(decodeBody(Buffer.from(text, 'utf8'), null)).toBe(text);
    });

    it('windows-1258 body with a UTF-16 header falls back to its prolog', () => {
      const bytes = readFileSync(`${FIXTURES}vi-windows-1258.xml`);
      expect(decodeBody(bytes, 'text/xml; charset=utf-16')).toContain(HEADLINE);
    });

    // Guards: wide bytes without a BOM keep following their label.
    it.each([['utf-16be', 'utf-16be'], ['utf-16le', 'UTF-16'], ['utf-32le', 'utf-32le']])(
      '%s bytes without a BOM or prolog, labelled %s, are still read as such',
      (encoding, label) => {
        const text = `<rss version="2.0"><channel><title>${HEADLINE}</title></channel></rss>`;
        expect(decodeBody(iconv.encode(text, encoding), `text/xml; charset=${label}`)).toBe(text);
      },
    );
  });

  it.each([
    ['TCVN3', 'tcvn'],
    ['cp1258', 'windows-1258'],
    ['UTF8', 'utf-8'],
    ['latin1', 'windows-1252'],
    ['no-such-charset', null],
    [null, null],
  ])('normalizeCharset(%s) → %s', (label, want) => {
    expect(normalizeCharset(label)).toBe(want);
  });
});
