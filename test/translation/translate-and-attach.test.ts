import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/shared/logger.js';
import { MemoryTranslationCache } from '../../src/translation/cache.js';
import { createLibreTranslateProvider } from '../../src/translation/libretranslate.js';
import { translateAndAttach } from '../../src/translation/translate-and-attach.js';
import { FakeTranslationServer, fakeTranslation, LIBRE_PATH } from './fake-translation-server.js';
import { loadArticleFixtures } from './fixtures.js';

const NOW = new Date('2026-11-27T10:00:00.000Z');
const base = loadArticleFixtures().find((f) => f.file === 'no-byline-no-url.json')!.article;
let fake: FakeTranslationServer;

beforeAll(async () => {
  fake = await FakeTranslationServer.start();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.received.length = 0;
});

function opts(extra: { maxAttempts?: number } = {}) {
  return {
    provider: createLibreTranslateProvider({ url: fake.url, timeoutMs: 500 }),
    cache: new MemoryTranslationCache(),
    targets: ['en', 'fr'],
    now: () => NOW,
    log: silentLogger(),
    baseDelayMs: 1,
    followUpDelayMs: 30_000,
    ...extra,
  };
}

describe('translateAndAttach', () => {
  it('attaches every translation to the same version and plans no follow-up', async () => {
    const out = await translateAndAttach(base, opts());
    expect(out.article.version).toBe(base.version);
    expect(out.article.translations.map((t) => [t.lang, t.headline])).toEqual([
      ['en', fakeTranslation(base.headline, 'en')],
      ['fr', fakeTranslation(base.headline, 'fr')],
    ]);
    expect(out.followUp).toBeNull();
  });

  it('publishes with what it has and plans a follow-up for the target that failed', async () => {
    fake.enqueue(LIBRE_PATH, { status: 503, target: 'fr' }, { status: 503, target: 'fr' });
    const out = await translateAndAttach(base, opts({ maxAttempts: 2 }));
    expect(out.article.translations.map((t) => t.lang)).toEqual(['en']);
    expect(out.followUp).toEqual({ langs: ['fr'], delayMs: 30_000 });
  });

  it('returns the story untouched when the provider refuses everything', async () => {
    const out = await translateAndAttach(base, { ...opts(), targets: ['xh'] });
    expect(out.article).toBe(base);
    expect(out.followUp).toBeNull();
    expect(out.result.failed[0]).toMatchObject({ lang: 'xh', retryable: false });
  });
});
