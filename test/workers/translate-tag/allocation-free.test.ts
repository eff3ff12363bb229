/**
 * The allocation-free parts of translate-tag against the code they replace: word ids against
 * toneInsensitiveWords, words counted in place against vietnameseEvidence of the cut-out words,
 * the function-word vote against the Map it kept, eld's head against the whole text, sortSmall
 * against Array.prototype.sort.
 */
import { eld } from 'eld/medium';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTonePlacement, toneInsensitiveWords } from '../../../src/workers/normalize/index.js';
import { headEnd, lowerText } from '../../../src/workers/translate-tag/eld-ngram-scores.js';
import type { EldTextHelpers } from '../../../src/workers/translate-tag/eld-ngram-scores.js';
import { eldScorer, scoreWithEld } from '../../../src/workers/translate-tag/eld-scorer.js';
import { functionWordVote } from '../../../src/workers/translate-tag/function-words.js';
import { LATIN_LANGUAGES } from '../../../src/workers/translate-tag/language-detector.js';
import { sortSmall } from '../../../src/workers/translate-tag/sort-small.js';
import { vietnameseEvidence, vietnameseEvidenceAt } from '../../../src/workers/translate-tag/vietnamese.js';
import { WordVocabulary, wordIds } from '../../../src/workers/translate-tag/word-ids.js';
import { readJsonl } from './fixtures.js';
import type { LabeledText } from './fixtures.js';

const texts = readJsonl<LabeledText>('language').map((t) => t.text);
for (const story of readJsonl<{ headline: string; lead: string; body: string }>('topics')) texts.push(story.headline, story.lead, story.body);

/** toneInsensitiveWords(text) through wordIds: each word, or '' where it is not in the vocabulary. */
function expectedWords(text: string, words: readonly string[]): string[] {
  const all = toneInsensitiveWords(text);
  // toneInsensitiveWords gives [''] for a text without words; wordIds gives none.
  return all.length === 1 && all[0] === '' ? [] : all.map((w) => (words.includes(w) ? w : ''));
}

function wordsById(text: string, vocabulary: WordVocabulary, words: readonly string[]): string[] {
  const { ids, count } = wordIds(text, vocabulary);
  return Array.from(ids.subarray(0, count), (id) => (id < 0 ? '' : words[id]!));
}

describe('wordIds', () => {
  it('splits where toneInsensitiveWords splits, for every BMP character that can be in its folded text', () => {
    const vocabulary = new WordVocabulary();
    const differ: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `q${String.fromCharCode(code)}q`;
      // Characters that lowercasing, NFC or tone placement change never reach the scan as they are.
      if (canonicalTonePlacement(text.toLowerCase()) !== text) continue;
      const want = toneInsensitiveWords(text).length;
      const got = wordIds(text, vocabulary).count;
      if (got !== want) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('finds exactly the vocabulary words of toneInsensitiveWords on every labeled text', () => {
    // Half of each text's words in the vocabulary, so both hits and misses are checked.
    const words: string[] = [];
    const vocabulary = new WordVocabulary();
    for (const text of texts) {
      toneInsensitiveWords(text).forEach((w, k) => {
        if (k % 2 === 0 && vocabulary.add(w) === words.length) words.push(w);
      });
    }
    expect(vocabulary.size).toBe(words.length);
    for (const text of texts) {
      expect(wordsById(text, vocabulary, words)).toEqual(expectedWords(text, words));
    }
  });

  it('agrees with toneInsensitiveWords on arbitrary text', () => {
    const words = ['hoà', 'bình', 'a', 'ab', 'ệ', 'x-y', 'q'];
    const vocabulary = new WordVocabulary();
    for (const w of words) vocabulary.add(w);
    const chars = ['a', 'b', 'H', 'o', 'à', 'ò', 'À', 'ì', 'n', 'h', ' ', '-', '.', '\u0301', '\u00a0', 'ệ', 'q', 'x', 'y', '’', '中', '😀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(wordsById(text, vocabulary, words)).toEqual(expectedWords(text, words));
      }),
      { numRuns: 2_000 },
    );
  });
});

