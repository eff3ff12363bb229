/**
 * A DeepL-compatible provider: `POST {url}/v2/translate` with `Authorization: DeepL-Auth-Key <key>`
 * and JSON `{ text: string[], source_lang, target_lang }`, answered
 * `{ translations: [{ detected_source_language, text }] }`. Errors: 403 bad key, 400 bad request,
 * 429 (and legacy 529) too many requests, 456 quota exceeded, 5xx temporary.
 */
import { deeplSource, deeplTarget, type EnglishVariant } from './deepl-languages.js';
import { malformedResponse, throwUnlessOk, unsupportedLanguage } from './http-errors.js';
import { endpoint, postJson } from './http-post.js';
import type { TranslationProvider, TranslationRequest } from './provider.js';

export type DeepLModelType = 'latency_optimized' | 'quality_optimized' | 'prefer_quality_optimized';

export interface DeepLOptions {
  /** API base; defaults to api-free.deepl.com for `:fx` (Free) keys, api.deepl.com otherwise. */
  url?: string;
  authKey: string;
  timeoutMs?: number;
  /** Which English a bare `en` target becomes. */
  englishVariant?: EnglishVariant;
  /** Sent as `model_type` when set; DeepL picks its default (latency-optimized) otherwise. */
  modelType?: DeepLModelType;
  name?: string;
}

const DEFAULT_TIMEOUT_MS = 3_000;
/** DeepL accepts at most 50 texts per request. */
const MAX_TEXTS_PER_REQUEST = 50;
const RATE_LIMIT_STATUSES = [529] as const;

/** The API base DeepL documents for a key: Free keys end in `:fx`. */
export function defaultDeepLUrl(authKey: string): string {
  return authKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
}

/** A provider that maps languages to DeepL's codes, refuses pairs DeepL lacks, and batches by 50. */
export function createDeepLProvider(opts: DeepLOptions): TranslationProvider {
  const name = opts.name ?? 'deepl';
  const url = endpoint(opts.url ?? defaultDeepLUrl(opts.authKey), 'v2/translate');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers = { authorization: `DeepL-Auth-Key ${opts.authKey}` };

  async function translateChunk(texts: string[], source: string, target: string, req: TranslationRequest, signal?: AbortSignal): Promise<string[]> {
    const body: Record<string, unknown> = { text: texts, source_lang: source, target_lang: target };
    if (req.format === 'html') body['tag_handling'] = 'html';
    if (opts.modelType !== undefined) body['model_type'] = opts.modelType;
    const res = await postJson(url, body, { provider: name, headers, timeoutMs, ...(signal ? { signal } : {}) });
    throwUnlessOk(res, name, errorText(res.json), RATE_LIMIT_STATUSES);
    return readTranslations(name, res.json, texts.length);
  }

  return {
    name,
    cacheNamespace: `${name};en=${opts.englishVariant ?? 'EN-GB'};model=${opts.modelType ?? 'default'}`,
    machine: true,
    async translate(req: TranslationRequest, signal?: AbortSignal): Promise<string[]> {
      // Refused here, before any characters are billed against the quota.
      const source = deeplSource(req.from);
      if (source === null) throw unsupportedLanguage(name, 'source', req.from);
      const target = deeplTarget(req.to, opts.englishVariant);
      if (target === null) throw unsupportedLanguage(name, 'target', req.to);
      const out: string[] = [];
      for (let i = 0; i < req.texts.length; i += MAX_TEXTS_PER_REQUEST) {
        out.push(...(await translateChunk(req.texts.slice(i, i + MAX_TEXTS_PER_REQUEST), source, target, req, signal)));
      }
      return out;
    },
  };
}

function readTranslations(name: string, json: unknown, expected: number): string[] {
  if (typeof json !== 'object' || json === null) throw malformedResponse(name, 'not a JSON object');
  const list = (json as { translations?: unknown }).translations;
  if (!Array.isArray(list)) throw malformedResponse(name, 'translations is not a list');
  if (list.length !== expected) throw malformedResponse(name, `expected ${expected} translations, got ${list.length}`);
  return list.map((item: unknown, i) => {
    const text = typeof item === 'object' && item !== null ? (item as { text?: unknown }).text : undefined;
    if (typeof text !== 'string') throw malformedResponse(name, `translations[${i}].text is not a string`);
    return text;
  });
}

function errorText(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const { message, detail } = json as { message?: unknown; detail?: unknown };
  if (typeof message !== 'string') return null;
  return typeof detail === 'string' && detail !== '' ? `${message} (${detail})` : message;
}
