/**
 * Story version registries: in memory (the `process` command, tests) and in Redis (the running
 * pipeline, shared by every worker process). Both keep, per story id, the version of every
 * content hash seen and which versions were published.
 */
import type { Redis } from 'ioredis';
import { defineScript, type ScriptCall } from '../shared/lua-script.js';
import type { PublishedMark, StoryStore, VersionDating, VersionDecision } from './stage.js';

interface StoryRecord {
  versionsByHash: Map<string, number>;
  latest: number;
  firstCreated: string;
  published: Set<number>;
  /** The source's time of the newest version, and of the version before each version. */
  lastDated: string | null;
  previousDated: Map<number, string>;
  /** Contents already brought back once by a revert. */
  revived: Set<string>;
}

/**
 * Whether content known as `known` comes back as current: the source dates it after the newest
 * version, and it was not brought back before. (A feed that alternates between two texts and dates
 * each rendering "now" would otherwise make a new version of every poll: it gets at most one
 * revert per text.)
 */
function isRevert(story: StoryRecord, contentHash: string, known: number, dating: VersionDating | undefined): boolean {
  return (
    dating !== undefined &&
    dating.sourceUpdated &&
    known < story.latest &&
    story.lastDated !== null &&
    Date.parse(dating.dated) > Date.parse(story.lastDated) &&
    !story.revived.has(contentHash)
  );
}

/** A StoryStore held in this process only. */
export class MemoryStoryStore implements StoryStore {
  readonly #stories = new Map<string, StoryRecord>();

  async recordVersion(id: string, contentHash: string, at: string, dating?: VersionDating): Promise<VersionDecision> {
    let story = this.#stories.get(id);
    if (!story) {
      story = { versionsByHash: new Map(), latest: 0, firstCreated: at, published: new Set(), lastDated: null, previousDated: new Map(), revived: new Set() };
      this.#stories.set(id, story);
    }
    const known = story.versionsByHash.get(contentHash);
    if (known !== undefined && !isRevert(story, contentHash, known, dating)) {
      return withPrevious({ version: known, isNew: !story.published.has(known), firstCreated: story.firstCreated }, story.previousDated.get(known));
    }
    if (known !== undefined) story.revived.add(contentHash);
    const previous = story.lastDated;
    story.latest += 1;
    story.versionsByHash.set(contentHash, story.latest);
    if (dating) {
      if (previous !== null) story.previousDated.set(story.latest, previous);
      story.lastDated = dating.dated;
    }
    return withPrevious({ version: story.latest, isNew: true, firstCreated: story.firstCreated }, dating ? (previous ?? undefined) : undefined);
  }

  async markPublished(id: string, version: number): Promise<void> {
    this.#stories.get(id)?.published.add(version);
  }
}

function withPrevious(decision: VersionDecision, previousDated: string | undefined): VersionDecision {
  return previousDated === undefined ? decision : { ...decision, previousDated };
}

/*
 * One atomic script so two workers seeing the same story at once can never hand out the same
 * version number twice. Hash fields: `latest`, `firstCreated`, `h:<contentHash>` → version,
 * `p:<version>` → 1 once published; with dating, `lastDated` / `lastDatedMs` (the source's time
 * of the newest version) and `prev:<version>` (that of the version before it), kept per version so
 * a retried job gets the same answer. ARGV: content hash, first created, then (or '') the source's
 * time of this content, the same in ms, '1' when it is the source's own `updated`.
 * Content known as an older version that the source dates after the newest one is a revert (an
 * editor took a correction back): it gets a new version, once per content (`r:<contentHash>`), so
 * a feed alternating between two texts it dates "now" cannot make a version of every poll.
 */
