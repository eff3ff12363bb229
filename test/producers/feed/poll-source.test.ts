/**
 * pollSource: scheduling and error bookkeeping with an injected fetch and clock, one run against a
 * real local HTTP server, and the Redis state store on the test run's Redis.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchFeedOptions, FetchResult } from '../../../src/producers/feed/fetch-feed.js';
import {
  backoffMs,
  MemorySourceStateStore,
  pollSource,
  RedisSourceStateStore,
  type PollDeps,
} from '../../../src/producers/feed/poll-source.js';
import { PermanentError, RateLimitedError, RetryableError } from '../../../src/shared/errors.js';
import { silentLogger } from '../../../src/shared/logger.js';
import type { RawItem } from '../../../src/shared/raw-item.js';
import { SourceSchema, type Source } from '../../../src/shared/sources.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../../support/index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/feeds/', import.meta.url));
const RSS = readFileSync(`${FIXTURES}rss2-basic.xml`, 'utf8');
const T0 = new Date('2024-03-01T00:00:00.000Z');
const VALIDATORS = { etag: '"e1"', lastModified: null, bodyHash: 'h1' };

function feedSource(over: Partial<Source> = {}): Source {
  return SourceSchema.parse({ id: 'src', kind: 'feed', url: 'https://feed.example.test/rss', intervalSeconds: 300, ...over });
}

type FakeFetch = (url: string, opts: FetchFeedOptions) => Promise<FetchResult>;

function okResult(text = RSS, maxAgeSeconds: number | null = null): FetchResult {
  return { status: 'ok', text, contentType: 'application/rss+xml', finalUrl: 'https://feed.example.test/rss', validators: VALIDATORS, maxAgeSeconds };
}

function harness(fetch: FakeFetch, extra: Partial<PollDeps> = {}) {
  let now = T0;
  const batches: RawItem[][] = [];
  const calls: FetchFeedOptions[] = [];
  const deps: PollDeps = {
    state: new MemorySourceStateStore(),
    sink: async (items) => void batches.push(items),
    log: silentLogger(),
    now: () => now,
    random: () => 0.5,
    fetch: (url, opts) => {
      calls.push(opts);
      return fetch(url, opts);
    },
    ...extra,
  };
  return {
    deps,
    batches,
    calls,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    at(iso: string) {
      now = new Date(iso);
    },
  };
}

describe('pollSource', () => {
  it("goes by links for a source with identity 'link', so a feed that reuses one guid loses no story", async () => {
    const reused = readFileSync(`${FIXTURES}duplicate-ids.xml`, 'utf8');
    const byId = harness(async () => okResult(reused));
    await pollSource(feedSource(), byId.deps);
    expect(byId.batches.flat().map((i) => i.title)).toEqual(['First copy', 'Other']);
    const byLink = harness(async () => okResult(reused));
    await pollSource(feedSource({ identity: 'link' }), byLink.deps);
    expect(byLink.batches.flat().map((i) => i.title)).toEqual(['First copy', 'Other', 'Second copy']);
  });

  it('fetches, parses, sinks, and schedules the next poll one interval later', async () => {
    const h = harness(async () => okResult());
    const r = await pollSource(feedSource(), h.deps);
    expect(r).toEqual({ items: 2, status: 'ok' });
    expect(h.batches[0]?.map((i) => i.identity)).toEqual(['ew-2023-08-02-0001', 'https://news.example.org/world/markets']);
    const s = await h.deps.state.get('src');
    expect(s).toMatchObject({ httpStatus: 200, consecutiveErrors: 0, itemsSeen: 2, validators: VALIDATORS, lastSuccess: T0.toISOString() });
    expect(s.nextPollAt).toBe('2024-03-01T00:05:00.000Z');
  });

  it('is not due before nextPollAt, then sends the stored validators', async () => {
    const h = harness(async (_u, opts) => (opts.previous ? { status: 'not-modified', validators: opts.previous } : okResult()));
    await pollSource(feedSource(), h.deps);
    h.advance(60_000);
    expect(await pollSource(feedSource(), h.deps)).toEqual({ items: 0, status: 'not-due' });
    expect(h.calls).toHaveLength(1);
    h.advance(240_000);
    expect(await pollSource(feedSource(), h.deps)).toEqual({ items: 0, status: 'not-modified' });
    expect(h.calls[1]?.previous).toEqual(VALIDATORS);
    expect(h.batches).toHaveLength(1);
  });

  it('honours <ttl> and Cache-Control max-age when they ask for a longer wait', async () => {
    const withTtl = RSS.replace('<language>en-us</language>', '<language>en-us</language><ttl>60</ttl>');
    const h = harness(async () => okResult(withTtl, 600));
    await pollSource(feedSource(), h.deps);
    expect((await h.deps.state.get('src')).nextPollAt).toBe('2024-03-01T01:00:00.000Z');
    const h2 = harness(async () => okResult(RSS, 1200));
    await pollSource(feedSource(), h2.deps);
    expect((await h2.deps.state.get('src')).nextPollAt).toBe('2024-03-01T00:20:00.000Z');
  });

  it('honours Retry-After on RateLimitedError', async () => {
    const h = harness(async () => {
      throw new RateLimitedError('HTTP 429', 3_600_000, { status: 429 });
    });
    expect((await pollSource(feedSource(), h.deps)).status).toBe('error');
    const s = await h.deps.state.get('src');
    expect(s).toMatchObject({ consecutiveErrors: 1, httpStatus: 429, nextPollAt: '2024-03-01T01:00:00.000Z' });
    expect(s.lastError?.code).toBe('RATE_LIMITED');
  });

  it('backs off exponentially and pauses after the limit, then a success resets the count', async () => {
    let failing = true;
    const h = harness(
      async () => {
        if (failing) throw new RetryableError('FETCH_HTTP', 'HTTP 502', { status: 502 });
        return okResult();
      },
      { maxConsecutiveErrors: 4 },
    );
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await pollSource(feedSource(), h.deps);
      const s = await h.deps.state.get('src');
      const next = Date.parse(s.nextPollAt ?? '');
      waits.push((next - Date.parse(s.lastFetch ?? '')) / 1000);
      h.at(s.nextPollAt ?? '');
    }
    expect(waits).toEqual([300, 600, 1200]);
    await pollSource(feedSource(), h.deps);
    expect((await h.deps.state.get('src')).paused).toBe(true);
    h.advance(86_400_000);
    failing = false;
    expect(await pollSource(feedSource(), h.deps)).toEqual({ items: 0, status: 'paused' });
    await h.deps.state.update('src', { paused: false, consecutiveErrors: 0 });
    expect((await pollSource(feedSource(), h.deps)).status).toBe('ok');
    expect((await h.deps.state.get('src')).lastError).toBeNull();
  });

  it('counts a parse failure and keeps the old validators so the feed is fetched whole next time', async () => {
    const h = harness(async () => okResult('<rss><channel><title>cut'));
    await h.deps.state.update('src', { validators: { etag: '"old"', lastModified: null, bodyHash: 'old' } });
    await pollSource(feedSource(), h.deps);
    const s = await h.deps.state.get('src');
    expect(s.lastError?.code).toBe('FEED_PARSE');
    expect(s.validators?.etag).toBe('"old"');
  });

  it('does not store validators when the sink fails', async () => {
    const h = harness(async () => okResult(), {
      sink: async () => {
        throw new RetryableError('REDIS_UNAVAILABLE', 'down');
      },
    });
    expect((await pollSource(feedSource(), h.deps)).status).toBe('error');
    expect((await h.deps.state.get('src')).validators).toBeNull();
  });

  it('skips disabled and non-feed sources without fetching', async () => {
    const h = harness(async () => okResult());
    expect((await pollSource(feedSource({ enabled: false }), h.deps)).status).toBe('disabled');
    const folder = SourceSchema.parse({ id: 'drop', kind: 'wire-folder', path: '/tmp/x' });
    expect((await pollSource(folder, h.deps)).status).toBe('disabled');
    expect(h.calls).toHaveLength(0);
  });

  it('passes the source language as the hint for feeds that declare none', async () => {
    const noLang = RSS.replace('<language>en-us</language>', '');
    const h = harness(async () => okResult(noLang));
    await pollSource(feedSource({ language: 'vi' }), h.deps);
    expect(h.batches[0]?.every((i) => i.language === 'vi')).toBe(true);
  });

  it.each([
    [1, 0, 240_000],
    [1, 0.999_999, 360_000],
    [3, 0.5, 1_200_000],
    [30, 0.5, 86_400_000],
  ])('backoffMs(300 s, %d errors, random %d) = %d ms', (errors, random, want) => {
    expect(backoffMs(300, errors, () => random)).toBe(want);
  });
});

describe('pollSource over real HTTP', () => {
  let server: Server;
  let url: string;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits += 1;
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' });
      res.end(RSS);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gets items once, then 304 on the next due poll', async () => {
    let now = T0;
    const batches: RawItem[][] = [];
    const deps: PollDeps = { state: new MemorySourceStateStore(), sink: async (i) => void batches.push(i), log: silentLogger(), now: () => now };
    const source = feedSource({ url });
    expect(await pollSource(source, deps)).toEqual({ items: 2, status: 'ok' });
    now = new Date(T0.getTime() + 301_000);
    expect(await pollSource(source, deps)).toEqual({ items: 0, status: 'not-modified' });
    expect(hits).toBe(2);
    expect((await deps.state.get(source.id)).validators?.etag).toBe('"v1"');
  });
});

describe("pollSource keeps the publisher's cache hints across 304s (real HTTP)", () => {
  /** What the publisher serves now; each test sets it. A request with the current ETag gets a 304. */
  const publisher = { etag: '"t1"', body: RSS, okHeaders: {} as Record<string, string>, notModifiedHeaders: {} as Record<string, string> };
  const TTL_RSS = readFileSync(`${FIXTURES}rss2-ttl.xml`, 'utf8'); // <ttl>30</ttl>: 30 minutes
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.headers['if-none-match'] === publisher.etag) {
        res.writeHead(304, { etag: publisher.etag, ...publisher.notModifiedHeaders });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: publisher.etag, ...publisher.okHeaders });
      res.end(publisher.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Polls whenever the source is next due, as the producer loop does; answers status → next poll. */
  function poller(state: PollDeps['state'] = new MemorySourceStateStore()) {
    const source = feedSource({ url });
    return async (): Promise<string> => {
      const due = (await state.get(source.id)).nextPollAt;
      const now = due === null ? T0 : new Date(due);
      const r = await pollSource(source, { state, sink: async () => undefined, log: silentLogger(), now: () => now });
      return `${r.status} → ${(await state.get(source.id)).nextPollAt}`;
    };
  }

  it("keeps honouring the feed's <ttl> on polls answered 304, until a new body drops it", async () => {
    Object.assign(publisher, { etag: '"ttl-1"', body: TTL_RSS, okHeaders: {}, notModifiedHeaders: {} });
    const poll = poller();
    expect(await poll()).toBe('ok → 2024-03-01T00:30:00.000Z');
    expect(await poll()).toBe('not-modified → 2024-03-01T01:00:00.000Z');
    expect(await poll()).toBe('not-modified → 2024-03-01T01:30:00.000Z');
    Object.assign(publisher, { etag: '"ttl-2"', body: RSS });
    expect(await poll()).toBe('ok → 2024-03-01T01:35:00.000Z');
    expect(await poll()).toBe('not-modified → 2024-03-01T01:40:00.000Z');
  });

  it('keeps a max-age a 304 does not restate, and takes the one it does, even "no-store"', async () => {
    Object.assign(publisher, { etag: '"age-1"', body: RSS, okHeaders: { 'cache-control': 'public, max-age=3600' }, notModifiedHeaders: {} });
    const poll = poller();
    expect(await poll()).toBe('ok → 2024-03-01T01:00:00.000Z');
    expect(await poll()).toBe('not-modified → 2024-03-01T02:00:00.000Z');
    publisher.notModifiedHeaders = { 'cache-control': 'max-age=600' };
    expect(await poll()).toBe('not-modified → 2024-03-01T02:10:00.000Z');
    publisher.notModifiedHeaders = { 'cache-control': 'no-store' };
    expect(await poll()).toBe('not-modified → 2024-03-01T02:15:00.000Z');
    publisher.notModifiedHeaders = {};
    expect(await poll()).toBe('not-modified → 2024-03-01T02:20:00.000Z');
  });

  it('takes the longer of <ttl> and max-age on a 304 as on a 200, and never waits past a day', async () => {
    Object.assign(publisher, { etag: '"both-1"', body: TTL_RSS, okHeaders: { 'cache-control': 'max-age=600' }, notModifiedHeaders: { 'cache-control': 'max-age=7200' } });
    const poll = poller();
    expect(await poll()).toBe('ok → 2024-03-01T00:30:00.000Z');
    expect(await poll()).toBe('not-modified → 2024-03-01T02:30:00.000Z');
    publisher.notModifiedHeaders = { 'cache-control': 'max-age=60' };
    expect(await poll()).toBe('not-modified → 2024-03-01T03:00:00.000Z');
    publisher.notModifiedHeaders = { 'cache-control': 'max-age=999999' };
    expect(await poll()).toBe('not-modified → 2024-03-02T03:00:00.000Z');
  });

  it('remembers the hints in Redis, starting from a state stored before they were kept', async () => {
    const redis = testRedis();
    const prefix = uniquePrefix('source-hints');
    try {
      const store = new RedisSourceStateStore(redis, `${prefix}:source`);
      // The hash as an older wirepipe wrote it: no ttlSeconds / maxAgeSeconds fields.
      const old = { lastFetch: '2024-02-29T23:55:00.000Z', lastSuccess: '2024-02-29T23:55:00.000Z', httpStatus: 200, consecutiveErrors: 0, itemsSeen: 2, paused: false, validators: { etag: '"older"', lastModified: null, bodyHash: 'x' }, nextPollAt: T0.toISOString(), lastError: null };
      await redis.hset(store.key('src'), Object.fromEntries(Object.entries(old).map(([k, v]) => [k, JSON.stringify(v)])));
      expect(await store.get('src')).toEqual({ ...old, ttlSeconds: null, maxAgeSeconds: null });
      Object.assign(publisher, { etag: '"redis-1"', body: TTL_RSS, okHeaders: { 'cache-control': 'max-age=60' }, notModifiedHeaders: {} });
      const poll = poller(store);
      expect(await poll()).toBe('ok → 2024-03-01T00:30:00.000Z');
      expect(await store.get('src')).toMatchObject({ ttlSeconds: 1800, maxAgeSeconds: 60, itemsSeen: 4 });
      expect(await poll()).toBe('not-modified → 2024-03-01T01:00:00.000Z');
    } finally {
      await cleanupPrefix(redis, prefix);
      await redis.quit();
    }
  });
});

