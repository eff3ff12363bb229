import { describe, expect, it } from 'vitest';
import { DEFAULT_IDF, MemoryIdfStore, extractEntities, extractKeywords } from '../../../src/workers/enrich/index.js';
import { candidateTerms } from '../../../src/workers/enrich/keywords.js';
import { STOPWORDS } from '../../../src/workers/enrich/stopwords.js';
import { phraseKey } from '../../../src/workers/enrich/fold.js';
import { spanText } from '../../../src/workers/enrich/spans.js';
import { articleForStory, loadGoldStories } from './fixtures.js';

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
