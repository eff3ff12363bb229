import { describe, expect, it } from 'vitest';
import { enrichArticle } from '../../../src/workers/enrich/index.js';
import { MAX_KEPT_LENGTH, ScratchMarks, longestKeptScratch } from '../../../src/workers/enrich/scratch.js';
import { articleFrom, articleForStory, loadGoldStories } from './fixtures.js';

const allZero = (a: ArrayLike<number>, length: number): boolean => {
  for (let i = 0; i < length; i++) if (a[i] !== 0) return false;
  return true;
};

describe('scratch mark arrays', () => {
  it('keeps at most MAX_KEPT_LENGTH elements; a longer request gets a zeroed array of its own', () => {
    const s = new ScratchMarks((n) => new Uint8Array(n));
    const small = s.take(100);
    small.fill(1, 0, 100);
    const huge = s.take(MAX_KEPT_LENGTH * 4);
    expect(huge.length).toBe(MAX_KEPT_LENGTH * 4);
    expect(allZero(huge, huge.length)).toBe(true);
    expect(s.keptLength).toBeLessThanOrEqual(MAX_KEPT_LENGTH);
    huge.fill(1);
    // The kept buffer still knows what it handed out last: the next take zeroes it.
    const again = s.take(50);
    expect(again).toBe(small);
    expect(allZero(again, 100)).toBe(true);
    // Growing up to the cap keeps the buffer, and no further.
    const grown = s.take(MAX_KEPT_LENGTH);
    expect(s.keptLength).toBe(MAX_KEPT_LENGTH);
    expect(s.take(MAX_KEPT_LENGTH - 1)).toBe(grown);
    expect(s.take(MAX_KEPT_LENGTH + 1)).not.toBe(grown);
    expect(s.keptLength).toBe(MAX_KEPT_LENGTH);
  });

  it('after a huge story keeps at most the cap, and the stories after it come out as before', () => {
    const stories = loadGoldStories().slice(0, 12).map(articleForStory);
    const before = stories.map((a) => JSON.stringify(enrichArticle(a)));
    // A body of well over MAX_KEPT_LENGTH tokens, with people, places and organisations to mark.
    let body = '';
    while (body.split(' ').length < 2 * MAX_KEPT_LENGTH) body += ` ${stories.map((a) => a.body.text).join(' ')}`;
    const huge = enrichArticle(articleFrom({ headline: stories[0]!.headline, body }));
    expect(huge.people.length + huge.places.length).toBeGreaterThan(0);
    expect(longestKeptScratch()).toBeGreaterThanOrEqual(1024);
    expect(longestKeptScratch()).toBeLessThanOrEqual(MAX_KEPT_LENGTH);
    expect(stories.map((a) => JSON.stringify(enrichArticle(a)))).toEqual(before);
  });
});
