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
