/** The HTTP layer survives requests that are not valid URLs. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startHttpServer, type HttpServer } from '../../src/server/http.js';
import { silentLogger } from '../../src/shared/logger.js';

let server: HttpServer;
beforeAll(async () => {
  server = await startHttpServer({ host: '127.0.0.1', port: 0, log: silentLogger(), routes: [async () => json(200, { ok: true })] });
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
});

describe('operator actions without OPERATOR_TOKEN', () => {
  it('refuse a loopback POST without the operator header (cross-site requests), accept one with it', async () => {
    const { checkOperator } = await import('../../src/server/operator-auth.js');
    const req = (method: string, headers: Record<string, string>) => ({ method, headers, socket: { remoteAddress: '127.0.0.1' } }) as never;
    expect(checkOperator(req('POST', {}), undefined)?.status).toBe(403);
    expect(checkOperator(req('POST', { 'x-wirepipe-operator': '1' }), undefined)).toBeNull();
    expect(checkOperator(req('GET', {}), undefined)).toBeNull();
    const remote = { method: 'GET', headers: {}, socket: { remoteAddress: '10.1.2.3' } } as never;
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
