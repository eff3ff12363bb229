/** The stage links a story to the earlier one it translates through the shared index in Redis, in one round trip. */
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { StageContext } from '../../../src/workers/stage.js';
import { createTranslateTag } from '../../../src/workers/translate-tag/index.js';
import { RedisTranslationIndex } from '../../../src/workers/translation-links.js';
import { makeArticle } from '../../support/articles.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../../support/redis-prefix.js';

const redis = testRedis();
const prefix = uniquePrefix('tt-linking');
afterAll(async () => {
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});

const links = new RedisTranslationIndex(redis, prefix);
const ctx = {
  log: pino({ level: 'silent' }),
  now: () => new Date('2025-10-06T09:00:00Z'),
  stories: { recordVersion: async () => ({ version: 1, isNew: true, firstCreated: '2025-10-06T09:00:00Z' }), markPublished: async () => undefined },
  translationLinks: links,
} as StageContext;

const vi = makeArticle({
  id: 'vi-original',
  language: 'und',
  headline: 'Thủ tướng Phạm Minh Chính chủ trì phiên họp Chính phủ thường kỳ tháng 9',
  lead: 'Thủ tướng Phạm Minh Chính cho biết GDP quý III tăng 8,23%, xuất khẩu đạt 391,8 tỷ USD.',
  body: { text: 'Phát biểu tại phiên họp, Thủ tướng Phạm Minh Chính yêu cầu các bộ ngành đẩy mạnh giải ngân vốn đầu tư công trong những tháng cuối năm.', html: '' },
  dateline: { place: 'Hà Nội', date: '2025-10-06', agency: null, raw: null },
});
const en = makeArticle({
  id: 'en-translation',
  language: 'und',
  headline: 'Prime Minister Pham Minh Chinh chairs the regular September Government meeting',
  lead: 'Prime Minister Pham Minh Chinh said third-quarter GDP grew 8.23%, with exports reaching 391.8 billion USD.',
  body: { text: 'Speaking at the meeting, Prime Minister Pham Minh Chinh asked ministries to speed up the disbursement of public investment in the last months of the year.', html: '' },
  dateline: { place: 'Hanoi', date: '2025-10-06', agency: null, raw: null },
});

describe('translate-tag with the shared translation index', () => {
  const stage = createTranslateTag();

  it('links the later story to the earlier one in another language, and not the other way round', async () => {
    const original = await stage(vi, ctx);
    expect(original?.language).toBe('vi');
    expect(original?.translationOf).toBeNull();
    const translation = await stage(en, ctx);
    expect(translation?.language).toBe('en');
    expect(translation?.translationOf).toBe('vi-original');
    // Both are listed, each under its own id.
    expect(await redis.exists(`${prefix}:tl:p:vi-original`, `${prefix}:tl:p:en-translation`)).toBe(2);
  });

  it('keeps a link the story already carries, and still lists the story for later ones', async () => {
    const fr = makeArticle({ ...en, id: 'fr-linked', translationOf: 'set-by-source', headline: 'Le Premier ministre Pham Minh Chinh préside la réunion gouvernementale de septembre', lead: 'Le Premier ministre Pham Minh Chinh a indiqué que le PIB a progressé de 8,23 % au troisième trimestre.', body: { text: 'Le Premier ministre Pham Minh Chinh a demandé aux ministères d’accélérer le décaissement des investissements publics.', html: '' } });
    const out = await stage(fr, ctx);
    expect(out?.language).toBe('fr');
    expect(out?.translationOf).toBe('set-by-source');
    expect(await redis.exists(`${prefix}:tl:p:fr-linked`)).toBe(1);
  });
});
