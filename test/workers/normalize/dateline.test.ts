import { describe, expect, it } from 'vitest';
import { resolveDayMonth } from '../../../src/workers/normalize/dates.js';
import { parseDateline } from '../../../src/workers/normalize/dateline.js';

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
