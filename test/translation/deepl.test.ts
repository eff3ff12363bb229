import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PermanentError, RateLimitedError, RetryableError } from '../../src/shared/errors.js';
import { createDeepLProvider, defaultDeepLUrl } from '../../src/translation/deepl.js';
import { DEEPL_PATH, FakeTranslationServer, fakeTranslation } from './fake-translation-server.js';
import { loadArticleFixtures } from './fixtures.js';

const KEY = '279a2e9d-83b3-c416-7e2d-f721593e42a0:fx';
let fake: FakeTranslationServer;

beforeAll(async () => {
  fake = await FakeTranslationServer.start({ deeplKeys: [KEY, 'small-quota'] });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.received.length = 0;
});

const provider = (extra: Partial<Parameters<typeof createDeepLProvider>[0]> = {}) =>
  createDeepLProvider({ url: fake.url, authKey: KEY, timeoutMs: 1_000, ...extra });

describe('DeepL provider against the contract fake', () => {
  it.each(loadArticleFixtures())('sends $file as one request with the auth header and maps answers in order', async ({ article }) => {
    const texts = article.lead === null ? [article.headline] : [article.headline, article.lead];
    const target = article.language === 'en' ? 'fr' : 'en';
    const out = await provider().translate({ texts, from: article.language, to: target });
    const deeplTarget = target === 'en' ? 'EN-GB' : 'FR';
    expect(out).toEqual(texts.map((t) => fakeTranslation(t, deeplTarget)));
    expect(fake.calls(DEEPL_PATH)).toHaveLength(1);
    const [sent] = fake.calls(DEEPL_PATH);
    expect(sent?.headers['authorization']).toBe(`DeepL-Auth-Key ${KEY}`);
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.body).toEqual({ text: texts, source_lang: article.language.toUpperCase(), target_lang: deeplTarget });
  });

  it.each([
    ['en', {}, 'EN-GB'],
    ['en', { englishVariant: 'EN-US' as const }, 'EN-US'],
    ['en-US', {}, 'EN-US'],
    ['fr', {}, 'FR'],
    ['pt', {}, 'PT-PT'],
    ['pt-BR', {}, 'PT-BR'],
    ['zh', {}, 'ZH-HANS'],
  ])('maps target %s (%o) to %s', async (to, extra, expected) => {
    await provider(extra).translate({ texts: ['Xin chào'], from: 'vi', to });
    expect(fake.calls(DEEPL_PATH)[0]?.body).toMatchObject({ source_lang: 'VI', target_lang: expected });
  });

  it('sends Vietnamese as source VI (DeepL lists VI as a source language)', async () => {
    const out = await provider().translate({ texts: ['Hà Nội'], from: 'vi-VN', to: 'fr' });
    expect(out).toEqual([fakeTranslation('Hà Nội', 'FR')]);
    expect(fake.calls(DEEPL_PATH)[0]?.body).toMatchObject({ source_lang: 'VI' });
  });

  it('refuses a language DeepL lacks before sending anything', async () => {
    const err = await provider().translate({ texts: ['a'], from: 'km', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ code: 'TRANSLATION_UNSUPPORTED', details: { reason: 'unsupported_language', role: 'source', lang: 'km' } });
    const target = await provider().translate({ texts: ['a'], from: 'vi', to: 'lo' }).catch((e: unknown) => e);
    expect(target).toMatchObject({ details: { reason: 'unsupported_language', role: 'target' } });
    expect(fake.calls(DEEPL_PATH)).toHaveLength(0);
  });

  it('splits more than 50 texts into requests of at most 50, answers in order', async () => {
    const texts = Array.from({ length: 120 }, (_, i) => `câu ${i}`);
    const out = await provider().translate({ texts, from: 'vi', to: 'en' });
    expect(out).toEqual(texts.map((t) => fakeTranslation(t, 'EN-GB')));
    expect(fake.calls(DEEPL_PATH).map((r) => (r.body as { text: string[] }).text.length)).toEqual([50, 50, 20]);
  });

  it('asks for HTML tag handling for html text, and model_type when configured', async () => {
    await provider({ modelType: 'quality_optimized' }).translate({ texts: ['<b>a</b>'], from: 'vi', to: 'en', format: 'html' });
    expect(fake.calls(DEEPL_PATH)[0]?.body).toMatchObject({ tag_handling: 'html', model_type: 'quality_optimized' });
  });

  it('maps a wrong key (403) to PermanentError', async () => {
    const err = await provider({ authKey: 'nope' }).translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ code: 'FETCH_HTTP', details: { status: 403 } });
  });

  it('maps 456 quota exceeded to PermanentError', async () => {
    const small = await FakeTranslationServer.start({ deeplKeys: ['k'], deeplQuotaChars: 10 });
    try {
      const p = createDeepLProvider({ url: small.url, authKey: 'k' });
      await expect(p.translate({ texts: ['12345'], from: 'vi', to: 'en' })).resolves.toHaveLength(1);
      const err = await p.translate({ texts: ['123456'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PermanentError);
      expect(err).toMatchObject({ details: { status: 456, serverMessage: 'Quota exceeded' } });
    } finally {
      await small.close();
    }
  });

  it('maps 429 with Retry-After to RateLimitedError', async () => {
    fake.enqueue(DEEPL_PATH, { status: 429, retryAfter: '3' });
    const err = await provider().translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err).toMatchObject({ retryAfterMs: 3_000, details: { serverMessage: 'Too many requests' } });
  });

  it('maps 503 with Retry-After to RateLimitedError and 500 to RetryableError', async () => {
    fake.enqueue(DEEPL_PATH, { status: 503, retryAfter: '2' }, { status: 500 });
    const first = await provider().translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RateLimitedError);
    const second = await provider().translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(RetryableError);
    expect(second).not.toBeInstanceOf(RateLimitedError);
    expect(second).toMatchObject({ details: { status: 500 } });
  });

  it('maps a slow answer to FETCH_TIMEOUT', async () => {
    fake.enqueue(DEEPL_PATH, { delayMs: 10_000 });
    const err = await provider({ timeoutMs: 100 }).translate({ texts: ['a'], from: 'vi', to: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).toMatchObject({ code: 'FETCH_TIMEOUT' });
  });

  it('the fake enforces the request contract like the real API (text not a list → 400)', async () => {
    const res = await fetch(`${fake.url}${DEEPL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `DeepL-Auth-Key ${KEY}` },
      body: JSON.stringify({ text: 'bare string', target_lang: 'EN-GB' }),
    });
    expect(res.status).toBe(400);
    const bad = await fetch(`${fake.url}${DEEPL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `DeepL-Auth-Key ${KEY}` },
      body: JSON.stringify({ text: ['a'], source_lang: 'EN-GB', target_lang: 'FR' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: "Value for 'source_lang' not supported." });
  });

  it('picks the Free endpoint for :fx keys and Pro otherwise', () => {
    expect(defaultDeepLUrl(KEY)).toBe('https://api-free.deepl.com');
    expect(defaultDeepLUrl('0000-pro-key')).toBe('https://api.deepl.com');
  });
});
