import { describe, expect, it } from 'vitest';
import { tokenKeys as foldToken } from '../../../src/workers/enrich/fold.js';
import { makeRoomForStory, tokenize, type Token } from '../../../src/workers/enrich/tokenize.js';

// tokenize caches the facts of each word under a hash of its UTF-16 units (FNV-1a, mirrored here)
// and hands back the cached word instead of slicing the text; these tests check that a cached
// entry is only ever used for the very word it was made for.
function fnv1a(word: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

/** Each token is the text it spans, with that text's own key. */
function expectTrueToText(text: string, tokens: Token[]): void {
  const written = tokens.map((t) => text.slice(t.start, t.end));
  expect(tokens.map((t) => t.text)).toEqual(written);
  expect(tokens.map((t) => t.key)).toEqual(written.map((w) => foldToken(w).key));
}

describe('tokenize word cache', () => {
  it('keeps apart two words of the same length whose hashes collide', () => {
    const [a, b] = ['rjlizpsq', 'ekaweyun'];
    expect(fnv1a(a)).toBe(fnv1a(b));
    for (const text of [`${a} ${b} ${a}`, `${b} ${a} ${b}`]) {
      const tokens = tokenize(text);
      expect(tokens.map((t) => t.text)).toEqual(text.split(' '));
      expectTrueToText(text, tokens);
      expect(tokens[0]!.word).not.toBe(tokens[1]!.word);
      expect(tokens[0]!.word).toBe(tokens[2]!.word);
    }
  });

  it('gives the scanner and the regex path (text with an astral character) the same entry per word', () => {
    const plain = 'Jin-woo nói l’État People’s 2025 Hà Nội';
    const astral = `${plain} 😀`;
    const a = tokenize(plain);
    const b = tokenize(astral);
    expectTrueToText(astral, b);
    expect(b.length).toBe(a.length);
    a.forEach((t, i) => expect(b[i]!.word).toBe(t.word));
  });

  it('keeps every word it has seen while the table doubles', () => {
    makeRoomForStory();
    // Enough new words to double the table several times (it starts at 4,096 slots).
    const words = Array.from({ length: 12_000 }, (_, n) => `g${n.toString(36)}x`);
    const first = tokenize(words.slice(0, 500).join(' '));
    const all = words.join(' ');
    expectTrueToText(all, tokenize(all));
    const again = tokenize(words.slice(0, 500).join(' '));
    for (let i = 0; i < 500; i++) expect(again[i]!.word).toBe(first[i]!.word);
  });

  it('stays true to the text after starting afresh past its limit', () => {
    const words = Array.from({ length: 60_000 }, (_, n) => `w${n.toString(36)}`);
    for (let i = 0; i < words.length; i += 5_000) {
      makeRoomForStory();
      const text = words.slice(i, i + 5_000).join(' ');
      expectTrueToText(text, tokenize(text));
    }
    makeRoomForStory();
    const again = `${words.slice(0, 50).join(' ')} ${words.slice(0, 50).join(' ')}`;
    const tokens = tokenize(again);
    expectTrueToText(again, tokens);
    for (let i = 0; i < 50; i++) expect(tokens[i + 50]!.word).toBe(tokens[i]!.word);
  });
});
