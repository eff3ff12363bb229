import { describe, expect, it } from 'vitest';
import { articleWordCount, countWords, makeSlug, makeSummary } from '../../../src/workers/enrich/index.js';
import { parseDateline } from '../../../src/workers/normalize/dateline.js';
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

  it.each([
    ['VinFast VF3 giao xe tại Hà Nội', 'vinfast-vf3-giao-xe-tai-ha-noi'],
    ['iPhone 16 ra mắt', 'iphone-16-ra-mat'],
    ['Œuvre d’art à Hanoï', 'oeuvre-d-art-a-hanoi'],
    ['L’ŒUVRE et l’Ætna', 'l-oeuvre-et-l-aetna'],
  ])('keeps mixed-case names and ligatures whole: %s → %s', (headline, slug) => {
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
  it('stops before a paragraph that is no sentence (a table row), which would run into the next sentence', () => {
    const body = 'Cả nước ghi nhận hơn 12.000 ca mắc sởi từ đầu năm.\n\nTỉnh | Số ca\n\nTP Hồ Chí Minh | 5.200\n\nTheo Bộ Y tế, dịch đã được kiểm soát.';
    expect(makeSummary(articleFrom({ headline: 'H', body }))).toBe('Cả nước ghi nhận hơn 12.000 ca mắc sởi từ đầu năm.');
    // A first paragraph without a full stop (a heading-like opening) is still read.
    expect(makeSummary(articleFrom({ headline: 'H', body: 'Số liệu mới nhất\n\nCả nước ghi nhận hơn 12.000 ca.' }))).toBe('Số liệu mới nhất Cả nước ghi nhận hơn 12.000 ca.');
  });

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

  // Each first sentence runs past 300 characters, so a "." inside it that were read as a
  // sentence end would make the summary stop there.
  const LONG_TAIL = ' thành phố cùng nhiều chuyên gia, nhà khoa học và đại diện các quận, huyện'.repeat(4);
  it.each([
    ['The U.S.', `The U.S. Department of State on Friday announced a plan${' to expand cooperation with Vietnam in clean energy'.repeat(6)}.`],
    ['TP.', `Sáng 14/3, tại TP. Hồ Chí Minh, Ủy ban nhân dân tổ chức hội nghị${LONG_TAIL}.`],
    ['PGS. TS.', `Phát biểu tại hội nghị, PGS. TS. Nguyễn Văn Hùng cho biết${LONG_TAIL}.`],
    ['Th.S.', `Ông Th.S. Lê Văn Nam cho biết${LONG_TAIL}.`],
    ['an initial', `Bệnh nhân Nguyễn Văn A. Cư trú tại${LONG_TAIL}.`],
    ['M.', `M. Macron est arrivé à Hanoï${' pour une visite officielle de trois jours au Vietnam'.repeat(6)}.`],
    ['a lowercase word', `Các mặt hàng gồm gạo, cà phê, v.v. được xuất khẩu sang${LONG_TAIL}.`],
  ])('does not end a sentence at %s', (_mark, body) => {
    const s = makeSummary(articleFrom({ headline: 'H', body }));
    // The first sentence does not fit: the summary is it, clipped on a word boundary.
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(300);
    expect(s.length).toBeGreaterThan(250);
    expect(body.startsWith(s.slice(0, -1))).toBe(true);
  });

  it('keeps to the whole sentences before one that holds an abbreviation and does not fit', () => {
    const body = `Hội nghị diễn ra trong hai ngày. Phát biểu tại hội nghị, PGS. TS. Nguyễn Văn Hùng cho biết${LONG_TAIL}.`;
    expect(makeSummary(articleFrom({ headline: 'H', body }))).toBe('Hội nghị diễn ra trong hai ngày.');
  });

  it('still ends sentences at a "." before a capitalized word that is no abbreviation', () => {
    const body = `Hội nghị diễn ra trong hai ngày tại TP. Hồ Chí Minh. Phát biểu tại hội nghị, ông Hùng cho biết${' thành phố cùng nhiều chuyên gia'.repeat(10)}.`;
    expect(makeSummary(articleFrom({ headline: 'H', body }))).toBe('Hội nghị diễn ra trong hai ngày tại TP. Hồ Chí Minh.');
  });

  it('starts the body summary at the dateline date phrase, after place and agency', () => {
    const body = 'tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến về bão số 3.\n\nTheo báo cáo, bão mạnh cấp 12.';
    const summaryWith = (raw: string | null, agency: string | null): string => {
      const article = articleFrom({ headline: 'H', body });
      return makeSummary({ ...article, dateline: { ...article.dateline, agency, raw } });
    };
    const expected = 'Sáng 14/3, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến về bão số 3. Theo báo cáo, bão mạnh cấp 12.';
    expect(summaryWith('HÀ NỘI (TTXVN) - Sáng 14/3,', 'TTXVN')).toBe(expected);
    expect(summaryWith('Bà Rịa - Vũng Tàu (TTXVN) – Sáng 14/3,', 'TTXVN')).toBe(expected);
    expect(summaryWith('TTXVN - Sáng 14/3,', 'TTXVN')).toBe(expected);
    expect(summaryWith('Sáng 14/3,', null)).toBe(expected);
    // A dateline of place and agency only leaves the body as it is, capitalized.
    expect(summaryWith('HANOI (VNA) -', 'VNA')).toBe(expected.replace('Sáng 14/3, tại', 'Tại'));
    expect(summaryWith(null, null)).toBe(expected.replace('Sáng 14/3, tại', 'Tại'));
  });

  it.each([
    ['HÀ NỘI (TTXVN) - Sáng 14/3, tại trụ sở Chính phủ, Thủ tướng chủ trì hội nghị.', 'Sáng 14/3, tại trụ sở Chính phủ, Thủ tướng chủ trì hội nghị.'],
    ['Bà Rịa - Vũng Tàu (TTXVN) - Ngày 2-8, tỉnh tổ chức lễ khởi công.', 'Ngày 2-8, tỉnh tổ chức lễ khởi công.'],
    ['TTXVN - Chiều 20/5 (giờ địa phương), tại New York, Đại sứ phát biểu.', 'Chiều 20/5 (giờ địa phương), tại New York, Đại sứ phát biểu.'],
    ['Đêm 6/9, lực lượng cứu hộ đã tiếp cận hiện trường vụ sạt lở đất tại xã.', 'Đêm 6/9, lực lượng cứu hộ đã tiếp cận hiện trường vụ sạt lở đất tại xã.'],
    ['HANOI, May 20 (VNA) - Vietnam and Japan signed an agreement.', 'Vietnam and Japan signed an agreement.'],
  ])('reads the paragraph %j after its place and agency, as normalize splits it', (paragraph, summary) => {
    const dateline = parseDateline(paragraph, '2025-03-14T09:30:00+07:00');
    expect(dateline).not.toBeNull();
    const article = articleFrom({ headline: 'H', body: dateline!.rest });
    expect(makeSummary({ ...article, dateline: { ...article.dateline, agency: dateline!.agency, raw: dateline!.raw } })).toBe(summary);
  });

  it('never starts a summary with a lowercase word, but keeps names written so', () => {
    expect(makeSummary(articleFrom({ headline: 'H', body: 'tại trụ sở Chính phủ, Thủ tướng chủ trì.' }))).toBe('Tại trụ sở Chính phủ, Thủ tướng chủ trì.');
    expect(makeSummary(articleFrom({ headline: 'H', lead: 'đêm qua, mưa lớn.', body: '' }))).toBe('Đêm qua, mưa lớn.');
    expect(makeSummary(articleFrom({ headline: 'H', body: 'iPhone 16 ra mắt tại Hà Nội.' }))).toBe('iPhone 16 ra mắt tại Hà Nội.');
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
