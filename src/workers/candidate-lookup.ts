/**
 * The shared shape of the near-duplicate and translation-link lookups in Redis: stories are listed
 * under the keys they share (LSH bands, names); a lookup counts, per story, how many of the new
 * story's keys it shares, and returns the stored values of the most frequent few. One Lua call
 * instead of a command per key, run where the lists are. Value keys are derived from a prefix
 * inside the script: fine on one Redis, not on a cluster.
 *
 * Each key is a sorted set scored by when the story was added, and a lookup reads only the newest
 * few members of each that are inside the window: a name found in hundreds of stories of the
 * window ("Thủ tướng Phạm Minh Chính") still leads to the stories of the last hours, which are the
 * ones a copy or a translation follows, and the work per lookup stays bounded however common a key
 * is. (Reading 200 random members of each key made the lookup Redis's biggest cost: 1.3 ms of
 * Redis CPU per story.) Since nothing past the newest few is ever read, a list is cut to them from
 * time to time, which also bounds its memory.
 */
import type { Redis } from 'ioredis';
import { defineScript, type ScriptCall } from '../shared/lua-script.js';

/*
 * Counts, over KEYS[first..], the members of each list's newest `perKey` inside the window (other
 * than `id`), and returns {id, value, id, value, …} for the `max` most frequent, most frequent
 * first, into `out`. Expects locals: first, id, max, perKey, oldest, valuePrefix, out.
 */
const COUNT_AND_FETCH = `
local counts = {}
local most = 0
for i = first, #KEYS do
  for _, other in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[i], '+inf', oldest, 'LIMIT', 0, perKey)) do
    if other ~= id then
      local n = (counts[other] or 0) + 1
      counts[other] = n
      if n > most then most = n end
    end
  end
end
-- Most frequent first, by buckets of equal counts: no comparator calls, which made a sort the
-- script's largest cost. Order within a count is arbitrary, as it was with the sort.
local byCount = {}
for other, n in pairs(counts) do
  local bucket = byCount[n]
  if bucket then bucket[#bucket + 1] = other else byCount[n] = {other} end
end
for n = most, 1, -1 do
  local bucket = byCount[n]
  if bucket then
    for _, other in ipairs(bucket) do
      if #out >= 2 * max then break end
      local value = redis.call('GET', valuePrefix .. other)
      if value then out[#out + 1] = other; out[#out + 1] = value end
    end
  end
  if #out >= 2 * max then break end
end
`;

/*
 * Stores the value under KEYS[1] and lists `id` as of `now` under KEYS[2..]. Every key lives one
 * window past its last use. Lists are cut to their newest `perKey` members on about one add in
 * four (`now` in ms as the die: nothing past them is ever read, and trimming on every add was a
 * fifth of the script's Redis calls). Expects locals: id, value, window, now, perKey.
 */
const ADD = `
redis.call('SET', KEYS[1], value, 'EX', window)
local trim = now % 4 == 0
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], now, id)
  redis.call('EXPIRE', KEYS[i], window)
  if trim then redis.call('ZREMRANGEBYRANK', KEYS[i], 0, -perKey - 1) end
end
`;

/* KEYS = candidate lists; ARGV = excluded id, value key prefix, max candidates, members read per list, oldest score (ms). */
const FIND_LUA = `
local first, id, valuePrefix, max, perKey, oldest = 1, ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5]
local out = {}
${COUNT_AND_FETCH}
return out
`;

/*
 * KEYS[1] = value key, KEYS[2..] = candidate lists. ARGV = id, value, window (s), now (ms), value
 * key prefix, max candidates (0: add only), members read per list. The lookup runs before the add,
 * so it sees the stories listed before this one.
 */
const FIND_THEN_ADD_LUA = `
local id, value, window, now = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local first, valuePrefix, max, perKey = 2, ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7])
local oldest = now - window * 1000
local out = {}
if max > 0 then
${COUNT_AND_FETCH}
end
${ADD}
return out
`;

/** Newest members read per key. */
export const MEMBERS_PER_KEY = 16;

/** Candidate lookups over time-ordered lists in Redis, with values stored under `valuePrefix + id`. */
export class CandidateIndex {
  readonly #find: ScriptCall;
  readonly #findThenAdd: ScriptCall;

  constructor(
    redis: Redis,
    private readonly valuePrefix: string,
    private readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#find = defineScript(redis, 'wirepipeCandidateFindInWindow', null, FIND_LUA);
    this.#findThenAdd = defineScript(redis, 'wirepipeCandidateFindThenAdd', null, FIND_THEN_ADD_LUA);
  }

  /** The `max` stories sharing most of `keys` among the newest of each (other than `excludeId`), with their stored values. */
  async find(keys: readonly string[], excludeId: string, max: number): Promise<[id: string, value: string][]> {
    if (keys.length === 0) return [];
    const oldest = this.now() - this.windowSeconds * 1000;
    return pairs(await this.#find(keys.length, ...keys, excludeId, this.valuePrefix, max, MEMBERS_PER_KEY, oldest));
  }

  /** Stores `value` for `id` and lists it, as of now, under `keys`; everything expires after the window. */
  async add(id: string, value: string, keys: readonly string[]): Promise<void> {
    await this.findThenAdd(id, value, keys, 0);
  }

  /**
   * `find(keys, id, max)` then `add(id, value, keys)` in one call: the keys travel once and Redis
   * runs one script instead of two. With `max` 0 it only adds.
   */
  async findThenAdd(id: string, value: string, keys: readonly string[], max: number): Promise<[id: string, value: string][]> {
    const reply = await this.#findThenAdd(keys.length + 1, this.valuePrefix + id, ...keys, id, value, this.windowSeconds, this.now(), this.valuePrefix, max, MEMBERS_PER_KEY);
    return pairs(reply);
  }
}

function pairs(reply: unknown): [string, string][] {
  const flat = reply as string[];
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string]);
  return out;
}
