/** boundedMemo computes each argument once while it is remembered, and never holds more than its limit. */
import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/shared/bounded-memo.js';

describe('boundedMemo', () => {
  it('computes once per argument, answers the same afterwards, and forgets all at the limit', () => {
    const calls: string[] = [];
    const upper = boundedMemo((word) => {
      calls.push(word);
      return word.toUpperCase();
    }, 3);
    expect([upper('hà'), upper('nội'), upper('hà')]).toEqual(['HÀ', 'NỘI', 'HÀ']);
    expect(calls).toEqual(['hà', 'nội']);
    upper('giang'); // third entry: the table is full now
    upper('huế'); // over the limit: emptied, then this one remembered
    upper('hà');
    expect(calls).toEqual(['hà', 'nội', 'giang', 'huế', 'hà']);
    expect(upper('huế')).toBe('HUẾ');
    expect(calls).toHaveLength(5);
  });

  it('remembers results that are falsy but defined', () => {
    let n = 0;
    const zero = boundedMemo(() => {
      n++;
      return 0;
    }, 10);
    expect(zero('a') + zero('a')).toBe(0);
    expect(n).toBe(1);
  });
});
