/** Machine translation for partner desks: providers, cache, config, and the article step. */
export type { TranslationFormat, TranslationProvider, TranslationRequest } from './provider.js';
export { baseLanguage } from './provider.js';
export { createLibreTranslateProvider, type LibreTranslateOptions } from './libretranslate.js';
export { createDeepLProvider, defaultDeepLUrl, type DeepLOptions, type DeepLModelType } from './deepl.js';
export { createGlossaryProvider, wholeTextLookup, type GlossaryLookup } from './glossary-provider.js';
export {
  MemoryTranslationCache,
  RedisTranslationCache,
  TRANSLATION_TTL_SECONDS,
  translationCacheKey,
  type TranslationCache,
} from './cache.js';
export {
  translateArticle,
  type FailedTarget,
  type TranslateArticleOptions,
  type TranslateArticleResult,
  type TranslationRecord,
} from './translate-article.js';
export { attachTranslations, followUpJobId, planFollowUp, type FollowUpPlan } from './attach.js';
export { translateAndAttach, type TranslateAndAttachResult } from './translate-and-attach.js';
export {
  feedShowsTranslations,
  loadTranslationConfig,
  targetLanguages,
  TranslationConfigSchema,
  type PartnerTranslation,
  type ResolvedTranslationConfig,
  type TranslationConfig,
} from './config.js';
export { createTranslationProvider, type ProviderDeps } from './create-provider.js';
