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

/** Letters only Vietnamese uses among vi/en/fr: their presence means text was left untranslated. */
const VIETNAMESE_ONLY = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệĩỉịọỏốồổỗộớờởỡợũụủứừửữựỳỵỷỹ]/iu;

/**
 * Adapts a substituting glossary (`translateGlossary(text, from, to) → string`, which replaces the
 * terms it knows and returns the rest unchanged) to a whole-text look-up: an unchanged text, or a
 * result from Vietnamese that still has Vietnamese-only letters, counts as "not in the glossary",
 * so a half-translated headline never reaches a partner as a curated translation.
 */
export function wholeTextLookup(translate: (text: string, from: string, to: string) => string): GlossaryLookup {
  return (text, from, to) => {
    const out = translate(text, from, to);
    if (out === text) return null;
    if (from.toLowerCase().startsWith('vi') && !to.toLowerCase().startsWith('vi') && VIETNAMESE_ONLY.test(out)) return null;
    return out;
  };
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