describe('RedisSourceStateStore', () => {
  let redis: Redis;
  let prefix: string;
  beforeAll(() => {
    redis = testRedis();
    prefix = uniquePrefix('source-state');
  });
  afterAll(async () => {
    await cleanupPrefix(redis, prefix);
    await redis.quit();
  });

  it('starts from the initial state and keeps patched fields, nulls and nested validators', async () => {
    const store = new RedisSourceStateStore(redis, `${prefix}:source`);
    expect(await store.get('a')).toMatchObject({ consecutiveErrors: 0, paused: false, validators: null, nextPollAt: null });
    await store.update('a', { validators: VALIDATORS, consecutiveErrors: 3, lastError: { code: 'FETCH_HTTP', message: 'HTTP 500' } });
    await store.update('a', { paused: true, lastError: null });
    const s = await store.get('a');
    expect(s).toMatchObject({ validators: VALIDATORS, consecutiveErrors: 3, paused: true, lastError: null, itemsSeen: 0 });
    expect(await redis.exists(`${prefix}:source:a`)).toBe(1);
    expect(await store.get('b')).toMatchObject({ consecutiveErrors: 0 });
  });

  it('drives pollSource the same way as the memory store', async () => {
    const store = new RedisSourceStateStore(redis, `${prefix}:poll`);
    const deps: PollDeps = {
      state: store,
      sink: async () => undefined,
      log: silentLogger(),
      now: () => T0,
      fetch: async () => {
        throw new PermanentError('FETCH_HTTP', 'HTTP 404', { status: 404 });
      },
      maxConsecutiveErrors: 1,
    };
    await pollSource(feedSource(), deps);
    expect(await store.get('src')).toMatchObject({ paused: true, consecutiveErrors: 1, httpStatus: 404 });
  });
});
