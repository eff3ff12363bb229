import { describe, expect, it } from 'vitest';
import { resolveDayMonth } from '../../../src/workers/normalize/dates.js';
import { openingDate, parseDateline } from '../../../src/workers/normalize/dateline.js';
import { readRawItem } from '../../../src/workers/normalize/index.js';
import { RawItemSchema } from '../../../src/shared/raw-item.js';

const PUB = '2024-08-03T01:00:00Z'; // 08:00 on 3 August in Vietnam

describe('parseDateline: agency, place and date forms', () => {
  it.each([
    ['TTXVN - Ngày 2/8, tỉnh', null, 'TTXVN', '2024-08-02', 'TTXVN - Ngày 2/8,'],
    ['TTXVN – Sáng 02/08, tỉnh', null, 'TTXVN', '2024-08-02', 'TTXVN – Sáng 02/08,'],
    ['Hà Nội (TTXVN) - Chiều tối 2/8, x', 'Hà Nội', 'TTXVN', '2024-08-02', 'Hà Nội (TTXVN) - Chiều tối 2/8,'],
    ['Hà Nội (TTXVN)- Tối 2-8, x', 'Hà Nội', 'TTXVN', '2024-08-02', 'Hà Nội (TTXVN)- Tối 2-8,'],
    ['HÀ NỘI (TTXVN) - Đêm 1/8, x', 'HÀ NỘI', 'TTXVN', '2024-08-01', 'HÀ NỘI (TTXVN) - Đêm 1/8,'],
    ['TP.HCM (TTXVN) - Ngày 2/8, x', 'TP.HCM', 'TTXVN', '2024-08-02', 'TP.HCM (TTXVN) - Ngày 2/8,'],
    ['Bà Rịa - Vũng Tàu (TTXVN) - Trưa 2/8, x', 'Bà Rịa - Vũng Tàu', 'TTXVN', '2024-08-02', 'Bà Rịa - Vũng Tàu (TTXVN) - Trưa 2/8,'],
    ['New York (TTXVN) - Theo phóng viên TTXVN tại New York, sáng 1/8 (giờ địa phương), x', 'New York', 'TTXVN', '2024-08-01', 'New York (TTXVN) - Theo phóng viên TTXVN tại New York, sáng 1/8 (giờ địa phương),'],
    ['London (TTXVN) - Theo phóng viên thường trú TTXVN tại Anh, ngày 1/8, x', 'London', 'TTXVN', '2024-08-01', 'London (TTXVN) - Theo phóng viên thường trú TTXVN tại Anh, ngày 1/8,'],
    ['Moskva (TTXVN) - Tối 1/8 (theo giờ Hà Nội), x', 'Moskva', 'TTXVN', '2024-08-01', 'Moskva (TTXVN) - Tối 1/8 (theo giờ Hà Nội),'],
    ['Vientiane (TTXVN/Vietnam+) - Ngày 1/8, x', 'Vientiane', 'TTXVN/Vietnam+', '2024-08-01', 'Vientiane (TTXVN/Vietnam+) - Ngày 1/8,'],
    ['(TTXVN) - Ngày 1/8, x', null, 'TTXVN', '2024-08-01', '(TTXVN) - Ngày 1/8,'],
    ['Hanoi (VNA) - x', 'Hanoi', 'VNA', null, 'Hanoi (VNA) -'],
    ['Hanoi, August 2 (VNA) - x', 'Hanoi', 'VNA', '2024-08-02', 'Hanoi, August 2 (VNA) -'],
    ['Hanoi, Aug. 2 (VNA) – x', 'Hanoi', 'VNA', '2024-08-02', 'Hanoi, Aug. 2 (VNA) –'],
    ['Hanoï, 2 août (VNA) – x', 'Hanoï', 'VNA', '2024-08-02', 'Hanoï, 2 août (VNA) –'],
    ['Hanoï, le 1er août (VNA) – x', 'Hanoï', 'VNA', '2024-08-01', 'Hanoï, le 1er août (VNA) –'],
    ['Đêm 2/8, bão', null, null, '2024-08-02', 'Đêm 2/8,'],
    ['Rạng sáng nay, bão', null, null, '2024-08-03', 'Rạng sáng nay,'],
    ['Hôm qua (2/8), bão', null, null, '2024-08-02', 'Hôm qua (2/8),'],
  ])('%s', (text, place, agency, date, raw) => {
    expect(parseDateline(text, PUB)).toMatchObject({ place, agency, date, raw });
  });

  it.each([
    ['Bộ Y tế (BYT) - cơ quan quản lý nhà nước về y tế'],
    ['Sáng 2/8 tại Hà Nội, hội nghị khai mạc'],
    ['Theo ông Đỗ Thái Hòa, công tác thông tin đối ngoại là nhiệm vụ quan trọng'],
    ['Chiều nay trời mưa'],
  ])('is not a dateline: %s', (text) => {
    expect(parseDateline(text, PUB)).toBeNull();
  });

  it('never takes a time-of-day word for a place', () => {
    expect(parseDateline('Chiều (TTXVN) - Ngày 2/8, x', PUB)?.place).toBeNull();
  });
});

