/** wireTextToRawItem over the sample wire story (test/fixtures/wire-samples, see its README). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { wireTextToRawItem } from '../../../src/producers/wire/wire-file.js';
import { PermanentError } from '../../../src/shared/errors.js';
import { sha256Hex } from '../../../src/shared/ids.js';
import { RawItemSchema } from '../../../src/shared/raw-item.js';

const SAMPLE_PATH = fileURLToPath(new URL('../../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url));
const SAMPLE = readFileSync(SAMPLE_PATH);
const SAMPLE_TEXT = SAMPLE.toString('utf8');
const ctx = { sourceId: 'vna-wire', fileName: 'wire-vi-hagiang.txt', receivedAt: new Date('2023-08-02T03:00:00Z') };

describe('wireTextToRawItem', () => {
  it('turns the sample story into one valid wire-text RawItem', () => {
    const item = wireTextToRawItem(SAMPLE, ctx);
    expect(RawItemSchema.parse(item)).toEqual(item);
    expect(item.format).toBe('wire-text');
    expect(item.title).toBeNull();
    expect(item.identityDerived).toBe(true);
    expect(item.contentType).toBe('text');
    expect(item.content).toContain('Bồi dưỡng đội ngũ làm công tác thông tin đối ngoại tại khu vực miền núi, biên giới');
    expect(item.content).toContain('TTXVN - Ngày 2/8, tỉnh Hà Giang');
    expect(item.identity).toBe(sha256Hex(SAMPLE_TEXT.normalize('NFC')));
    expect(item.receivedAt).toBe('2023-08-02T03:00:00.000Z');
    expect(item.sourceId).toBe('vna-wire');
  });

  it('gives the same identity for CRLF, BOM-prefixed, NFD and windows-1258 copies of the story', () => {
    const want = wireTextToRawItem(SAMPLE, ctx).identity;
    const crlf = Buffer.from(SAMPLE_TEXT.replace(/\n/g, '\r\n'), 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SAMPLE]);
    const nfd = Buffer.from(SAMPLE_TEXT.normalize('NFD'), 'utf8');
    const utf16 = iconv.encode(SAMPLE_TEXT, 'utf-16le', { addBOM: true });
    for (const bytes of [crlf, bom, nfd, utf16]) expect(wireTextToRawItem(bytes, ctx).identity).toBe(want);
  });

  it('drops control characters and turns page breaks into newlines (old wire systems)', () => {
    const want = wireTextToRawItem(SAMPLE, ctx);
    const dos = Buffer.concat([Buffer.from(SAMPLE_TEXT.replace('Hội nhập\n', 'Hội nhập\f').replace('Hà Giang\n', 'Hà Giang\u0007\n'), 'utf8'), Buffer.from([0x1a])]);
    const item = wireTextToRawItem(dos, ctx);
    expect(item.content).toBe(want.content);
    expect(item.identity).toBe(want.identity);
  });

  it('gives different identities for different stories', () => {
    const edited = Buffer.from(SAMPLE_TEXT.replace('Ngày 2/8', 'Ngày 3/8'), 'utf8');
    expect(wireTextToRawItem(edited, ctx).identity).not.toBe(wireTextToRawItem(SAMPLE, ctx).identity);
  });

  it.each([['empty', ''], ['whitespace only', ' \n\r\n\t ']])('refuses a %s file with a PermanentError', (_n, text) => {
    expect(() => wireTextToRawItem(Buffer.from(text), ctx)).toThrow(PermanentError);
  });
});

describe('declared charset of pushed wire copy', () => {
  it('decodes BOM-less UTF-16 and Latin-1 as the Content-Type says', async () => {
    const { documentToRawItems } = await import('../../../src/producers/sniff.js');
    const cases: [string, string, string][] = [
      ['utf-16le', 'Thời sự\n\nHà Nội khánh thành cầu mới\n\nHà Nội (TTXVN) - Sáng 27/11, thành phố khánh thành cầu mới.', 'Hà Nội khánh thành cầu mới'],
      ['iso-8859-1', 'Société\n\nLe Vietnam inaugure un pont\n\nHanoï, 27 novembre (VNA) – Le pont a été inauguré à Hanoï.', 'Hanoï, 27 novembre (VNA) – Le pont a été inauguré'],
    ];
    for (const [charset, text, expected] of cases) {
      const bytes = iconv.encode(text.replace('–', '-'), charset);
      const [item] = await documentToRawItems(bytes, { sourceId: 's', fileName: 'push', receivedAt: new Date(), contentType: `text/plain; charset=${charset}` });
      expect(item?.content, charset).toContain(expected.replace('–', '-'));
    }
  });
});

describe('wire copy that opens with "<"', () => {
  it('is read as wire copy, while a broken feed still fails as FEED_PARSE', async () => {
    const { documentToRawItems } = await import('../../../src/producers/sniff.js');
    const ctx = { sourceId: 's', fileName: 'x.txt', receivedAt: new Date() };
    const wire = '<Kèm ảnh>\n\nThời sự\n\nHà Nội khánh thành cầu mới\n\nHà Nội (TTXVN) - Sáng 27/11, thành phố khánh thành cầu mới.';
    const [item] = await documentToRawItems(Buffer.from(wire), ctx);
    expect(item?.format).toBe('wire-text');
    await expect(documentToRawItems(Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x'), ctx)).rejects.toMatchObject({ code: 'FEED_PARSE' });
  });
});
