/** The Redis candidate lookup reads what tells stories apart and skips what every story shares. */
import { afterAll, describe, expect, it } from 'vitest';
import { CandidateIndex } from '../../src/workers/candidate-lookup.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

const redis = testRedis();
const prefix = uniquePrefix('candidates');
afterAll(async () => {
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});

function index(name: string): { index: CandidateIndex; key: (k: string) => string } {
  const p = `${prefix}:${name}`;
  return { index: new CandidateIndex(redis, `${p}:v:`, 3600), key: (k) => `${p}:k:${k}` };
}

describe('CandidateIndex', () => {
  it('ranks stories by how many of the keys they share and returns their stored values', async () => {
    const { index: ix, key } = index('rank');
    await ix.add('a', 'value-a', { sampled: [], selective: [key('tran-duc-quy'), key('ha-giang')] });
    await ix.add('b', 'value-b', { sampled: [], selective: [key('ha-giang')] });
    const found = await ix.find({ sampled: [], selective: [key('tran-duc-quy'), key('ha-giang')] }, 'new', 8);
    expect(found).toEqual([
      ['a', 'value-a'],
      ['b', 'value-b'],
    ]);
    expect(await ix.find({ sampled: [], selective: [key('ha-giang')] }, 'b', 8)).toEqual([['a', 'value-a']]);
  });

  it('skips a selective key shared by more than 64 stories, but still reads the rare ones', async () => {
    const { index: ix, key } = index('common');
    for (let i = 0; i < 65; i++) await ix.add(`s${i}`, `v${i}`, { sampled: [], selective: [key('viet-nam')] });
    await ix.add('rare', 'v-rare', { sampled: [], selective: [key('viet-nam'), key('sengphet-keomany')] });
    expect(await ix.find({ sampled: [], selective: [key('viet-nam')] }, 'new', 8)).toEqual([]);
    expect(await ix.find({ sampled: [], selective: [key('viet-nam'), key('sengphet-keomany')] }, 'new', 8)).toEqual([['rare', 'v-rare']]);
  });

  it('reads a large sampled key in part, never all of it, and still returns candidates', async () => {
    const { index: ix, key } = index('sampled');
    for (let i = 0; i < 100; i++) await ix.add(`b${i}`, `v${i}`, { sampled: [key('band-0')], selective: [] });
    const found = await ix.find({ sampled: [key('band-0')], selective: [] }, 'new', 100);
    expect(found.length).toBe(24);
    expect(new Set(found.map(([id]) => id)).size).toBe(24);
    for (const [id, value] of found) expect(value).toBe(`v${id.slice(1)}`);
  });

  it('expires the stored values and the sets after the window', async () => {
    const p = `${prefix}:short`;
    const ix = new CandidateIndex(redis, `${p}:v:`, 1);
    await ix.add('x', 'vx', { sampled: [`${p}:k:band`], selective: [`${p}:k:name`] });
    expect(await redis.ttl(`${p}:v:x`)).toBeGreaterThan(0);
    expect(await redis.ttl(`${p}:k:name`)).toBeGreaterThan(0);
    expect(await redis.ttl(`${p}:k:band`)).toBeGreaterThan(0);
  });
});
