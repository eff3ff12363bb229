/**
 * Vietnamese copy that the letter and syllable rules alone used to miss: a long English quote in a
 * Vietnamese body, foreign names and brands in a Vietnamese headline, and Vietnamese typed
 * without diacritics or function words. English and French copy around the same words must not
 * turn Vietnamese.
 */
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/workers/translate-tag/index.js';

describe('a Vietnamese body with a long English quote', () => {
  it('stays Vietnamese when it has more Vietnamese words than English ones, and reports the English', () => {
    const got = detectLanguage(
      'Bộ trưởng Ngoại giao đã tiếp Đại sứ Hoa Kỳ tại Hà Nội. The United States will continue to support Vietnam ' +
        'in the energy transition, the ambassador said. Hai bên đã trao đổi về hợp tác năng lượng.',
    );
    expect(got.lang).toBe('vi');
    expect(got.secondary?.lang).toBe('en');
  });

  it('is still English when English has the most words', () => {
    const got = detectLanguage(
      'The United States will continue to support Vietnam in the energy transition, the ambassador said after ' +
        'meeting the minister. Both sides agreed to expand cooperation in renewable power and grid investment. ' +
        'Hai bên đã trao đổi về hợp tác năng lượng.',
    );
    expect(got.lang).toBe('en');
    expect(got.secondary?.lang).toBe('vi');
  });
});

describe('a Vietnamese headline with foreign names or loanwords', () => {
  it.each([
    'Tổng thống Donald Trump gặp Chủ tịch Kim Jong Un',
    'Donald Trump gặp Kim Jong Un',
    'Apple ra mắt iPhone mới',
    'Messi ghi bàn cho Inter Miami',
    'Festival Huế 2026 khai mạc',
    'Taylor Swift đến Singapore',
    'VN-Index tăng điểm',
    'Bitcoin lập đỉnh mới',
    'Manchester United thắng Liverpool',
    'iPhone 16 lên kệ',
  ])('%s is Vietnamese', (headline) => {
    expect(detectLanguage(headline).lang).toBe('vi');
  });
});

describe('Vietnamese without diacritics or function words', () => {
  it.each(['Xuat khau gao dat ky luc', 'Xuat khau gao', 'Ha Noi mua to'])('%s is Vietnamese, with low confidence', (headline) => {
    const got = detectLanguage(headline);
    expect(got.lang).toBe('vi');
    expect(got.confidence).toBeLessThan(0.8);
  });
});

describe('English and French copy around the same words', () => {
  it.each([
    ['Deputy Prime Minister Trần Hồng Hà visits flood-hit Yên Bái province', 'en'],
    ['Prime Minister Phạm Minh Chính meets Lao counterpart', 'en'],
    ['Vietnamese celebrate Tết with bánh chưng', 'en'],
    ['Taylor Swift in Hà Nội', 'en'],
    ['Messi scores twice for Inter Miami', 'en'],
    ['Vietnam beat Indonesia in World Cup', 'en'],
    ['Go to top', 'en'],
    ['Le phở de Hanoï', 'fr'],
    ['La tournée de Taylor Swift à Singapour', 'fr'],
    ['Macron va à Hanoi', 'fr'],
  ])('%s stays %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('leaves a single word nothing recognises without a language', () => {
    expect(detectLanguage('Tech').lang).toBe('und');
  });
});

describe('English headlines full of foreign names', () => {
  // The words left once names are set aside ("to meet in", "on top in") look like syllables; the
  // Vietnamese-without-diacritics fallback must judge the whole headline, names included.
  const names = [
    'Angela Merkel', 'Olaf Scholz', 'Giorgia Meloni', 'Lula da Silva', 'Sergio Mattarella', 'Frank-Walter Steinmeier',
    'Bayern Munich', 'Juventus', 'Cristiano Ronaldo', 'Jürgen Klopp', 'Carlo Ancelotti', 'Volkswagen', 'Lamborghini',
    'Benfica', 'Ursula von der Leyen', 'Marcelo Rebelo de Sousa',
  ];
  const tails = [
    'to meet Macron in Berlin', 'to meet Xi in Rome', 'in Hanoi on Monday', 'to visit Da Nang', 'beat Napoli in the cup',
    'on top in Serie A', 'to cut ten percent', 'in the top ten', 'to go to Hanoi', 'to meet Lula in Brasilia',
  ];
  const headlines = names.flatMap((name) => tails.map((tail) => `${name} ${tail}`));

  it('none of the 160 name-and-phrase combinations is Vietnamese', () => {
    const vietnamese = headlines.filter((headline) => detectLanguage(headline).lang === 'vi');
    expect(vietnamese).toEqual([]);
  });

  it.each(['Angela Merkel to meet Macron in Berlin', 'Giorgia Meloni in Hanoi on Monday', 'Juventus on top in Serie A', 'Carlo Ancelotti to go to Hanoi'])(
    // Not Vietnamese; eld itself still reads some of these as German or Italian.
    '%s is not Vietnamese',
    (headline) => {
      expect(detectLanguage(headline).lang).not.toBe('vi');
    },
  );

  it.each(['Giorgia Meloni in Hà Nội on Monday', 'Carlo Ancelotti to go to Huế'])(
    '%s, quoting a Vietnamese place name, is not Vietnamese',
    (headline) => {
      expect(detectLanguage(headline).lang).not.toBe('vi');
    },
  );

  it('an English outlet name before a Vietnamese dish does not make the line Vietnamese', () => {
    expect(detectLanguage("CNN: Hanoi's bánh mì").lang).not.toBe('vi');
  });
});
