/**
 * The shortcuts enrich takes to skip repeated work must give what the long way gives: per-word
 * slugs against slugify on the whole text, in-place key overlap against splitting into words, a
 * collapsed head of a long text against collapsing all of it, gazetteer tries against their maps.
 */
import slugify from '@sindresorhus/slugify';
import { describe, expect, it } from 'vitest';
import { phraseKey } from '../../../src/workers/enrich/fold.js';
import { GAZETTEER } from '../../../src/workers/enrich/gazetteer.js';
import { overlap } from '../../../src/workers/enrich/keywords.js';
import { phraseIndex, phraseTrie, startNode } from '../../../src/workers/enrich/phrase-index.js';
import { placeNameKey } from '../../../src/workers/enrich/places.js';
import { SLUG_OPTIONS, slugOfWords } from '../../../src/workers/enrich/slug.js';
import { isStopPhrase, STOP_PHRASES } from '../../../src/workers/enrich/stopwords.js';
import { capitalized, clip, collapsedHead, makeSummary, sentencesEnd } from '../../../src/workers/enrich/summary.js';
import { tokenize } from '../../../src/workers/enrich/tokenize.js';
import { loadGoldStories } from './fixtures.js';

/** A deterministic pseudo-random source, so a failure reproduces. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function randomText(rnd: () => number, pieces: readonly string[], maxPieces: number): string {
  let s = '';
  const n = Math.floor(rnd() * maxPieces);
  for (let k = 0; k < n; k++) s += pieces[Math.floor(rnd() * pieces.length)] ?? '';
  return s;
}

/** slugify on the whole text, with the options the enrich slugs use. */
const slugAll = (text: string): string => slugify(text, SLUG_OPTIONS);

describe('slugOfWords', () => {
  it.each([
    ['Đồng bằng sông Cửu Long', 'dong-bang-song-cuu-long'],
    ["Conway's Law & fooBar FOO360", 'conways-law-and-foobar-foo360'],
    ['  two  spaces ', 'two-spaces'],
    ['— ♥ —', 'love'],
  ])('%s is slugified as slugify does it', (text, slug) => {
    expect(slugOfWords(text)).toBe(slug);
    expect(slugAll(text)).toBe(slug);
  });

  it('equals slugify on the fixture texts and on random mixes of awkward characters', () => {
    for (const s of loadGoldStories()) {
      for (const text of [s.headline, s.lead ?? '', s.body.slice(0, 400)]) expect(slugOfWords(text)).toBe(slugAll(text));
    }
    const pieces = [' ', '  ', '\t', '\u00a0', 'a', 'B', 'ABc', 'FOO360', 'fooBar', 'APIs', 'APIUsage', "'s", '’t', "Don't", '&', '♥', 'đ', 'Đ', 'ệ', 'e\u0301', '\u0301', 'ß', 'İ', 'ΟΔΟΣ', 'ու', 'ø', 'Œ', '–', '-', '_', '\\', '.', '2,5', 'я', '中', '😀', 'ﬁ', '½', '™', '€'];
    const rnd = seeded(1);
    for (let i = 0; i < 5_000; i++) {
      const text = randomText(rnd, pieces, 10);
      expect(slugOfWords(text), JSON.stringify(text)).toBe(slugAll(text));
    }
  });

  it('slugs numbers, bare or in parentheses, as slugify does', () => {
    const words = ['0', '007', '2025', '(5)', '(12', '12)', '(0)', '((1))', '(12a)', '(-3)', '1.245', '2,5', '(١٢)', '１２', '(12)s', 'x(12)'];
    for (let n = 0; n < 2_000; n += 7) words.push(String(n), `(${n})`, `(${n}`, `${n})`);
    for (const word of words) {
      expect(slugOfWords(word), word).toBe(slugAll(word));
      expect(slugOfWords(`Bão số ${word} đổ bộ`), word).toBe(slugAll(`Bão số ${word} đổ bộ`));
    }
  });

  it('gives the same slug on a second call (remembered words)', () => {
    expect(slugOfWords('Hà Nội mưa lớn')).toBe(slugOfWords('Hà Nội mưa lớn'));
    expect(slugOfWords('mưa Hà Nội')).toBe('mua-ha-noi');
  });
});

