/** `wirepipe sources`: test a URL without Redis; pause, resume and list with the pipeline's Redis. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWirepipe } from '../support/cli.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin mới</title><language>vi</language><ttl>15</ttl>
<item><guid>a-1</guid><title>Bão số 3 đổ bộ</title><pubDate>Thu, 26 Nov 2026 08:00:00 +0700</pubDate><description>x</description></item>
<item><guid>a-2</guid><title>Giá lúa tăng</title><pubDate>not a date</pubDate><description>y</description></item>
</channel></rss>`;

let server: Server;
let base: string;
const prefix = uniquePrefix('sources-cli');
const redis = testRedis();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/feed.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(RSS);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env['WIREPIPE_PREFIX'] = prefix;
});
afterAll(async () => {
  server.close();
  await cleanupPrefix(redis, prefix);
  await redis.quit();
});


describe('wirepipe sources', () => {
  it('tests a feed URL: items, bad dates, ttl', async () => {
    const { code, out } = await runWirepipe(['sources', 'test', `${base}/feed.rss`]);
    expect(code).toBe(0);
    const report = JSON.parse(out[0]!);
    expect(report).toMatchObject({ title: 'Tin mới', language: 'vi', items: 2, invalidDates: 1, ttlSeconds: 900 });
    expect(report.first[0].title).toBe('Bão số 3 đổ bộ');
  });

  it('reports an HTTP error as a typed error', async () => {
    const { code, err } = await runWirepipe(['sources', 'test', `${base}/missing.rss`]);
    expect(code).toBe(1);
    expect(JSON.parse(err[0]!).error.code).toBe('FETCH_HTTP');
  });

  it('pauses, lists and resumes a source in Redis', async () => {
    expect((await runWirepipe(['sources', 'pause', 'vna-vi'])).code).toBe(0);
    let listed = (await runWirepipe(['sources', 'list'])).out.map((l) => JSON.parse(l));
    expect(listed).toEqual([expect.objectContaining({ id: 'vna-vi', paused: true })]);
    await runWirepipe(['sources', 'resume', 'vna-vi']);
    listed = (await runWirepipe(['sources', 'list'])).out.map((l) => JSON.parse(l));
    expect(listed[0]).toMatchObject({ id: 'vna-vi', paused: false, consecutiveErrors: 0 });
  });

  it('prints usage for a wrong sub-command', async () => {
    expect((await runWirepipe(['sources', 'frobnicate'])).code).toBe(2);
  });
});
