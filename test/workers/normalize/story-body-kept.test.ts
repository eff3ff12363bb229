import { describe, expect, it } from 'vitest';
import { readRawItem } from '../../../src/workers/normalize/index.js';
import { RawItemSchema } from '../../../src/shared/raw-item.js';

// Body text the story reader must not lose: a paragraph above a credit line that is not its
// caption, and the story that goes on below a related-news box ("Tin liên quan").

const wire = (content: string) =>
  readRawItem(RawItemSchema.parse({ sourceId: 'ttxvn', format: 'wire-text', identity: 'x', content, published: '2025-03-14T09:30:00+07:00', receivedAt: '2025-03-14T02:31:00Z' }));
const feed = (content: string) =>
  readRawItem(
    RawItemSchema.parse({ sourceId: 'vnp', format: 'feed-item', contentType: 'html', identity: 'x', title: 'Xuất khẩu gạo', content, published: '2025-03-14T09:30:00+07:00', receivedAt: '2025-03-14T02:31:00Z' }),
  );

describe('a credit alone on its line does not take a body paragraph as its caption', () => {
  const head = 'Kinh tế\n\nXuất khẩu gạo quý I đạt 2,1 tỷ USD\n\nHà Nội (TTXVN) - Ngày 14/3, theo số liệu của Tổng cục Hải quan, xuất khẩu gạo quý I/2025 đạt 2,1 tỷ USD, tăng 12% so với cùng kỳ năm trước.\n\n';
  const para = 'Thứ trưởng Bộ Công Thương Nguyễn Sinh Nhật Tân cho biết Philippines tiếp tục là thị trường lớn nhất, chiếm 40% tổng kim ngạch.';
  const rest = '\n\nTheo ông Tân, giá gạo 5% tấm của Việt Nam hiện ở mức 520 USD/tấn, cao hơn gạo Thái Lan khoảng 10 USD/tấn.\n\nDoanh nghiệp đã ký hợp đồng xuất khẩu 200.000 tấn sang Indonesia.';

  it.each([
    ['Ảnh minh họa: TTXVN', 'TTXVN'],
    ['(Ảnh minh họa: TTXVN)', 'TTXVN'],
    ['(Ảnh: TTXVN)', 'TTXVN'],
    ['Ảnh: Vũ Sinh/TTXVN', 'Vũ Sinh'],
    ['(Ảnh tư liệu: TTXVN)', 'TTXVN'],
  ])('%s below a reported sentence: the sentence stays in the body, the credit has no caption', (credit, name) => {
    const n = wire(`${head}${para}\n\n${credit}${rest}`);
    expect(n.bodyText.split('\n\n')).toEqual([
      'theo số liệu của Tổng cục Hải quan, xuất khẩu gạo quý I/2025 đạt 2,1 tỷ USD, tăng 12% so với cùng kỳ năm trước.',
      para,
      'Theo ông Tân, giá gạo 5% tấm của Việt Nam hiện ở mức 520 USD/tấn, cao hơn gạo Thái Lan khoảng 10 USD/tấn.',
      'Doanh nghiệp đã ký hợp đồng xuất khẩu 200.000 tấn sang Indonesia.',
    ]);
    expect(n.parts.credits).toEqual([{ role: 'photo', name, agency: 'TTXVN', caption: null }]);
    expect(n.parts.captions).toEqual([]);
  });

  it('"Ảnh minh họa" stands alone even under a short line that could be a caption', () => {
    const n = wire(`${head}Giá gạo xuất khẩu tăng mạnh.\n\nẢnh minh họa: TTXVN${rest}`);
    expect(n.bodyText).toContain('Giá gạo xuất khẩu tăng mạnh.');
    expect(n.parts.credits).toEqual([{ role: 'photo', name: 'TTXVN', agency: 'TTXVN', caption: null }]);
  });

  it('an English paragraph that reports speech ("said") stays in the body above "(Photo: VNA)"', () => {
    const said = 'Deputy Minister Nguyen Sinh Nhat Tan said the Philippines remained the largest market.';
    const n = wire(`Business\n\nRice exports rise\n\nHanoi (VNA) – Vietnam's rice exports reached 2.1 billion USD in the first quarter, up 12 percent year on year.\n\n${said}\n\n(Photo: VNA)\n\nExporters expect demand to stay strong through the year.`);
    expect(n.bodyText).toContain(said);
    expect(n.parts.credits).toEqual([{ role: 'photo', name: 'VNA', agency: 'VNA', caption: null }]);
  });

  it('the first paragraph of a feed body is not taken as the caption of a credit below it', () => {
    const first = 'Xuất khẩu gạo quý I đạt 2,1 tỷ USD, tăng 12% so với cùng kỳ năm trước.';
    const n = feed(`<p>${first}</p><p>(Ảnh: TTXVN)</p><p>Philippines tiếp tục là thị trường lớn nhất, chiếm 40% tổng kim ngạch xuất khẩu gạo.</p>`);
    expect(n.bodyText.split('\n\n')[0]).toBe(first);
    expect(n.parts.credits).toEqual([{ role: 'photo', name: 'TTXVN', agency: 'TTXVN', caption: null }]);
  });
});

