import { eld } from 'eld/medium';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORES_FROM_ELD_DATABASE, eldScorer, scoreWithEld } from '../../../src/workers/translate-tag/eld-scorer.js';
import { LATIN_LANGUAGES } from '../../../src/workers/translate-tag/language-detector.js';
import { readJsonl } from './fixtures.js';
import type { LabeledText } from './fixtures.js';

// eld.detect() itself, the reference the production scorer must equal score for score.
const reference = eldScorer(eld);
const ALL_LANGUAGES: ReadonlySet<string> = new Set(Object.values(eld.info().Languages));
const ALLOWED_SETS: readonly ReadonlySet<string>[] = [
  ALL_LANGUAGES,
  LATIN_LANGUAGES,
  new Set(['en', 'fr', 'es', 'de', 'it', 'pt']),
  new Set(['ru', 'uk', 'bg', 'be', 'sr']),
  // Within the detector's languages but a set of its own (as cyrillicCandidates makes them), and
  // reaching outside them: the scorer sums only the detector's languages when it can.
  new Set(['ru', 'bg']),
  new Set(['en', 'nl']),
  new Set(['nl']),
];

function mismatch(text: string): string | null {
  for (const allowed of ALLOWED_SETS) {
    const got = JSON.stringify(scoreWithEld(text, allowed));
    const want = JSON.stringify(reference(text, allowed));
    if (got !== want) return `${JSON.stringify(text.slice(0, 80))} [${[...allowed].join(',')}]: ${got} ≠ ${want}`;
  }
  return null;
}

describe('scoreWithEld (eld scores read from its database)', () => {
  it('reads the database directly, not through eld.detect() (a moved eld file would make it slow)', () => {
    expect(SCORES_FROM_ELD_DATABASE).toBe(true);
  });

  it('gives eld.detect() scores, in its order, for every labeled text and a window over each', () => {
    const misses: string[] = [];
    const texts = readJsonl<LabeledText>('language').map((t) => t.text);
    for (const story of readJsonl<{ headline: string; lead: string; body: string }>('topics')) texts.push(story.headline, story.lead, story.body);
    for (const text of texts) {
      for (let at = 0; at < text.length; at += 97) {
        const miss = mismatch(text.slice(at, at + 150));
        if (miss !== null) misses.push(miss);
      }
      const miss = mismatch(text);
      if (miss !== null) misses.push(miss);
    }
    expect(texts.length).toBeGreaterThan(400);
    expect(misses, misses.slice(0, 5).join('\n')).toEqual([]);
  });

  it('gives eld.detect() scores for arbitrary text: any script, marks, lone surrogates, past 1,000 characters', () => {
    const letters = [
      ...'abcdefghijklmnopqrstuvwxyz ABCXYZ.,\'’`-0123456789éèàçñüößđơưăâêôạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
      ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў中文ລາວ\u0301\u00a0\t\n',
      '😀',
      '\ud800',
      '\udc00',
    ];
    const text = fc.oneof(
      fc.array(fc.constantFrom(...letters), { maxLength: 1_200 }).map((a) => a.join('')),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(mismatch(t)).toBeNull();
      }),
      { numRuns: 3_000 },
    );
  });
});
