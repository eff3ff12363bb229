/** fetchFeed against a real local HTTP server (port 0, loopback only) serving fixture feeds. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed, parseMaxAge, parseRetryAfter, USER_AGENT, type FetchResult } from '../../../src/producers/feed/fetch-feed.js';
import { parseFeed } from '../../../src/producers/feed/parse-feed.js';
import { PermanentError, RateLimitedError, RetryableError, WirepipeError } from '../../../src/shared/errors.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/feeds/', import.meta.url));
const RSS = readFileSync(`${FIXTURES}rss2-basic.xml`);
const ETAG = '"v1-abc"';
const LAST_MODIFIED = 'Wed, 02 Aug 2023 10:00:00 GMT';
const VI_TEXT = 'Đồng bằng sông Cửu Long';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const requests: { url: string; headers: IncomingMessage['headers'] }[] = [];

const routes: Record<string, Handler> = {
  '/feed.xml': (req, res) => {
    if (req.headers['if-none-match'] === ETAG) {
      res.writeHead(304, { etag: ETAG });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: ETAG, 'cache-control': 'public, max-age=900' });
    res.end(RSS);
  },
  '/last-modified.xml': (req, res) => {
    if (req.headers['if-modified-since'] === LAST_MODIFIED) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': LAST_MODIFIED });
    res.end(RSS);
  },
  '/304-restates-max-age.xml': (req, res) => {
    if (req.headers['if-none-match'] === ETAG) {
      res.writeHead(304, { etag: ETAG, 'cache-control': 'public, max-age=1800' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG, 'cache-control': 'max-age=900' });
    res.end(RSS);
  },
  '/304-forbids-caching.xml': (req, res) => {
    if (req.headers['if-none-match'] === ETAG) {
      res.writeHead(304, { etag: ETAG, 'cache-control': 'no-cache' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG, 'cache-control': 'max-age=900' });
    res.end(RSS);
  },
  '/no-validators.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'cache-control': 'no-cache' });
    res.end(RSS);
  },
  '/429-seconds': (_req, res) => {
    res.writeHead(429, { 'retry-after': '120' });
    res.end('slow down');
  },
  '/503-date': (_req, res) => {
    res.writeHead(503, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() });
    res.end();
  },
  '/503-plain': (_req, res) => {
    res.writeHead(503);
    res.end();
  },
  '/404': (_req, res) => {
    res.writeHead(404);
    res.end('gone');
  },
  '/redirect-1': (_req, res) => {
    res.writeHead(301, { location: '/redirect-2' });
    res.end();
  },
  '/redirect-2': (_req, res) => {
    res.writeHead(302, { location: '/feed.xml' });
    res.end();
  },
  '/loop-a': (_req, res) => {
    res.writeHead(302, { location: '/loop-b' });
    res.end();
  },
  '/loop-b': (_req, res) => {
    res.writeHead(302, { location: '/loop-a' });
    res.end();
  },
  '/to-ftp': (_req, res) => {
    res.writeHead(301, { location: 'ftp://ftp.example.org/feed.xml' });
    res.end();
  },
  '/slow-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<rss version="2.0"><channel><title>slow');
    // The body never finishes within the test's timeout: headers alone must not count as done.
    const t = setTimeout(() => res.end('</title></channel></rss>'), 3000);
    res.on('close', () => clearTimeout(t));
  },
  '/big-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(64 * 1024) });
    res.end(Buffer.alloc(64 * 1024, 0x20));
  },
  '/big-chunked': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    for (let i = 0; i < 64; i++) res.write(Buffer.alloc(1024, 0x20));
    res.end();
  },
  '/gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
    res.end(gzipSync(RSS));
  },
  '/gzip-bomb': (_req, res) => {
    // 8 MiB of spaces compresses to a few KiB: the cap must apply to what is decompressed.
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
    res.end(gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
  },
  '/wrong-charset-utf8': (_req, res) => {
    // Declares Latin-1 but sends UTF-8: valid UTF-8 must win.
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1' });
    res.end(Buffer.from(`<rss version="2.0"><channel><title>${VI_TEXT}</title></channel></rss>`, 'utf8'));
  },
  '/wrong-charset-1258': (_req, res) => {
    // Declares UTF-8 but the bytes are windows-1258 (and the prolog says so).
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(readFileSync(`${FIXTURES}vi-windows-1258.xml`));
  },
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    const chain = /^\/chain\/(\d+)$/.exec(req.url ?? '');
    if (chain) {
      // /chain/N redirects N times (relative Location) before landing on the feed.
      const n = Number(chain[1]);
      res.writeHead(n === 0 ? 307 : 308, { location: n === 0 ? '/feed.xml' : `${n - 1}` });
      res.end();
      return;
    }
    const h = routes[req.url ?? ''];
    if (h) h(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(p: Promise<unknown>): Promise<WirepipeError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(WirepipeError);
  return err as WirepipeError;
}

function ok(r: FetchResult): Extract<FetchResult, { status: 'ok' }> {
  expect(r.status).toBe('ok');
  return r as Extract<FetchResult, { status: 'ok' }>;
}

describe('fetchFeed', () => {
  it('fetches, sends our User-Agent, and reports validators and max-age', async () => {
    const r = ok(await fetchFeed(`${base}/feed.xml`));
    expect(r.validators.etag).toBe(ETAG);
    expect(r.validators.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.maxAgeSeconds).toBe(900);
    expect(r.finalUrl).toBe(`${base}/feed.xml`);
    const parsed = await parseFeed(r.text, { sourceId: 's', feedUrl: r.finalUrl, receivedAt: new Date() });
    expect(parsed.items).toHaveLength(2);
    expect(requests.at(-1)?.headers['user-agent']).toBe(USER_AGENT);
  });

  it('sends If-None-Match and gets not-modified on 304', async () => {
    const first = ok(await fetchFeed(`${base}/feed.xml`));
    const second = await fetchFeed(`${base}/feed.xml`, { previous: first.validators });
    expect(second.status).toBe('not-modified');
    expect(requests.at(-1)?.headers['if-none-match']).toBe(ETAG);
    expect(second.validators.bodyHash).toBe(first.validators.bodyHash);
  });

  it('sends If-Modified-Since from Last-Modified', async () => {
    const first = ok(await fetchFeed(`${base}/last-modified.xml`));
    expect(first.validators.lastModified).toBe(LAST_MODIFIED);
    const second = await fetchFeed(`${base}/last-modified.xml`, { previous: first.validators });
    expect(second.status).toBe('not-modified');
    expect(requests.at(-1)?.headers['if-modified-since']).toBe(LAST_MODIFIED);
  });

  it('reports an unchanged body as not-modified when the server has no validators', async () => {
    const first = ok(await fetchFeed(`${base}/no-validators.xml`));
    expect(first.maxAgeSeconds).toBeNull();
    const second = await fetchFeed(`${base}/no-validators.xml`, { previous: first.validators });
    expect(second.status).toBe('not-modified');
    const changed = await fetchFeed(`${base}/no-validators.xml`, { previous: { ...first.validators, bodyHash: 'other' } });
    expect(changed.status).toBe('ok');
  });

  it('reports the max-age a 304 restates, and null when a 304 forbids caching', async () => {
    const first = ok(await fetchFeed(`${base}/304-restates-max-age.xml`));
    expect(first.maxAgeSeconds).toBe(900);
    const restated = await fetchFeed(`${base}/304-restates-max-age.xml`, { previous: first.validators });
    expect(restated).toMatchObject({ status: 'not-modified', maxAgeSeconds: 1800 });
    const forbidden = await fetchFeed(`${base}/304-forbids-caching.xml`, { previous: first.validators });
    expect(forbidden).toMatchObject({ status: 'not-modified', maxAgeSeconds: null });
  });

  it('leaves max-age unsaid on a 304 without Cache-Control, but reads it from an unchanged full body', async () => {
    const first = ok(await fetchFeed(`${base}/feed.xml`));
    const silent = await fetchFeed(`${base}/feed.xml`, { previous: first.validators });
    expect(silent.status).toBe('not-modified');
    expect('maxAgeSeconds' in silent).toBe(false);
    // No validators on the server: the same body comes back whole, with Cache-Control: no-cache.
    const noValidators = ok(await fetchFeed(`${base}/no-validators.xml`));
    const unchanged = await fetchFeed(`${base}/no-validators.xml`, { previous: noValidators.validators });
    expect(unchanged).toMatchObject({ status: 'not-modified', maxAgeSeconds: null });
  });

  it('maps 429 with Retry-After seconds to RateLimitedError', async () => {
    const err = await failure(fetchFeed(`${base}/429-seconds`));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(120_000);
  });

  it('maps 503 with a Retry-After HTTP date to RateLimitedError', async () => {
    const err = await failure(fetchFeed(`${base}/503-date`));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(80_000);
    expect((err as RateLimitedError).retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it('maps 5xx to a retryable FETCH_HTTP and 4xx to a permanent one', async () => {
    const e5 = await failure(fetchFeed(`${base}/503-plain`));
    expect(e5).toBeInstanceOf(RetryableError);
    expect(e5).not.toBeInstanceOf(RateLimitedError);
    expect(e5.code).toBe('FETCH_HTTP');
    const e4 = await failure(fetchFeed(`${base}/404`));
    expect(e4).toBeInstanceOf(PermanentError);
    expect(e4.code).toBe('FETCH_HTTP');
    expect(e4.details['status']).toBe(404);
  });

  it('follows redirects itself and reports the final URL', async () => {
    const r = ok(await fetchFeed(`${base}/redirect-1`));
    expect(r.finalUrl).toBe(`${base}/feed.xml`);
  });

  it('follows at most 5 redirects', async () => {
    // /chain/4 → 3 → 2 → 1 → 0 → /feed.xml is 5 hops; /chain/5 needs 6.
    expect(ok(await fetchFeed(`${base}/chain/4`)).finalUrl).toBe(`${base}/feed.xml`);
    const tooMany = await failure(fetchFeed(`${base}/chain/5`));
    expect(tooMany.code).toBe('FETCH_REDIRECTS');
  });

  it('decompresses gzip and applies the byte cap to the decompressed body', async () => {
    const r = ok(await fetchFeed(`${base}/gzip`));
    expect(r.text).toBe(RSS.toString('utf8'));
    const bomb = await failure(fetchFeed(`${base}/gzip-bomb`, { maxBytes: 1024 * 1024 }));
    expect(bomb.code).toBe('FETCH_TOO_LARGE');
  });

  it('refuses a redirect loop and a redirect to ftp:', async () => {
    const loop = await failure(fetchFeed(`${base}/loop-a`));
    expect(loop).toBeInstanceOf(PermanentError);
    expect(loop.code).toBe('FETCH_REDIRECTS');
    const ftp = await failure(fetchFeed(`${base}/to-ftp`));
    expect(ftp.code).toBe('FETCH_REDIRECTS');
  });

  it('times out on a body that does not finish, even after headers arrived', async () => {
    const started = performance.now();
    const err = await failure(fetchFeed(`${base}/slow-body`, { timeoutMs: 300 }));
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('FETCH_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('enforces the byte cap from Content-Length and while streaming', async () => {
    const declared = await failure(fetchFeed(`${base}/big-declared`, { maxBytes: 4096 }));
    expect(declared.code).toBe('FETCH_TOO_LARGE');
    expect(declared).toBeInstanceOf(PermanentError);
    const streamed = await failure(fetchFeed(`${base}/big-chunked`, { maxBytes: 4096 }));
    expect(streamed.code).toBe('FETCH_TOO_LARGE');
    const fits = ok(await fetchFeed(`${base}/big-chunked`, { maxBytes: 128 * 1024 }));
    expect(fits.text).toHaveLength(64 * 1024);
  });

  it('reads UTF-8 bytes as UTF-8 despite a Latin-1 label', async () => {
    const r = ok(await fetchFeed(`${base}/wrong-charset-utf8`));
    expect(r.text).toContain(VI_TEXT);
  });

  it('falls back to the prolog encoding when bytes labelled UTF-8 are not UTF-8', async () => {
    const r = ok(await fetchFeed(`${base}/wrong-charset-1258`));
    expect(r.text).toContain('Đồng bằng sông Cửu Long ứng phó hạn mặn');
    expect(r.text).toContain('Phạm Thị Hồng Nhung');
  });

  it('stops when the caller aborts, reporting it as a passing fault rather than a timeout', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await failure(fetchFeed(`${base}/slow-body`, { signal: controller.signal, timeoutMs: 10_000 }));
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('FETCH_NETWORK');
  });

  it('gives FETCH_NETWORK for a refused connection and for non-http URLs', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const refused = await failure(fetchFeed(`http://127.0.0.1:${port}/feed.xml`, { timeoutMs: 2000 }));
    expect(refused).toBeInstanceOf(RetryableError);
    expect(refused.code).toBe('FETCH_NETWORK');
    const file = await failure(fetchFeed('file:///etc/passwd'));
    expect(file).toBeInstanceOf(PermanentError);
  });
});

describe('header parsing', () => {
  const now = new Date('2024-01-01T00:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Mon, 01 Jan 2024 00:01:30 GMT', 90_000],
    ['Sun, 31 Dec 2023 23:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('Retry-After %s → %s ms', (value, want) => {
    expect(parseRetryAfter(value, now)).toBe(want);
  });
  it.each([
    ['max-age=600', 600],
    ['public, max-age="60"', 60],
    ['s-maxage=10', null],
    ['no-store, max-age=600', null],
    [null, null],
  ])('Cache-Control %s → %s', (value, want) => {
    expect(parseMaxAge(value)).toBe(want);
  });
});
