/** The Redis candidate lookup reads the newest stories under each key, however common the key. */
import { afterAll, describe, expect, it } from 'vitest';
import { CandidateIndex, MEMBERS_PER_KEY } from '../../src/workers/candidate-lookup.js';
import { linkPrint, MemoryTranslationIndex, RedisTranslationIndex } from '../../src/workers/translation-links.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

const redis = testRedis();
const prefix = uniquePrefix('candidates');
afterAll(async () => {
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});

/** An index under its own prefix with a clock the test moves. */
function index(name: string, windowSeconds = 3600) {
  const p = `${prefix}:${name}`;
  const clock = { now: 1_700_000_000_000 };
  return { ix: new CandidateIndex(redis, `${p}:v:`, windowSeconds, () => clock.now), key: (k: string) => `${p}:k:${k}`, clock };
}

describe('CandidateIndex', () => {
  it('ranks stories by how many of the keys they share and returns their stored values', async () => {
    const { ix, key } = index('rank');
    await ix.add('a', 'value-a', [key('tran-duc-quy'), key('ha-giang')]);
    await ix.add('b', 'value-b', [key('ha-giang')]);
    expect(await ix.find([key('tran-duc-quy'), key('ha-giang')], 'new', 8)).toEqual([
      ['a', 'value-a'],
      ['b', 'value-b'],
    ]);
    expect(await ix.find([key('ha-giang')], 'b', 8)).toEqual([['a', 'value-a']]);
  });

  it('reads only the newest 16 stories of a common key, so the recent one is found and the work stays bounded', async () => {
    const { ix, key, clock } = index('common');
    for (let i = 0; i < 100; i++) {
      clock.now += 1000;
      await ix.add(`s${i}`, `v${i}`, [key('viet-nam')]);
    }
    const found = await ix.find([key('viet-nam')], 'new', 100);
    expect(found.map(([id]) => id).sort()).toEqual(Array.from({ length: MEMBERS_PER_KEY }, (_, i) => `s${100 - MEMBERS_PER_KEY + i}`).sort());
  });

  it('ignores members older than the window, and keys live one window past their last use', async () => {
    const { ix, key, clock } = index('window', 10);
    await ix.add('old', 'v-old', [key('ha-noi')]);
    clock.now += 11_000;
    await ix.add('new', 'v-new', [key('ha-noi')]);
    expect(await ix.find([key('ha-noi')], 'x', 8)).toEqual([['new', 'v-new']]);
    expect(await ix.findThenAdd('newer', 'v-newer', [key('ha-noi')], 8)).toEqual([['new', 'v-new']]);
    expect(await redis.ttl(key('ha-noi'))).toBeGreaterThan(0);
    expect(await redis.ttl(`${prefix}:window:v:new`)).toBeGreaterThan(0);
  });

  it('cuts a list that keeps being used to about the newest members a lookup reads', async () => {
    const { ix, key, clock } = index('bounded');
    for (let i = 0; i < 200; i++) {
      clock.now += 1; // a ms apart: the cut happens on about one add in four
      await ix.add(`s${i}`, `v${i}`, [key('viet-nam')]);
    }
    const size = await redis.zcard(key('viet-nam'));
    expect(size).toBeGreaterThanOrEqual(MEMBERS_PER_KEY);
    expect(size).toBeLessThanOrEqual(MEMBERS_PER_KEY + 3);
    const found = await ix.find([key('viet-nam')], 'new', 100);
    expect(found.map(([id]) => id).sort()).toEqual(Array.from({ length: MEMBERS_PER_KEY }, (_, i) => `s${200 - MEMBERS_PER_KEY + i}`).sort());
  });

  it('finds, then adds, in one call: the earlier stories and never the story itself', async () => {
    const { ix, key } = index('find-then-add');
    expect(await ix.findThenAdd('a', 'value-a', [key('tran-duc-quy'), key('ha-giang')], 8)).toEqual([]);
    expect(await ix.findThenAdd('b', 'value-b', [key('ha-giang')], 8)).toEqual([['a', 'value-a']]);
    // A retried story finds the others, not itself.
    expect(await ix.findThenAdd('a', 'value-a', [key('tran-duc-quy'), key('ha-giang')], 8)).toEqual([['b', 'value-b']]);
    // max 0: added, nothing looked up.
    expect(await ix.findThenAdd('c', 'value-c', [key('ha-giang')], 0)).toEqual([]);
    expect((await ix.find([key('ha-giang')], 'x', 8)).map(([id]) => id).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('translation links through a name every story of the day shares', () => {
  it('still finds the original when 100 other stories of the window name the same Prime Minister', async () => {
    const p = `${prefix}-tl`;
    const shared = new RedisTranslationIndex(redis, p);
    const memory = new MemoryTranslationIndex();
    const art = (headline: string, body: string, date: string | null) => ({ headline, lead: null, body: { text: body, html: '' }, dateline: { place: null, date, agency: null, raw: null } });
    for (let i = 0; i < 100; i++) {
      const other = linkPrint(art(`Thủ tướng Phạm Minh Chính làm việc với tỉnh số ${i + 100}`, `Thủ tướng Phạm Minh Chính đề nghị tỉnh giải ngân ${i + 200} tỷ đồng.`, null), 'vi');
      await shared.add(`other-${i}`, other);
      await memory.add(`other-${i}`, other);
    }
    const vi = linkPrint(art('Thủ tướng Phạm Minh Chính chủ trì phiên họp Chính phủ thường kỳ', 'Thủ tướng Phạm Minh Chính cho biết GDP quý III tăng 8,23%, xuất khẩu đạt 391,8 tỷ USD.', '2025-10-06'), 'vi');
    await shared.add('vi-original', vi);
    await memory.add('vi-original', vi);
    const en = linkPrint(art('PM Pham Minh Chinh chairs regular Government meeting', 'Prime Minister Pham Minh Chinh said third-quarter GDP grew 8.23%, with exports at 391.8 billion USD.', '2025-10-06'), 'en');
    expect((await memory.findOriginal(en, 'en-1'))?.id).toBe('vi-original');
    expect((await shared.findOriginal(en, 'en-1'))?.id).toBe('vi-original');
    await cleanupPrefix(redis, p);
  });
});
