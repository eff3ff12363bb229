/**
 * The near-duplicate index shared by all workers, in Redis. Candidates are found through MinHash
 * LSH bands (stories whose wording shares a band) and through the proper names a story mentions
 * (another outlet's rewrite keeps the names even where it rewords every sentence); only the most
 * frequent candidates are scored with the full similarity. Every key expires after a window:
 * near-duplicates are about the same news, days apart at most.
 */
import type { Redis } from 'ioredis';
import { defineScript, type ScriptCall } from '../shared/lua-script.js';
import { DUPLICATE_THRESHOLD, SIGNATURE_SIZE, similarity, type Fingerprint } from './normalize/fingerprint.js';
import type { DuplicateIndex, DuplicateMatch } from './normalize/duplicate-index.js';

const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
/** Names per story used as candidate keys: enough to catch rewrites, few enough to stay cheap. */
const MAX_NAME_KEYS = 8;
/**
 * Fingerprints scored per lookup, the most often co-occurring candidates first. Scoring means
 * fetching and parsing each one: on a busy day with many similar bulletins an uncapped list made
 * normalize's cost grow with the index (measured in docs/benchmarks.md), so it is kept small.
 */
const MAX_CANDIDATES = 8;

/*
 * Both scripts run where the sets are, so a lookup is one round trip instead of two dozen
 * SMEMBERS and an MGET, and an add is one call instead of fifty commands. Fingerprint keys are
 * derived inside the script from ARGV (a prefix): fine on one Redis, not on a cluster.
 *
 * FIND: KEYS = candidate keys; ARGV = excluded id, fingerprint key prefix, max candidates,
 * members sampled per key. Returns id, fingerprint JSON, id, fingerprint JSON, ...
 */
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
  local fp = redis.call('GET', ARGV[2] .. list[i][1])
  if fp then out[#out + 1] = list[i][1]; out[#out + 1] = fp end
end
return out
`;

/* ADD: KEYS[1] = fingerprint key, KEYS[2..] = candidate keys; ARGV = id, fingerprint JSON, window. */
const ADD_LUA = `
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
for i = 2, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[1])
  redis.call('EXPIRE', KEYS[i], ARGV[3])
end
return 1
`;

/** Members read per candidate key: a name in every story of the week must not flood the lookup. */
const SAMPLE_PER_KEY = 200;

export interface RedisDuplicateIndexOptions {
  prefix: string;
  /** How long a story stays findable (seconds); default 7 days. */
  windowSeconds?: number;
  threshold?: number;
}

/** A DuplicateIndex in Redis under `{prefix}:dup:*`. */
export class RedisDuplicateIndex implements DuplicateIndex {
  readonly #window: number;
  readonly #threshold: number;
  readonly #find: ScriptCall;
  readonly #add: ScriptCall;

  constructor(
    redis: Redis,
    private readonly opts: RedisDuplicateIndexOptions,
  ) {
    this.#window = opts.windowSeconds ?? 7 * 86_400;
    this.#threshold = opts.threshold ?? DUPLICATE_THRESHOLD;
    this.#find = defineScript(redis, 'wirepipeDuplicateFind', null, FIND_LUA);
    this.#add = defineScript(redis, 'wirepipeDuplicateAdd', null, ADD_LUA);
  }

  #candidateKeys(fp: Fingerprint): string[] {
    const p = `${this.opts.prefix}:dup`;
    const keys: string[] = [];
    for (let b = 0; b < BANDS; b++) keys.push(`${p}:b:${b}:${fp.minhash.slice(b * ROWS, (b + 1) * ROWS).join('.')}`);
    for (const name of fp.names.slice(0, MAX_NAME_KEYS)) keys.push(`${p}:n:${name}`);
    return keys;
  }

  #fpKey(id: string): string {
    return `${this.opts.prefix}:dup:fp:${id}`;
  }

  async findDuplicate(fp: Fingerprint, excludeId: string): Promise<DuplicateMatch | null> {
    const keys = this.#candidateKeys(fp);
    const found = (await this.#find(keys.length, ...keys, excludeId, this.#fpKey(''), MAX_CANDIDATES, SAMPLE_PER_KEY)) as string[];
    let best: DuplicateMatch | null = null;
    for (let i = 0; i + 1 < found.length; i += 2) {
      const score = similarity(fp, JSON.parse(found[i + 1] as string) as Fingerprint);
      if (score >= this.#threshold && (best === null || score > best.score)) best = { id: found[i] as string, score };
    }
    return best;
  }

  async add(id: string, fp: Fingerprint): Promise<void> {
    const keys = [this.#fpKey(id), ...this.#candidateKeys(fp)];
    await this.#add(keys.length, ...keys, id, JSON.stringify(fp), this.#window);
  }
}
