/**
 * One poll of one feed source: fetch (conditional) → parse → sink, then record the outcome so
 * the next poll is scheduled politely: the publisher's <ttl>, max-age and Retry-After are honoured,
 * failures back off exponentially with jitter, and a source failing too often is paused.
 */
import type { Logger } from 'pino';
import { describeError, RateLimitedError } from '../../shared/errors.js';
import type { RawItem } from '../../shared/raw-item.js';
import { MAX_INTERVAL_SECONDS, type Source } from '../../shared/sources.js';
import { fetchFeed, type FetchFeedOptions, type FetchResult } from './fetch-feed.js';
import { parseFeed } from './parse-feed.js';
import type { SourceStateStore } from './source-state.js';

export { MemorySourceStateStore, RedisSourceStateStore, initialSourceState } from './source-state.js';
export type { SourceState, SourceStatePatch, SourceStateStore } from './source-state.js';

export const DEFAULT_MAX_CONSECUTIVE_ERRORS = 10;

export type PollStatus = 'ok' | 'not-modified' | 'paused' | 'not-due' | 'disabled' | 'error';

export interface PollDeps {
  state: SourceStateStore;
  sink: (items: RawItem[]) => Promise<void>;
  log: Logger;
  now: () => Date;
  /** Pauses the source after this many failures in a row; default 10. */
  maxConsecutiveErrors?: number;
  /** Jitter source in [0, 1); injected so tests are deterministic. */
  random?: () => number;
  /** Replaces the HTTP fetch (tests, replays). */
  fetch?: (url: string, opts: FetchFeedOptions) => Promise<FetchResult>;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
}

/**
 * Delay before retrying after `errors` failures in a row: interval × 2^(errors−1), capped at a
 * day, with ±20 % jitter so many failing sources do not retry in lockstep.
 */
export function backoffMs(intervalSeconds: number, errors: number, random: () => number): number {
  const base = Math.min(intervalSeconds * 2 ** Math.max(0, errors - 1), MAX_INTERVAL_SECONDS) * 1000;
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** A stored hint as seconds, or 0 when absent or unusable (a hand-edited Redis field). */
function hintSeconds(value: number | null): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Wait after a successful poll, 200 or 304 alike: the publisher's <ttl> and max-age may only
 * slow us down, never below our interval, and never past the longest interval we allow.
 */
function politeWaitMs(intervalSeconds: number, hints: { ttlSeconds: number | null; maxAgeSeconds: number | null }): number {
  const seconds = Math.max(intervalSeconds, hintSeconds(hints.ttlSeconds), hintSeconds(hints.maxAgeSeconds));
  return Math.min(seconds, MAX_INTERVAL_SECONDS) * 1000;
}

function addMs(d: Date, ms: number): string {
  return new Date(d.getTime() + ms).toISOString();
}

/**
 * Polls `source` once if it is enabled, not paused and due; returns how many items went to the
 * sink and a status. Never throws for source faults: they are recorded in the state store.
 */
export async function pollSource(source: Source, deps: PollDeps): Promise<{ items: number; status: PollStatus }> {
  if (!source.enabled || source.kind !== 'feed' || source.url === undefined) return { items: 0, status: 'disabled' };
  const started = deps.now();
  const state = await deps.state.get(source.id);
  if (state.paused) return { items: 0, status: 'paused' };
  if (state.nextPollAt !== null && Date.parse(state.nextPollAt) > started.getTime()) return { items: 0, status: 'not-due' };

  const fetch = deps.fetch ?? fetchFeed;
  const intervalMs = source.intervalSeconds * 1000;
  try {
    const result = await fetch(source.url, {
      ...(state.validators ? { previous: state.validators } : {}),
      ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
      ...(deps.maxBytes !== undefined ? { maxBytes: deps.maxBytes } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    if (result.status === 'not-modified') {
      // No body to read <ttl> from: the last one read stands, and so does max-age unless this
      // response restated it.
      const hints = { ttlSeconds: state.ttlSeconds, maxAgeSeconds: result.maxAgeSeconds === undefined ? state.maxAgeSeconds : result.maxAgeSeconds };
      await deps.state.update(source.id, {
        lastFetch: started.toISOString(),
        lastSuccess: started.toISOString(),
        httpStatus: 304,
        consecutiveErrors: 0,
        validators: result.validators,
        maxAgeSeconds: hints.maxAgeSeconds,
        nextPollAt: addMs(started, politeWaitMs(source.intervalSeconds, hints)),
        lastError: null,
      });
      return { items: 0, status: 'not-modified' };
    }
    const feed = await parseFeed(result.text, {
      sourceId: source.id,
      feedUrl: result.finalUrl,
      receivedAt: started,
      languageHint: source.language ?? null,
      identity: source.identity,
      log: deps.log,
    });
    await deps.sink(feed.items);
    // A new body replaces both hints, including with "none" when the publisher dropped them.
    const hints = { ttlSeconds: feed.ttlSeconds, maxAgeSeconds: result.maxAgeSeconds };
    await deps.state.update(source.id, {
      lastFetch: started.toISOString(),
      lastSuccess: started.toISOString(),
      httpStatus: 200,
      consecutiveErrors: 0,
      itemsSeen: state.itemsSeen + feed.items.length,
      // Validators are stored only after the sink took the items, so a failed hand-off refetches.
      validators: result.validators,
      ...hints,
      nextPollAt: addMs(started, politeWaitMs(source.intervalSeconds, hints)),
      lastError: null,
    });
    deps.log.debug({ sourceId: source.id, items: feed.items.length }, 'source polled');
    return { items: feed.items.length, status: 'ok' };
  } catch (err) {
    const errors = state.consecutiveErrors + 1;
    const max = deps.maxConsecutiveErrors ?? DEFAULT_MAX_CONSECUTIVE_ERRORS;
    const described = describeError(err);
    const status = typeof described.details['status'] === 'number' ? described.details['status'] : null;
    let waitMs = backoffMs(source.intervalSeconds, errors, deps.random ?? Math.random);
    if (err instanceof RateLimitedError) waitMs = Math.max(err.retryAfterMs, intervalMs);
    const paused = errors >= max;
    await deps.state.update(source.id, {
      lastFetch: started.toISOString(),
      httpStatus: status,
      consecutiveErrors: errors,
      paused,
      nextPollAt: addMs(started, waitMs),
      lastError: { code: described.code, message: described.message },
    });
    const logFn = paused ? deps.log.error.bind(deps.log) : deps.log.warn.bind(deps.log);
    logFn({ err, sourceId: source.id, consecutiveErrors: errors, paused }, paused ? 'source paused after repeated failures' : 'source poll failed');
    return { items: 0, status: 'error' };
  }
}
