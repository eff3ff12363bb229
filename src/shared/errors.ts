/**
 * The error taxonomy. Every error wirepipe raises on purpose is one of three scheduling meanings:
 *  - PermanentError: bad input; retrying cannot help. The job goes to the failed set with its
 *    code and reason, no retries.
 *  - RetryableError: a passing fault (timeout, 5xx, connection reset). Retried with exponential
 *    backoff and jitter.
 *  - RateLimitedError: the other side asked us to slow down; honour `retryAfterMs`.
 * Each carries a stable `code` documented in docs/errors.md. Constructors have no side effects.
 */

export const ERROR_CODES = {
  INVALID_RAW_ITEM: 'a raw item failed schema validation at a queue boundary',
  INVALID_ARTICLE: 'an article failed schema validation at a queue boundary',
  EMPTY_STORY: 'the item has neither a headline nor body text',
  UNREADABLE_WIRE_COPY: 'plain-text wire copy could not be split into headline and body',
  FEED_PARSE: 'a feed document is not well-formed RSS, Atom, RDF or JSON Feed',
  FEED_DTD_REFUSED: 'a feed document declares a DTD or entities (XXE / billion laughs guard)',
  UNKNOWN_FORMAT: 'a document is none of the formats wirepipe reads',
  FETCH_TIMEOUT: 'a fetch did not complete within its timeout',
  FETCH_TOO_LARGE: 'a response body exceeded the byte cap',
  FETCH_HTTP: 'the server answered with an HTTP error status',
  FETCH_NETWORK: 'the connection failed (DNS, refused, reset)',
  FETCH_REDIRECTS: 'too many redirects, or a redirect to a non-http(s) URL',
  RATE_LIMITED: 'the remote side asked us to slow down (429 / 503 with Retry-After)',
  CONFIG_INVALID: 'configuration failed validation; every problem is listed',
  REDIS_UNAVAILABLE: 'no Redis could be reached or started',
  S3_WRITE: 'writing an archive object to S3 failed',
  S3_READ: 'reading or listing archive objects on S3 failed (permanent for a missing key)',
  SNAPSHOT_CORRUPT: 'an archived object does not match its stored SHA-256, has none, or is not JSON',
  JOB_STALLED: "the job's worker process crashed or hung while running it more often than allowed: BullMQ gave it up",
  MISSING_OBJECT: 'an archived version lacks its .json or .ninjs.json twin, or an earlier version is missing',
  TRANSLATION_UNSUPPORTED: 'the translation provider does not serve this language pair, or the glossary lacks the text',
  STAGE_FAILED: 'a stage threw an unexpected error (treated as retryable)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Base class: a stable code plus structured details safe to log and store. */
export abstract class WirepipeError extends Error {
  abstract readonly retryable: boolean;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  /** A plain object for failed sets, dead letters and `.error.json` files. */
  toJSON(): { name: string; code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/** Bad input: never retried, kept in the failed set with its reason. */
export class PermanentError extends WirepipeError {
  readonly retryable = false;
}

/** A passing fault: retried with exponential backoff and jitter. */
export class RetryableError extends WirepipeError {
  readonly retryable = true;
}

/** The remote side asked us to wait; `retryAfterMs` says how long. */
export class RateLimitedError extends RetryableError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super('RATE_LIMITED', message, { ...details, retryAfterMs }, options);
  }
}

/** Configuration is invalid; `problems` lists every one found, not just the first. */
export class ConfigError extends PermanentError {
  constructor(readonly problems: string[]) {
    super('CONFIG_INVALID', `invalid configuration:\n  - ${problems.join('\n  - ')}`, { problems });
  }
}

/** True for errors that must not be retried. Unknown errors are treated as retryable. */
export function isPermanent(err: unknown): boolean {
  return err instanceof WirepipeError && !err.retryable;
}

/** A JSON-safe description of any thrown value, for failed sets and logs. */
export function describeError(err: unknown): { name: string; code: string; message: string; details: Record<string, unknown> } {
  if (err instanceof WirepipeError) return err.toJSON();
  if (err instanceof Error) return { name: err.name, code: 'STAGE_FAILED', message: err.message, details: {} };
  return { name: 'Error', code: 'STAGE_FAILED', message: String(err), details: {} };
}
