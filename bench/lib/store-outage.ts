/**
 * A feed-store outage for chosen stories, made in Redis rather than in the code under test: each
 * story's article key is taken by a plain string, so the store's save script fails on its first
 * command (HGET → WRONGTYPE) before writing anything. The publish stage gets that Redis error from
 * the real ArticleStore as it would any store failure: a retryable error, so the job is retried
 * with backoff, exhausts its attempts and lands in the failed set and the dead letters. Lifting
 * the outage removes the placeholders; nothing else was touched.
 */
import type { Redis } from 'ioredis';

/** Marks a placeholder as the bench's, so lifting never removes a real article. */
const PLACEHOLDER = 'bench store outage: not an article';
/** Keys per MGET / UNLINK call. */
const CHUNK = 1000;

export interface StoreOutage {
  /** Removes the placeholders; throws if one was replaced meanwhile (then something wrote past the outage). */
  lift(): Promise<void>;
}

function articleKey(prefix: string, id: string): string {
  return `${prefix}:article:${id}`;
}

/** Blocks the feed store's writes of the stories with `ids` under `prefix` until `lift()`. */
export async function blockStoreWrites(redis: Redis, prefix: string, ids: readonly string[]): Promise<StoreOutage> {
  const keys = ids.map((id) => articleKey(prefix, id));
  const pipe = redis.pipeline();
  // NX: a story already published is not hidden by the outage (it would not be an outage of writes).
  for (const key of keys) pipe.set(key, PLACEHOLDER, 'NX');
  const replies = (await pipe.exec()) ?? [];
  const blocked = replies.filter(([err, ok]) => !err && ok === 'OK').length;
  if (blocked !== keys.length) throw new Error(`store outage: ${keys.length - blocked} of ${keys.length} article keys already existed`);
  return {
    async lift() {
      let replaced = 0;
      for (let i = 0; i < keys.length; i += CHUNK) {
        replaced += (await redis.mget(...keys.slice(i, i + CHUNK))).filter((v) => v !== PLACEHOLDER).length;
      }
      if (replaced > 0) throw new Error(`store outage: ${replaced} placeholder(s) replaced while the store was down`);
      for (let i = 0; i < keys.length; i += CHUNK) await redis.unlink(...keys.slice(i, i + CHUNK));
    },
  };
}
