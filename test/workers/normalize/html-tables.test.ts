/**
 * Data tables in HTML bodies: a paragraph per row with its cells apart, so no sentence (and no
 * place name) reads across cells or rows; picture tables keep their caption reading.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { RawItemSchema } from '../../../src/shared/raw-item.js';
import { enrich } from '../../../src/workers/enrich/index.js';
import { htmlBlocks } from '../../../src/workers/normalize/html.js';
import { normalize, readRawItem } from '../../../src/workers/normalize/index.js';
import { translateTag } from '../../../src/workers/translate-tag/index.js';
import { memoryStoryStore } from './memory-story-store.js';

const DATA_TABLE =
  '<table><thead><tr><th>Tỉnh</th><th>Số ca</th></tr></thead><tbody><tr><td>TP Hồ Chí Minh</td><td>5.200</td></tr><tr><td>Đồng Nai</td><td>1.100</td></tr></tbody></table>';
const PICTURE_TABLE =
  '<table><tr><td><img src="https://img.example/b.jpg"></td></tr><tr><td>Tiêm vaccine sởi cho trẻ tại Trạm Y tế phường Hoàn Kiếm. (Ảnh: Minh Quyết/TTXVN)</td></tr></table>';
const STORY = [
  '<p>Hà Nội (TTXVN) - Ngày 14/3, Bộ Y tế công bố số ca mắc sởi tại các địa phương trong hai tháng đầu năm.</p>',
  PICTURE_TABLE,
  DATA_TABLE,
  '<p>Theo Bộ Y tế, số ca mắc tăng mạnh ở các tỉnh phía Nam.</p>',
  '<p>Thứ trưởng Trần Văn Thuấn cho biết sẽ tiêm bù cho trẻ em.</p>',
].join('\n');

function rawItem(content: string) {
  return RawItemSchema.parse({
    sourceId: 'ttxvn', format: 'feed-item', contentType: 'html', identity: 'table-story', title: 'Bộ Y tế công bố số ca mắc sởi',
    content, published: '2025-03-14T09:30:00+07:00', receivedAt: '2025-03-14T02:31:00Z',
  });
}

describe('HTML data tables', () => {
  it('read as one paragraph per row, cells joined by " | ", the table kept whole in the HTML', () => {
    const blocks = htmlBlocks(DATA_TABLE);
    expect(blocks).toEqual([{ text: 'Tỉnh | Số ca\n\nTP Hồ Chí Minh | 5.200\n\nĐồng Nai | 1.100', html: DATA_TABLE }]);
  });

  it('read the rows of a table nested in a layout cell, and a <caption>, as their own paragraphs', () => {
    const nested = '<table><tr><td><table><tr><td><p>Bảng: Số ca mắc sởi theo tỉnh</p></td></tr><tr><td>TP Hồ Chí Minh</td><td>5.200</td></tr></table></td></tr></table>';
    expect(htmlBlocks(nested).map((b) => b.text)).toEqual(['Bảng: Số ca mắc sởi theo tỉnh\n\nTP Hồ Chí Minh | 5.200']);
    const captioned = '<table><caption>Số ca mắc sởi</caption><tr><td>Đồng Nai</td><td>1&nbsp;100</td></tr></table>';
    expect(htmlBlocks(captioned).map((b) => b.text)).toEqual(['Số ca mắc sởi\n\nĐồng Nai | 1 100']);
  });

  it('leave no sentence across rows in the body, while a picture table beside them stays a caption', () => {
    const n = readRawItem(rawItem(STORY));
    // The opening paragraph is the dateline reader's business; what follows it is the table's.
    expect(n.bodyText.split('\n\n').slice(1)).toEqual([
      'Tỉnh | Số ca',
      'TP Hồ Chí Minh | 5.200',
      'Đồng Nai | 1.100',
      'Theo Bộ Y tế, số ca mắc tăng mạnh ở các tỉnh phía Nam.',
      'Thứ trưởng Trần Văn Thuấn cho biết sẽ tiêm bù cho trẻ em.',
    ]);
    expect(n.bodyHtml).toContain(DATA_TABLE);
    expect(n.bodyHtml).not.toContain('img.example');
    expect(n.parts.credits).toEqual([{ role: 'photo', name: 'Minh Quyết', agency: 'TTXVN', caption: 'Tiêm vaccine sởi cho trẻ tại Trạm Y tế phường Hoàn Kiếm.' }]);
    expect(n.renditions.map((r) => r.caption)).toEqual(['Tiêm vaccine sởi cho trẻ tại Trạm Y tế phường Hoàn Kiếm. (Ảnh: Minh Quyết/TTXVN)']);
  });

  it('give enrich no place made of a column header ("Tỉnh | Số ca" is no province "Số")', async () => {
    const ctx = { log: pino({ level: 'silent' }), now: () => new Date('2025-03-14T03:00:00Z'), stories: memoryStoryStore() };
    const normalized = await normalize(rawItem(STORY), ctx);
    const tagged = await translateTag(normalized!, ctx);
    const enriched = await enrich(tagged!, ctx);
    const places = enriched!.places.map((p) => p.name);
    expect(places).not.toContain('Số');
    expect(places).toEqual(expect.arrayContaining(['Hồ Chí Minh', 'Đồng Nai']));
  });
});
