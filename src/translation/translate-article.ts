/**
 * Translating a story's headline and lead into each configured target language: cached parts
 * skip the provider, the rest go out in ONE call per target, passing faults are retried with
 * backoff inside a time budget, and whatever cannot be had in time is reported, never thrown:
 * a provider outage must not hold back the original story.
 */
import type { Logger } from 'pino';
import type { Article, Translation } from '../shared/article.js';
import { describeError, isPermanent, RateLimitedError } from '../shared/errors.js';
import { translationCacheKey, type TranslationCache } from './cache.js';
import { unsupportedLanguage } from './http-errors.js';
import { baseLanguage, type TranslationProvider } from './provider.js';
import { backoffDelayMs, sleep as defaultSleep } from './retry.js';

/** A translation as attached to an article, plus the provenance the issue asks to record. */
export interface TranslationRecord extends Translation {
  /** The language translated from (the article's language at the time). */
  from: string;
  /** When the translation was made or taken from the cache (ISO 8601). */
  translatedAt: string;
}

/** A target that got no translation, with enough to decide whether a follow-up job should try. */
export interface FailedTarget {
  lang: string;
  error: ReturnType<typeof describeError>;
  /** False for permanent refusals (bad key, unsupported language, quota): do not retry later either. */
  retryable: boolean;
  /** What the provider last asked us to wait, if it rate-limited us; a follow-up job's delay. */
  retryAfterMs: number | null;
  attempts: number;
}

export interface TranslateArticleResult {
  translations: TranslationRecord[];
  failed: FailedTarget[];
}

