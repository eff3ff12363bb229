/**
 * How a translation API's HTTP status becomes one of wirepipe's three scheduling meanings. Shared
 * by every HTTP provider so LibreTranslate and DeepL fail the same way for the same reason.
 */
import { PermanentError, RateLimitedError, RetryableError, type WirepipeError } from '../shared/errors.js';
import type { JsonResponse } from './http-post.js';

const HTTP_DATE_SECONDS = /^\d+$/;
/** Server messages end up in failed sets and logs; a proxy error page must not flood them. */
const MAX_MESSAGE_CHARS = 300;

/**
 * Milliseconds a `Retry-After` header asks us to wait (delta-seconds or an HTTP date), or null
 * when the header is absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (HTTP_DATE_SECONDS.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

export interface HttpFailure {
  provider: string;
  status: number;
  /** The server's own explanation (`error` for LibreTranslate, `message` for DeepL), if any. */
  message: string | null;
  retryAfter: string | null;
  /** Statuses this API uses for "slow down" besides 429 (DeepL's legacy 529). */
  rateLimitStatuses?: readonly number[];
}

/**
 * The error for a non-2xx answer: 429 (and 503 with Retry-After) → RateLimitedError, 408 and 5xx →
 * RetryableError, every other 4xx (bad request, bad key, quota) → PermanentError. A 429 without
 * Retry-After carries retryAfterMs 0, meaning "use your own backoff".
 */
export function errorForStatus(failure: HttpFailure, now: number = Date.now()): WirepipeError {
  const { provider, status } = failure;
  const message = truncate(failure.message);
  const details = { provider, status, serverMessage: message };
  const text = `${provider} answered HTTP ${status}${message ? `: ${message}` : ''}`;
  const retryAfterMs = parseRetryAfter(failure.retryAfter, now);
  if (status === 429 || (failure.rateLimitStatuses ?? []).includes(status)) {
    return new RateLimitedError(text, retryAfterMs ?? 0, details);
  }
  if (status === 503 && retryAfterMs !== null) return new RateLimitedError(text, retryAfterMs, details);
  if (status === 408) return new RetryableError('FETCH_TIMEOUT', text, details);
  if (status >= 500) return new RetryableError('FETCH_HTTP', text, details);
  return new PermanentError('FETCH_HTTP', text, details);
}

/** The refusal for a language pair a provider cannot handle, raised before any request is sent. */
export function unsupportedLanguage(provider: string, role: 'source' | 'target', lang: string): PermanentError {
  return new PermanentError('TRANSLATION_UNSUPPORTED', `${provider} does not support ${role} language "${lang}"`, {
    provider,
    status: 400,
    reason: 'unsupported_language',
    role,
    lang,
  });
}

/** A 200 whose body is not the documented shape: deterministic, so retrying cannot help. */
export function malformedResponse(provider: string, why: string): PermanentError {
  return new PermanentError('FETCH_HTTP', `${provider} answered 200 with an unexpected body: ${why}`, {
    provider,
    status: 200,
    reason: 'malformed_response',
  });
}

function truncate(message: string | null): string | null {
  if (message === null) return null;
  const trimmed = message.trim();
  if (trimmed === '') return null;
  return trimmed.length > MAX_MESSAGE_CHARS ? `${trimmed.slice(0, MAX_MESSAGE_CHARS)}…` : trimmed;
}

/**
 * Throws the error a provider's non-2xx answer maps to (see errorForStatus); returns for a 2xx.
 * `message` is the provider's own error text, read by the caller from its documented shape.
 */
export function throwUnlessOk(res: JsonResponse, provider: string, message: string | null, rateLimitStatuses?: readonly number[]): void {
  if (res.status >= 200 && res.status <= 299) return;
  throw errorForStatus({
    provider,
    status: res.status,
    message,
    retryAfter: res.headers.get('retry-after'),
    ...(rateLimitStatuses ? { rateLimitStatuses } : {}),
  });
}