describe('resolveDayMonth: the year of a day/month, from publication time in Vietnam (UTC+7)', () => {
  it.each([
    [2, 8, '2024-08-03T01:00:00Z', '2024-08-02'],
    [4, 8, '2024-08-03T01:00:00Z', '2024-08-04'], // publication + 1 day is allowed
    [5, 8, '2024-08-03T01:00:00Z', '2023-08-05'],
    [31, 12, '2025-01-01T01:00:00+07:00', '2024-12-31'],
    [1, 1, '2024-12-31T18:00:00Z', '2025-01-01'], // 01:00 on 1 January in Vietnam
    [2, 1, '2024-12-31T10:00:00Z', '2024-01-02'],
    [29, 2, '2025-03-01T09:00:00+07:00', '2024-02-29'],
    [31, 2, '2024-08-03T01:00:00Z', null],
    [32, 13, '2024-08-03T01:00:00Z', null],
  ])('%i/%i published %s → %s', (day, month, published, expected) => {
    expect(resolveDayMonth(day, month, null, published)).toBe(expected);
  });

  it('keeps an explicit year', () => {
    expect(resolveDayMonth(15, 7, 2023, '2024-01-10T09:00:00+07:00')).toBe('2023-07-15');
    expect(resolveDayMonth(15, 7, 23, '2024-01-10T09:00:00+07:00')).toBe('2023-07-15');
  });
});

