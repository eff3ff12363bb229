/** detached() gives the same text, so caches keyed by it answer as before. */
import { describe, expect, it } from 'vitest';
import { detached } from '../../src/shared/detached-string.js';

describe('detached', () => {
  it('returns an equal string, for short and long cuts of a larger text, surrogates included', () => {
    const big = `Thành phố Hồ Chí Minh 😀 ${'x'.repeat(10_000)} \uD800 lone`;
    for (const [start, end] of [[0, 5], [0, 21], [10, 40], [big.length - 12, big.length], [big.length - 20, big.length], [22, 24]] as const) {
      const cut = big.slice(start, end);
      expect(detached(cut)).toBe(cut);
    }
    const short = big.slice(0, 5);
    expect(detached(short)).toBe(short);
  });
});
