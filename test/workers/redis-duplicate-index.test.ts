/** The shared near-duplicate index finds what the in-memory one finds, across processes, with expiry. */
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/workers/normalize/fingerprint.js';
import { InMemoryDuplicateIndex } from '../../src/workers/normalize/duplicate-index.js';
import { RedisDuplicateIndex } from '../../src/workers/redis-duplicate-index.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

const redis = testRedis();
const prefix = uniquePrefix('dup-index');
afterAll(async () => {
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});

function story(headline: string, body: string, date: string) {
  return fingerprint({ headline, lead: null, body: { text: body }, dateline: { date } });
}

const original = story(
  'Bão số 5 đổ bộ vào Quảng Trị, hơn 12.000 hộ dân được sơ tán',
  'Chiều 26/11, bão số 5 đã đổ bộ vào tỉnh Quảng Trị với sức gió mạnh cấp 11. Ông Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh Quảng Trị, cho biết hơn 12.000 hộ dân đã được sơ tán đến nơi an toàn. Lực lượng cứu hộ đã cứu 37 ngư dân gặp nạn ngoài khơi.',
  '2026-11-26',
);
// Another outlet's copy: the agency's sentences with its own opening and closing.
const rewrite = story(
  'Bão số 5 vào Quảng Trị: hơn 12.000 hộ dân đã được sơ tán',
  'Theo tin từ TTXVN, chiều 26/11, bão số 5 đã đổ bộ vào tỉnh Quảng Trị với sức gió mạnh cấp 11. Ông Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh Quảng Trị, cho biết hơn 12.000 hộ dân đã được sơ tán đến nơi an toàn. Lực lượng cứu hộ đã cứu 37 ngư dân gặp nạn ngoài khơi. Báo sẽ tiếp tục cập nhật.',
  '2026-11-26',
);
const unrelated = story(
  'Giá cà phê xuất khẩu tăng mạnh trong tháng 11',
  'Giá cà phê Robusta xuất khẩu của Việt Nam tăng 8% so với tháng trước, theo Hiệp hội Cà phê Ca cao Việt Nam. Đắk Lắk dẫn đầu về sản lượng.',
  '2026-11-26',
);

describe('Redis duplicate index', () => {
  it('finds a rewrite of a stored story, like the in-memory index does, and nothing for an unrelated one', async () => {
    const shared = new RedisDuplicateIndex(redis, { prefix });
    const memory = new InMemoryDuplicateIndex();
    for (const index of [shared, memory]) {
      await index.add('vna-1', original);
      await index.add('other-7', unrelated);
    }
    const expected = await memory.findDuplicate(rewrite, 'rewrite-1');
    const found = await shared.findDuplicate(rewrite, 'rewrite-1');
    expect(found).toEqual(expected);
    expect(found?.id).toBe('vna-1');
    expect(found!.score).toBeGreaterThanOrEqual(0.45);

    // Another worker process sees the same index.
    const elsewhere = new RedisDuplicateIndex(testRedis(), { prefix });
    expect((await elsewhere.findDuplicate(original, 'copy'))?.id).toBe('vna-1');
    expect(await shared.findDuplicate(original, 'vna-1')).toBeNull();
  });

  it('forgets stories after the window', async () => {
    const p = `${prefix}-short`;
    const index = new RedisDuplicateIndex(redis, { prefix: p, windowSeconds: 1 });
    await index.add('vna-2', original);
    expect((await index.findDuplicate(original, 'x'))?.id).toBe('vna-2');
    await new Promise((r) => setTimeout(r, 1200));
    expect(await index.findDuplicate(original, 'x')).toBeNull();
    await cleanupPrefix(redis, p);
  });
});

describe('Redis duplicate index on the labeled pairs', () => {
  it('finds every duplicate pair the in-memory index finds, and no others', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const { RawItemSchema } = await import('../../src/shared/raw-item.js');
    const { readRawItem } = await import('../../src/workers/normalize/index.js');
    const root = new URL('../fixtures/wire/pairs/', import.meta.url).pathname;
    const fpOf = (dir: string, side: { file: string; published: string }) => {
      const path = resolve(dir, side.file);
      const raw = RawItemSchema.parse({ sourceId: 'p', format: 'wire-text', identity: path, content: readFileSync(path, 'utf8'), published: side.published, receivedAt: side.published });
      const n = readRawItem(raw);
      return fingerprint({ headline: n.headline, lead: n.lead, body: { text: n.bodyText }, dateline: n.parts.dateline });
    };
    let pairs = 0;
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      const spec = JSON.parse(readFileSync(join(dir, 'pair.json'), 'utf8'));
      const a = fpOf(dir, spec.a);
      const b = fpOf(dir, spec.b);
      const p = `${prefix}-pair-${name}`;
      const shared = new RedisDuplicateIndex(redis, { prefix: p });
      const memory = new InMemoryDuplicateIndex();
      await shared.add('a', a);
      await memory.add('a', a);
      const expected = await memory.findDuplicate(b, 'b');
      expect((await shared.findDuplicate(b, 'b'))?.id ?? null, name).toBe(expected?.id ?? null);
      expect(expected !== null, name).toBe(spec.label === 'duplicate');
      await cleanupPrefix(redis, p);
      pairs++;
    }
    expect(pairs).toBeGreaterThanOrEqual(30);
  });
});