// Forms the agency writes that were read as "no date" (or not as a dateline at all) before.
describe('parseDateline: more date forms of Vietnamese copy', () => {
  it.each([
    // "ngày" before the date inside the place part.
    ['Hà Nội, ngày 2/8 (TTXVN) - Sở Y tế cho biết', 'Hà Nội', '2024-08-02', 'Hà Nội, ngày 2/8 (TTXVN) -', 'Sở Y tế cho biết'],
    ['HÀ NỘI, NGÀY 2/8 (TTXVN) - Sở Y tế cho biết', 'HÀ NỘI', '2024-08-02', 'HÀ NỘI, NGÀY 2/8 (TTXVN) -', 'Sở Y tế cho biết'],
    ['Hà Nội, ngày 2 tháng 8 năm 2023 (TTXVN) - Sở Y tế cho biết', 'Hà Nội', '2023-08-02', 'Hà Nội, ngày 2 tháng 8 năm 2023 (TTXVN) -', 'Sở Y tế cho biết'],
    // A day range gives its first day, and the year is inferred from that day: 4/8 is at most
    // publication + 1 day (this year), 5/8 would not be.
    ['Hà Nội (TTXVN) - Ngày 4-5/8, tại Hà Nội diễn ra hội nghị', 'Hà Nội', '2024-08-04', 'Hà Nội (TTXVN) - Ngày 4-5/8,', 'tại Hà Nội diễn ra hội nghị'],
    ['Hà Nội (TTXVN) - Ngày 1 và 2/8, tại Hà Nội', 'Hà Nội', '2024-08-01', 'Hà Nội (TTXVN) - Ngày 1 và 2/8,', 'tại Hà Nội'],
    // A weekday with the date in parentheses, or right after it.
    ['Hà Nội (TTXVN) - Sáng thứ Sáu (2/8), Quốc hội họp', 'Hà Nội', '2024-08-02', 'Hà Nội (TTXVN) - Sáng thứ Sáu (2/8),', 'Quốc hội họp'],
    ['Hà Nội (TTXVN) - Chiều thứ 5 1/8, Quốc hội họp', 'Hà Nội', '2024-08-01', 'Hà Nội (TTXVN) - Chiều thứ 5 1/8,', 'Quốc hội họp'],
    // A clock time before the time-of-day or day word.
    ['Hà Nội (TTXVN) - 10 giờ sáng 2/8, Quốc hội họp', 'Hà Nội', '2024-08-02', 'Hà Nội (TTXVN) - 10 giờ sáng 2/8,', 'Quốc hội họp'],
    ['Hà Nội (TTXVN) - Lúc 9h30 ngày 1/8, Quốc hội họp', 'Hà Nội', '2024-08-01', 'Hà Nội (TTXVN) - Lúc 9h30 ngày 1/8,', 'Quốc hội họp'],
    ['Hà Nội (TTXVN) - 10 giờ sáng nay, Quốc hội họp', 'Hà Nội', '2024-08-03', 'Hà Nội (TTXVN) - 10 giờ sáng nay,', 'Quốc hội họp'],
    // The local-time phrase without parentheses.
    ['Tokyo (TTXVN) - Chiều 2/8 theo giờ địa phương, Thủ tướng Nhật Bản', 'Tokyo', '2024-08-02', 'Tokyo (TTXVN) - Chiều 2/8 theo giờ địa phương,', 'Thủ tướng Nhật Bản'],
  ])('%s', (text, place, date, raw, rest) => {
    expect(parseDateline(text, PUB)).toMatchObject({ place, agency: 'TTXVN', date, raw, rest });
  });

  it('keeps a date written as day-month-year, not as a day range', () => {
    expect(parseDateline('Hà Nội (TTXVN) - Ngày 2-8-24, x', PUB)).toMatchObject({ date: '2024-08-02', rest: 'x' });
  });

  it('does not take a weekday with an unclosed parenthesis for a date phrase', () => {
    expect(parseDateline('Hà Nội (TTXVN) - Sáng thứ Sáu (2/8, x', PUB)).toMatchObject({ date: null, raw: 'Hà Nội (TTXVN) -' });
  });

  it('leaves "Trong hai ngày 1 - 2/8," in the sentence but reads its first day as the date', () => {
    const m = parseDateline('Hà Nội (TTXVN) - Trong hai ngày 1 - 2/8, tại Hà Nội diễn ra hội nghị', PUB);
    expect(m).toMatchObject({ date: null, rest: 'Trong hai ngày 1 - 2/8, tại Hà Nội diễn ra hội nghị' });
    expect(openingDate(m!.rest, PUB)).toBe('2024-08-01');
  });
});

describe('normalize: a dateline form read through the whole story', () => {
  const read = (content: string) =>
    readRawItem(RawItemSchema.parse({ sourceId: 's', format: 'wire-text', identity: 'x', content, receivedAt: '2024-08-03T01:00:00Z' }));

  it('strips "Hà Nội, ngày 2/8 (TTXVN) -" from the body and keeps it as the dateline', () => {
    const n = read('Điện lưới về bản vùng cao\n\nHà Nội, ngày 2/8 (TTXVN) - Ngành điện đã hoàn thành đóng điện cho các bản vùng cao.\n\nNgười dân phấn khởi./.');
    expect(n.parts.dateline).toMatchObject({ place: 'Hà Nội', date: '2024-08-02', agency: 'TTXVN', raw: 'Hà Nội, ngày 2/8 (TTXVN) -' });
    expect(n.bodyText.startsWith('Ngành điện đã hoàn thành')).toBe(true);
    expect(n.lead ?? '').not.toContain('TTXVN');
  });

  it('dates a story that opens with "Trong hai ngày 1 - 2/8," by its first day', () => {
    const n = read('Hội nghị ngành điện\n\nHà Nội (TTXVN) - Trong hai ngày 1 - 2/8, tại Hà Nội diễn ra hội nghị ngành điện.\n\nCác đại biểu thảo luận./.');
    expect(n.parts.dateline).toMatchObject({ place: 'Hà Nội', date: '2024-08-01', agency: 'TTXVN', raw: 'Hà Nội (TTXVN) -' });
    expect(n.bodyText.startsWith('Trong hai ngày 1 - 2/8, tại Hà Nội')).toBe(true);
  });
});
