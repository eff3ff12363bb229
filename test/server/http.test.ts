/**
 * The HTTP layer survives requests that are not valid URLs, routes "//path" as a path, and
 * answers 503 when a route waits on a backing service past the request deadline.
 */
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startHttpServer, type HttpServer } from '../../src/server/http.js';
import { silentLogger } from '../../src/shared/logger.js';

let server: HttpServer;
beforeAll(async () => {
  server = await startHttpServer({ host: '127.0.0.1', port: 0, log: silentLogger(), routes: [async (_req, url) => json(200, { ok: true, host: url.host, path: url.pathname, query: url.search })] });
});
afterAll(async () => server.close());

function raw(request: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('http server', () => {
  it('answers 400 to a request target that is not a URL, and keeps serving', async () => {
    const answer = await raw('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it('routes a target starting with "//" as that path, never as a host name', async () => {
    const answer = await raw('GET //feeds/all.rss?page=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(JSON.parse(parseAnswer(answer)!.body)).toEqual({ ok: true, host: 'localhost', path: '/feeds/all.rss', query: '?page=2' });
  });

  it('answers 400 to a target that is not origin-form', async () => {
    expect(await raw('GET http://example.com/feeds/all.rss HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
  });
});

interface Answer {
  status: number;
  headers: string;
  body: string;
}

/** The first whole HTTP/1.1 answer in `text` (Content-Length or chunked body) and what follows, or null while incomplete. */
function parseAnswer(text: string): (Answer & { rest: string }) | null {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const headers = text.slice(0, end);
  const status = Number(headers.slice(9, 12));
  let at = end + 4;
  if (!/transfer-encoding: *chunked/i.test(headers)) {
    const length = Number(/content-length: *(\d+)/i.exec(headers)?.[1] ?? 0);
    return text.length >= at + length ? { status, headers, body: text.slice(at, at + length), rest: text.slice(at + length) } : null;
  }
  let body = '';
  for (;;) {
    const line = text.indexOf('\r\n', at);
    if (line < 0) return null;
    const size = parseInt(text.slice(at, line), 16);
    if (text.length < line + 2 + size + 2) return null;
    if (size === 0) return { status, headers, body, rest: text.slice(line + 4) };
    body += text.slice(line + 2, line + 2 + size);
    at = line + 2 + size + 2;
  }
}

/** One keep-alive connection: send a request, read one whole answer (headers and Content-Length body). */
class Connection {
  private buffered = '';
  private waiting: (() => void) | null = null;
  private constructor(private readonly socket: Socket) {
    socket.on('data', (d) => {
      this.buffered += d.toString();
      this.waiting?.();
    });
    socket.on('close', () => this.waiting?.());
  }

  static open(url: string): Promise<Connection> {
    const { port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => resolve(new Connection(socket)));
      socket.once('error', reject);
    });
  }

  write(text: string): void {
    this.socket.write(text);
  }

  get closed(): boolean {
    return this.socket.destroyed || this.socket.readableEnded;
  }

  async answer(): Promise<Answer> {
    for (;;) {
      const parsed = parseAnswer(this.buffered);
      if (parsed) {
        this.buffered = parsed.rest;
        return parsed;
      }
      if (this.closed) throw new Error(`connection closed; got ${JSON.stringify(this.buffered)}`);
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

describe('request deadline', () => {
  const DEADLINE = 200;
  let slow: HttpServer;
  let lateErrors = 0;
  beforeAll(async () => {
    slow = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      log: silentLogger(),
      requestDeadlineMs: DEADLINE,
      untimed: (method, pathname) => method === 'POST' && pathname === '/late',
      routes: [
        async (req, url) => {
          // A route waiting on a Redis that answers only after the deadline, then with an answer or an error.
          if (url.pathname === '/late') return sleep(3 * DEADLINE).then(() => json(200, { late: true }));
          if (url.pathname === '/late-error') {
            await sleep(3 * DEADLINE);
            lateErrors++;
            throw new Error('Connection is closed');
          }
          if (url.pathname === '/upload') {
            let size = 0;
            for await (const chunk of req) size += (chunk as Buffer).length;
            return json(200, { size });
          }
          return json(200, { ok: true });
        },
      ],
    });
  });
  afterAll(async () => slow.close());

  it('answers 503 UPSTREAM_UNAVAILABLE with Retry-After once the deadline passes, and drops the late answer', async () => {
    const conn = await Connection.open(slow.url);
    try {
      const started = Date.now();
      conn.write('GET /late HTTP/1.1\r\nHost: x\r\n\r\n');
      const res = await conn.answer();
      expect(Date.now() - started).toBeLessThan(3 * DEADLINE);
      expect(res.status).toBe(503);
      expect(Number(/retry-after: *(\d+)/i.exec(res.headers)?.[1])).toBeGreaterThan(0);
      expect(JSON.parse(res.body).error.code).toBe('UPSTREAM_UNAVAILABLE');
      await sleep(4 * DEADLINE);
      // The route's answer came after the 503: the next request on this connection gets its own.
      conn.write('GET /next HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(JSON.parse((await conn.answer()).body)).toEqual({ ok: true });
    } finally {
      conn.close();
    }
  });

  it('lets an untimed request (a push) give the outcome it really had, however long it takes', async () => {
    const conn = await Connection.open(slow.url);
    try {
      conn.write('POST /late HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n');
      const res = await conn.answer();
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ late: true });
    } finally {
      conn.close();
    }
  });

  it('keeps the connection serving after a route fails past its deadline', async () => {
    const conn = await Connection.open(slow.url);
    try {
      conn.write('GET /late-error HTTP/1.1\r\nHost: x\r\n\r\n');
      expect((await conn.answer()).status).toBe(503);
      const errorsBefore = lateErrors;
      await sleep(4 * DEADLINE);
      // The route has thrown by now: that must neither write a second answer nor cut the connection.
      expect(lateErrors).toBe(errorsBefore + 1);
      conn.write('GET /next HTTP/1.1\r\nHost: x\r\n\r\n');
      const next = await conn.answer();
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body)).toEqual({ ok: true });
    } finally {
      conn.close();
    }
  });

  it('does not count the time a client spends sending its body', async () => {
    const conn = await Connection.open(slow.url);
    try {
      conn.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nabc');
      await sleep(2 * DEADLINE);
      conn.write('def');
      const res = await conn.answer();
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ size: 6 });
    } finally {
      conn.close();
    }
  });
});

