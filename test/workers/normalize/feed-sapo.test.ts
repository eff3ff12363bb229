/**
 * A feed item whose HTML body opens with the story's sapo above the agency dateline, next to the
 * feed's own summary: whatever the summary is, no text of the story is lost, and the sapo is not
 * printed twice.
 */
import { describe, expect, it } from 'vitest';
import { readRawItem } from '../../../src/workers/normalize/index.js';
import { RawItemSchema } from '../../../src/shared/raw-item.js';

const SAPO = 'Tỉnh Lào Cai sẽ đầu tư 1.200 tỷ đồng nâng cấp tuyến đường lên cửa khẩu Kim Thành trong giai đoạn 2026 - 2030.';
const BODY = [
  `<p><strong>${SAPO}</strong></p>`,
  '<p>Lào Cai (TTXVN) - Ngày 26/11, UBND tỉnh Lào Cai đã phê duyệt chủ trương đầu tư dự án nâng cấp tuyến đường dài 38 km.</p>',
  '<p>Dự án dự kiến khởi công vào quý II năm 2026 và hoàn thành trong bốn năm.</p>',
].join('');

function read(summary: string, body = BODY) {
  return readRawItem(
    RawItemSchema.parse({
      sourceId: 'feed', format: 'feed-item', identity: 'x', title: 'Lào Cai nâng cấp đường lên cửa khẩu Kim Thành', summary,
      content: body, contentType: 'html', published: '2026-11-26T03:00:00Z', receivedAt: '2026-11-26T03:05:00Z',
    }),
  );
}

/** The sapo's figure appears in the lead or the body, and exactly once. */
function once(n: { lead: string | null; bodyText: string }): boolean {
  const inLead = (n.lead ?? '').includes('1.200 tỷ đồng');
  const inBody = n.bodyText.includes('1.200 tỷ đồng');
  return inLead !== inBody;
}

describe('a feed sapo above the agency dateline', () => {
  it('stays in the story, first in the body, when the feed summary is a blurb of its own', () => {
    const n = read('Đầu tư lớn cho hạ tầng giao thông vùng biên.');
    expect(n.lead).toBe('Đầu tư lớn cho hạ tầng giao thông vùng biên.');
    expect(n.bodyText.startsWith(SAPO)).toBe(true);
    expect(n.bodyHtml).toContain('1.200 tỷ đồng');
    expect(n.bodyText).toContain('đã phê duyệt chủ trương đầu tư');
    expect(n.parts.dateline.agency).toBe('TTXVN');
  });

  it('is the lead when the summary is that sapo cut short, and is not repeated in the body', () => {
    const n = read('Tỉnh Lào Cai sẽ đầu tư 1.200 tỷ đồng nâng cấp tuyến đường...');
    expect(n.lead).toBe(SAPO);
    expect(n.bodyText).not.toContain('1.200 tỷ đồng');
  });

  it('is the lead when the summary is the same sapo in decomposed Unicode', () => {
    const n = read(SAPO.normalize('NFD'));
    expect(n.lead).toBe(SAPO);
    expect(n.bodyText).not.toContain('1.200 tỷ đồng');
  });

  it('is not repeated when the summary already carries it and says more', () => {
    const longer = `${SAPO} Đây là dự án trọng điểm của tỉnh.`;
    const n = read(longer);
    expect(n.lead).toBe(longer);
    expect(n.bodyText).not.toContain('1.200 tỷ đồng');
  });

  it.each([
    ['an agency mark before it in the summary', `TTXVN - ${SAPO}`, BODY],
    ['a paper mark before it in the summary', `(Dân trí) - ${SAPO}`, BODY],
    ['an agency mark before it in the body', SAPO, BODY.replace(`<strong>${SAPO}`, `<strong>TTO - ${SAPO}`)],
    ['an ellipsis-only summary', '...', BODY],
  ])('is kept once with %s', (_case, summary, body) => {
    const n = read(summary, body);
    expect(once(n)).toBe(true);
    expect(n.bodyText).toContain('đã phê duyệt chủ trương đầu tư');
  });
});
