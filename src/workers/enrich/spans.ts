/** Token spans shared by the extractors: one section's tokens plus what earlier passes found. */
import type { GazetteerEntry } from './gazetteer.js';
import type { Token } from './tokenize.js';

/** A half-open token range [start, end) in one section. */
export interface Span {
  start: number;
  end: number;
}

/** A gazetteer hit over tokens. */
export interface PlaceMatch extends Span {
  entry: GazetteerEntry;
  /** An ambiguous name without a place cue: not reported, but still not part of a person's name. */
  weak: boolean;
}

/** One section (headline, lead or body) being analysed. */
export interface Section {
  text: string;
  tokens: Token[];
  /** English/French copy: titles are capitalized and preceded by modifiers ("Japanese Foreign Minister"). */
  latin: boolean;
}

/** The text a token span covers, exactly as written. */
export function spanText(section: Section, start: number, end: number): string {
  const a = section.tokens[start];
  const b = section.tokens[end - 1];
  if (!a || !b) return '';
  return section.text.slice(a.start, b.end);
}

/**
 * True when any punctuation other than a joining hyphen or dot separates token i from i-1, or a
 * line break does (paragraphs, and the rows of a table, have no punctuation between them).
 */
export function hardBreakBefore(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return true;
  if (t.glued) return false;
  return t.sep.length > 0 || (i > 0 && t.sentenceStart);
}
