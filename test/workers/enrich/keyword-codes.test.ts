import { describe, expect, it } from 'vitest';
import { DEFAULT_IDF, extractKeywords } from '../../../src/workers/enrich/index.js';
import { articleSections } from '../../../src/workers/enrich/extract.js';
import { candidateTerms } from '../../../src/workers/enrich/keywords.js';
import { makeRoomForStory, tokenize } from '../../../src/workers/enrich/tokenize.js';

// keywords.ts counts an n-gram under a code packing its token ids in 15 bits each. Ids stay below
// 2^15 between stories, but one story with ~33k new words numbers them past it: then a code such
// as (alphaone, id 2^15 + x) equals the code of another pair, and must not stand for that pair.

const ID_SPACE = 2 ** 15;
/** A distinct made-up word per n (letters only, so each is one token of its own). */
const filler = (n: number): string => {
  let s = '';
  do {
    s += String.fromCharCode(98 + (n % 20));
    n = Math.floor(n / 20);
  } while (n > 0);
  return `zq${s}`;
};
const article = (body: string) => ({ headline: 'Tin', lead: '', body: { text: body, html: '' }, language: 'en' });
const idOf = (word: string): number => tokenize(word)[0]!.id;

/** Sentences of new words, enough that the next new word's id is `target`. */
function fillersUpTo(target: number): string {
  const words: string[] = [];
  for (let k = idOf('fillerprobe') + 1; k < target; k++) words.push(filler(k));
  return words.join('. ');
}

describe('n-gram codes when one story numbers its words past 2^15', () => {
  it('learns the n-gram the story holds, not one from an earlier story whose code it shares', () => {
    const learned = (body: string): string[] => {
      let terms: string[] = [];
      const sections = articleSections(article(body));
      extractKeywords(sections, sections.map(() => []), DEFAULT_IDF, (t) => {
        terms = [...t];
      });
      return terms;
    };
    expect(learned('alphaone alphatwo alphathree')).toContain('alphatwo alphathree');
    const [one, two, three] = ['alphaone', 'alphatwo', 'alphathree'].map(idOf) as [number, number, number];
    expect(two).toBe(one + 1);
    const body = `${fillersUpTo(three + ID_SPACE)}. alphaone yankeeword.`;
    const terms = learned(body);
    expect(idOf('yankeeword')).toBe(three + ID_SPACE);
    expect(one * ID_SPACE + idOf('yankeeword')).toBe(two * ID_SPACE + three);
    expect(terms.filter((t) => t.startsWith('alpha'))).toEqual(['alphaone yankeeword']);
  });

  it('counts apart two n-grams of one story whose codes would be equal', () => {
    // The first test's story filled the ids: start the numbering afresh, as the next story would.
    makeRoomForStory();
    idOf('Tin'); // the headline's word, numbered before the body's
    const [one, two, three] = ['alphafour', 'alphafive', 'alphasix'].map(idOf) as [number, number, number];
    expect(two).toBe(one + 1);
    const pairs = 'alphafive alphasix. alphafive alphasix. alphafour yankeetwo. alphafour yankeetwo.';
    const body = `${fillersUpTo(three + ID_SPACE)}. ${pairs}`;
    const sections = articleSections(article(body));
    const terms = candidateTerms(sections, sections.map(() => []));
    expect(idOf('yankeetwo')).toBe(three + ID_SPACE);
    expect(terms.get('alphafive alphasix')?.count).toBe(2);
    expect(terms.get('alphafour yankeetwo')?.count).toBe(2);
  });
});
