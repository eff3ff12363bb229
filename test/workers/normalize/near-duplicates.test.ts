import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, fingerprint, InMemoryDuplicateIndex, similarity } from '../../../src/workers/normalize/index.js';
import { precisionRecall, scorePairs } from './pairs.js';

const pairs = scorePairs();

const story = {
  headline: 'Khánh Hòa hỗ trợ ngư dân sau bão số 9',
  lead: null,
  body: { text: 'Tỉnh Khánh Hòa dành 30 tỷ đồng hỗ trợ 300 tàu cá và 2.000 ô lồng thủy sản bị hư hỏng tại Ninh Hòa, Vạn Ninh. Ông Lê Hữu Hòa cho biết tỉnh sẽ giãn nợ cho các hộ bị thiệt hại nặng.' },
  dateline: { date: '2024-11-25' },
};

describe('near-duplicate fingerprints', () => {
  it('has at least 30 labeled pairs covering updates, rewrites, translations and look-alikes', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(pairs.map((p) => p.label))).toEqual(new Set(['duplicate', 'translation', 'different']));
    expect(pairs.filter((p) => p.kind.startsWith('same-template')).length).toBeGreaterThanOrEqual(5);
  });

  it(`finds duplicates at threshold ${DUPLICATE_THRESHOLD} with precision ≥ 0.9 and recall ≥ 0.85 on the labeled pairs`, () => {
    const pr = precisionRecall(pairs);
    expect(pr.precision).toBeGreaterThanOrEqual(0.9);
    expect(pr.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('never flags a same-template story of another day (bulletins, price notices) as a duplicate', () => {
    expect(pairs.filter((p) => p.kind.endsWith('other-day') && p.predictedDuplicate).map((p) => p.name)).toEqual([]);
  });

  it('is deterministic and blind to tone-mark placement, case and whitespace', () => {
    const retyped = { ...story, headline: story.headline.replace('Hòa', 'Hoà').toUpperCase(), body: { text: story.body.text.replace(/Hòa/g, 'Hoà').replace(/thủy/g, 'thuỷ').replace(/ /g, '  ') } };
    expect(fingerprint(story)).toEqual(fingerprint(story));
    expect(similarity(fingerprint(story), fingerprint(retyped))).toBe(1);
  });

  it('pulls stories dated on different days apart; same wording with other figures on another day is another story', () => {
    const sameDay = similarity(fingerprint(story), fingerprint(story));
    const otherDay = similarity(fingerprint(story), fingerprint({ ...story, dateline: { date: '2024-11-26' } }));
    expect(otherDay).toBeLessThanOrEqual(sameDay * 0.5);
    const nextBulletin = {
      ...story,
      body: { text: story.body.text.replace('30 tỷ', '45 tỷ').replace('300 tàu', '420 tàu').replace('2.000 ô', '3.100 ô') },
      dateline: { date: '2024-11-28' },
    };
    expect(similarity(fingerprint(story), fingerprint(nextBulletin))).toBeLessThan(DUPLICATE_THRESHOLD);
  });
});

describe('InMemoryDuplicateIndex', () => {
  const fp = fingerprint(story);
  const unrelated = fingerprint({ headline: 'Giá vàng tăng mạnh', lead: null, body: { text: 'Giá vàng SJC tăng 1,5 triệu đồng mỗi lượng trong phiên sáng nay tại Thành phố Hồ Chí Minh.' }, dateline: { date: '2024-11-25' } });

  it('finds the stored story a new copy repeats, and nothing for an unrelated story', async () => {
    const index = new InMemoryDuplicateIndex();
    await index.add('a', fp);
    await index.add('b', unrelated);
    expect(await index.findDuplicate(fingerprint({ ...story, headline: 'Hỗ trợ ngư dân Khánh Hoà sau bão số 9' }), 'new')).toMatchObject({ id: 'a' });
    expect(await index.findDuplicate(fingerprint({ headline: 'Khai mạc hội chợ', lead: null, body: { text: 'Hội chợ thương mại quốc tế khai mạc tại Hà Nội với 500 gian hàng.' }, dateline: { date: '2024-11-25' } }), 'new')).toBeNull();
  });

  it('never reports a story as a duplicate of itself (a new version of the same id)', async () => {
    const index = new InMemoryDuplicateIndex();
    await index.add('a', fp);
    expect(await index.findDuplicate(fp, 'a')).toBeNull();
  });

  it('forgets the oldest stories beyond its capacity', async () => {
    const index = new InMemoryDuplicateIndex(1);
    await index.add('a', fp);
    await index.add('b', unrelated);
    expect(await index.findDuplicate(fp, 'new')).toBeNull();
  });
});
