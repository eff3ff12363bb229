/**
 * The statistical detector for Latin and Cyrillic text: eld (Nito-ELD) with its 'medium' n-gram
 * database, loaded once when this module is first imported. 'medium' rather than 'large': on our
 * labeled set behind the rules they differ by one short label in 342 texts, while 'large' takes
 * about twice the start-up time and memory (docs/quality/translate-tag.md). Scores are filtered
 * to the languages a caller allows instead of calling eld.setLanguageSubset(), so the shared eld
 * instance is never mutated.
 */
import { eld } from 'eld/medium';
import { ngramScorer, type EldTextHelpers, type NgramDatabase } from './eld-ngram-scores.js';
import { SCORED_LANGUAGES } from './language-detector.js';

/** A language and the detector's score for it (0..1, higher is closer). */
export interface ScoredLanguage {
  lang: string;
  score: number;
}

/** The part of an eld instance this module uses (any database size). */
export interface EldLike {
  detect(text: string): { getScores(): Record<string, number> };
}

/** A scorer over one eld instance: its score for every language in `allowed` it has a score for. */
export function eldScorer(instance: EldLike): (text: string, allowed: ReadonlySet<string>) => ScoredLanguage[] {
  return (text, allowed) => {
    const out: ScoredLanguage[] = [];
    for (const [lang, score] of Object.entries(instance.detect(text).getScores())) {
      if (allowed.has(lang)) out.push({ lang, score });
    }
    return out;
  };
}

/**
 * eld's 'medium' database and text helpers, from the modules eld/medium itself imports (the same
 * module instances, so nothing is loaded twice). The package does not export them, so they are
 * reached by path from eld/medium's entry file; null when they are not where eld 2.1 keeps them.
 */
async function loadEldInternals(): Promise<{ db: NgramDatabase; helpers: EldTextHelpers } | null> {
  try {
    const entry = import.meta.resolve('eld/medium');
    const [ngrams, dictionary, patterns] = (await Promise.all([
      import(new URL('../ngrams/medium.js', entry).href),
      import(new URL('../dictionary.js', entry).href),
      import(new URL('../regexPatterns.js', entry).href),
    ])) as [{ ngramsData?: NgramDatabase }, { dictionary?: string[] }, { separators?: RegExp }];
    const db = ngrams.ngramsData;
    const ok =
      typeof db?.languages === 'object' &&
      typeof db.ngrams === 'object' &&
      Array.isArray(dictionary.dictionary) &&
      dictionary.dictionary.length === 256 &&
      patterns.separators instanceof RegExp &&
      eld.info()['Data type'] === db.type;
    return ok ? { db, helpers: { dictionary: dictionary.dictionary!, separators: patterns.separators! } } : null;
  } catch {
    return null;
  }
}

const internals = await loadEldInternals();

/** True when scoreWithEld reads eld's database directly (false: it calls eld.detect()). */
export const SCORES_FROM_ELD_DATABASE = internals !== null;

/**
 * The eld scorer used in production: eld's own scores, computed from its database by
 * ngramScorer (several times cheaper than eld.detect()), or by eld.detect() if a future eld
 * moved its files.
 */
export const scoreWithEld = internals !== null ? ngramScorer(internals.db, internals.helpers, SCORED_LANGUAGES) : eldScorer(eld);
