import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../../src/shared/article.js';
import { enrichArticle } from '../../../src/workers/enrich/index.js';
import { articleFrom, loadGoldStories } from './fixtures.js';

// Words and punctuation the extractors react to, mixed at random.
const pieces = [
  'ông', 'bà', 'Bộ trưởng', 'Chủ tịch', 'UBND', 'tỉnh', 'Hà Giang', 'Trần', 'Đức', 'Quý', 'Nguyễn', 'Thị', 'Lan',
  'Sở', 'Y', 'tế', 'và', ',', '.', '(', ')', '-', 'VFF', 'Mr', 'M.', "l'", 'de la', 'Ministry', 'of', 'the',
  'sông', 'Hồng', 'Quận', '3', 'TP.HCM', 'Anh', 'Ý', 'Mỹ', 'Việt Nam', 'Park', 'Jin-woo', '“', '”', '\n\n', 'cho biết',
];

describe('enrich on arbitrary text', () => {
  it('never throws and always returns a schema-valid article', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 60 }),
        fc.constantFrom('vi', 'en', 'fr'),
        (words, language) => {
          const text = words.join(' ');
          const out = enrichArticle(articleFrom({ headline: text.slice(0, 80), lead: null, body: text, language }));
          expect(ArticleSchema.safeParse(out).success).toBe(true);
          expect(out.keywords.length).toBeLessThanOrEqual(10);
          expect(out.summary.length).toBeLessThanOrEqual(300);
          for (const p of out.people) expect(p.name.trim()).not.toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same result for the same story (no state kept between calls)', () => {
    for (const s of loadGoldStories().slice(0, 10)) {
      const a = articleFrom({ headline: s.headline, lead: s.lead, body: s.body, language: s.language });
      expect(enrichArticle(a)).toEqual(enrichArticle(a));
    }
  });
});
