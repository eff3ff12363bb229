import { describe, expect, it } from 'vitest';
import { RawItemSchema } from '../../../src/shared/raw-item.js';
import { readRawItem } from '../../../src/workers/normalize/index.js';

// Every way the lines above the body can be present or missing: section label (known, unknown,
// multi-word, English), headline, location line (known and unknown places), lead; dateline with
// and without its own place. An editor reads each the same way.
const LABELS = [null, 'Hội nhập', 'Chuyên đề', 'Ô tô - Xe máy', 'Sport'];
const HEADLINES = ['Điện Biên đưa điện lưới quốc gia về 20 bản vùng cao', 'Mở rộng mạng lưới y tế cơ sở', 'Vaccine trials begin'];
const PLACES = [null, 'Điện Biên', 'Mường Nhé', 'Đắk Lắk', 'Sìn Hồ'];
const LEADS = [null, 'Tỉnh đặt mục tiêu đến năm 2026 có 100% số hộ dân được sử dụng điện lưới quốc gia.'];
const DATELINES = ['TTXVN - Ngày 4/5, ', 'Điện Biên (TTXVN) - Sáng 4/5, '];
const BODY = 'ngành điện đã hoàn thành đóng điện cho các bản vùng cao với tổng vốn đầu tư hơn 120 tỷ đồng.\n\nNgười dân phấn khởi khi có điện sinh hoạt và sản xuất./.\n\nXuân Tư';

const combos = LABELS.flatMap((label) =>
  HEADLINES.flatMap((headline) => PLACES.flatMap((place) => LEADS.flatMap((lead) => DATELINES.map((dateline) => ({ label, headline, place, lead, dateline }))))),
);

describe('normalize: header lines present or missing in every combination', () => {
  it.each(combos)('label=$label place=$place lead=$lead dateline=$dateline', (c) => {
    const content = [c.label, c.headline, c.place, c.lead].filter((x) => x !== null).join('\n\n') + `\n\n${c.dateline}${BODY}`;
    const n = readRawItem(RawItemSchema.parse({ sourceId: 's', format: 'wire-text', identity: 'x', content, receivedAt: '2024-05-04T05:00:00Z' }));
    expect({ category: n.category, headline: n.headline, location: n.parts.location, lead: n.lead, byline: n.byline, bodyStart: n.bodyText.slice(0, 10), date: n.parts.dateline.date }).toEqual({
      category: c.label,
      headline: c.headline,
      location: c.place,
      lead: c.lead,
      byline: ['Xuân Tư'],
      bodyStart: 'ngành điện',
      date: '2024-05-04',
    });
  });
});
