import { describe, expect, it } from 'vitest';
import { PermanentError, RateLimitedError, RetryableError } from '../../src/shared/errors.js';
import { errorForStatus, parseRetryAfter } from '../../src/translation/http-errors.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-27T10:00:00Z');
  it.each([
    [null, null],
    ['5', 5_000],
    [' 0 ', 0],
    ['Fri, 27 Nov 2026 10:00:30 GMT', 30_000],
    ['Fri, 27 Nov 2026 09:00:00 GMT', 0],
    ['soon', null],
  ])('%s → %s ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('errorForStatus', () => {
  it.each([
    [429, null, RateLimitedError, 'RATE_LIMITED'],
    [529, null, RateLimitedError, 'RATE_LIMITED'],
    [503, '2', RateLimitedError, 'RATE_LIMITED'],
    [503, null, RetryableError, 'FETCH_HTTP'],
    [500, null, RetryableError, 'FETCH_HTTP'],
    [502, null, RetryableError, 'FETCH_HTTP'],
    [408, null, RetryableError, 'FETCH_TIMEOUT'],
    [400, null, PermanentError, 'FETCH_HTTP'],
    [403, null, PermanentError, 'FETCH_HTTP'],
    [413, null, PermanentError, 'FETCH_HTTP'],
    [456, null, PermanentError, 'FETCH_HTTP'],
  ] as const)('HTTP %i (Retry-After %s) → %s %s', (status, retryAfter, cls, code) => {
    const err = errorForStatus({ provider: 'p', status, message: 'm', retryAfter, rateLimitStatuses: [529] });
    expect(err).toBeInstanceOf(cls);
    expect(err.code).toBe(code);
    expect(err instanceof RateLimitedError).toBe(cls === RateLimitedError);
    expect(err.details).toMatchObject({ provider: 'p', status, serverMessage: 'm' });
  });

  it('caps a long server message', () => {
    const err = errorForStatus({ provider: 'p', status: 500, message: 'x'.repeat(5_000), retryAfter: null });
    expect(String(err.details['serverMessage']).length).toBeLessThanOrEqual(301);
  });
});
