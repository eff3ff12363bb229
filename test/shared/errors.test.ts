import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, PermanentError, RateLimitedError, RetryableError, describeError, isPermanent } from '../../src/shared/errors.js';

describe('error taxonomy', () => {
  it('documents every error code in docs/errors.md', async () => {
    const doc = await readFile(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const missing = Object.keys(ERROR_CODES).filter((code) => !doc.includes(`| \`${code}\` |`));
    expect(missing).toEqual([]);
  });

  it('tells permanent from retryable, and unknown errors are retryable', () => {
    expect(isPermanent(new PermanentError('EMPTY_STORY', 'x'))).toBe(true);
    expect(isPermanent(new RetryableError('FETCH_TIMEOUT', 'x'))).toBe(false);
    expect(isPermanent(new RateLimitedError('slow', 1000))).toBe(false);
    expect(isPermanent(new TypeError('bug'))).toBe(false);
  });

  it('describes any thrown value as JSON with a code', () => {
    expect(describeError(new PermanentError('FEED_PARSE', 'bad xml', { line: 3 }))).toEqual({
      name: 'PermanentError', code: 'FEED_PARSE', message: 'bad xml', details: { line: 3 },
    });
    expect(describeError(new RateLimitedError('slow', 2500)).details).toEqual({ retryAfterMs: 2500 });
    expect(describeError('a string').code).toBe('STAGE_FAILED');
  });
});
