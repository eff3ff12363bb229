/**
 * The shared shape of the near-duplicate and translation-link lookups in Redis: stories are listed
 * in sets by the keys they share (LSH bands, names); a lookup counts, per story, how many of the
 * new story's keys it shares, and returns the stored values of the most frequent few. One Lua
 * call instead of a command per key, run where the sets are. Value keys are derived from a
 * prefix inside the script: fine on one Redis, not on a cluster.
 */
import type { Redis } from 'ioredis';
import { defineScript, type ScriptCall } from '../shared/lua-script.js';

/*
 * KEYS = candidate sets, the sampled ones first; ARGV = excluded id, value key prefix, max
 * candidates, members read per sampled set, how many leading KEYS are sampled, the size above
 * which any other set is skipped.
 */
const FIND_LUA = `
local sampled = tonumber(ARGV[5])
local perKey = tonumber(ARGV[4])
local common = tonumber(ARGV[6])
local counts = {}
for i = 1, #KEYS do
  local size = redis.call('SCARD', KEYS[i])
  local members = nil
  if size == 0 then
    members = nil
  elseif i <= sampled and size > perKey then
    members = redis.call('SRANDMEMBER', KEYS[i], perKey)
  elseif i <= sampled or size <= common then
    members = redis.call('SMEMBERS', KEYS[i])
  end
  if members then
    for _, id in ipairs(members) do
      if id ~= ARGV[1] then counts[id] = (counts[id] or 0) + 1 end
    end
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

/**
 * Members read per sampled set. Sampled sets are those whose members resemble each other by
 * construction (an LSH band: every member shares that stretch of wording), so a few stand for all.
 * Reading 200 per set made the lookup Redis's biggest cost (1.3 ms of Redis CPU per story).
 */
const SAMPLE_PER_KEY = 24;
/**
 * A set larger than this is skipped, unless sampled: a name found in that many stories of the
 * window ("Hà Nội", "Việt Nam") tells no story apart, and reading it costs as much as all the others.
 */
const COMMON_KEY_SIZE = 64;

/** Which keys of a lookup are sampled and which are skipped when common (see FIND_LUA). */
export interface CandidateKeys {
  /** Sets whose members resemble each other (LSH bands): a random few are read when large. */
  sampled: readonly string[];
  /** Sets of stories sharing a feature (a name): read whole when small, skipped when common. */
  selective: readonly string[];
}

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
  async find(keys: CandidateKeys, excludeId: string, max: number): Promise<[id: string, value: string][]> {
    const all = [...keys.sampled, ...keys.selective];
    if (all.length === 0) return [];
    const flat = (await this.#find(all.length, ...all, excludeId, this.valuePrefix, max, SAMPLE_PER_KEY, keys.sampled.length, COMMON_KEY_SIZE)) as string[];
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string]);
    return out;
  }

  /** Stores `value` for `id` and lists it under `keys`, all expiring after the window. */
  async add(id: string, value: string, keys: CandidateKeys): Promise<void> {
    await this.#add(keys.sampled.length + keys.selective.length + 1, this.valuePrefix + id, ...keys.sampled, ...keys.selective, id, value, this.windowSeconds);
  }
}
