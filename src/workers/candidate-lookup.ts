/**
 * The shared shape of the near-duplicate and translation-link lookups in Redis: stories are listed
 * in sets by the keys they share (LSH bands, names); a lookup counts, per story, how many of the
 * new story's keys it shares, and returns the stored values of the most frequent few. One Lua
 * call instead of a command per key, run where the sets are. Value keys are derived from a
 * prefix inside the script: fine on one Redis, not on a cluster.
 */
import type { Redis } from 'ioredis';
import { defineScript, type ScriptCall } from '../shared/lua-script.js';

/* KEYS = candidate sets; ARGV = excluded id, value key prefix, max candidates, members read per set. */
const FIND_LUA = `
local counts = {}
for i = 1, #KEYS do
  for _, id in ipairs(redis.call('SRANDMEMBER', KEYS[i], tonumber(ARGV[4]))) do
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

/* KEYS[1] = value key, KEYS[2..] = candidate sets; ARGV = id, value, window (seconds). */
const ADD_LUA = `
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
for i = 2, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[1])
  redis.call('EXPIRE', KEYS[i], ARGV[3])
end
return 1
`;

/** Members read per candidate set: a name in every story of the week must not flood the lookup. */
const SAMPLE_PER_KEY = 200;

/** Candidate lookups over sets in Redis, with values stored under `valuePrefix + id`. */
export class CandidateIndex {
  readonly #find: ScriptCall;
  readonly #add: ScriptCall;

  constructor(
    redis: Redis,
    private readonly valuePrefix: string,
    private readonly windowSeconds: number,
  ) {
    this.#find = defineScript(redis, 'wirepipeCandidateFind', null, FIND_LUA);
    this.#add = defineScript(redis, 'wirepipeCandidateAdd', null, ADD_LUA);
  }

  /** The `max` stories sharing most of `keys` (other than `excludeId`), with their stored values. */
  async find(keys: string[], excludeId: string, max: number): Promise<[id: string, value: string][]> {
    if (keys.length === 0) return [];
    const flat = (await this.#find(keys.length, ...keys, excludeId, this.valuePrefix, max, SAMPLE_PER_KEY)) as string[];
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string]);
    return out;
  }

  /** Stores `value` for `id` and lists it under `keys`, all expiring after the window. */
  async add(id: string, value: string, keys: string[]): Promise<void> {
    await this.#add(keys.length + 1, this.valuePrefix + id, ...keys, id, value, this.windowSeconds);
  }
}