const RECORD_VERSION_LUA = `
local known = redis.call('HGET', KEYS[1], 'h:' .. ARGV[1])
local dated = ARGV[3]
if known then
  local lastMs = tonumber(redis.call('HGET', KEYS[1], 'lastDatedMs') or '')
  local revert = dated ~= '' and ARGV[5] == '1' and lastMs ~= nil and tonumber(known) < tonumber(redis.call('HGET', KEYS[1], 'latest')) and tonumber(ARGV[4]) > lastMs
    and redis.call('HEXISTS', KEYS[1], 'r:' .. ARGV[1]) == 0
  if revert then
    redis.call('HSET', KEYS[1], 'r:' .. ARGV[1], '1')
  else
    local published = redis.call('HEXISTS', KEYS[1], 'p:' .. known)
    return {tonumber(known), 1 - published, redis.call('HGET', KEYS[1], 'firstCreated'), redis.call('HGET', KEYS[1], 'prev:' .. known) or false}
  end
end
local previous = redis.call('HGET', KEYS[1], 'lastDated')
local n = redis.call('HINCRBY', KEYS[1], 'latest', 1)
if n == 1 then redis.call('HSET', KEYS[1], 'firstCreated', ARGV[2]) end
redis.call('HSET', KEYS[1], 'h:' .. ARGV[1], n)
if dated ~= '' then
  if previous then redis.call('HSET', KEYS[1], 'prev:' .. n, previous) end
  redis.call('HSET', KEYS[1], 'lastDated', dated, 'lastDatedMs', ARGV[4])
else
  previous = false
end
return {n, 1, redis.call('HGET', KEYS[1], 'firstCreated'), previous or false}
`;

/*
 * Puts back what the archive knows of a story after Redis lost it: `latest` only ever grows, so
 * the next edit gets a version the archive does not hold yet, and the content hash of the newest
 * version that could be read is known again under that version, so an unchanged re-send is
 * dropped. ARGV: latest, firstCreated, content hash ('' when no version could be read), the
 * version that hash belongs to, then the published versions.
 */
const RESTORE_LUA = `
local current = tonumber(redis.call('HGET', KEYS[1], 'latest') or '0')
if current < tonumber(ARGV[1]) then redis.call('HSET', KEYS[1], 'latest', ARGV[1]) end
redis.call('HSETNX', KEYS[1], 'firstCreated', ARGV[2])
if ARGV[3] ~= '' then redis.call('HSETNX', KEYS[1], 'h:' .. ARGV[3], ARGV[4]) end
for i = 5, #ARGV do redis.call('HSET', KEYS[1], 'p:' .. ARGV[i], '1') end
return 1
`;

/** The content hash of one archived version, as read back from its snapshot. */
export interface KnownContent {
  version: number;
  contentHash: string;
}

/** A StoryStore in Redis under `{prefix}:story:{id}`, shared by all workers. */
export class RedisStoryStore implements StoryStore {
  readonly #recordVersion: ScriptCall;
  readonly #restore: ScriptCall;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.#recordVersion = defineScript(redis, 'wirepipeRecordVersion', 1, RECORD_VERSION_LUA);
    this.#restore = defineScript(redis, 'wirepipeRestoreStory', 1, RESTORE_LUA);
  }

  /**
   * Records archived versions of a story (see RESTORE_LUA). Every version number counts, readable
   * or not, so no archived version is ever handed out again. Only one content hash is restored,
   * the newest readable version's (reading every version would cost a request each): a re-send
   * of another version's content becomes a new version, never an overwrite.
   */
  async restore(id: string, firstCreated: string, versions: readonly number[], known: KnownContent | null): Promise<void> {
    if (versions.length === 0) return;
    await this.#restore(this.#key(id), String(Math.max(...versions)), firstCreated, known?.contentHash ?? '', String(known?.version ?? 0), ...versions.map(String));
  }

  #key(id: string): string {
    return `${this.prefix}:story:${id}`;
  }

  async recordVersion(id: string, contentHash: string, at: string, dating?: VersionDating): Promise<VersionDecision> {
    const datedMs = dating ? Date.parse(dating.dated) : Number.NaN;
    const args = dating && Number.isFinite(datedMs) ? [dating.dated, String(datedMs), dating.sourceUpdated ? '1' : '0'] : ['', '', '0'];
    const [version, isNew, firstCreated, previousDated] = (await this.#recordVersion(this.#key(id), contentHash, at, ...args)) as [number, number, string, string | null];
    return withPrevious({ version, isNew: isNew === 1, firstCreated }, previousDated ?? undefined);
  }

  async markPublished(id: string, version: number): Promise<void> {
    const { key, field } = this.publishedMark(id, version);
    await this.redis.hset(key, field, '1');
  }

  publishedMark(id: string, version: number): PublishedMark {
    return { key: this.#key(id), field: `p:${version}` };
  }
}
