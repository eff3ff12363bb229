/**
 * Published articles in Redis: the latest version of each story as JSON, and one sorted set per
 * feed (score = versionCreated, so an updated story moves to the top), trimmed to a fixed length.
 */
import type { Redis } from 'ioredis';
import { ArticleSchema, type Article } from '../shared/article.js';
import { feedsOf, type FeedId } from './feed-keys.js';
import { defineScript, type ScriptCall } from '../shared/lua-script.js';
import type { PublishedMark } from '../workers/stage.js';

/*
 * Stores a version only when it is newer than what is stored, so a retried or late job carrying
 * version 1 can never overwrite version 2 in the feeds. A version that changed section or
 * language leaves the feeds it no longer belongs to. What falls off the `all` feed (every story is
 * in it) leaves the store: the S3 archive keeps it, Redis need not.
 * The story registry's "published" mark, when given, is set last, whether this version was listed
 * or a newer one already was: set before a failure, it would make the retry drop the story.
 * KEYS: 1 article key, 2 change counter (feed caches compare it), 3 set of feed ids, 4 published
 * mark's hash ("" for none), 5.. feed keys, `all` first. ARGV: 1 version, 2 json, 3 score, 4 feed
 * length, 5 article id (the member), 6 feed key prefix, 7 article key prefix, 8 published mark's
 * field, 9.. feed ids (ARGV[i + 4] names KEYS[i]).
 */
const SAVE_LUA = `
local function markPublished()
  if KEYS[4] ~= '' then redis.call('HSET', KEYS[4], ARGV[8], '1') end
end
local current = redis.call('HGET', KEYS[1], 'version')
if current and tonumber(current) > tonumber(ARGV[1]) then
  markPublished()
  return 0
end
local ids = {}
local wanted = {}
for i = 5, #KEYS do
  ids[#ids + 1] = ARGV[i + 4]
  wanted[ARGV[i + 4]] = true
end
local before = redis.call('HGET', KEYS[1], 'feeds')
if before then
  for feed in string.gmatch(before, '[^\\n]+') do
    if not wanted[feed] then redis.call('ZREM', ARGV[6] .. feed, ARGV[5]) end
  end
end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'json', ARGV[2], 'feeds', table.concat(ids, '\\n'))
redis.call('INCR', KEYS[2])
local keep = tonumber(ARGV[4])
for i = 5, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[3], ARGV[5])
  redis.call('SADD', KEYS[3], ARGV[i + 4])
  local extra = redis.call('ZCARD', KEYS[i]) - keep
  if extra > 0 then
    if i == 5 then
      for _, gone in ipairs(redis.call('ZRANGE', KEYS[i], 0, extra - 1)) do redis.call('DEL', ARGV[7] .. gone) end
    end
    redis.call('ZREMRANGEBYRANK', KEYS[i], 0, extra - 1)
  end
end
markPublished()
return 1
`;

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

  #feedKey(feed: FeedId): string {
    return `${this.opts.prefix}:feed:${feed}`;
  }

  /**
   * Saves a version and lists it in its feeds; returns false when a newer version is already
   * stored. Sets `published` (in the same Redis) once done, in the same script.
   */
  async save(article: Article, published?: PublishedMark): Promise<boolean> {
    // feedsOf puts `all` first, which the script relies on.
    const feeds = [...new Set([...feedsOf(article), ...(this.opts.extraFeeds?.(article) ?? [])])];
    const feedKeys = feeds.map((f) => this.#feedKey(f));
    const saved = await this.#saveScript(
      4 + feedKeys.length,
      this.#articleKey(article.id),
      this.#changesKey(),
      this.#feedIdsKey(),
      published?.key ?? '',
      ...feedKeys,
      String(article.version),
      JSON.stringify(article),
      String(Date.parse(article.versionCreated)),
      String(this.opts.feedLength),
      article.id,
      this.#feedKey(''),
      this.#articleKey(''),
      published?.field ?? '',
      ...feeds,
    );
    return saved === 1;
  }

  /** The newest `limit` articles of a feed, newest first. */
  async list(feed: FeedId, limit: number): Promise<Article[]> {
    const ids = await this.redis.zrevrange(this.#feedKey(feed), 0, limit - 1);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(this.#articleKey(id), 'json');
    const results = (await pipeline.exec()) ?? [];
    const articles: Article[] = [];
    for (const [err, json] of results) {
      if (err || typeof json !== 'string') continue; // trimmed between the two reads: skip it
      // Validated on the way out too: the feed server must never render a malformed entry.
      const parsed = ArticleSchema.safeParse(JSON.parse(json));
      if (parsed.success) articles.push(parsed.data);
    }
    return articles;
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
