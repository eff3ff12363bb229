/** A paragraph break stops a name as punctuation does: nothing is read across two paragraphs. */
import { describe, expect, it } from 'vitest';
import { enrichArticle } from '../../../src/workers/enrich/index.js';
import { makeArticle } from '../../support/articles.js';

function placesOf(text: string) {
  const article = makeArticle({ language: 'vi', headline: 'Số ca mắc sởi', lead: null, body: { text, html: '' } });
  return enrichArticle(article).places.map((p) => `${p.name}/${p.kind}`);
}

describe('paragraph breaks in enrich', () => {
  it('do not let a head word at the end of one paragraph name the first word of the next', () => {
    // A data table's caption row, then its first row (as normalize now writes tables).
    const places = placesOf('Bảng: Số ca mắc sởi theo tỉnh\n\nTP Hồ Chí Minh | 5.200\n\nĐồng Nai | 1.100');
    expect(places).not.toContain('TP/province');
    expect(places).toContain('Đồng Nai/province');
  });

  it('still read a head word and its name within one paragraph', () => {
    expect(placesOf('Mưa lớn gây ngập tại tỉnh Quảng Trị.\n\nNgười dân đã được sơ tán.')).toContain('Quảng Trị/province');
  });
});
