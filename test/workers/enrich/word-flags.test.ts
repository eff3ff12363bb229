import { describe, expect, it } from 'vitest';
import { phraseKey } from '../../../src/workers/enrich/fold.js';
import { tokenize } from '../../../src/workers/enrich/tokenize.js';
import { flagSet, tokenIn } from '../../../src/workers/enrich/word-flags.js';

describe('word flag sets', () => {
  it('answers by tone key, tone placement aside, and by ASCII fold when asked', () => {
    const byKey = flagSet(['hòa', 'tại'].map(phraseKey));
    const byAscii = flagSet(['hoa'], true);
    const [hoa, tai, hoaPlain, other] = tokenize('Hoà tại Hoa Bình');
    expect(tokenIn(byKey, hoa)).toBe(true);
    expect(tokenIn(byKey, tai)).toBe(true);
    expect(tokenIn(byKey, hoaPlain)).toBe(false);
    expect(tokenIn(byKey, other)).toBe(false);
    expect(tokenIn(byAscii, hoa)).toBe(true);
    expect(tokenIn(byAscii, hoaPlain)).toBe(true);
    expect(tokenIn(byAscii, tai)).toBe(false);
  });

  it('reads a missing token as the empty key', () => {
    expect(tokenIn(flagSet(['x']), undefined)).toBe(false);
    expect(tokenIn(flagSet(['']), undefined)).toBe(true);
  });

  it('still answers for a word whose flags were worked out before a new set existed', () => {
    const [word] = tokenize('Khánh');
    expect(tokenIn(flagSet(['zzz']), word)).toBe(false);
    const later = flagSet([phraseKey('Khánh')]);
    expect(tokenIn(later, word)).toBe(true);
    // Another token of the same word shares the cached facts.
    expect(tokenIn(later, tokenize('ở Khánh')[1])).toBe(true);
  });

  it('probes the set itself once the 31 bits are taken', () => {
    const sets = Array.from({ length: 40 }, (_, i) => flagSet([`w${i}`]));
    const [w39] = tokenize('w39');
    expect(sets[39]?.bit).toBe(0);
    expect(tokenIn(sets[39]!, w39)).toBe(true);
    expect(tokenIn(sets[38]!, w39)).toBe(false);
  });
});
