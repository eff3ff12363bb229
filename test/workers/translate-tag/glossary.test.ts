import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../src/shared/errors.js';
import { GLOSSARY_SIZE, translateGlossary } from '../../../src/workers/translate-tag/glossary.js';
import { GLOSSARY } from '../../../src/workers/translate-tag/glossary-data.js';
import { MEDIA_TOPICS } from '../../../src/workers/translate-tag/media-topics.js';

describe('glossary data', () => {
  it('holds at least 150 distinct Vietnamese terms, each with English and French', () => {
    expect(GLOSSARY_SIZE).toBeGreaterThanOrEqual(150);
    for (const e of GLOSSARY) {
      expect(e.en.trim(), e.vi).not.toBe('');
      expect(e.fr.trim(), e.vi).not.toBe('');
    }
  });

  it('knows every Media Topic label', () => {
    for (const t of MEDIA_TOPICS) expect(translateGlossary(t.labels.vi, 'vi', 'en').toLowerCase(), t.code).not.toBe(t.labels.vi.toLowerCase());
  });
});

describe('translateGlossary', () => {
  it.each([
    ['UBND tỉnh', 'en', "provincial People's Committee"],
    ['TTXVN', 'en', 'VNA'],
    ['TTXVN', 'fr', 'AVI'],
    ['Bộ Thông tin và Truyền thông', 'en', 'Ministry of Information and Communications'],
    ['Bộ Thông tin và Truyền thông', 'fr', "ministère de l'Information et de la Communication"],
    ['Hội nhập', 'en', 'Integration'],
    ['Thời sự', 'fr', 'Actualité'],
    ['Khoa học - Công nghệ', 'en', 'Science - Technology'],
    ['Khoa học – Công nghệ', 'en', 'Science - Technology'],
    ['Văn hóa', 'en', 'Culture'],
    ['Văn hoá', 'en', 'Culture'],
    ['VĂN HÓA', 'fr', 'Culture'],
    ['Bộ Lao động - Thương binh và Xã hội', 'en', 'Ministry of Labour, Invalids and Social Affairs'],
    ['thiên tai, thảm họa', 'en', 'disaster'],
  ])('%s → (%s) %s', (vi, to, expected) => {
    expect(translateGlossary(vi, 'vi', to)).toBe(expected);
  });

  it('prefers the longest term: a title with its office, not the office alone', () => {
    expect(translateGlossary('Phó Chủ tịch UBND tỉnh Hà Giang Trần Đức Quý', 'vi', 'en')).toBe(
      "Vice Chairman of the provincial People's Committee Hà Giang Trần Đức Quý",
    );
  });

  it('replaces terms inside running text and leaves the rest as written', () => {
    expect(translateGlossary('Theo TTXVN, Bộ Y tế vừa ban hành hướng dẫn.', 'vi', 'en')).toBe(
      'According to VNA, Ministry of Health vừa ban hành hướng dẫn.',
    );
  });

  it('matches whole words only', () => {
    expect(translateGlossary('UBNDX và TTXVNA', 'vi', 'en')).toBe('UBNDX và TTXVNA');
  });

  it.each([
    ['en', 'fr'],
    ['vi', 'de'],
    ['fr', 'en'],
  ])('returns the text unchanged for the pair %s→%s', (from, to) => {
    expect(translateGlossary('UBND tỉnh', from, to)).toBe('UBND tỉnh');
  });

  it('accepts regional tags (vi-VN → en-US)', () => {
    expect(translateGlossary('TTXVN', 'vi-VN', 'en-US')).toBe('VNA');
  });

  it('returns empty text unchanged and throws only PermanentError for non-strings', () => {
    expect(translateGlossary('', 'vi', 'en')).toBe('');
    expect(() => translateGlossary(undefined as unknown as string, 'vi', 'en')).toThrow(PermanentError);
  });
});
