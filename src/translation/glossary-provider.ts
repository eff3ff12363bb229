/**
 * The built-in, no-network provider: fixed terms (section and topic labels, offices and
 * institutions) from a curated glossary. It translates a text only when the glossary knows the
 * whole text, so it never returns half-Vietnamese output; anything else is refused. Curated, so
 * `machine` is false.
 */
import { PermanentError } from '../shared/errors.js';
import type { TranslationProvider, TranslationRequest } from './provider.js';

/**
 * A glossary look-up: the target-language form of `text`, or null/undefined when the glossary has
 * no entry for the pair. Matches the `translateGlossary(text, from, to)` the translate-tag stage
 * exports; passed in so this module does not depend on that stage.
 */
export type GlossaryLookup = (text: string, from: string, to: string) => string | null | undefined;

/**
 * The units a substituting glossary never splits: a run of letters, marks and digits (a term only
 * matches with no letter, mark or digit on either side), or any other single character.
 */
const UNIT = /[\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]/gu;

/** What may stand untranslated between terms: punctuation, digits and whitespace. */
const NEUTRAL = /^(?:\p{N}+|[\p{P}\p{Z}\s])$/u;

type Substitute = (text: string, from: string, to: string) => string;

/**
 * Adapts a substituting glossary (`translateGlossary(text, from, to) → string`, which replaces the
 * terms it knows and returns the rest unchanged) to a whole-text look-up: the answer counts only
 * when matched terms cover the whole text, with nothing but punctuation, digits and whitespace
 * between them. Anything else ("TTXVN: Công an Lào Cai" → "VNA: Công an Lào Cai", or Vietnamese
 * typed without diacritics) counts as "not in the glossary", so a half-translated headline never
 * reaches a partner as a curated translation. The glossary has no notion of proper names, so a
 * name left as it was counts as untranslated too. Assumes, as the built-in glossary does, that
 * every term begins and ends with a letter or digit and contains a letter.
 */
export function wholeTextLookup(translate: Substitute): GlossaryLookup {
  return (text, from, to) => {
    const out = translate(text, from, to);
    if (out === text || leavesTextUntranslated(text, out, (part) => translate(part, from, to))) return null;
    return out;
  };
}

/**
 * Whether some letter or symbol of `text` may have been copied into `out` untouched. The
 * substituting glossary reports only its result, not where its terms matched, so this reasons
 * from the copies it must leave: out = L0 T1 L1 … Tk Lk for text = L0 S1 L1 … Sk Lk, with the
 * leftovers L verbatim and in order.
 * - Before the first term: L0 is a common prefix. A term may also share its translation's first
 *   word ("Hồ Chí Minh" / "Ho Chi Minh" is the other end), so the suspect is settled by one more
 *   call: were it a leftover, the text after it would translate to exactly the rest of `out`;
 *   cutting a term in two changes that.
 * - After the last term: the mirror image (fr "…Hô Chi Minh" ends like "…Hồ Chí Minh").
 * - Between two terms, so neither the first nor the last unit that needs translating: a leftover
 *   still stands as a whole unit somewhere in `out`. Refused on sight; a term's translation that
 *   repeats one of its own inner words is refused with it, which errs on the safe side.
 * At most two extra calls and a few linear passes.
 */
function leavesTextUntranslated(text: string, out: string, translate: (part: string) => string): boolean {
  const pending = [...text.matchAll(UNIT)].filter((m) => !NEUTRAL.test(m[0]));
  const first = pending[0];
  const last = pending.at(-1);
  if (first === undefined || last === undefined) return false;

  const firstEnd = first.index + first[0].length;
  if (firstEnd <= commonPrefixLength(text, out) && translate(text.slice(firstEnd)) === out.slice(firstEnd)) return true;

  const tail = text.length - last.index;
  if (tail <= commonSuffixLength(text, out) && translate(text.slice(0, last.index)) === out.slice(0, out.length - tail)) return true;

  const unitsOfOut = new Set(out.match(UNIT));
  return pending.slice(1, -1).some((m) => unitsOfOut.has(m[0]));
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** A provider over `lookup`; throws PermanentError (reason not_in_glossary) for unknown texts. */
export function createGlossaryProvider(lookup: GlossaryLookup, name = 'glossary'): TranslationProvider {
  return {
    name,
    machine: false,
    async translate(req: TranslationRequest): Promise<string[]> {
      return req.texts.map((text) => {
        const key = text.normalize('NFC').trim();
        const found = key === '' ? '' : lookup(key, req.from, req.to);
        if (found === null || found === undefined) {
          throw new PermanentError('TRANSLATION_UNSUPPORTED', `the ${req.from}→${req.to} glossary has no entry for "${preview(key)}"`, {
            provider: name,
            status: 404,
            reason: 'not_in_glossary',
            from: req.from,
            to: req.to,
          });
        }
        return found;
      });
    },
  };
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
