/**
 * A LibreTranslate-compatible provider: `POST {url}/translate` with JSON
 * `{ q: string[], source, target, format, api_key }`, answered `{ translatedText: string[] }`
 * (an array because q is an array); errors are `{ error: "..." }` with 400/403/429/500.
 */
import { malformedResponse, throwUnlessOk } from './http-errors.js';
import { endpoint, postJson } from './http-post.js';
import { baseLanguage, type TranslationProvider, type TranslationRequest } from './provider.js';

export interface LibreTranslateOptions {
  /** Base URL of the server, e.g. `http://localhost:5000` (a path prefix is kept). */
  url: string;
  /** Sent as `api_key` when set; servers started without `--api-keys` ignore it. */
  apiKey?: string;
  /** Per-call budget for connect + answer. */
  timeoutMs?: number;
  /** Recorded on translations and in cache keys; override when running two differently tuned servers. */
  name?: string;
}

const DEFAULT_TIMEOUT_MS = 3_000;

/** A provider that sends each batch as one LibreTranslate request and returns the texts in order. */
export function createLibreTranslateProvider(opts: LibreTranslateOptions): TranslationProvider {
  const name = opts.name ?? 'libretranslate';
  const url = endpoint(opts.url, 'translate');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    name,
    machine: true,
    async translate(req: TranslationRequest, signal?: AbortSignal): Promise<string[]> {
      if (req.texts.length === 0) return [];
      const body: Record<string, unknown> = {
        q: req.texts,
        // Argos models are keyed by the bare language code ("vi", "en", "fr").
        source: baseLanguage(req.from),
        target: baseLanguage(req.to),
        format: req.format ?? 'text',
      };
      if (opts.apiKey !== undefined) body['api_key'] = opts.apiKey;
      const res = await postJson(url, body, { provider: name, timeoutMs, ...(signal ? { signal } : {}) });
      throwUnlessOk(res, name, errorText(res.json));
      return readTranslations(name, res.json, req.texts.length);
    },
  };
}

function readTranslations(name: string, json: unknown, expected: number): string[] {
  if (typeof json !== 'object' || json === null) throw malformedResponse(name, 'not a JSON object');
  const translated = (json as { translatedText?: unknown }).translatedText;
  // A single-string answer is what a server gives for a string q; accept it for a batch of one.
  const list = typeof translated === 'string' ? [translated] : translated;
  if (!Array.isArray(list) || !list.every((t): t is string => typeof t === 'string')) {
    throw malformedResponse(name, 'translatedText is not a list of strings');
  }
  if (list.length !== expected) {
    throw malformedResponse(name, `expected ${expected} translations, got ${list.length}`);
  }
  return list;
}

function errorText(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const error = (json as { error?: unknown }).error;
  return typeof error === 'string' ? error : null;
}
