/**
 * Fetching one feed URL politely and defensively: conditional requests, our own redirect policy,
 * one deadline for the whole exchange (headers and body), and a byte cap enforced while streaming
 * (after decompression, so a gzip bomb is cut off too).
 */
import { createHash } from 'node:crypto';
import { PermanentError, RateLimitedError, RetryableError } from '../../shared/errors.js';
import { decodeBody } from './decode.js';

export const USER_AGENT = 'wirepipe/0.1 (+https://github.com/wirepipe/wirepipe)';
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;
const MAX_REDIRECTS = 5;
/** 429 without Retry-After still means "slow down": wait this long. */
const DEFAULT_RATE_LIMIT_MS = 60_000;
const MAX_RETRY_AFTER_MS = 24 * 3600_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_AGE = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i;
const NO_CACHE = /(?:^|,)\s*(?:no-store|no-cache)\b/i;

export interface FetchValidators {
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
}

export type FetchResult =
  | {
      status: 'not-modified';
      validators: FetchValidators;
      /**
       * The response's Cache-Control max-age (null: none, or caching forbidden); absent when a
       * 304 carried no Cache-Control at all, so the max-age known from before still stands.
       */
      maxAgeSeconds?: number | null;
    }
  | {
      status: 'ok';
      text: string;
      contentType: string | null;
      finalUrl: string;
      validators: FetchValidators;
      maxAgeSeconds: number | null;
    };

export interface FetchFeedOptions {
  previous?: FetchValidators;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  /** Injected for Retry-After HTTP dates; defaults to the clock. */
  now?: () => Date;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Math.min(Number(v) * 1000, MAX_RETRY_AFTER_MS);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.min(Math.max(0, t - now.getTime()), MAX_RETRY_AFTER_MS);
}

/** Cache-Control max-age in seconds, or null when absent or forbidden to cache. */
export function parseMaxAge(cacheControl: string | null): number | null {
  if (cacheControl === null || NO_CACHE.test(cacheControl)) return null;
  const m = MAX_AGE.exec(cacheControl);
  return m?.[1] !== undefined ? Number(m[1]) : null;
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

async function readCapped(res: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new PermanentError('FETCH_TOO_LARGE', `${url}: body of ${declared} bytes exceeds ${maxBytes}`, { url, maxBytes, declared });
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new PermanentError('FETCH_TOO_LARGE', `${url}: body exceeds ${maxBytes} bytes`, { url, maxBytes });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function requestHeaders(previous: FetchValidators | undefined): Record<string, string> {
  const h: Record<string, string> = { 'user-agent': USER_AGENT, accept: ACCEPT };
  if (previous?.etag) h['if-none-match'] = previous.etag;
  if (previous?.lastModified) h['if-modified-since'] = previous.lastModified;
  return h;
}

function statusError(res: Response, url: string, now: Date): Error {
  const status = res.status;
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'), now);
  if (status === 429 || (status === 503 && retryAfter !== null)) {
    return new RateLimitedError(`${url}: HTTP ${status}`, retryAfter ?? DEFAULT_RATE_LIMIT_MS, { url, status });
  }
  if (status >= 500 || status === 408) return new RetryableError('FETCH_HTTP', `${url}: HTTP ${status}`, { url, status });
  return new PermanentError('FETCH_HTTP', `${url}: HTTP ${status}`, { url, status });
}

function classifyFailure(err: unknown, timeout: AbortSignal, url: string, timeoutMs: number): Error {
  if (err instanceof RetryableError || err instanceof PermanentError) return err;
  if (timeout.aborted) return new RetryableError('FETCH_TIMEOUT', `${url}: no complete response within ${timeoutMs} ms`, { url, timeoutMs }, { cause: err });
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (err as Error).message;
  return new RetryableError('FETCH_NETWORK', `${url}: ${detail}`, { url, code: cause?.code ?? null }, { cause: err });
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Fetches a feed with conditional headers, at most 5 http(s) redirects, one timeout covering the
 * body, and a streaming byte cap. An unchanged body (same hash) is reported as 'not-modified'.
 */
export async function fetchFeed(url: string, opts: FetchFeedOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = opts.now ?? (() => new Date());
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const previous = opts.previous;

  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new PermanentError('FETCH_NETWORK', `not a URL: ${url}`, { url });
  }
  if (!isHttp(current)) throw new PermanentError('FETCH_NETWORK', `unsupported URL scheme: ${current.protocol}`, { url });

  const visited = new Set<string>();
  try {
    for (let hop = 0; ; hop++) {
      visited.add(current.href);
      const res = await fetch(current, { redirect: 'manual', headers: requestHeaders(previous), signal });
      if (REDIRECT_STATUSES.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (location === null) throw new PermanentError('FETCH_HTTP', `${current.href}: HTTP ${res.status} without Location`, { url: current.href, status: res.status });
        const next = URL.canParse(location, current.href) ? new URL(location, current) : null;
        if (next === null) throw new PermanentError('FETCH_REDIRECTS', `unreadable redirect Location: ${location}`, { url, location });
        if (!isHttp(next)) throw new PermanentError('FETCH_REDIRECTS', `redirect to a non-http(s) URL: ${next.protocol}`, { url, location: next.href });
        if (visited.has(next.href)) throw new PermanentError('FETCH_REDIRECTS', `redirect loop at ${next.href}`, { url, location: next.href });
        if (hop + 1 > MAX_REDIRECTS) throw new PermanentError('FETCH_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`, { url });
        current = next;
        continue;
      }
      const etag = res.headers.get('etag') ?? previous?.etag ?? null;
      const lastModified = res.headers.get('last-modified') ?? previous?.lastModified ?? null;
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        // A 304's headers update the stored response's, so the cache hint it repeats (or changes) counts.
        const cacheControl = res.headers.get('cache-control');
        return {
          status: 'not-modified',
          validators: { etag, lastModified, bodyHash: previous?.bodyHash ?? null },
          ...(cacheControl !== null ? { maxAgeSeconds: parseMaxAge(cacheControl) } : {}),
        };
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => undefined);
        throw statusError(res, current.href, now());
      }
      const bytes = await readCapped(res, maxBytes, current.href);
      const bodyHash = sha256(bytes);
      const validators: FetchValidators = { etag, lastModified, bodyHash };
      // A full response's headers are all there is: no Cache-Control means no max-age.
      const maxAgeSeconds = parseMaxAge(res.headers.get('cache-control'));
      if (previous?.bodyHash === bodyHash) return { status: 'not-modified', validators, maxAgeSeconds };
      const contentType = res.headers.get('content-type');
      return {
        status: 'ok',
        text: decodeBody(bytes, contentType),
        contentType,
        finalUrl: current.href,
        validators,
        maxAgeSeconds,
      };
    }
  } catch (err) {
    throw classifyFailure(err, timeout, current.href, timeoutMs);
  }
}
