/**
 * What a machine-translation provider is: one batch call from one language to another, answering
 * the texts in the order they were given. Providers know nothing of articles, caches or retries;
 * `translate-article.ts` adds those.
 */

export type TranslationFormat = 'text' | 'html';

export interface TranslationRequest {
  /** Texts to translate, answered in the same order; never empty. */
  texts: string[];
  /** BCP 47 source language (`vi`, `en`, `fr`). */
  from: string;
  /** BCP 47 target language. */
  to: string;
  format?: TranslationFormat;
}

export interface TranslationProvider {
  /** Stable name: recorded on every translation and part of every cache key. */
  readonly name: string;
  /**
   * What cache keys use instead of `name` when the same provider can answer differently by
   * configuration (DeepL's English variant or model type), so a config change is not served stale
   * translations. Omitted: `name`.
   */
  readonly cacheNamespace?: string;
  /** True when the output is machine-made (partners must be told); false for curated glossaries. */
  readonly machine: boolean;
  /**
   * Translates every text or throws: RateLimitedError (429), RetryableError (5xx, timeout,
   * network), PermanentError (bad key, unsupported language, quota). Never a partial answer.
   */
  translate(req: TranslationRequest, signal?: AbortSignal): Promise<string[]>;
}

/** The primary subtag of a BCP 47 code, lower-cased: `en-GB` → `en`, `VI` → `vi`. */
export function baseLanguage(code: string): string {
  const dash = code.indexOf('-');
  return (dash === -1 ? code : code.slice(0, dash)).toLowerCase();
}
