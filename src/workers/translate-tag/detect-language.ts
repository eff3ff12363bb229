/**
 * The production language detector: script and Vietnamese rules, then eld 'medium' for the Latin
 * and Cyrillic text left over. Chosen by measurement: docs/quality/translate-tag.md,
 * bench/language-detectors.ts.
 */
import { scoreWithEld } from './eld-scorer.js';
import { createLanguageDetector } from './language-detector.js';
import type { LanguageGuess } from './language-detector.js';

export type { LanguageGuess } from './language-detector.js';

/**
 * Detects the language of any text: BCP 47 code and 0..1 confidence; mixed text gives the
 * dominant language and the share of the second. Text with no letters gives 'und' with
 * confidence 0. Throws only PermanentError (INVALID_ARTICLE) for a non-string.
 */
export const detectLanguage: (text: string) => LanguageGuess = createLanguageDetector(scoreWithEld);
