/**
 * Translations cached by content: the key is sha256(provider|from|to|text), so the same headline
 * re-sent, or shared by two stories, costs one provider call per provider and language pair.
 */
import type { Redis } from 'ioredis';
import { sha256Hex } from '../shared/ids.js';

/** Thirty days: long enough for corrections and re-sends, short enough to pick up better models. */
export const TRANSLATION_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface TranslationCache {
  /** The cached translation for each key, null where there is none; same order as `keys`. */
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  /** Stores each [key, translation] with the cache's TTL. */
  setMany(entries: ReadonlyArray<readonly [string, string]>): Promise<void>;
}

/** The cache key of one text: hex sha256 of `provider|from|to|text` (text NFC-normalized). */
export function translationCacheKey(provider: string, from: string, to: string, text: string): string {
  return sha256Hex(`${provider}|${from.toLowerCase()}|${to.toLowerCase()}|${text.normalize('NFC')}`);
}

/** A Redis-backed cache: `${prefix}:translation:<hash>` string keys with a TTL; MGET to read. */
export class RedisTranslationCache implements TranslationCache {
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    opts: { ttlSeconds?: number } = {},
  ) {
    this.ttlSeconds = opts.ttlSeconds ?? TRANSLATION_TTL_SECONDS;
  }

  /** The Redis key for a cache key (exposed for operators and tests). */
  redisKey(key: string): string {
    return `${this.prefix}:translation:${key}`;
  }

  async getMany(keys: readonly string[]): Promise<(string | null)[]> {
    if (keys.length === 0) return [];
    return this.redis.mget(...keys.map((k) => this.redisKey(k)));
  }

  async setMany(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [key, value] of entries) pipeline.set(this.redisKey(key), value, 'EX', this.ttlSeconds);
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err !== null);
    if (failed?.[0]) throw failed[0];
  }
}

/** An in-process cache with the same TTL semantics and a size bound (oldest entries go first). */
export class MemoryTranslationCache implements TranslationCache {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(opts: { ttlSeconds?: number; maxEntries?: number; now?: () => number } = {}) {
    this.ttlMs = (opts.ttlSeconds ?? TRANSLATION_TTL_SECONDS) * 1000;
    this.maxEntries = opts.maxEntries ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async getMany(keys: readonly string[]): Promise<(string | null)[]> {
    const now = this.now();
    return keys.map((key) => {
      const hit = this.entries.get(key);
      if (hit === undefined) return null;
      if (hit.expiresAt <= now) {
        this.entries.delete(key);
        return null;
      }
      return hit.value;
    });
  }

  async setMany(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    const expiresAt = this.now() + this.ttlMs;
    for (const [key, value] of entries) {
      // Re-inserting moves the key to the end of the Map's order, so eviction stays oldest-first.
      this.entries.delete(key);
      this.entries.set(key, { value, expiresAt });
      if (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
    }
  }
}