/** overlap as first written: split both keys into words and compare joined slices. */
function overlapBySplitting(a: string, b: string): number {
  const x = a.split(' ');
  const y = b.split(' ');
  for (let k = Math.min(x.length, y.length) - 1; k >= 1; k--) {
    if (x.slice(x.length - k).join(' ') === y.slice(0, k).join(' ')) return k;
  }
  return 0;
}

describe('overlap of two keys', () => {
  it.each([
    ['thong tin', 'tin doi ngoai', 1],
    ['a b c', 'b c d', 2],
    ['a b', 'b a', 1],
    ['a b', 'a b', 0],
    ['ab c', 'c d', 1],
    ['a bc', 'c d', 0],
    ['a', 'a b', 0],
    ['a b', 'b', 0],
    ['x y', 'z w', 0],
  ])('%s / %s → %i', (a, b, k) => {
    expect(overlap(a, b)).toBe(k);
  });

  it('counts the words that splitting would, on random keys', () => {
    const rnd = seeded(2);
    const words = ['a', 'b', 'ab', 'ba', 'c'];
    const key = (): string => Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => words[Math.floor(rnd() * words.length)]).join(' ');
    for (let i = 0; i < 5_000; i++) {
      const a = key();
      const b = key();
      expect(overlap(a, b), `${a} / ${b}`).toBe(overlapBySplitting(a, b));
    }
  });
});