// functionWordVote as it was with a Map of words and a Map of counts.
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and of to in is was were for with on that said by from has have had will at this are its it be an as which who not',
  fr: 'le la les des du de et est en un une dans pour que qui sur au aux par avec ont été sont ce cette il elle ne pas se son sa leurs',
  es: 'el la los las de del y en que por con para un una es se al fue como más su sus este esta han ha',
  de: 'der die das und ist nicht mit von den dem ein eine zu auf für im sich auch wird wurde',
  it: 'il di che e la per un una non con del della sono è nel alla gli le ha',
  pt: 'o a os as de do da dos das e em que um uma para com não no na é foi ao pelo pela',
};
function voteByMaps(text: string): string | null {
  const byWord = new Map<string, string[]>();
  for (const [lang, list] of Object.entries(FUNCTION_WORDS)) for (const w of list.split(' ')) byWord.set(w, [...(byWord.get(w) ?? []), lang]);
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) for (const lang of byWord.get(word) ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  let second = 0;
  for (const [lang, n] of counts) {
    if (n > bestCount) {
      second = bestCount;
      best = lang;
      bestCount = n;
    } else if (n > second) second = n;
  }
  return best !== null && bestCount >= 2 && bestCount >= 2 * second ? best : null;
}

describe('functionWordVote', () => {
  it('votes as the Map of words did, on every labeled sentence and on word salads with ties', () => {
    for (const text of texts) for (const sentence of text.split(/(?<=[.!?])\s+/u)) expect(functionWordVote(sentence)).toBe(voteByMaps(sentence));
    const words = ['the', 'le', 'la', 'de', 'que', 'É', 'è', 'für', 'und', 'a', 'ha', 'Ha', 'word', 'x', 'à'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 20 }), fc.constantFrom(' ', ', ', '-'), (list, gap) => {
        const text = list.join(gap);
        expect(functionWordVote(text)).toBe(voteByMaps(text));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('vietnameseEvidenceAt', () => {
  it('gives vietnameseEvidence of the cut-out words, and marks the words with Vietnamese letters', () => {
    for (const text of texts) {
      const spans = [...text.matchAll(/[\p{L}\p{M}'’]+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
      const words = spans.map(([s, e]) => text.slice(s, e));
      const marks = new Uint8Array(spans.length);
      const got = vietnameseEvidenceAt(text, Int32Array.from(spans, ([s]) => s), Int32Array.from(spans, ([, e]) => e), spans.length, marks);
      expect(got).toEqual(vietnameseEvidence(words));
      expect([...marks]).toEqual(words.map((w) => (/[đĐăĂơƠưƯĩĨũŨ\u1EA0-\u1EF9]/u.test(w) ? 1 : 0)));
    }
  });
});

describe('scoreWithEld on a head of a long text', () => {
  const reference = eldScorer(eld);

  it('cuts heads whose processed text starts the whole text\'s processed text', async () => {
    const entry = import.meta.resolve('eld/medium');
    const { dictionary } = (await import(new URL('../dictionary.js', entry).href)) as { dictionary: string[] };
    const { separators } = (await import(new URL('../regexPatterns.js', entry).href)) as { separators: RegExp };
    const helpers: EldTextHelpers = { dictionary, separators };
    const chars = ['a', 'Z', 'Σ', 'ς', 'σ', ' ', ' ', '.', "'", '’', '`', '\u0301', 'İ', '1', '-', 'ж', 'ệ', '\u00a0', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 380, maxLength: 900 }), (parts) => {
        const text = parts.join('');
        const head = headEnd(text);
        if (head < 0) return;
        expect(lowerText(text, helpers).startsWith(lowerText(text.substring(0, head), helpers))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('gives eld.detect() scores whatever lies around the head end (400–700 characters in)', () => {
    const filler = fc.array(fc.constantFrom('word', 'Từ', 'слово', 'x', 'ΣΑΣ', 'σ', '42'), { minLength: 80, maxLength: 160 }).map((w) => w.join(' '));
    const tail = fc.array(fc.constantFrom('a', 'Σ', 'ς', ' ', '.', "'", '’', '`', '  ', '\u0301', 'İ', '1', '-', 'ж', 'ệ'), { maxLength: 30 }).map((c) => c.join(''));
    fc.assert(
      fc.property(filler, tail, filler, (before, around, after) => {
        const text = `${before}${around}${after}`;
        for (const allowed of [LATIN_LANGUAGES, new Set(['ru', 'bg', 'el'])]) {
          expect(JSON.stringify(scoreWithEld(text, allowed))).toBe(JSON.stringify(reference(text, allowed)));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('sortSmall', () => {
  it('orders like Array.prototype.sort (stable) for any list', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), id: fc.nat() }), { maxLength: 30 }), (items) => {
        const compare = (a: { key: number }, b: { key: number }): number => b.key - a.key;
        expect(sortSmall([...items], compare)).toEqual([...items].sort(compare));
      }),
    );
  });
});
