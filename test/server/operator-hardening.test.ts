/**
 * The operator endpoints on a real HTTP server and a real Redis: without OPERATOR_TOKEN they
 * refuse requests addressed to another host name (DNS rebinding) or sent from another origin;
 * HEAD is served like GET and other methods are a 405; GET /readyz and every route answer 503
 * quickly while Redis does not answer, and recover when it does.
 */
import { request } from 'node:http';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisSourceStateStore } from '../../src/producers/feed/source-state.js';
import { startHttpServer, type HttpServer } from '../../src/server/http.js';
import { operatorRoutes } from '../../src/server/operator-routes.js';
import { DeadLetters } from '../../src/shared/dead-letters.js';
import { silentLogger } from '../../src/shared/logger.js';
import { openPipelineQueues, type PipelineQueues } from '../../src/shared/queues.js';
import { createRedisConnection } from '../../src/shared/redis.js';
import { SourceSchema } from '../../src/shared/sources.js';
import { parseTopology } from '../../src/shared/topology.js';
import { cleanupPrefix, uniquePrefix } from '../support/redis-prefix.js';
import { testRedisUrl } from '../support/services.js';

const OPERATOR = 'operator-token-0123456789';
const DEADLINE_MS = 400;
const READY_TIMEOUT_MS = 150;

/** A TCP relay in front of Redis that can stop passing bytes on (Redis hung or the network cut) and pass them on again. */
class RedisRelay {
  private held: { to: Socket; data: Buffer }[] = [];
  private cut = false;
  private readonly sockets = new Set<Socket>();
  private constructor(private readonly server: Server) {}

  static async start(target: URL): Promise<RedisRelay> {
    const server = createServer();
    const relay = new RedisRelay(server);
    server.on('connection', (client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      relay.wire(client, upstream);
      relay.wire(upstream, client);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return relay;
  }

  private wire(from: Socket, to: Socket): void {
    this.sockets.add(from);
    from.on('data', (data) => (this.cut ? this.held.push({ to, data }) : to.write(data)));
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  }

  /** The Redis URL through this relay (same password and database). */
  url(target: URL): string {
    const via = new URL(target);
    via.hostname = '127.0.0.1';
    via.port = String((this.server.address() as AddressInfo).port);
    return via.href;
  }

  stop(): void {
    this.cut = true;
  }

  resume(): void {
    this.cut = false;
    for (const { to, data } of this.held.splice(0)) to.write(data);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with headers fetch() will not send as given (Host). */
function call(base: string, method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const code = (a: Answer) => (JSON.parse(a.body) as { error: { code: string } }).error.code;

interface Rig {
  prefix: string;
  redis: Redis;
  queues: PipelineQueues;
  state: RedisSourceStateStore;
  http: HttpServer;
  base: string;
  close(): Promise<void>;
}

async function startRig(name: string, operatorToken: string | undefined, redisUrl = testRedisUrl()): Promise<Rig> {
  const prefix = uniquePrefix(name);
  const redis = createRedisConnection(redisUrl);
  const queues = openPipelineQueues({ redisUrl, prefix, topology: parseTopology('fused'), attempts: 1, backoffMs: 10 });
  await queues.ingest.waitUntilReady();
  const state = new RedisSourceStateStore(redis, `${prefix}:source-state`);
  const sources = [SourceSchema.parse({ id: 'partner-a', kind: 'push', auth: { bearerTokenEnv: 'UNUSED_PUSH_TOKEN' } })];
  const http = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    log: silentLogger(),
    requestDeadlineMs: DEADLINE_MS,
    routes: [operatorRoutes({ queues, deadLetters: new DeadLetters(redis, prefix), operatorToken, readyTimeoutMs: READY_TIMEOUT_MS, sources: { list: () => sources, state } })],
  });
  return {
    prefix,
    redis,
    queues,
    state,
    http,
    base: http.url,
    async close() {
      await http.close();
      await queues.close();
      const cleaner = createRedisConnection(testRedisUrl());
      await cleanupPrefix(cleaner, prefix);
      await cleaner.quit();
      await redis.quit();
    },
  };
}

describe('operator endpoints without OPERATOR_TOKEN', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('op-loopback', undefined);
  });
  afterAll(async () => rig?.close());

  it('refuse a request addressed to another host name, as after DNS rebinding', async () => {
    const port = new URL(rig.base).port;
    const rebound = { host: `rebind.attacker.example:${port}`, origin: `http://rebind.attacker.example:${port}`, 'x-wirepipe-operator': '1' };
    const pause = await call(rig.base, 'POST', '/sources/partner-a/pause', rebound);
    expect(pause.status).toBe(403);
    expect(code(pause)).toBe('OPERATOR_HOST');
    expect((await rig.state.get('partner-a')).paused).toBe(false);
    // Reading is refused too: a rebound page could otherwise read dead letters and source health.
    const status = await call(rig.base, 'GET', '/status', { host: `rebind.attacker.example:${port}` });
    expect(status.status).toBe(403);
  });

  it('refuse a request from a web page of another origin', async () => {
    const port = new URL(rig.base).port;
    const res = await call(rig.base, 'POST', '/sources/partner-a/pause', { host: `127.0.0.1:${port}`, origin: 'http://rebind.attacker.example', 'x-wirepipe-operator': '1' });
    expect(res.status).toBe(403);
    expect(code(res)).toBe('OPERATOR_ORIGIN');
    expect((await rig.state.get('partner-a')).paused).toBe(false);
  });

  it('serve a loopback client that sends no Host (HTTP/1.0), as no browser page does', async () => {
    const { connect } = await import('node:net');
    const url = new URL(rig.base);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write('GET /status HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply.split('\r\n')[0]).toMatch(/^HTTP\/1\.[01] 200/);
  });

  it('serve a loopback client addressing localhost, 127.0.0.1 or [::1]', async () => {
    const port = new URL(rig.base).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost', `localhost.:${port}`, `[::ffff:127.0.0.1]:${port}`]) {
      expect((await call(rig.base, 'GET', '/status', { host })).status, host).toBe(200);
    }
    const paused = await call(rig.base, 'POST', '/sources/partner-a/pause', { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'x-wirepipe-operator': '1' });
    expect(paused.status).toBe(200);
    expect((await rig.state.get('partner-a')).paused).toBe(true);
    await call(rig.base, 'POST', '/sources/partner-a/resume', { host: `localhost:${port}`, 'x-wirepipe-operator': '1' });
  });
});

