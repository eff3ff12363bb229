import { describe, expect, it } from 'vitest';
import { DEFAULT_IDF, MemoryIdfStore, extractEntities, extractKeywords } from '../../../src/workers/enrich/index.js';
import { candidateTerms } from '../../../src/workers/enrich/keywords.js';
import { STOPWORDS } from '../../../src/workers/enrich/stopwords.js';
import { phraseKey } from '../../../src/workers/enrich/fold.js';
import { spanText } from '../../../src/workers/enrich/spans.js';
import { articleForStory, articleFrom, loadGoldStories } from './fixtures.js';

const stories = loadGoldStories();

describe('keywords', () => {
  it.each(stories.map((s) => [s.id, s] as const))('%s: at most 10, entities whole, no stopword at either end', (_id, s) => {
    const found = extractEntities(articleForStory(s));
    const kws = extractKeywords(found.sections, found.entitySpans, DEFAULT_IDF);
    expect(kws.length).toBeGreaterThan(0);
    expect(kws.length).toBeLessThanOrEqual(10);
    expect(new Set(kws.map(phraseKey)).size).toBe(kws.length);
    const entityNames = new Set(
      found.entitySpans.flatMap((spans, si) => spans.map((sp) => phraseKey(spanText(found.sections[si]!, sp.start, sp.end)))),
    );
    for (const k of kws) {
      const words = phraseKey(k).split(' ');
      if (entityNames.has(phraseKey(k))) continue;
      expect(words.length, k).toBeGreaterThanOrEqual(2);
      expect(STOPWORDS.has(words[0] ?? ''), k).toBe(false);
      expect(STOPWORDS.has(words[words.length - 1] ?? ''), k).toBe(false);
      // No keyword cuts into a person's name.
      for (const p of found.people) {
        const pk = phraseKey(p.name);
        expect(` ${phraseKey(k)} `.includes(` ${pk.split(' ')[0]} `) && !` ${phraseKey(k)} `.includes(` ${pk} `) && words.length < pk.split(' ').length ? k : '', `cuts ${p.name}`).toBe('');
      }
    }
  });

  it('finds the story’s topic in the sample wire story', () => {
    const s = stories.find((x) => x.id === 'vi-01-hagiang-ttdn');
    if (!s) throw new Error('fixture missing');
    const found = extractEntities(articleForStory(s));
    const kws = extractKeywords(found.sections, found.entitySpans, DEFAULT_IDF).map(phraseKey);
    expect(kws).toContain(phraseKey('thông tin đối ngoại'));
    expect(kws).toContain(phraseKey('Hà Giang'));
  });

  it('ranks by IDF: a term common across the archive falls behind a rare one', () => {
    const s = stories.find((x) => x.id === 'vi-01-hagiang-ttdn');
    if (!s) throw new Error('fixture missing');
    const found = extractEntities(articleForStory(s));
    const terms = candidateTerms(found.sections, found.entitySpans);
    const before = extractKeywords(found.sections, found.entitySpans, new MemoryIdfStore({ documents: 100, df: {} }));
    const top = before.find((k) => terms.has(phraseKey(k)));
    if (!top) throw new Error('no keyword is a plain candidate');
    // An archive of 100 stories in which that term is in every one.
    const after = extractKeywords(found.sections, found.entitySpans, new MemoryIdfStore({ documents: 100, df: { [phraseKey(top)]: 100 } }));
    expect(after.map(phraseKey).indexOf(phraseKey(top))).not.toBe(before.indexOf(top));
    expect(after.map(phraseKey).indexOf(phraseKey(top)) === -1 || after.map(phraseKey).indexOf(phraseKey(top)) > before.indexOf(top)).toBe(true);
  });

  it('counts each document once per term in the IDF store', () => {
    const store = new MemoryIdfStore();
    store.addDocument(['a b', 'a b', 'c d']);
    store.addDocument(['a b']);
    expect(store.documentCount()).toBe(2);
    expect(store.documentFrequency('a b')).toBe(2);
    expect(store.documentFrequency('c d')).toBe(1);
    expect(store.documentFrequency('x y')).toBe(0);
  });

  it('ships a default table learned from the fixtures', () => {
    expect(DEFAULT_IDF.documentCount()).toBe(stories.length);
    const withShared = stories.filter((s) => {
      const found = extractEntities(articleForStory(s));
      return [...candidateTerms(found.sections, found.entitySpans).keys()].some((t) => DEFAULT_IDF.documentFrequency(t) > 1);
    });
    expect(withShared.length).toBeGreaterThan(stories.length / 2);
  });
});

