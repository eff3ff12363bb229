/**
 * Published articles in Redis: the latest version of each story as JSON, and one sorted set per
 * feed (score = versionCreated, so an updated story moves to the top), trimmed to a fixed length.
 */
import type { Redis } from 'ioredis';
import { ArticleSchema, type Article } from '../shared/article.js';
import { feedsOf, type FeedId } from './feed-keys.js';
import { defineScript, type ScriptCall } from '../shared/lua-script.js';

/*
 * Stores a version only when it is newer than what is stored, so a retried or late job carrying
 * version 1 can never overwrite version 2 in the feeds. KEYS[1] = article key, KEYS[2] = the
 * store's change counter (feed caches compare it), KEYS[3..] = feed keys; ARGV = version, json,
 * score, feed length, article id (the member).
 */
const SAVE_LUA = `
local current = redis.call('HGET', KEYS[1], 'version')
if current and tonumber(current) > tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'json', ARGV[2])
local keep = tonumber(ARGV[4])
redis.call('INCR', KEYS[2])
for i = 3, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[3], ARGV[5])
  local extra = redis.call('ZCARD', KEYS[i]) - keep
  if extra > 0 then redis.call('ZREMRANGEBYRANK', KEYS[i], 0, extra - 1) end
end
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

  /** Saves a version and lists it in its feeds; returns false when a newer version is already stored. */
  async save(article: Article): Promise<boolean> {
    const feeds = new Set([...feedsOf(article), ...(this.opts.extraFeeds?.(article) ?? [])]);
    const feedKeys = [...feeds].map((f) => this.#feedKey(f));
    const saved = await this.#saveScript(
      2 + feedKeys.length,
      this.#articleKey(article.id),
      this.#changesKey(),
      ...feedKeys,
      String(article.version),
      JSON.stringify(article),
      String(Date.parse(article.versionCreated)),
      String(this.opts.feedLength),
      article.id,
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

  /** Feeds that currently have entries, for the index page. */
  async feeds(): Promise<FeedId[]> {
    const prefix = this.#feedKey('');
    const found: FeedId[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) found.push(key.slice(prefix.length));
    } while (cursor !== '0');
    return found.sort();
  }
}
