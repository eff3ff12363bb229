/**
 * Translation configuration: which provider, where, with which key, and which partners want which
 * languages in which feeds. One zod schema with defaults that need no network (provider `none`);
 * read from the environment (TRANSLATION_*) over an optional file section; every problem is listed
 * at once in a ConfigError.
 */
import { z } from 'zod';
import { ConfigError } from '../shared/errors.js';
import { baseLanguage } from './provider.js';

export const TRANSLATION_PROVIDER_NAMES = ['libretranslate', 'deepl', 'glossary', 'none'] as const;
export type TranslationProviderName = (typeof TRANSLATION_PROVIDER_NAMES)[number];

const languageCode = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language code like "en" or "en-GB"');
const positiveInt = z.coerce.number().int().positive();

export const PartnerTranslationSchema = z.object({
  id: z.string().min(1),
  /** Languages this partner desk receives translations in. */
  languages: z.array(languageCode).min(1),
  /**
   * Feed keys (as the feed server names them, e.g. `lang/en`, `category/the-gioi`) whose entries
   * may carry this partner's machine translations; omitted: every feed.
   */
  feeds: z.array(z.string().min(1)).optional(),
});

export const TranslationConfigSchema = z
  .object({
    provider: z.enum(TRANSLATION_PROVIDER_NAMES).default('none'),
    /** Base URL of the LibreTranslate server or DeepL API (DeepL: derived from the key if omitted). */
    url: z.url().optional(),
    /** Name of the environment variable holding the API key, so the key never sits in a file. */
    apiKeyEnv: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an environment variable name').default('TRANSLATION_API_KEY'),
    /** Per provider call: connect + answer. */
    timeoutMs: positiveInt.default(3_000),
    /** Calls per target and story, the first included. */
    maxAttempts: positiveInt.default(4),
    baseDelayMs: positiveInt.default(250),
    /** Wall-clock budget per story in the translate-tag stage; past it, the follow-up job takes over. */
    budgetMs: positiveInt.default(6_000),
    /** Which English DeepL writes for a bare `en` target. */
    deeplEnglish: z.enum(['EN-GB', 'EN-US']).default('EN-GB'),
    partners: z.array(PartnerTranslationSchema).default([]),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.provider === 'libretranslate' && cfg.url === undefined) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'the libretranslate provider needs TRANSLATION_URL (e.g. http://localhost:5000)' });
    }
    const ids = new Set<string>();
    cfg.partners.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['partners', i, 'id'], message: `duplicate partner id "${p.id}"` });
      ids.add(p.id);
    });
  });

export type TranslationConfig = z.infer<typeof TranslationConfigSchema>;
export type PartnerTranslation = z.infer<typeof PartnerTranslationSchema>;

/** A validated config plus the API key it names (kept apart so logging the config is safe). */
export interface ResolvedTranslationConfig {
  config: TranslationConfig;
  apiKey: string | undefined;
}

/** The partner that TRANSLATION_TARGETS describes when no partners are configured in a file. */
export const ENV_PARTNER_ID = 'default';

/**
 * Reads TRANSLATION_PROVIDER, TRANSLATION_URL, TRANSLATION_API_KEY (or the variable `apiKeyEnv`
 * names), TRANSLATION_TARGETS (comma list), TRANSLATION_FEEDS (comma list), TRANSLATION_TIMEOUT_MS,
 * TRANSLATION_MAX_ATTEMPTS, TRANSLATION_BUDGET_MS and TRANSLATION_DEEPL_ENGLISH over `file` (a
 * `translation:` section already parsed from YAML/JSON). Env wins. Throws ConfigError listing
 * every problem.
 */
export function loadTranslationConfig(env: NodeJS.ProcessEnv = process.env, file: Record<string, unknown> = {}): ResolvedTranslationConfig {
  const raw: Record<string, unknown> = { ...file };
  const set = (key: string, name: string): void => {
    const value = nonEmpty(env[name]);
    if (value !== undefined) raw[key] = value;
  };
  set('provider', 'TRANSLATION_PROVIDER');
  set('url', 'TRANSLATION_URL');
  set('apiKeyEnv', 'TRANSLATION_API_KEY_ENV');
  set('timeoutMs', 'TRANSLATION_TIMEOUT_MS');
  set('maxAttempts', 'TRANSLATION_MAX_ATTEMPTS');
  set('budgetMs', 'TRANSLATION_BUDGET_MS');
  set('deeplEnglish', 'TRANSLATION_DEEPL_ENGLISH');
  const targets = commaList(env['TRANSLATION_TARGETS']);
  if (targets.length > 0) {
    const feeds = commaList(env['TRANSLATION_FEEDS']);
    const others = Array.isArray(raw['partners']) ? (raw['partners'] as unknown[]) : [];
    raw['partners'] = [...others, { id: ENV_PARTNER_ID, languages: targets, ...(feeds.length > 0 ? { feeds } : {}) }];
  }

  const parsed = TranslationConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `translation.${issue.path.join('.')}: ${issue.message}`));
  }
  const config = parsed.data;
  const apiKey = nonEmpty(env[config.apiKeyEnv]);
  if (config.provider === 'deepl' && apiKey === undefined) {
    throw new ConfigError([`translation.apiKeyEnv: the deepl provider needs an API key in ${config.apiKeyEnv}`]);
  }
  return { config, apiKey };
}

/** Every language any partner wants, each once, in first-seen order: the stage's targets. */
export function targetLanguages(config: TranslationConfig): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const partner of config.partners) {
    for (const lang of partner.languages) {
      if (!seen.has(lang.toLowerCase())) {
        seen.add(lang.toLowerCase());
        out.push(lang);
      }
    }
  }
  return out;
}

/**
 * Whether entries of feed `feedKey` may show machine translations into `lang`: some partner wants
 * `lang` (region ignored) and lists that feed, or lists no feeds at all.
 */
export function feedShowsTranslations(config: TranslationConfig, feedKey: string, lang: string): boolean {
  const base = baseLanguage(lang);
  return config.partners.some(
    (p) => p.languages.some((l) => baseLanguage(l) === base) && (p.feeds === undefined || p.feeds.includes(feedKey)),
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function commaList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}
