/** Ward-level units of the 2025 map get their codes; shared names need the story's province. */
import { describe, expect, it } from 'vitest';
import { enrichArticle } from '../../src/workers/enrich/index.js';
import { wardCode } from '../../src/workers/enrich/wards.js';
import { makeArticle } from '../support/articles.js';

describe('wards and communes', () => {
  it('codes a commune the story names, with its province', () => {
    const a = enrichArticle(makeArticle({
      language: 'vi',
      headline: 'Cột cờ Lũng Cú đón khách dịp cuối năm',
      body: { text: 'Ngày 20/12, xã Lũng Cú, tỉnh Tuyên Quang đón hơn 5.000 lượt khách. Ông Vàng Mí Lử, Chủ tịch UBND xã Lũng Cú, cho biết lượng khách tăng mạnh.', html: '' },
    }));
    const commune = a.places.find((p) => p.name === 'Lũng Cú');
    expect(commune).toMatchObject({ kind: 'commune', code: 'VN-2025:08:00715' });
  });

  it('resolves a repeated name only with the province it is in', () => {
    // "Ba Đình" is a ward of Hà Nội and a commune of Thanh Hóa.
    expect(wardCode('Ba Đình', 'ward', new Set())).toBe('VN-2025:01:00004');
    expect(wardCode('Ba Đình', 'commune', new Set())).toBe('VN-2025:38:16171');
    expect(wardCode('Nowhere Special', 'commune', new Set())).toBeNull();
  });
});
