import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/shared/logger.js';
import { MemoryTranslationCache, type TranslationCache } from '../../src/translation/cache.js';
import { createDeepLProvider } from '../../src/translation/deepl.js';
import { createLibreTranslateProvider } from '../../src/translation/libretranslate.js';
import type { TranslationProvider } from '../../src/translation/provider.js';
import { translateArticle, type TranslateArticleOptions } from '../../src/translation/translate-article.js';
import { DEEPL_PATH, FakeTranslationServer, fakeTranslation, LIBRE_PATH } from './fake-translation-server.js';
import { loadArticleFixtures } from './fixtures.js';

const NOW = new Date('2026-11-27T10:00:00.000Z');
const fixtures = loadArticleFixtures();
const hagiang = fixtures.find((f) => f.file === 'vi-hagiang.json')!.article;

let fake: FakeTranslationServer;
let libre: TranslationProvider;
let deepl: TranslationProvider;

beforeAll(async () => {
  fake = await FakeTranslationServer.start({ deeplKeys: ['dk'] });
  libre = createLibreTranslateProvider({ url: fake.url, timeoutMs: 500 });
  deepl = createDeepLProvider({ url: fake.url, authKey: 'dk', timeoutMs: 500 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.received.length = 0;
});

/** Options with recorded (not waited) sleeps and jitter pinned to its low end. */
function options(extra: Partial<TranslateArticleOptions> = {}): TranslateArticleOptions & { delays: number[] } {
  const delays: number[] = [];
  return {
    provider: libre,
    cache: new MemoryTranslationCache(),
    targets: ['en', 'fr'],
    now: () => NOW,
    log: silentLogger(),
    baseDelayMs: 100,
    random: () => 0,
    sleep: async (ms) => {
      delays.push(ms);
    },
    delays,
    ...extra,
  };
}

describe('translateArticle', () => {
  it.each(fixtures)('translates $file into every target but its own language, one call per target', async ({ article }) => {
    const targets = ['vi', 'en', 'fr'];
    const result = await translateArticle(article, options({ targets }));
    const expectedTargets = targets.filter((t) => t !== article.language);
    expect(result.failed).toEqual([]);
    expect(result.translations.map((t) => t.lang)).toEqual(expectedTargets);
    for (const t of result.translations) {
      expect(t).toEqual({
        lang: t.lang,
        headline: fakeTranslation(article.headline, t.lang),
        lead: article.lead === null ? null : fakeTranslation(article.lead, t.lang),
        provider: 'libretranslate',
        machine: true,
        from: article.language,
        translatedAt: NOW.toISOString(),
      });
    }
    const calls = fake.calls(LIBRE_PATH);
    expect(calls).toHaveLength(expectedTargets.length);
    const sentTexts = article.lead === null ? [article.headline] : [article.headline, article.lead];
    for (const call of calls) expect((call.body as { q: string[] }).q).toEqual(sentTexts);
  });

  it('retries through a 500 and a 429 with backoff, honouring Retry-After, and succeeds', async () => {
    fake.enqueue(LIBRE_PATH, { status: 500 }, { status: 429, retryAfter: '1' });
    const opts = options({ targets: ['en'] });
    const result = await translateArticle(hagiang, opts);
    expect(result.failed).toEqual([]);
    expect(result.translations[0]?.headline).toBe(fakeTranslation(hagiang.headline, 'en'));
    expect(fake.calls(LIBRE_PATH)).toHaveLength(3);
    // Equal jitter at random()=0 is half the ceiling: 100·2⁰/2 = 50, then 100·2¹/2 = 100 < Retry-After 1 s.
    expect(opts.delays).toEqual([50, 1_000]);
  });

  it('waits out a real Retry-After before retrying (default sleep)', async () => {
    fake.enqueue(LIBRE_PATH, { status: 429, retryAfter: '1' });
    const started = performance.now();
    const result = await translateArticle(hagiang, { ...options({ targets: ['en'] }), sleep: undefined, random: () => 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(result.translations).toHaveLength(1);
    expect(fake.calls(LIBRE_PATH)).toHaveLength(2);
  });

  it('gives up on a target after maxAttempts and returns the other targets without throwing', async () => {
    fake.enqueue(LIBRE_PATH, ...Array.from({ length: 3 }, () => ({ status: 500, target: 'en' })));
    const opts = options({ maxAttempts: 3 });
    const result = await translateArticle(hagiang, opts);
    expect(result.translations.map((t) => t.lang)).toEqual(['fr']);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]).toMatchObject({ lang: 'en', retryable: true, attempts: 3, retryAfterMs: null, error: { code: 'FETCH_HTTP' } });
    expect(fake.calls(LIBRE_PATH).filter((c) => (c.body as { target: string }).target === 'en')).toHaveLength(3);
    expect(opts.delays).toEqual([50, 100]);
  });

  it('does not retry a permanent refusal', async () => {
    const badKey = createDeepLProvider({ url: fake.url, authKey: 'wrong', timeoutMs: 500 });
    const result = await translateArticle(hagiang, options({ provider: badKey, targets: ['en'] }));
    expect(result.translations).toEqual([]);
    expect(result.failed[0]).toMatchObject({ lang: 'en', retryable: false, attempts: 1, error: { details: { status: 403 } } });
    expect(fake.calls(DEEPL_PATH)).toHaveLength(1);
  });

  it('stops at once when a Retry-After would overrun the budget, reporting the wait for a follow-up', async () => {
    fake.enqueue(LIBRE_PATH, { status: 429, retryAfter: '120' });
    const opts = options({ targets: ['en'], budgetMs: 3_000 });
    const result = await translateArticle(hagiang, opts);
    expect(result.failed[0]).toMatchObject({ lang: 'en', retryable: true, retryAfterMs: 120_000, attempts: 1 });
    expect(opts.delays).toEqual([]);
    expect(fake.calls(LIBRE_PATH)).toHaveLength(1);
  });

  it('gives up on timeouts without holding the story longer than the attempts allow', async () => {
    fake.enqueue(LIBRE_PATH, { delayMs: 10_000 }, { delayMs: 10_000 });
    const slow = createLibreTranslateProvider({ url: fake.url, timeoutMs: 50 });
    const started = performance.now();
    const result = await translateArticle(hagiang, options({ provider: slow, targets: ['en'], maxAttempts: 2 }));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.failed[0]).toMatchObject({ lang: 'en', error: { code: 'FETCH_TIMEOUT' }, attempts: 2 });
  });

  it('serves a repeat from the cache without a second provider call', async () => {
    const cache = new MemoryTranslationCache();
    const first = await translateArticle(hagiang, options({ cache }));
    expect(fake.calls(LIBRE_PATH)).toHaveLength(2);
    const second = await translateArticle(hagiang, options({ cache }));
    expect(fake.calls(LIBRE_PATH)).toHaveLength(2);
    expect(second.translations).toEqual(first.translations);
  });

  it('sends only the parts the cache lacks, still in one call', async () => {
    const cache = new MemoryTranslationCache();
    await translateArticle(hagiang, options({ cache, targets: ['en'] }));
    const corrected = { ...hagiang, lead: `${hagiang.lead ?? ''} (sửa)` };
    const result = await translateArticle(corrected, options({ cache, targets: ['en'] }));
    const calls = fake.calls(LIBRE_PATH);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toMatchObject({ q: [corrected.lead] });
    expect(result.translations[0]).toMatchObject({
      headline: fakeTranslation(hagiang.headline, 'en'),
      lead: fakeTranslation(corrected.lead, 'en'),
    });
  });

  it('does not share cache entries between providers', async () => {
    const cache = new MemoryTranslationCache();
    await translateArticle(hagiang, options({ cache, provider: libre, targets: ['en'] }));
    const viaDeepl = await translateArticle(hagiang, options({ cache, provider: deepl, targets: ['en'] }));
    expect(fake.calls(LIBRE_PATH)).toHaveLength(1);
    expect(fake.calls(DEEPL_PATH)).toHaveLength(1);
    expect(viaDeepl.translations[0]).toMatchObject({ provider: 'deepl', headline: fakeTranslation(hagiang.headline, 'EN-GB') });
  });

  it('does not serve DeepL EN-GB translations from the cache once EN-US is configured', async () => {
    const cache = new MemoryTranslationCache();
    await translateArticle(hagiang, options({ cache, provider: deepl, targets: ['en'] }));
    const us = createDeepLProvider({ url: fake.url, authKey: 'dk', englishVariant: 'EN-US' });
    const result = await translateArticle(hagiang, options({ cache, provider: us, targets: ['en'] }));
    expect(fake.calls(DEEPL_PATH)).toHaveLength(2);
    expect(result.translations[0]?.headline).toBe(fakeTranslation(hagiang.headline, 'EN-US'));
  });

  it('keeps translating when the cache is down', async () => {
    const broken: TranslationCache = {
      getMany: () => Promise.reject(new Error('ECONNREFUSED')),
      setMany: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const result = await translateArticle(hagiang, options({ cache: broken, targets: ['en'] }));
    expect(result.translations).toHaveLength(1);
    expect(result.failed).toEqual([]);
  });

  it('does not wait on a cache that never answers (a Redis client queueing through an outage)', async () => {
    const hanging: TranslationCache = { getMany: () => new Promise(() => {}), setMany: () => new Promise(() => {}) };
    const started = performance.now();
    const result = await translateArticle(hagiang, options({ cache: hanging, targets: ['en'], cacheTimeoutMs: 50 }));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.translations).toHaveLength(1);
  });

  it('aborts a call still in flight when the budget runs out', async () => {
    fake.enqueue(LIBRE_PATH, { delayMs: 20_000 });
    const patient = createLibreTranslateProvider({ url: fake.url, timeoutMs: 15_000 });
    const started = performance.now();
    const result = await translateArticle(hagiang, options({ provider: patient, targets: ['en'], budgetMs: 200 }));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.failed[0]).toMatchObject({ lang: 'en', retryable: true, attempts: 1, error: { code: 'FETCH_TIMEOUT' } });
  });

  it('logs nothing at info and above when all goes well, one warn per failed target, none for an unsupported pair', async () => {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as { level: number; msg: string });
        done();
      },
    });
    const log = pino({ level: 'info' }, sink);
    await translateArticle(hagiang, options({ log }));
    expect(lines).toEqual([]);
    fake.enqueue(LIBRE_PATH, { status: 500, target: 'en' });
    await translateArticle(hagiang, options({ log, maxAttempts: 1 }));
    await translateArticle(hagiang, options({ log, provider: deepl, targets: ['km'] }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[40, 'translation failed; story continues without it']]);
  });

  it('reports every target failed, without calling, when the language is undetermined', async () => {
    const result = await translateArticle({ ...hagiang, language: 'und' }, options());
    expect(result.translations).toEqual([]);
    expect(result.failed.map((f) => [f.lang, f.retryable])).toEqual([['en', false], ['fr', false]]);
    expect(fake.received).toHaveLength(0);
  });

  it('treats targets case-insensitively and skips region variants of the own language', async () => {
    const result = await translateArticle(hagiang, options({ targets: ['EN', 'en', 'vi-VN', 'fr'] }));
    expect(result.translations.map((t) => t.lang)).toEqual(['EN', 'fr']);
    expect(fake.calls(LIBRE_PATH)).toHaveLength(2);
  });
});
