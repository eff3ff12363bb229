import slugify, { type Options } from '@sindresorhus/slugify';
import { boundedMemo } from '../../shared/bounded-memo.js';

const MAX_SLUG = 80;

/**
 * How headlines are slugified. Brand and model names are written in mixed case ("VinFast VF3",
 * "iPhone 16"), so splitting at case changes (slugify's default decamelize) broke them apart
 * ("vin-fast-vf-3", "i-phone-16") and split "Œuvre", transliterated "OEuvre", into "o-euvre".
 * The ligatures are spelled out as one capital and a small letter, so "Œuvre" stays one word
 * whatever the case handling.
 */
export const SLUG_OPTIONS: Options = Object.freeze({
  decamelize: false,
  customReplacements: Object.freeze<[string, string][]>([['Œ', 'Oe'], ['œ', 'oe'], ['Æ', 'Ae'], ['æ', 'ae']]),
});

// slugify builds its patterns on every call and transliterates the whole text: the most expensive
// step of enrich for a one-line headline. None of its steps reaches across a space (transliteration,
// the replacements above and Unicode normalization are per character, contractions look at letters
// and digits only, a space always ends a run of slug characters), so the slug of a text is the slugs
// of its space-separated words joined by hyphens. Headlines reuse a small vocabulary, so each word is
// slugified once and remembered.
const wordSlug = boundedMemo((word) => slugify(word, SLUG_OPTIONS), 20_000);

// A number, bare or in parentheses ("2025", "(12)"): its slug is its digits, which slugify finds
// only after all its steps. Numbers are the words of a headline least often seen before ("Bão số
// 5", a count, a year), so each one would otherwise be slugified anew and take a place in the memo.
const PLAIN_NUMBER = /^\(?(\d+)\)?$/;

/** The slug of one space-free word. */
export function slugOfWord(word: string): string {
  const digits = PLAIN_NUMBER.exec(word);
  return digits ? (digits[1] ?? '') : wordSlug(word);
}

/** The same string as slugify(text, SLUG_OPTIONS), built from remembered per-word slugs. */
export function slugOfWords(text: string): string {
  let out = '';
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const slug = slugOfWord(word);
    if (slug === '') continue;
    out = out === '' ? slug : `${out}-${slug}`;
  }
  return out;
}

/** An ASCII, lowercase, hyphenated slug of `text` (đ → d), at most 80 chars, cut on a word boundary. */
export function makeSlug(text: string): string {
  const full = slugOfWords(text);
  if (full.length <= MAX_SLUG) return full;
  const cut = full.lastIndexOf('-', MAX_SLUG);
  // A single word longer than the limit is cut hard rather than returned whole.
  return cut > 0 ? full.slice(0, cut) : full.slice(0, MAX_SLUG);
}
