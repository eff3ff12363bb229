/** The producer loop: every feed is polled, never more than maxPerHost at once against one host. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProducers } from '../../src/app/producers.js';
import { MemorySourceStateStore } from '../../src/producers/feed/source-state.js';
import { SourceSchema } from '../../src/shared/sources.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { DeadLetters } from '../../src/shared/dead-letters.js';
import type { RawItemInput } from '../../src/shared/raw-item.js';
import { eventually } from '../support/pipeline-harness.js';

const rss = (n: number) => `<?xml version="1.0"?><rss version="2.0"><channel><title>f${n}</title><item><guid>g-${n}</guid><title>Story ${n}</title><description>d</description></item></channel></rss>`;

let server: Server;
let base: string;
let inFlight = 0;
let maxInFlight = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Slow answers, so polls of different feeds would overlap if nothing held them back.
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss(Number(req.url?.slice(-1))));
    }, 300);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('producer loop', () => {
  it('polls every feed of one host, at most two at a time', async () => {
    const sources = [1, 2, 3, 4].map((n) => SourceSchema.parse({ id: `feed-${n}`, kind: 'feed', url: `${base}/feed-${n}`, intervalSeconds: 3600 }));
    const received: RawItemInput[] = [];
    const state = new MemorySourceStateStore();
    const producers = startProducers({
      sources: () => sources,
      sink: async (items) => {
        received.push(...items);
        return { jobIds: [], unchanged: 0 };
      },
      state,
      deadLetters: {} as DeadLetters,
      log: silentLogger(),
      tickMs: 50,
      maxPerHost: 2,
    });
    try {
      await eventually(async () => (received.length === 4 ? true : undefined), 10_000, 'all four feeds polled');
      expect(maxInFlight).toBe(2);
      expect(received.map((i) => i.title).sort()).toEqual(['Story 1', 'Story 2', 'Story 3', 'Story 4']);
      for (const s of sources) expect((await state.get(s.id)).lastSuccess).not.toBeNull();
    } finally {
      await producers.stop();
    }
  });
});
