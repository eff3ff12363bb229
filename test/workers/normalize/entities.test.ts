/** Character references in HTML fields: every HTML5 name, closed by ";", read once. */
import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences } from '../../../src/workers/normalize/entities.js';
import { htmlToRawText, htmlToText, stripTextPrefix } from '../../../src/workers/normalize/html.js';
import { cleanField } from '../../../src/workers/normalize/read-raw.js';

describe('HTML5 named references in short HTML fields', () => {
  it.each([
    ['<p>Gi&aacute; v&agrave;ng tăng &ndash; USD giảm&hellip;</p>', 'Giá vàng tăng – USD giảm…'],
    ['<b>Th&ocirc;ng c&aacute;o b&aacute;o ch&iacute;</b> &mdash; kỳ họp thứ 8', 'Thông cáo báo chí — kỳ họp thứ 8'],
    ['<p>L&rsquo;&eacute;t&eacute; &agrave; Hano&iuml; &laquo;&nbsp;chaud&nbsp;&raquo;</p>', 'L’été à Hanoï « chaud »'],
    ['<p>Tỷ lệ &frac12;, nhiệt độ 30&deg;C, giá 5&euro; &times; 2</p>', 'Tỷ lệ ½, nhiệt độ 30°C, giá 5€ × 2'],
  ])('%s', (html, text) => {
    expect(htmlToText(html)).toBe(text);
    expect(cleanField(html, true)).toBe(text);
  });

  it('reads &shy; as the soft hyphen, which cleaning then drops', () => {
    expect(htmlToRawText('<p>Inter&shy;national</p>')).toBe('Inter\u00ADnational');
    expect(cleanField('<p>Inter&shy;national Con&shy;ference</p>', true)).toBe('International Conference');
  });

  it('keeps a German summary written with references German (the letters they give are TCVN3 codes too)', () => {
    const html = '<p>Gr&ouml;&szlig;ere St&auml;dte m&uuml;ssen f&uuml;r die Stra&szlig;enbahn zahlen, sagte der B&uuml;rgermeister in K&ouml;ln.</p>';
    expect(cleanField(html, true)).toBe('Größere Städte müssen für die Straßenbahn zahlen, sagte der Bürgermeister in Köln.');
  });

  it('reads a summary that is plain text with references (summaries are always read as HTML)', () => {
    expect(cleanField('Hội nghị APEC &ndash; Việt Nam đề xuất sáng kiến mới&hellip;', true)).toBe('Hội nghị APEC – Việt Nam đề xuất sáng kiến mới…');
  });

  it('reads references 128–159 as Windows-1252, as HTML5 does, and names no character for 0 or a surrogate', () => {
    expect(htmlToRawText('1990&#150;2000, &#147;Đổi mới&#148; &#x80;5 &#0; &#xD800;')).toBe('1990–2000, “Đổi mới” €5 \uFFFD \uFFFD');
  });
});

describe('what stays as it was', () => {
  it('returns text without "&" as the very same string', () => {
    const text = 'Hà Nội mở rộng xe buýt điện; lãi suất 5%, lạm phát 3%';
    expect(htmlToRawText(text)).toBe(text);
    expect(decodeCharacterReferences('Lãi suất < 5% và > 3%')).toBe('Lãi suất < 5% và > 3%');
  });

  it('keeps the six names read before, case-insensitively ("&Lt;" is "<", not HTML5\'s "≪")', () => {
    expect(htmlToRawText('a &AMP; b &Amp; c &NBSP;d &Lt; e &quot;f&QUOT; &apos;g&#39;')).toBe('a & b & c \u00A0d < e "f" \'g\'');
  });

  it('keeps unknown names, names without ";" and non-references as written', () => {
    const text = 'AT&T, R&D; &foo; &copy2026 &para &amp &eacute';
    expect(htmlToRawText(text)).toBe(text);
  });

  it('keeps names of Object.prototype as written', () => {
    const text = '&constructor; &toString; &hasOwnProperty; &valueOf; &__proto__;';
    expect(htmlToRawText(text)).toBe(text);
  });

  it('decodes once: a double-encoded reference shows as written once', () => {
    expect(htmlToRawText('<p>Giá &amp;ndash; USD &amp;amp; EUR</p>')).toBe('Giá &ndash; USD &amp; EUR');
  });

  it('reads numeric references as before', () => {
    expect(htmlToRawText('&#8211; &#x2014; &#99999999; &#128512;')).toBe('– — \uFFFD 😀');
  });
});

describe('stripTextPrefix reads references as htmlToText does', () => {
  it('cuts a dateline written with named references', () => {
    const html = '<p><strong>H&agrave; N&#7897;i (TTXVN) &ndash;</strong> S&aacute;ng 27/11, Quốc hội thảo luận.</p>';
    const prefix = htmlToText('<strong>H&agrave; N&#7897;i (TTXVN) &ndash;</strong>');
    expect(prefix).toBe('Hà Nội (TTXVN) –');
    expect(stripTextPrefix(html, prefix)).toBe('<p>S&aacute;ng 27/11, Quốc hội thảo luận.</p>');
  });

  it('cuts a prefix that ends in an astral character', () => {
    expect(stripTextPrefix('<p>&#128512; Tin vui</p>', '😀')).toBe('<p>Tin vui</p>');
  });
});

describe('cleanField of a plain-text title', () => {
  it('decodes the character references of a double-encoded feed title, once, and nothing else', () => {
    expect(cleanField('Giá vàng &#8211; USD &amp; EUR &ndash; phiên 27/11', false)).toBe('Giá vàng – USD & EUR – phiên 27/11');
    // No tag is stripped from a plain title: "<" and ">" stay.
    expect(cleanField('Lãi suất < 5% &amp; lạm phát > 3%', false)).toBe('Lãi suất < 5% & lạm phát > 3%');
    // Not references (no ";", unknown names): as written.
    expect(cleanField('AT&T, R&D và &copy2026', false)).toBe('AT&T, R&D và &copy2026');
    // One level only: a title that meant "&amp;" reaches us as "&amp;amp;" and keeps it.
    expect(cleanField('Vì sao &amp;amp; làm hỏng RSS', false)).toBe('Vì sao &amp; làm hỏng RSS');
  });
});
