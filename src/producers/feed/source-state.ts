/**
 * Per-source poll state (miniflux keeps the same per feed): validators for conditional requests,
 * an error counter with a limit, and when the next poll is due. Stored in memory or in Redis.
 */
import type { Redis } from 'ioredis';
import type { FetchValidators } from './fetch-feed.js';

export interface SourceState {
  /** ISO 8601 of the last attempt, null before the first. */
  lastFetch: string | null;
  lastSuccess: string | null;
  httpStatus: number | null;
  consecutiveErrors: number;
  itemsSeen: number;
  /** Set after too many consecutive failures; cleared by hand (CLI / HTTP). */
  paused: boolean;
  validators: FetchValidators | null;
  nextPollAt: string | null;
  lastError: { code: string; message: string } | null;
  /**
   * The feed's own <ttl> in seconds, as last parsed. Kept because a 304 carries no body to read
   * it from again, yet the publisher's request still stands.
   */
  ttlSeconds: number | null;
  /**
   * Cache-Control max-age in seconds from the last response that carried Cache-Control: a 304
   * without it leaves the stored one in force, as an HTTP cache would (RFC 9111 §4.3.4).
   */
  maxAgeSeconds: number | null;
}

export type SourceStatePatch = Partial<SourceState>;

export interface SourceStateStore {
  get(id: string): Promise<SourceState>;
  update(id: string, patch: SourceStatePatch): Promise<void>;
}

/** The state of a source never polled. */
export function initialSourceState(): SourceState {
  return {
    lastFetch: null,
    lastSuccess: null,
    httpStatus: null,
    consecutiveErrors: 0,
    itemsSeen: 0,
    paused: false,
    validators: null,
    nextPollAt: null,
    lastError: null,
    ttlSeconds: null,
    maxAgeSeconds: null,
  };
}

/** Source state in process memory: for tests, `wirepipe process` and single-run tools. */
export class MemorySourceStateStore implements SourceStateStore {
  readonly #states = new Map<string, SourceState>();

  async get(id: string): Promise<SourceState> {
    const s = this.#states.get(id);
    return s ? structuredClone(s) : initialSourceState();
  }

  async update(id: string, patch: SourceStatePatch): Promise<void> {
    const current = this.#states.get(id) ?? initialSourceState();
    this.#states.set(id, { ...current, ...structuredClone(patch) });
  }
}

const FIELDS = Object.keys(initialSourceState()) as (keyof SourceState)[];

/**
 * Source state in Redis: one hash per source at `${prefix}:${id}`, each field JSON-encoded so
 * nulls and nested validators survive; updates touch only the patched fields. A field missing
 * from the hash (a state stored before the field existed) reads as its initial value.
 */
export class RedisSourceStateStore implements SourceStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** The hash key holding a source's state. */
  key(id: string): string {
    return `${this.prefix}:${id}`;
  }

  async get(id: string): Promise<SourceState> {
    const raw = await this.redis.hgetall(this.key(id));
    const state = initialSourceState() as unknown as Record<string, unknown>;
    for (const f of FIELDS) {
      const v = raw[f];
      if (v === undefined) continue;
      try {
        state[f] = JSON.parse(v);
      } catch {
        // A hand-edited or foreign field: keep the default rather than fail the poll.
      }
    }
    return state as unknown as SourceState;
  }

  async update(id: string, patch: SourceStatePatch): Promise<void> {
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) fields[k] = JSON.stringify(v);
    if (Object.keys(fields).length > 0) await this.redis.hset(this.key(id), fields);
  }
}

/** The state change an operator's pause or resume makes; resuming clears the error streak so the next poll is not paused again at once. */
export function operatorPause(paused: boolean): SourceStatePatch {
  return paused ? { paused } : { paused, consecutiveErrors: 0, nextPollAt: null };
}