/** Words `a` ends with that `b` starts with (one or more, fewer than either has), word by word. */
function sharedAtJoin(a: string, b: string): number {
  const x = phraseKey(a).split(' ');
  const y = phraseKey(b).split(' ');
  for (let k = Math.min(x.length, y.length) - 1; k >= 1; k--) if (x.slice(-k).join(' ') === y.slice(0, k).join(' ')) return k;
  return 0;
}

/**
 * Pairs of plain-phrase keywords that are one phrase cut two ways: one ends with the words the
 * other starts with. Entity names are left out: they are kept whole by design, and one sharing a
 * word with a phrase ("khám chữa bệnh", "Bệnh viện 108") is no cut.
 */
function overlappingPhrases(found: ReturnType<typeof extractEntities>, kws: readonly string[]): string[] {
  const entityNames = new Set(found.entitySpans.flatMap((spans, si) => spans.map((sp) => phraseKey(spanText(found.sections[si]!, sp.start, sp.end)))));
  const plain = kws.filter((k) => !entityNames.has(phraseKey(k)));
  const out: string[] = [];
  for (const a of plain) for (const b of plain) if (a !== b && sharedAtJoin(a, b) > 0) out.push(`${a} | ${b}`);
  return out;
}

describe('keywords cut from one phrase', () => {
  // Wire stories whose top terms are fragments of one longer phrase, taken in both directions.
  const rice = articleFrom({
    headline: 'Xuất khẩu gạo quý I đạt 2,1 tỷ USD',
    lead: 'Theo số liệu của Tổng cục Hải quan, xuất khẩu gạo quý I/2025 đạt 2,1 tỷ USD, tăng 12% so với cùng kỳ năm trước.',
    body: [
      'Thứ trưởng Bộ Công Thương Nguyễn Sinh Nhật Tân cho biết Philippines tiếp tục là thị trường lớn nhất, chiếm 40% tổng kim ngạch.',
      'Theo ông Tân, giá gạo 5% tấm của Việt Nam hiện ở mức 520 USD/tấn, cao hơn gạo Thái Lan khoảng 10 USD/tấn.',
      'Bà Trần Thị Mai, Phó Giám đốc Công ty cổ phần Lương thực Đồng Tháp, cho biết doanh nghiệp đã ký hợp đồng xuất khẩu 200.000 tấn sang Indonesia.',
    ].join('\n\n'),
  });
  const storm = articleFrom({
    headline: 'Thủ tướng chủ trì hội nghị trực tuyến về phòng, chống bão số 3',
    lead: 'Sáng 14/3, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến với 26 tỉnh, thành phố ven biển về công tác ứng phó bão số 3.',
    body: [
      'Thủ tướng Phạm Minh Chính phát biểu chỉ đạo tại hội nghị.',
      'Phát biểu tại hội nghị, Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy cho biết tỉnh đã sơ tán hơn 10.000 người dân khỏi thành phố Hạ Long.',
      'Thủ tướng yêu cầu các bộ, ngành tuyệt đối không được chủ quan, lơ là.',
    ].join('\n\n'),
  });

  it.each([
    ['rice exports', rice],
    ['storm conference', storm],
  ])('%s: no keyword ends with the words another starts with', (_story, article) => {
    const found = extractEntities(article);
    const kws = extractKeywords(found.sections, found.entitySpans, DEFAULT_IDF);
    expect(kws.length).toBeGreaterThan(0);
    expect(overlappingPhrases(found, kws)).toEqual([]);
  });

  it('joins a phrase that overlaps the start of one already chosen, within four words', () => {
    const found = extractEntities(rice);
    const kws = extractKeywords(found.sections, found.entitySpans, DEFAULT_IDF);
    // "gạo quý I", "khẩu gạo quý" and "xuất khẩu gạo" are one phrase: it takes one slot, not three.
    const rice_ = kws.filter((k) => phraseKey(k).split(' ').includes(phraseKey('gạo')));
    expect(rice_).toHaveLength(1);
    expect(phraseKey(rice_[0] ?? '').split(' ').length).toBeLessThanOrEqual(4);
  });

  it('leaves no two overlapping phrases in any gold story', () => {
    const cut = stories.flatMap((s) => {
      const found = extractEntities(articleForStory(s));
      return overlappingPhrases(found, extractKeywords(found.sections, found.entitySpans, DEFAULT_IDF)).map((pair) => `${s.id}: ${pair}`);
    });
    expect(cut).toEqual([]);
  });
});