describe('a related-news box in the middle of the story does not cut off the rest', () => {
  it('drops "Tin liên quan" and its headline link, keeps the paragraphs and byline below it', () => {
    const n = wire(
      'Thời sự\n\nSố ca mắc sởi tăng\n\nHà Nội (TTXVN) - Ngày 14/3, Bộ Y tế công bố số ca mắc sởi tại các địa phương trong hai tháng đầu năm 2025.\n\nTin liên quan\n\nHà Nội tăng cường tiêm vaccine sởi\n\nThứ trưởng Bộ Y tế Trần Văn Thuấn yêu cầu các địa phương tiếp tục rà soát, tiêm bù cho trẻ em chưa được tiêm đủ mũi vaccine.\n\nBộ Y tế cũng đề nghị người dân đưa trẻ đi tiêm đầy đủ, đúng lịch.\n\nThu Hằng',
    );
    expect(n.bodyText.split('\n\n')).toEqual([
      'Bộ Y tế công bố số ca mắc sởi tại các địa phương trong hai tháng đầu năm 2025.',
      'Thứ trưởng Bộ Y tế Trần Văn Thuấn yêu cầu các địa phương tiếp tục rà soát, tiêm bù cho trẻ em chưa được tiêm đủ mũi vaccine.',
      'Bộ Y tế cũng đề nghị người dân đưa trẻ đi tiêm đầy đủ, đúng lịch.',
    ]);
    expect(n.byline).toEqual(['Thu Hằng']);
  });

  it('drops a mid-story box with several links, and still cuts the box after the end mark', () => {
    const n = wire(
      'Môi trường\n\nHà Nội lắp thêm trạm quan trắc\n\nHà Nội (TTXVN) - Ngày 10/11, Sở Tài nguyên và Môi trường Hà Nội cho biết thành phố sẽ lắp đặt thêm 100 trạm quan trắc không khí.\n\nXem thêm\n\nHà Nội: Ô nhiễm không khí ở mức xấu\n\nNhiều tuyến xe buýt điện mới đi vào hoạt động\n\nDữ liệu từ các trạm sẽ được công bố theo thời gian thực trên ứng dụng của thành phố./.\n\nMinh Đức\n\nTin liên quan\n\nChỉ số chất lượng không khí tăng cao vào sáng sớm\n\nHà Nội trồng thêm cây xanh',
    );
    expect(n.bodyText.split('\n\n')).toEqual([
      'Sở Tài nguyên và Môi trường Hà Nội cho biết thành phố sẽ lắp đặt thêm 100 trạm quan trắc không khí.',
      'Dữ liệu từ các trạm sẽ được công bố theo thời gian thực trên ứng dụng của thành phố.',
    ]);
    expect(n.byline).toEqual(['Minh Đức']);
  });

  it('drops an unmarked related box (plain paragraphs) between paragraphs of a feed body and keeps the paragraphs after it', () => {
    const n = feed(
      '<p>Hà Nội (TTXVN) - Ngày 14/3, Bộ Y tế công bố số ca mắc sởi tại các địa phương trong hai tháng đầu năm 2025.</p><p><strong>Tin liên quan</strong></p><p><a href="/a.html">Hà Nội tăng cường tiêm vaccine sởi</a></p><p>Bộ Y tế đề nghị người dân đưa trẻ đi tiêm đầy đủ, đúng lịch.</p>',
    );
    expect(n.bodyText).toContain('Bộ Y tế đề nghị người dân đưa trẻ đi tiêm đầy đủ, đúng lịch.');
    expect(n.bodyText).not.toContain('Tin liên quan');
    expect(n.bodyText).not.toContain('Hà Nội tăng cường tiêm vaccine sởi');
  });
});

describe('a related-news box at the end of the story', () => {
  it('is dropped whole, its question and exclamation headlines too', () => {
    const body = '<p>Hà Nội (TTXVN) - Ngày 14/3, theo số liệu của Tổng cục Hải quan, xuất khẩu gạo quý I/2025 đạt 2,1 tỷ USD, tăng 12% so với cùng kỳ năm trước.</p><p>Doanh nghiệp đã ký hợp đồng xuất khẩu 200.000 tấn sang Indonesia.</p>';
    const box = '<p>Tin liên quan</p><p>Giá lúa gạo hôm nay tăng nhẹ ở Đồng bằng sông Cửu Long</p><p>Vì sao giá gạo Việt Nam cao hơn gạo Thái Lan?</p><p>Gạo Việt Nam lại lập kỷ lục giá mới trên thị trường thế giới!</p><p>Xuất khẩu nông sản quý I vượt mốc 10 tỷ USD</p>';
    const paragraphs = feed(body + box).bodyText.split('\n\n');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]).toBe('Doanh nghiệp đã ký hợp đồng xuất khẩu 200.000 tấn sang Indonesia.');
  });
});
