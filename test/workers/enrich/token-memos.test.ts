/** A token's lexicon memos share one small integer: each must read back what was kept, alone. */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/workers/enrich/tokenize.js';

const MEMOS = ['memoTitle', 'memoRoleBreak', 'memoHonorific', 'memoOrgHead', 'memoAdmin', 'memoFeature'] as const;

describe('token memos', () => {
  it('start unset (-1) and each keeps its own value without touching the others', () => {
    for (const [k, name] of MEMOS.entries()) {
      const [t] = tokenize('Hà');
      for (const m of MEMOS) expect(t![m]).toBe(-1);
      t![name] = k + 1;
      for (const m of MEMOS) expect(t![m], `${name} set, ${m} read`).toBe(m === name ? k + 1 : -1);
      t![name] = 0;
      expect(t![name]).toBe(0);
    }
    const [t] = tokenize('Hà');
    for (const [k, name] of MEMOS.entries()) t![name] = 30 - k;
    for (const [k, name] of MEMOS.entries()) expect(t![name]).toBe(30 - k);
  });

  it('leaves a value too large for its bits unkept, to be looked up again', () => {
    const [t] = tokenize('Hà');
    t!.memoAdmin = 2;
    t!.memoTitle = 31;
    expect(t!.memoTitle).toBe(-1);
    t!.memoFeature = 1_000;
    expect(t!.memoFeature).toBe(-1);
    expect(t!.memoAdmin).toBe(2);
  });
});