describe('collapsedHead', () => {
  const collapseAll = (text: string): string => text.replace(/\s+/gu, ' ').trim();

  it('collapses a short text whole', () => {
    expect(collapsedHead('  a \n\n b\t', 300)).toBe('a b');
  });

  it('returns an exact prefix, longer than the room, of the collapsed long text', () => {
    const text = `${'mot  hai\n\n'.repeat(200)}   `;
    const head = collapsedHead(text, 50);
    expect(head.length).toBeGreaterThan(52);
    expect(head.length).toBeLessThan(collapseAll(text).length);
    expect(collapseAll(text).startsWith(head)).toBe(true);
  });

  it('collapses all of a text whose head is mostly whitespace', () => {
    const text = `x${' '.repeat(500)}y`;
    expect(collapsedHead(text, 50)).toBe('x y');
    // The head of the window holds fewer than room + 3 characters: too short to stand for the text.
    const sparse = `${'word '.repeat(6)}${' '.repeat(200)}${'more words here '.repeat(10)}`;
    expect(collapsedHead(sparse, 50)).toBe(collapseAll(sparse));
    expect(clip(sparse, 50)).toBe('word word word word word word more words here…');
  });

  it('leaves clip and the summary as collapsing the whole text gives them', () => {
    const rnd = seeded(3);
    const pieces = [' ', '   ', '\n\n', '\t', '\u00a0', '\u2028', 'word', 'Từ', '.', '!', '?', '…', '”', ')', ',', '–', '😀', 'xyz.', 'TP.', 'U.S.', 'A.', 'tại', 'iPhone'];
    const clipWhole = (text: string, max: number): string => {
      const t = collapseAll(text);
      if (t.length <= max) return t;
      const room = t.slice(0, max);
      const space = room.lastIndexOf(' ');
      return `${(space > 0 ? room.slice(0, space) : room.slice(0, max - 1)).replace(/[\s,;:–-]+$/u, '')}…`;
    };
    /** The body before its first non-sentence paragraph after the first, read from the whole text. */
    const proseWhole = (text: string): string => {
      const paragraphs = text.split('\n\n');
      let kept = 0;
      for (let i = 0; i < paragraphs.length; i++) {
        const p = paragraphs[i]!.trim();
        if (p === '') continue;
        if (kept > 0 && !/[.!?…]["'”’)\]]*$/u.test(p)) return paragraphs.slice(0, i).join('\n\n');
        kept++;
      }
      return text;
    };
    /** The first whole sentences within 300 characters, read from the whole collapsed text. */
    const summaryWhole = (text: string): string => {
      const t = collapseAll(proseWhole(text));
      const end = sentencesEnd(t, 300);
      return capitalized(end > 0 ? t.slice(0, end) : clipWhole(t, 300));
    };
    for (let i = 0; i < 3_000; i++) {
      const text = randomText(rnd, pieces, 400);
      const max = 1 + Math.floor(rnd() * 80);
      expect(clip(text, max), JSON.stringify(text)).toBe(clipWhole(text, max));
      // The head of a long body holds every sentence end a 300-character summary can use.
      // (An empty body falls back to the headline, capitalized as every summary is.)
      const expected = proseWhole(text).trim() ? summaryWhole(text) : 'H';
      expect(makeSummary({ headline: 'h', lead: null, body: { text, html: '' } }), JSON.stringify(text)).toBe(expected);
    }
  });
});

describe('gazetteer tries', () => {
  /** Every phrase a trie holds, with its value, by walking it. */
  function phrasesOf<V>(node: { next: Map<string, typeof node> | null; value: V | undefined }, prefix = ''): Map<string, V> {
    const out = new Map<string, V>();
    for (const [word, child] of node.next ?? []) {
      const phrase = prefix ? `${prefix} ${word}` : word;
      if (child.value !== undefined) out.set(phrase, child.value);
      for (const [p, v] of phrasesOf(child, phrase)) out.set(p, v);
    }
    return out;
  }

  it('hold exactly the phrases of byKey and byAscii', () => {
    expect(phrasesOf(GAZETTEER.keyIndex.root)).toEqual(new Map(GAZETTEER.byKey));
    expect(phrasesOf(GAZETTEER.asciiTrie)).toEqual(new Map(GAZETTEER.byAscii));
  });

  it('start a walk at the node of the first word, or nowhere', () => {
    const [ha, giang, khong] = tokenize('Hà Giang không');
    const node = startNode(GAZETTEER.keyIndex, ha!);
    expect(node?.next?.get(giang!.key)?.value?.canonical).toBe('Tuyên Quang');
    expect(startNode(GAZETTEER.keyIndex, khong!)).toBeUndefined();
  });

  it('builds a trie from phrases without registering a start bit', () => {
    const trie = phraseTrie(new Map([['a b', 1], ['a', 2]]));
    expect(trie.next?.get('a')?.value).toBe(2);
    expect(trie.next?.get('a')?.next?.get('b')?.value).toBe(1);
    const index = phraseIndex([['a b', 1] as const]);
    expect(index.root.next?.get('a')?.next?.get('b')?.value).toBe(1);
  });
});

describe('placeNameKey', () => {
  it('is phraseKey of the name, asked once or many times', () => {
    for (const name of ['Hà Nội', 'Khánh Hoà', 'Khánh Hòa', 'TP.HCM', 'Hà Nội']) expect(placeNameKey(name)).toBe(phraseKey(name));
  });
});

describe('isStopPhrase', () => {
  it('answers for a pair of keys as the joined phrase set does', () => {
    const keys = [...new Set([...STOP_PHRASES].flatMap((p) => p.split(' ')))];
    for (const a of keys) for (const b of keys) expect(isStopPhrase(a, b), `${a} ${b}`).toBe(STOP_PHRASES.has(`${a} ${b}`));
    expect(isStopPhrase(phraseKey('cho'), phraseKey('biết'))).toBe(true);
    expect(isStopPhrase(phraseKey('biết'), phraseKey('cho'))).toBe(false);
  });
});
