/**
 * The statistical detector for Latin and Cyrillic text: eld (Nito-ELD) with its 'medium' n-gram
 * database, loaded once when this module is first imported. 'medium' rather than 'large': on our
 * labeled set behind the rules they differ by one short label in 342 texts, while 'large' takes
 * about twice the start-up time and memory (docs/quality/translate-tag.md). Scores are filtered
 * to the languages a caller allows instead of calling eld.setLanguageSubset(), so the shared eld
 * instance is never mutated.
 */
import { eld } from 'eld/medium';

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

/** The eld scorer used in production. */
export const scoreWithEld = eldScorer(eld);