describe('operator endpoints with OPERATOR_TOKEN', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('op-token', OPERATOR);
  });
  afterAll(async () => rig?.close());

  it('accept the token whatever the Host (a reverse proxy names the public host)', async () => {
    const res = await call(rig.base, 'POST', '/sources/partner-a/pause', { host: 'news.example.com', origin: 'https://news.example.com', authorization: `Bearer ${OPERATOR}` });
    expect(res.status).toBe(200);
    expect((await call(rig.base, 'GET', '/status', { host: 'news.example.com' })).status).toBe(401);
  });

  it('serve HEAD like GET, and answer other methods with 405 naming GET and HEAD', async () => {
    const auth = { authorization: `Bearer ${OPERATOR}` };
    for (const path of ['/healthz', '/readyz', '/status', '/metrics', '/failed', '/sources']) {
      const head = await call(rig.base, 'HEAD', path, auth);
      expect(head.status, `HEAD ${path}`).toBe(200);
      expect(head.body, `HEAD ${path}`).toBe('');
      const put = await call(rig.base, 'PUT', path, auth);
      expect(put.status, `PUT ${path}`).toBe(405);
      expect(put.headers['allow'], `PUT ${path}`).toBe('GET, HEAD');
    }
    const get = await call(rig.base, 'GET', '/sources/partner-a/pause', auth);
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST');
  });
});

describe('operator endpoints while Redis does not answer', () => {
  let relay: RedisRelay;
  let rig: Rig;
  const target = new URL(testRedisUrl());
  beforeAll(async () => {
    relay = await RedisRelay.start(target);
    rig = await startRig('op-outage', OPERATOR, relay.url(target));
  });
  afterAll(async () => {
    relay?.resume();
    await rig?.close();
    await relay?.close();
  });

  it('GET /readyz answers 503 within its timeout, requests answer 503 at the deadline, /healthz stays 200, and all recover', async () => {
    const auth = { authorization: `Bearer ${OPERATOR}` };
    expect((await call(rig.base, 'GET', '/readyz')).status).toBe(200);
    relay.stop();
    try {
      let started = Date.now();
      const ready = await call(rig.base, 'GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(code(ready)).toBe('UPSTREAM_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS);

      started = Date.now();
      const status = await call(rig.base, 'GET', '/status', auth);
      expect(status.status).toBe(503);
      expect(code(status)).toBe('UPSTREAM_UNAVAILABLE');
      expect(Number(status.headers['retry-after'])).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS * 3);

      expect((await call(rig.base, 'GET', '/healthz')).status).toBe(200);
    } finally {
      // The held commands reach Redis now: their late answers must be dropped without harm.
      relay.resume();
    }
    expect((await call(rig.base, 'GET', '/readyz')).status).toBe(200);
    expect((await call(rig.base, 'GET', '/status', auth)).status).toBe(200);
  });
});
