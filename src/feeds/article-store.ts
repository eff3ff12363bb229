/**
 * Published articles in Redis: the latest version of each story as JSON, and one sorted set per
 * feed (score = the time the story takes its place: its version's time, or the end of its embargo
 * when later, so an updated story moves to the top), each trimmed to a fixed length.
 */
import type { Redis } from 'ioredis';
import { ArticleSchema, type Article } from '../shared/article.js';
import { feedsOf, type FeedId } from './feed-keys.js';
import { defineScript, type ScriptCall } from '../shared/lua-script.js';
import type { PublishedMark } from '../workers/stage.js';

/*
 * Stores a version only when it is newer than what is stored, so a retried or late job carrying
 * version 1 can never overwrite version 2 in the feeds (versions are compared, never scores). A
 * version that changed section or language leaves the feeds it no longer belongs to. What falls
 * off a feed leaves that feed; the article itself leaves the store only once no feed lists it (the
 * S3 archive keeps it, Redis need not), so a quiet section keeps its stories however busy `all`
 * is, and Redis holds at most feed length × feeds articles. The hash's `feeds` field is the list of
 * feeds that still list it. Each feed whose entries changed gets the time of the change (Redis'
 * clock, one for every publisher), for Last-Modified.
 * The story registry's "published" mark, when given, is set last, whether this version was listed
 * or a newer one already was: set before a failure, it would make the retry drop the story.
 * KEYS: 1 article key, 2 change counter (feed caches compare it), 3 set of feed ids, 4 published
 * mark's hash ("" for none), 5 hash of change times per feed id, 6.. feed keys. ARGV: 1 version,
 * 2 json, 3 score, 4 feed length, 5 article id (the member), 6 feed key prefix, 7 article key
 * prefix, 8 published mark's field, 9.. feed ids (ARGV[i + 3] names KEYS[i]).
 */
const SAVE_LUA = `
local function markPublished()
  if KEYS[4] ~= '' then redis.call('HSET', KEYS[4], ARGV[8], '1') end
end
-- The feeds this save lists the article in.
local wanted = {}
-- Strikes a feed from the article's list of feeds; the article goes once no feed lists it. A feed
-- is kept in the list only while it really holds the article (stores written before the list was
-- kept up to date name feeds that trimmed the article long ago), or, for the article being saved,
-- while this save is still to add it there.
local function unlisted(id, feed)
  local key = ARGV[7] .. id
  local rest = {}
  for listed in string.gmatch(redis.call('HGET', key, 'feeds') or '', '[^\\n]+') do
    local held = (id == ARGV[5] and wanted[listed]) or redis.call('ZSCORE', ARGV[6] .. listed, id)
    if listed ~= feed and held then rest[#rest + 1] = listed end
  end
  if #rest == 0 then
    redis.call('DEL', key)
  else
    redis.call('HSET', key, 'feeds', table.concat(rest, '\\n'))
  end
end
local current = redis.call('HGET', KEYS[1], 'version')
if current and tonumber(current) > tonumber(ARGV[1]) then
  markPublished()
  return 0
end
local clock = redis.call('TIME')
local changedAt = clock[1] .. string.format('%03d', math.floor(tonumber(clock[2]) / 1000))
local ids = {}
for i = 6, #KEYS do
  ids[#ids + 1] = ARGV[i + 3]
  wanted[ARGV[i + 3]] = true
  redis.call('HSET', KEYS[5], ARGV[i + 3], changedAt)
end
local before = redis.call('HGET', KEYS[1], 'feeds')
if before then
  for feed in string.gmatch(before, '[^\\n]+') do
    if not wanted[feed] and redis.call('ZREM', ARGV[6] .. feed, ARGV[5]) == 1 then
      redis.call('HSET', KEYS[5], feed, changedAt)
    end
  end
end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'json', ARGV[2], 'feeds', table.concat(ids, '\\n'))
redis.call('INCR', KEYS[2])
local keep = tonumber(ARGV[4])
for i = 6, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[3], ARGV[5])
  redis.call('SADD', KEYS[3], ARGV[i + 3])
  local extra = redis.call('ZCARD', KEYS[i]) - keep
  if extra > 0 then
    local gone = redis.call('ZRANGE', KEYS[i], 0, extra - 1)
    redis.call('ZREMRANGEBYRANK', KEYS[i], 0, extra - 1)
    for _, id in ipairs(gone) do unlisted(id, ARGV[i + 3]) end
  end
end
markPublished()
return 1
`;

/**
 * When a version takes its place in the feeds: its creation time, or the end of its embargo when
 * that is later, so a story filed under embargo surfaces at the top the moment partners may see it.
 */
function listedAt(article: Article): number {
  const created = Date.parse(article.versionCreated);
  return article.embargoedUntil === null ? created : Math.max(created, Date.parse(article.embargoedUntil));
}

