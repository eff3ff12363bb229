/**
 * What the ingest sink remembers of each source's items: per identity, the fingerprint of the
 * content last queued and how many different contents were queued (`{prefix}:seen:{sourceId}`,
 * a hash), and when it last changed (`{prefix}:seen-at:{sourceId}`, a sorted set, so that
 * entries untouched for the retention period can be forgotten: a feed's window moves on, and
 * without that the hash would grow with every item ever polled).
 *
 * Forgetting an item that is still in its feed costs one redundant job: the sink queues it
 * again, and the story store drops the unchanged re-send.
 */
import type { Redis } from 'ioredis';
import { defineScript, type ScriptCall } from './lua-script.js';

/** What was last queued for an identity. */
export interface SeenEntry {
  fingerprint: string;
  /** How many different contents of this identity were queued so far (1 for the first). */
  sends: number;
}

/**
 * Removes up to ARGV[2] entries that last changed before ARGV[1] (ms), from both keys at once,
 * so an entry refreshed meanwhile by another process is never half-removed.
 * KEYS: the hash, the sorted set.
 */
const TRIM_LUA = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
if #ids > 0 then
  redis.call('HDEL', KEYS[1], unpack(ids))
  redis.call('ZREM', KEYS[2], unpack(ids))
end
return #ids
`;

/** Entries removed per trim call: bounds how long one trim holds Redis. */
const TRIM_BATCH = 1_000;
/** A source's old entries are looked for at most this often per process. */
const TRIM_EVERY_MS = 60_000;

/** Reads `fingerprint` or `fingerprint sends` (entries written before sends were counted have no count). */
export function parseSeenEntry(value: string | null): SeenEntry | null {
  if (value === null) return null;
  const space = value.indexOf(' ');
  if (space < 0) return { fingerprint: value, sends: 1 };
  const sends = Number(value.slice(space + 1));
  return { fingerprint: value.slice(0, space), sends: Number.isSafeInteger(sends) && sends >= 1 ? sends : 1 };
}

export class SeenItems {
  readonly #trimScript: ScriptCall;
  /** When each source was last trimmed by this process. */
  readonly #lastTrim = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly opts: { prefix: string; retentionMs: number; now?: () => number },
  ) {
    this.#trimScript = defineScript(redis, 'wirepipeTrimSeen', 2, TRIM_LUA);
  }

  #hashKey(sourceId: string): string {
    return `${this.opts.prefix}:seen:${sourceId}`;
  }

  #timesKey(sourceId: string): string {
    return `${this.opts.prefix}:seen-at:${sourceId}`;
  }

  #now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** The last queued entry of each item (null when none), in order. */
  async lookup(items: readonly { sourceId: string; identity: string }[]): Promise<(SeenEntry | null)[]> {
    const values = await Promise.all(items.map((it) => this.redis.hget(this.#hashKey(it.sourceId), it.identity)));
    return values.map(parseSeenEntry);
  }

  /** Records what was just queued (call it only once the queue has the jobs). */
  async remember(entries: readonly { sourceId: string; identity: string; entry: SeenEntry }[]): Promise<void> {
    if (entries.length === 0) return;
    const now = this.#now();
    const pipeline = this.redis.pipeline();
    for (const { sourceId, identity, entry } of entries) {
      pipeline.hset(this.#hashKey(sourceId), identity, `${entry.fingerprint} ${entry.sends}`);
      pipeline.zadd(this.#timesKey(sourceId), now, identity);
    }
    const results = (await pipeline.exec()) ?? [];
    for (const [err] of results) if (err) throw err;
  }

  /**
   * Forgets the entries of `sourceIds` that have not changed for the retention period, at most
   * once a minute per source; returns how many went.
   */
  async trim(sourceIds: Iterable<string>): Promise<number> {
    const now = this.#now();
    let removed = 0;
    for (const sourceId of new Set(sourceIds)) {
      if (now - (this.#lastTrim.get(sourceId) ?? Number.NEGATIVE_INFINITY) < TRIM_EVERY_MS) continue;
      this.#lastTrim.set(sourceId, now);
      await this.#dateUndatedEntries(sourceId, now);
      const cutoff = now - this.opts.retentionMs;
      for (;;) {
        const n = Number(await this.#trimScript(this.#hashKey(sourceId), this.#timesKey(sourceId), cutoff, TRIM_BATCH));
        removed += n;
        if (n < TRIM_BATCH) break;
      }
    }
    return removed;
  }

  #datedKey(sourceId: string): string {
    return `${this.opts.prefix}:seen-dated:${sourceId}`;
  }

  /**
   * Entries written before changes were dated are only in the hash: once per source, they are
   * dated `now` (never over a date they have), so they too go after the retention period.
   */
  async #dateUndatedEntries(sourceId: string, now: number): Promise<void> {
    if ((await this.redis.exists(this.#datedKey(sourceId))) === 1) return;
    let cursor = '0';
    do {
      const [next, fields] = await this.redis.hscan(this.#hashKey(sourceId), cursor, 'COUNT', TRIM_BATCH);
      cursor = next;
      const identities = fields.filter((_, i) => i % 2 === 0);
      if (identities.length > 0) await this.redis.zadd(this.#timesKey(sourceId), 'NX', ...identities.flatMap((id) => [now, id]));
    } while (cursor !== '0');
    await this.redis.set(this.#datedKey(sourceId), '1');
  }
}
