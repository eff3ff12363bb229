/** HTML that once crashed or stalled the stage: out-of-range character references, <br> floods. */
import { describe, expect, it } from 'vitest';
import { htmlBlocks, htmlToText } from '../../../src/workers/normalize/html.js';

describe('hostile HTML', () => {
  it('turns a character reference that names no character into U+FFFD instead of throwing', () => {
    expect(htmlToText('Giá &#99999999; tăng &#x110000; mạnh')).toBe('Giá \uFFFD tăng \uFFFD mạnh');
  });

  it('splits paragraphs at double <br> and keeps single ones inside a paragraph', () => {
    const blocks = htmlBlocks('<div>Dòng một<br>dòng hai<br> <br>Đoạn mới</div>');
    expect(blocks.map((b) => b.text)).toEqual(['Dòng một dòng hai', 'Đoạn mới']);
  });

  it('handles 50,000 line breaks in one container (it was quadratic)', () => {
    const blocks = htmlBlocks(`<div>${'a<br>'.repeat(50_000)}</div>`);
    expect(blocks.length).toBe(1);
    expect(blocks[0]!.text.length).toBeGreaterThan(50_000);
  });
});

describe('legacy-encoding detection leaves English and French alone', async () => {
  const { fixLegacyEncoding } = await import('../../../src/workers/normalize/legacy-encoding.js');
  it.each([
    ["U.S. says China's moves threaten Korea's security"],
    ["Égypte : État d'urgence après l'Élection présidentielle"],
    ['UK fuel: £1, £2 and £3 rises announced for the winter'],
    ["Vietnam's exports rose; officials didn't expect it, they're pleased"],
  ])('%s', (text) => {
    expect(fixLegacyEncoding(text)).toEqual({ text, encoding: null });
  });
});

describe('feed items whose third paragraph opens with a date', async () => {
  const { readRawItem } = await import('../../../src/workers/normalize/index.js');
  const { RawItemSchema } = await import('../../../src/shared/raw-item.js');
  it('keep every paragraph in the body', () => {
    const html = [
      '<p>Thành phố Hà Nội vừa công bố kế hoạch mở rộng mạng lưới xe buýt điện trong năm tới.</p>',
      '<p>Theo kế hoạch, 300 xe buýt điện sẽ được đưa vào khai thác trên 20 tuyến mới.</p>',
      '<p>Sáng 27/11, Sở Xây dựng đã tổ chức hội nghị lấy ý kiến các doanh nghiệp vận tải về lộ trình.</p>',
      '<p>Các doanh nghiệp đề nghị hỗ trợ lãi suất khi đầu tư phương tiện mới.</p>',
    ].join('');
    const raw = RawItemSchema.parse({
      sourceId: 'feed', format: 'feed-item', identity: 'x', title: 'Hà Nội mở rộng xe buýt điện', summary: 'Hà Nội sẽ có thêm 300 xe buýt điện.',
      content: html, contentType: 'html', published: '2026-11-27T03:00:00Z', receivedAt: '2026-11-27T03:05:00Z',
    });
    const n = readRawItem(raw);
    expect(n.bodyText).toContain('Thành phố Hà Nội vừa công bố');
    expect(n.bodyText).toContain('Theo kế hoạch, 300 xe buýt điện');
    expect(n.bodyText).toContain('Sở Xây dựng đã tổ chức hội nghị');
  });
});

describe('plain-text summaries with < and >', async () => {
  const { parseFeed } = await import('../../../src/producers/feed/parse-feed.js');
  const { readRawItem } = await import('../../../src/workers/normalize/index.js');
  it('stay text through a JSON Feed and an Atom type="text" summary', async () => {
    const summary = 'Lãi suất < 5% trong khi lạm phát > 3% năm 2026';
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: '1', title: 'Lãi suất', summary, content_html: '<p>Ngân hàng giữ lãi suất ổn định trong quý IV.</p>' }] });
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-11-27T00:00:00Z</updated><entry><id>urn:1</id><title>Lãi suất</title><updated>2026-11-27T00:00:00Z</updated><summary type="text">${summary.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</summary><content type="html">&lt;p&gt;Ngân hàng giữ lãi suất ổn định trong quý IV.&lt;/p&gt;</content></entry></feed>`;
    for (const doc of [json, atom]) {
      const { items } = await parseFeed(doc, { sourceId: 's', feedUrl: 'https://example.vn/feed', receivedAt: new Date('2026-11-27T00:00:00Z') });
      expect(readRawItem(items[0]!).lead).toBe(summary);
    }
  });
});
