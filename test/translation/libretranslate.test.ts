import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PermanentError, RateLimitedError, RetryableError } from '../../src/shared/errors.js';
import { createLibreTranslateProvider } from '../../src/translation/libretranslate.js';
import { loadArticleFixtures } from './fixtures.js';
import { FakeTranslationServer, fakeTranslation, LIBRE_PATH } from './fake-translation-server.js';

const KEY = 'lt-key-0001';
let fake: FakeTranslationServer;

beforeAll(async () => {
  fake = await FakeTranslationServer.start({ libreApiKeys: [KEY], libreKeyRequired: true });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.received.length = 0;
});

describe('LibreTranslate provider against the contract fake', () => {
  const provider = () => createLibreTranslateProvider({ url: fake.url, apiKey: KEY, timeoutMs: 1_000 });

  it.each(loadArticleFixtures())('sends $file headline and lead as one batch and maps answers in order', async ({ article }) => {
    const texts = article.lead === null ? [article.headline] : [article.headline, article.lead];
    const target = article.language === 'en' ? 'fr' : 'en';
    const out = await provider().translate({ texts, from: article.language, to: target });
    expect(out).toEqual(texts.map((t) => fakeTranslation(t, target)));
    const [sent] = fake.calls(LIBRE_PATH);
    expect(fake.calls(LIBRE_PATH)).toHaveLength(1);
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.body).toEqual({ q: texts, source: article.language, target, format: 'text', api_key: KEY });
  });

  it('sends bare language codes for region-tagged languages', async () => {
    await provider().translate({ texts: ['Xin chào'], from: 'vi-VN', to: 'en-GB' });
    expect(fake.calls(LIBRE_PATH)[0]?.body).toMatchObject({ source: 'vi', target: 'en' });
  });

  it('keeps a path prefix of the configured URL', async () => {
    const p = createLibreTranslateProvider({ url: `${fake.url}/lt/`, apiKey: KEY });
    // The fake only serves /translate, so a kept prefix shows up as a 404 → PermanentError.
    await expect(p.translate({ texts: ['a'], from: 'vi', to: 'en' })).rejects.toMatchObject({ details: { status: 404 } });
    expect(fake.received[0]?.path).toBe('/lt/translate');
  });

  it('maps a wrong key (403) to PermanentError FETCH_HTTP with the server message', async () => {
    const p = createLibreTranslateProvider({ url: fake.url, apiKey: 'wrong' });
    const err = await p.translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ code: 'FETCH_HTTP', details: { status: 403, serverMessage: 'Invalid API key' } });
  });

  it('maps a missing key on a key-only server (400) to PermanentError', async () => {
    const p = createLibreTranslateProvider({ url: fake.url });
    const err = await p.translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ details: { status: 400 } });
    expect(fake.calls(LIBRE_PATH)[0]?.body).not.toHaveProperty('api_key');
  });

  it('maps an unsupported language (400) to PermanentError', async () => {
    const err = await provider().translate({ texts: ['a'], from: 'vi', to: 'xh' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ details: { status: 400, serverMessage: 'xh is not supported' } });
  });

  it('maps 429 with Retry-After to RateLimitedError carrying the wait', async () => {
    fake.enqueue(LIBRE_PATH, { status: 429, retryAfter: '7' });
    const err = await provider().translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 7_000 });
  });

  it('maps 429 without Retry-After to RateLimitedError with retryAfterMs 0 (own backoff)', async () => {
    fake.enqueue(LIBRE_PATH, { status: 429 });
    const err = await provider().translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err).toMatchObject({ retryAfterMs: 0 });
  });

  it('maps 500 to RetryableError FETCH_HTTP', async () => {
    fake.enqueue(LIBRE_PATH, { status: 500 });
    const err = await provider().translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).not.toBeInstanceOf(RateLimitedError);
    expect(err).toMatchObject({ code: 'FETCH_HTTP', details: { status: 500 } });
  });

  it('maps a slow answer to RetryableError FETCH_TIMEOUT within the timeout', async () => {
    fake.enqueue(LIBRE_PATH, { delayMs: 10_000 });
    const p = createLibreTranslateProvider({ url: fake.url, apiKey: KEY, timeoutMs: 100 });
    const started = performance.now();
    const err = await p.translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).toMatchObject({ code: 'FETCH_TIMEOUT' });
  });

  it('maps a refused connection to RetryableError FETCH_NETWORK', async () => {
    const closed = await FakeTranslationServer.start();
    const url = closed.url;
    await closed.close();
    const p = createLibreTranslateProvider({ url, timeoutMs: 1_000 });
    const err = await p.translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).toMatchObject({ code: 'FETCH_NETWORK', details: { networkCode: 'ECONNREFUSED' } });
  });

  it('refuses a 200 that is not the documented shape', async () => {
    fake.enqueue(LIBRE_PATH, { rawBody: '<html>captive portal</html>' });
    const err = await provider().translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ details: { reason: 'malformed_response' } });
  });

  it('refuses an answer over the 4 MiB cap', async () => {
    fake.enqueue(LIBRE_PATH, { rawBody: 'x'.repeat(5 * 1024 * 1024) });
    // A generous timeout: 5 MiB over loopback is slow when every test file runs at once.
    const p = createLibreTranslateProvider({ url: fake.url, apiKey: KEY, timeoutMs: 10_000 });
    const err = await p.translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ code: 'FETCH_TOO_LARGE' });
  });

  it('the fake enforces the request contract like the real server (missing q → 400)', async () => {
    const res = await fetch(`${fake.url}${LIBRE_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'vi', target: 'en', api_key: KEY }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Invalid request: missing q parameter' });
  });
});
