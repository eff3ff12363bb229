import { describe, expect, it } from 'vitest';
import { articleWordCount, countWords, makeSlug, makeSummary } from '../../../src/workers/enrich/index.js';
import { articleFrom, loadGoldStories } from './fixtures.js';

describe('makeSlug', () => {
  it.each([
    ['Đồng bằng sông Cửu Long xuống giống sớm', 'dong-bang-song-cuu-long-xuong-giong-som'],
    ['Đắk Lắk khởi công cao tốc', 'dak-lak-khoi-cong-cao-toc'],
    ['Hô Chi Minh-Ville accueille le Forum', 'ho-chi-minh-ville-accueille-le-forum'],
    ['VFF: “Kim Sang-sik” ở lại đến 2027!', 'vff-kim-sang-sik-o-lai-den-2027'],
  ])('%s → %s', (headline, slug) => {
    expect(makeSlug(headline)).toBe(slug);
  });

  it('keeps every fixture slug ASCII, ≤ 80 chars and cut on a word boundary', () => {
    for (const s of loadGoldStories()) {
      const slug = makeSlug(s.headline);
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(slug.length).toBeLessThanOrEqual(80);
      // Every slug word is a whole word of the full slug.
      const full = makeSlug(`${s.headline} x`).split('-');
      expect(full.slice(0, slug.split('-').length)).toEqual(slug.split('-'));
    }
  });

  it('cuts a long headline at a hyphen, never mid-word', () => {
    const long = 'Bồi dưỡng đội ngũ làm công tác thông tin đối ngoại tại khu vực miền núi, biên giới tỉnh Hà Giang';
    const slug = makeSlug(long);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe('boi-duong-doi-ngu-lam-cong-tac-thong-tin-doi-ngoai-tai-khu-vuc-mien-nui-bien');
  });
});

describe('makeSummary', () => {
  it('uses the lead when there is one', () => {
    const a = articleFrom({ headline: 'H', lead: 'Lead  paragraph.', body: 'Body sentence one. Body two.' });
    expect(makeSummary(a)).toBe('Lead paragraph.');
  });

  it('takes whole first sentences of the body when there is no lead', () => {
    const a = articleFrom({ headline: 'H', body: 'Câu thứ nhất. Câu thứ hai! Câu thứ ba?' });
    expect(makeSummary(a)).toBe('Câu thứ nhất. Câu thứ hai! Câu thứ ba?');
    const long = `${'Một câu khá dài về công tác thông tin đối ngoại. '.repeat(8)}`;
    const s = makeSummary(articleFrom({ headline: 'H', body: long }));
    expect(s.length).toBeLessThanOrEqual(300);
    expect(s.endsWith('.')).toBe(true);
    expect(s).not.toContain('…');
  });

  it('cuts a long lead on a word boundary with "…", and only when cut', () => {
    const lead = 'Trong khuôn khổ chương trình hợp tác giữa hai nước '.repeat(10).trim();
    const s = makeSummary(articleFrom({ headline: 'H', lead, body: '' }));
    expect(s.length).toBeLessThanOrEqual(300);
    expect(s.endsWith('…')).toBe(true);
    const head = s.slice(0, -1);
    expect(lead.startsWith(head)).toBe(true);
    expect(lead[head.length]).toBe(' ');
    for (const story of loadGoldStories()) {
      const sum = makeSummary(articleFrom({ headline: story.headline, lead: story.lead, body: story.body }));
      expect(sum.length).toBeLessThanOrEqual(300);
      // "…" only when the source text was longer than the summary can hold.
      expect(sum.endsWith('…') && (story.lead ?? story.body).replace(/\s+/g, ' ').length <= 300).toBe(false);
    }
  });
});

describe('word count', () => {
  it.each([
    ['Phó Chủ tịch UBND tỉnh Hà Giang', 7],
    ['COVID-19 và l’État, 3,5 tỷ USD', 6],
    ['', 0],
    ['  — / ', 0],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });

  it('counts headline + lead + body, Vietnamese syllables as words', () => {
    const a = articleFrom({ headline: 'Hà Giang đón khách', lead: 'Du lịch tăng mạnh.', body: 'Ông Đỗ Thái Hòa cho biết.' });
    expect(articleWordCount(a)).toBe(4 + 4 + 6);
  });
});