export interface TranslateArticleOptions {
  provider: TranslationProvider;
  cache: TranslationCache;
  /** BCP 47 codes; targets equal to the article's language (ignoring region) are skipped. */
  targets: readonly string[];
  now: () => Date;
  log: Logger;
  /** Calls per target, the first included. */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Wall-clock budget for the whole article (default 6 s): a call in flight at the deadline is
   * aborted, and a retry (or a Retry-After) that would end past it is not attempted; the target
   * is reported failed, with retryAfterMs, for a follow-up job.
   */
  budgetMs?: number;
  /**
   * Longest wait for the cache per read or write (default 500 ms). A BullMQ-style Redis client
   * queues commands while disconnected instead of failing, so without this an outage would hang
   * the story.
   */
  cacheTimeoutMs?: number;
  signal?: AbortSignal;
  /** Injected so tests can record delays instead of waiting them out. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

type Source = Pick<Article, 'id' | 'language' | 'headline' | 'lead'>;

const EXPECTED_REFUSALS: ReadonlySet<string> = new Set(['unsupported_language', 'not_in_glossary']);
const UNDETERMINED: ReadonlySet<string> = new Set(['und', 'mul', 'zxx', '']);

const DEFAULTS = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4_000, budgetMs: 6_000, cacheTimeoutMs: 500 } as const;

/**
 * Translations of `article`'s headline and lead for every target ≠ its language. Never throws for
 * provider or cache faults: failed targets are listed in `failed`, the rest are returned.
 */
export async function translateArticle(article: Source, opts: TranslateArticleOptions): Promise<TranslateArticleResult> {
  const from = article.language;
  const targets = distinctTargets(opts.targets, from);
  if (targets.length === 0 || article.headline.trim() === '') return { translations: [], failed: [] };
  if (UNDETERMINED.has(baseLanguage(from))) {
    // No provider can be told what to translate from; `auto` would guess where detection gave up.
    const error = describeError(unsupportedLanguage(opts.provider.name, 'source', from));
    return { translations: [], failed: targets.map((lang) => ({ lang, error, retryable: false, retryAfterMs: null, attempts: 0 })) };
  }
  const startedAt = performance.now();
  // The budget is a hard deadline: a call still in flight when it passes is aborted. A cleared
  // timer rather than AbortSignal.timeout, which would linger for the whole budget per story.
  const deadline = new AbortController();
  const onOuterAbort = (): void => deadline.abort(opts.signal?.reason);
  const timer = setTimeout(() => deadline.abort(new Error('translation budget spent')), opts.budgetMs ?? DEFAULTS.budgetMs);
  if (opts.signal?.aborted) deadline.abort(opts.signal.reason);
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let outcomes: Outcome[];
  try {
    const bounded = { ...opts, signal: deadline.signal };
    outcomes = await Promise.all(targets.map((to) => translateTarget(article, to, bounded, startedAt)));
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
  const result: TranslateArticleResult = { translations: [], failed: [] };
  for (const outcome of outcomes) {
    if ('failed' in outcome) result.failed.push(outcome.failed);
    else result.translations.push(outcome.translation);
  }
  return result;
}

type Outcome = { translation: TranslationRecord } | { failed: FailedTarget };

async function translateTarget(article: Source, to: string, opts: TranslateArticleOptions, startedAt: number): Promise<Outcome> {
  const { provider, log } = opts;
  const from = article.language;
  const lead = article.lead !== null && article.lead.trim() !== '' ? article.lead : null;
  const parts = lead === null ? [article.headline] : [article.headline, lead];
  const namespace = provider.cacheNamespace ?? provider.name;
  const keys = parts.map((text) => translationCacheKey(namespace, from, to, text));
  const cached = await readCache(opts, keys, to);
  const missing = parts.flatMap((text, i) => (cached[i] === null ? [{ i, text }] : []));

  const translated = [...cached];
  if (missing.length > 0) {
    const answer = await callWithRetries(
      () => provider.translate({ texts: missing.map((m) => m.text), from, to, format: 'text' }, opts.signal),
      opts,
      startedAt,
    );
    if ('failed' in answer) {
      const fields = { err: answer.failed.error, lang: to, articleId: article.id, provider: provider.name, attempts: answer.failed.attempts };
      // A pair the provider lacks is configuration, seen once at start-up, not news per story.
      if (EXPECTED_REFUSALS.has(String(answer.failed.error.details['reason']))) log.debug(fields, 'translation not available');
      else log.warn(fields, 'translation failed; story continues without it');
      return { failed: { lang: to, ...answer.failed } };
    }
    missing.forEach((m, j) => {
      translated[m.i] = answer.texts[j] ?? null;
    });
    await writeCache(opts, missing.map((m, j) => [keys[m.i] ?? '', answer.texts[j] ?? ''] as const), to);
  }
  log.debug({ lang: to, articleId: article.id, fromCache: parts.length - missing.length }, 'translated');
  return {
    translation: {
      lang: to,
      headline: translated[0] ?? '',
      lead: lead === null ? null : (translated[1] ?? null),
      provider: provider.name,
      machine: provider.machine,
      from,
      translatedAt: opts.now().toISOString(),
    },
  };
}

type CallResult = { texts: string[] } | { failed: Omit<FailedTarget, 'lang'> };

async function callWithRetries(call: () => Promise<string[]>, opts: TranslateArticleOptions, startedAt: number): Promise<CallResult> {
  const maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULTS.maxAttempts);
  const baseDelayMs = opts.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = opts.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const budgetMs = opts.budgetMs ?? DEFAULTS.budgetMs;
  const sleep = opts.sleep ?? defaultSleep;
  let retryAfterMs: number | null = null;
  for (let attempt = 1; ; attempt++) {
    try {
      return { texts: await call() };
    } catch (err) {
      if (err instanceof RateLimitedError) retryAfterMs = err.retryAfterMs;
      const fail = (): CallResult => ({
        failed: { error: describeError(err), retryable: !isPermanent(err), retryAfterMs, attempts: attempt },
      });
      if (isPermanent(err) || attempt >= maxAttempts || opts.signal?.aborted) return fail();
      const backoff = backoffDelayMs(attempt, baseDelayMs, maxDelayMs, opts.random);
      // Retry-After is the server's floor; our own backoff still applies when it is shorter.
      const delay = err instanceof RateLimitedError ? Math.max(backoff, err.retryAfterMs) : backoff;
      if (performance.now() - startedAt + delay > budgetMs) return fail();
      opts.log.debug({ err, attempt, delayMs: delay }, 'translation call failed; retrying');
      try {
        await sleep(delay, opts.signal);
      } catch {
        return fail();
      }
    }
  }
}

async function readCache(opts: TranslateArticleOptions, keys: string[], lang: string): Promise<(string | null)[]> {
  try {
    const values = await bounded(opts.cache.getMany(keys), opts);
    return keys.map((_, i) => values[i] ?? null);
  } catch (err) {
    // A cache outage costs provider calls, not stories.
    opts.log.warn({ err, lang }, 'translation cache unreadable; asking the provider');
    return keys.map(() => null);
  }
}

async function writeCache(opts: TranslateArticleOptions, entries: ReadonlyArray<readonly [string, string]>, lang: string): Promise<void> {
  try {
    await bounded(opts.cache.setMany(entries), opts);
  } catch (err) {
    opts.log.warn({ err, lang }, 'translation cache not written');
  }
}

/** `work`, or a rejection once the cache timeout passes or the article's deadline aborts. */
function bounded<T>(work: Promise<T>, opts: TranslateArticleOptions): Promise<T> {
  const { signal } = opts;
  return new Promise<T>((resolve, reject) => {
    const fail = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', fail);
      reject(new Error('translation cache did not answer in time'));
    };
    const timer = setTimeout(fail, opts.cacheTimeoutMs ?? DEFAULTS.cacheTimeoutMs);
    if (signal?.aborted) return fail();
    signal?.addEventListener('abort', fail, { once: true });
    work.then(
      (value) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', fail);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', fail);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** Targets in order, each once (case-insensitive), without the article's own language. */
function distinctTargets(targets: readonly string[], from: string): string[] {
  const own = baseLanguage(from);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const target of targets) {
    const key = target.toLowerCase();
    if (seen.has(key) || baseLanguage(target) === own) continue;
    seen.add(key);
    out.push(target);
  }
  return out;
}