describe('operator actions without OPERATOR_TOKEN', () => {
  it('refuse a loopback POST without the operator header (cross-site requests), accept one with it', async () => {
    const { checkOperator } = await import('../../src/server/operator-auth.js');
    const req = (method: string, headers: Record<string, string>) => ({ method, headers: { host: '127.0.0.1:8080', ...headers }, socket: { remoteAddress: '127.0.0.1' } }) as never;
    expect(checkOperator(req('POST', {}), undefined)?.status).toBe(403);
    expect(checkOperator(req('POST', { 'x-wirepipe-operator': '1' }), undefined)).toBeNull();
    expect(checkOperator(req('GET', {}), undefined)).toBeNull();
    const remote = { method: 'GET', headers: { host: '127.0.0.1:8080' }, socket: { remoteAddress: '10.1.2.3' } } as never;
    expect(checkOperator(remote, undefined)?.status).toBe(403);
  });
});

describe('dead letters', () => {
  it('keep oversized input as valid JSON, marked truncated', async () => {
    const { DeadLetters } = await import('../../src/shared/dead-letters.js');
    const { testRedis, uniquePrefix, cleanupPrefix } = await import('../support/redis-prefix.js');
    const redis = testRedis();
    const prefix = uniquePrefix('dl');
    try {
      const letters = new DeadLetters(redis, prefix);
      await letters.add('test', 'j1', new Error('boom'), { body: 'ả'.repeat(300_000) });
      const [letter] = await letters.list(1);
      const kept = JSON.parse(letter!.data);
      expect(kept.truncated).toBe(true);
      expect(kept.head.length).toBeGreaterThan(200_000);
    } finally {
      await cleanupPrefix(redis, prefix);
      await redis.quit();
    }
  });
});