function underEmbargo(article: Article, at: number): boolean {
  return article.embargoedUntil !== null && Date.parse(article.embargoedUntil) > at;
}

export interface ArticleStoreOptions {
  prefix: string;
  /** Items kept per feed; older ones fall off (the S3 archive keeps everything). */
  feedLength: number;
  /** Feeds an article joins besides its own (a language feed showing its machine translation). */
  extraFeeds?: (article: Article) => FeedId[];
}

/** The published-article index the feed server reads. */
export class ArticleStore {
  readonly #saveScript: ScriptCall;

  constructor(
    private readonly redis: Redis,
    private readonly opts: ArticleStoreOptions,
  ) {
    this.#saveScript = defineScript(redis, 'wirepipeSaveArticle', null, SAVE_LUA);
  }

  #articleKey(id: string): string {
    return `${this.opts.prefix}:article:${id}`;
  }

  #feedIdsKey(): string {
    return `${this.opts.prefix}:feed-ids`;
  }

  #changesKey(): string {
    return `${this.opts.prefix}:feeds-changes`;
  }

  /** A counter that moves whenever any feed changes: cheap to read, so renderings can be cached. */
  async changes(): Promise<string> {
    return (await this.redis.get(this.#changesKey())) ?? '0';
  }

  #changeTimesKey(): string {
    return `${this.opts.prefix}:feed-change-times`;
  }

  /**
   * When a save last changed a feed's entries (ms by Redis' clock; null when none has since this
   * was recorded), read together with Redis' clock now, so both are on the same clock.
   */
  async changeTime(feed: FeedId): Promise<{ changedAt: number | null; clock: number }> {
    const replies = (await this.redis.pipeline().hget(this.#changeTimesKey(), feed).time().exec()) ?? [];
    const [changedAt, time] = replies.map(([err, value]) => {
      if (err) throw err;
      return value;
    }) as [string | null, [string, string]];
    const [seconds, micros] = time;
    return { changedAt: changedAt === null ? null : Number(changedAt), clock: Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) };
  }

  #feedKey(feed: FeedId): string {
    return `${this.opts.prefix}:feed:${feed}`;
  }

  /**
   * Saves a version and lists it in its feeds; returns false when a newer version is already
   * stored. Sets `published` (in the same Redis) once done, in the same script.
   */
  async save(article: Article, published?: PublishedMark): Promise<boolean> {
    const feeds = [...new Set([...feedsOf(article), ...(this.opts.extraFeeds?.(article) ?? [])])];
    const feedKeys = feeds.map((f) => this.#feedKey(f));
    const saved = await this.#saveScript(
      5 + feedKeys.length,
      this.#articleKey(article.id),
      this.#changesKey(),
      this.#feedIdsKey(),
      published?.key ?? '',
      this.#changeTimesKey(),
      ...feedKeys,
      String(article.version),
      JSON.stringify(article),
      String(listedAt(article)),
      String(this.opts.feedLength),
      article.id,
      this.#feedKey(''),
      this.#articleKey(''),
      published?.field ?? '',
      ...feeds,
    );
    return saved === 1;
  }

  /**
   * The newest `limit` articles of a feed at `now`, newest first, leaving out stories still under
   * embargo then. They wait above the rest (scored by the end of their embargo), so however many
   * there are they never take the places of the stories partners may see.
   */
  async list(feed: FeedId, limit: number, now: Date = new Date()): Promise<Article[]> {
    const key = this.#feedKey(feed);
    const at = now.getTime();
    // Scored after `now`: under embargo, or dated ahead by their source (those stay listed). Few,
    // and at most feedLength, so all of them are read.
    const ranges = await this.redis
      .pipeline()
      .zrevrangebyscore(key, '+inf', `(${at}`)
      .zrevrangebyscore(key, at, '-inf', 'LIMIT', 0, limit)
      .exec();
    const ids = (ranges ?? []).flatMap(([err, found]) => {
      if (err) throw err;
      return found as string[];
    });
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(this.#articleKey(id), 'json');
    const results = (await pipeline.exec()) ?? [];
    const articles: Article[] = [];
    for (const [err, json] of results) {
      if (err || typeof json !== 'string') continue; // trimmed between the two reads: skip it
      // Validated on the way out too: the feed server must never render a malformed entry.
      const parsed = ArticleSchema.safeParse(JSON.parse(json));
      if (parsed.success && !underEmbargo(parsed.data, at)) articles.push(parsed.data);
    }
    return articles.slice(0, limit);
  }

  /** The latest stored version of one story, or null. */
  async get(id: string): Promise<Article | null> {
    const json = await this.redis.hget(this.#articleKey(id), 'json');
    return json ? ArticleSchema.parse(JSON.parse(json)) : null;
  }

  /** Feeds that have had entries, for the index page (a set kept by save: no keyspace scan). */
  async feeds(): Promise<FeedId[]> {
    return (await this.redis.smembers(this.#feedIdsKey())).sort();
  }
}
