/** Turning a validated translation config into a provider (or none). */
import { translateGlossary } from '../workers/translate-tag/glossary.js';
import type { ResolvedTranslationConfig } from './config.js';
import { createDeepLProvider } from './deepl.js';
import { createGlossaryProvider, wholeTextLookup, type GlossaryLookup } from './glossary-provider.js';
import { createLibreTranslateProvider } from './libretranslate.js';
import type { TranslationProvider } from './provider.js';

export interface ProviderDeps {
  /** The curated glossary look-up; defaults to translate-tag's `translateGlossary`, whole texts only. */
  glossary?: GlossaryLookup;
}

/** The configured provider, or null for `none`. */
export function createTranslationProvider(resolved: ResolvedTranslationConfig, deps: ProviderDeps = {}): TranslationProvider | null {
  const { config, apiKey } = resolved;
  switch (config.provider) {
    case 'none':
      return null;
    case 'glossary':
      return createGlossaryProvider(deps.glossary ?? wholeTextLookup(translateGlossary));
    case 'libretranslate':
      return createLibreTranslateProvider({
        url: config.url ?? '',
        ...(apiKey !== undefined ? { apiKey } : {}),
        timeoutMs: config.timeoutMs,
      });
    case 'deepl':
      return createDeepLProvider({
        ...(config.url !== undefined ? { url: config.url } : {}),
        authKey: apiKey ?? '',
        timeoutMs: config.timeoutMs,
        englishVariant: config.deeplEnglish,
      });
  }
}
