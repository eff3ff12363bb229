/**
 * One JSON POST with a hard timeout, for the HTTP providers. Transport faults become typed errors
 * here (timeout → FETCH_TIMEOUT, connection → FETCH_NETWORK, both retryable); HTTP statuses are
 * left to the caller, which knows the API's error body.
 */
import { PermanentError, RetryableError } from '../shared/errors.js';

/** Far above any translation answer; a bigger body is a misconfigured URL, not a translation. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export interface JsonResponse {
  status: number;
  headers: Headers;
  /** The parsed body, or undefined when it was empty or not JSON. */
  json: unknown;
}

export interface PostJsonOptions {
  provider: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * POSTs `body` as JSON and reads the whole answer within `timeoutMs`; throws RetryableError for
 * transport faults and PermanentError (FETCH_TOO_LARGE) for an answer over 4 MiB.
 */
export async function postJson(url: URL, body: unknown, opts: PostJsonOptions): Promise<JsonResponse> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const details = { provider: opts.provider, url: redactedUrl(url) };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...opts.headers },
      body: JSON.stringify(body),
      signal,
    });
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > MAX_RESPONSE_BYTES) {
      await res.body?.cancel();
      throw tooLarge(opts.provider, declared);
    }
    // The body is read under the same signal, so a server that stalls mid-body also times out.
    const text = await res.text();
    if (Buffer.byteLength(text, 'utf8') > MAX_RESPONSE_BYTES) throw tooLarge(opts.provider, Buffer.byteLength(text, 'utf8'));
    return { status: res.status, headers: res.headers, json: parseJson(text) };
  } catch (err) {
    if (err instanceof PermanentError) throw err;
    if (timeout.aborted) {
      throw new RetryableError('FETCH_TIMEOUT', `${opts.provider} did not answer within ${opts.timeoutMs} ms`, {
        ...details,
        timeoutMs: opts.timeoutMs,
      }, { cause: err });
    }
    if (opts.signal?.aborted) {
      throw new RetryableError('FETCH_TIMEOUT', `${opts.provider} request aborted by the caller`, {
        ...details,
        aborted: true,
      }, { cause: err });
    }
    const cause = (err as { cause?: { code?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : undefined;
    throw new RetryableError('FETCH_NETWORK', `${opts.provider} could not be reached${code ? ` (${code})` : ''}`, {
      ...details,
      networkCode: code ?? null,
    }, { cause: err });
  }
}

function tooLarge(provider: string, bytes: number): PermanentError {
  return new PermanentError('FETCH_TOO_LARGE', `${provider} answered ${bytes} bytes (cap ${MAX_RESPONSE_BYTES})`, {
    provider,
    bytes,
    capBytes: MAX_RESPONSE_BYTES,
  });
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Query strings may hold keys on some self-hosted gateways; errors keep only origin and path. */
function redactedUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** `base` joined with a relative API path, keeping any path prefix `base` already has. */
export function endpoint(base: string, path: string): URL {
  const withSlash = base.endsWith('/') ? base : `${base}/`;
  return new URL(path, withSlash);
}
