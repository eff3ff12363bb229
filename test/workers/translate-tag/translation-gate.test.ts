/**
 * What translate-tag sends to the translation provider (a third party, here LibreTranslate's HTTP
 * contract served by a local fake): never copy under embargo or withheld. An embargoed story gets
 * a follow-up for the moment its embargo lifts; a withheld one none.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/shared/article.js';
import { silentLogger } from '../../../src/shared/logger.js';
import type { FollowUpPlan } from '../../../src/translation/attach.js';
import { MemoryTranslationCache } from '../../../src/translation/cache.js';
import { createLibreTranslateProvider } from '../../../src/translation/libretranslate.js';
import { createTranslateTag } from '../../../src/workers/translate-tag/index.js';
import type { StageContext } from '../../../src/workers/stage.js';
import { MemoryStoryStore } from '../../../src/workers/story-store.js';
import { makeArticle } from '../../support/articles.js';
import { FakeTranslationServer } from '../../translation/fake-translation-server.js';

const NOW = new Date('2026-11-28T08:00:00.000Z');
let fake: FakeTranslationServer;
beforeAll(async () => {
  fake = await FakeTranslationServer.start();
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.received.length = 0;
});

async function run(over: Partial<Article>): Promise<{ article: Article; followUps: FollowUpPlan[] }> {
  const followUps: FollowUpPlan[] = [];
  const ctx: StageContext = {
    log: silentLogger(),
    now: () => NOW,
    stories: new MemoryStoryStore(),
    translation: {
      provider: createLibreTranslateProvider({ url: fake.url, timeoutMs: 500 }),
      cache: new MemoryTranslationCache(),
      targets: ['en', 'fr'],
      scheduleFollowUp: async (_a, plan) => {
        followUps.push(plan);
      },
    },
  };
  const base = makeArticle({ language: 'vi', headline: 'Thủ tướng sẽ công bố gói kích thích kinh tế', lead: 'Chính phủ sẽ công bố gói hỗ trợ vào ngày mai.', body: { text: 'Chính phủ sẽ công bố gói hỗ trợ doanh nghiệp vào ngày mai tại Hà Nội.', html: '' } });
  const article = (await createTranslateTag()({ ...base, ...over }, ctx))!;
  return { article, followUps };
}

describe('translation of embargoed and withheld copy', () => {
  it('sends nothing under embargo, and plans a follow-up for when it lifts', async () => {
    const { article, followUps } = await run({ embargoedUntil: '2026-11-28T10:00:00.000Z' });
    expect(fake.received).toEqual([]);
    expect(article.translations).toEqual([]);
    expect(followUps).toEqual([{ langs: ['en', 'fr'], delayMs: 2 * 3600_000 }]);
  });

  it('sends nothing for withheld or canceled copy, and plans nothing', async () => {
    for (const pubStatus of ['withheld', 'canceled'] as const) {
      const { article, followUps } = await run({ pubStatus });
      expect(fake.received).toEqual([]);
      expect(article.translations).toEqual([]);
      expect(followUps).toEqual([]);
    }
  });

  it('translates usable copy whose embargo has lifted', async () => {
    const { article } = await run({ embargoedUntil: '2026-11-28T07:00:00.000Z' });
    expect(fake.received.length).toBeGreaterThan(0);
    expect(article.translations.map((t) => t.lang).sort()).toEqual(['en', 'fr']);
  });
});
