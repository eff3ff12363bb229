/**
 * The shared shape of the near-duplicate and translation-link lookups in Redis: stories are listed
 * under the keys they share (LSH bands, names); a lookup counts, per story, how many of the new
 * story's keys it shares, and returns the stored values of the most frequent few. One Lua call
 * instead of a command per key, run where the lists are. Value keys are derived from a prefix
 * inside the script: fine on one Redis, not on a cluster.
 *
 * Each key is a sorted set scored by when the story was added, and a lookup reads only the newest
 * few members of each: a name found in hundreds of stories of the window ("Thủ tướng Phạm Minh
 * Chính") still leads to the stories of the last hours, which are the ones a copy or a translation
 * follows, and the work per lookup stays bounded however common a key is. (Reading 200 random
 * members of each key made the lookup Redis's biggest cost: 1.3 ms of Redis CPU per story.)
 */
import type { Redis } from 'ioredis';
import { defineScript, type ScriptCall } from '../shared/lua-script.js';

/* KEYS = candidate lists; ARGV = excluded id, value key prefix, max candidates, members read per list. */
const FIND_LUA = `
local counts = {}
local perKey = tonumber(ARGV[4])
for i = 1, #KEYS do
  for _, id in ipairs(redis.call('ZREVRANGE', KEYS[i], 0, perKey - 1)) do
    if id ~= ARGV[1] then counts[id] = (counts[id] or 0) + 1 end
  end
end
local list = {}
for id, n in pairs(counts) do list[#list + 1] = {id, n} end
table.sort(list, function(a, b) return a[2] > b[2] end)
local out = {}
for i = 1, math.min(#list, tonumber(ARGV[3])) do
  local value = redis.call('GET', ARGV[2] .. list[i][1])
  if value then out[#out + 1] = list[i][1]; out[#out + 1] = value end
end
return out
`;

/*
 * KEYS[1] = value key, KEYS[2..] = candidate lists; ARGV = id, value, window (seconds), now (ms).
 * Members older than the window leave each list as it grows, so a key used every day stays small.
 */
const ADD_LUA = `
local window = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
redis.call('SET', KEYS[1], ARGV[2], 'EX', window)
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], now, ARGV[1])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window * 1000)
  redis.call('EXPIRE', KEYS[i], window)
end
return 1
`;

/** Newest members read per key. */
const MEMBERS_PER_KEY = 16;

/** Candidate lookups over time-ordered lists in Redis, with values stored under `valuePrefix + id`. */
export class CandidateIndex {
  readonly #find: ScriptCall;
  readonly #add: ScriptCall;

  constructor(
    redis: Redis,
    private readonly valuePrefix: string,
    private readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#find = defineScript(redis, 'wirepipeCandidateFindRecent', null, FIND_LUA);
    this.#add = defineScript(redis, 'wirepipeCandidateAddRecent', null, ADD_LUA);
  }

  /** The `max` stories sharing most of `keys` among the newest of each (other than `excludeId`), with their stored values. */
  async find(keys: readonly string[], excludeId: string, max: number): Promise<[id: string, value: string][]> {
    if (keys.length === 0) return [];
    const flat = (await this.#find(keys.length, ...keys, excludeId, this.valuePrefix, max, MEMBERS_PER_KEY)) as string[];
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string]);
    return out;
  }

  /** Stores `value` for `id` and lists it, as of now, under `keys`; everything expires after the window. */
  async add(id: string, value: string, keys: readonly string[]): Promise<void> {
    await this.#add(keys.length + 1, this.valuePrefix + id, ...keys, id, value, this.windowSeconds, this.now());
  }
}
