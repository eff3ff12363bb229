/** Turning a validated translation config into a provider (or none). */
import { ConfigError } from '../shared/errors.js';
import type { ResolvedTranslationConfig } from './config.js';
import { createDeepLProvider } from './deepl.js';
import { createGlossaryProvider, type GlossaryLookup } from './glossary-provider.js';
import { createLibreTranslateProvider } from './libretranslate.js';
import type { TranslationProvider } from './provider.js';

export interface ProviderDeps {
  /** The curated glossary (translate-tag's `translateGlossary`); required for provider `glossary`. */
  glossary?: GlossaryLookup;
}

/** The configured provider, or null for `none`; throws ConfigError when a dependency is missing. */
export function createTranslationProvider(resolved: ResolvedTranslationConfig, deps: ProviderDeps = {}): TranslationProvider | null {
  const { config, apiKey } = resolved;
  switch (config.provider) {
    case 'none':
      return null;
    case 'glossary':
      if (deps.glossary === undefined) throw new ConfigError(['translation.provider: "glossary" needs the glossary look-up to be passed in']);
      return createGlossaryProvider(deps.glossary);
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
