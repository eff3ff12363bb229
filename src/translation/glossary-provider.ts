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
          throw new PermanentError('FETCH_HTTP', `the ${req.from}→${req.to} glossary has no entry for "${preview(key)}"`, {
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
