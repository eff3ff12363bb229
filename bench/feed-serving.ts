/**
 * Feed serving: GET /feeds/all.rss (50 entries) from the real feed server against a bare
 * node:http server returning a static body of the same size and type, both on loopback, loaded
 * the same way by a fixed number of concurrent fetch() loops in this process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBenchPipeline } from './lib/bench-pipeline.js';
import { StoryFactory, loadStoryTemplates } from './lib/stories.js';
import { round, summarize, type Summary } from './lib/stats.js';
import type { Scenario, ScenarioResult } from './scenario.js';

const CONNECTIONS = 16;
const STORIES = 120;

export interface HttpLoad extends Summary {
  requestsPerSecond: number;
  errors: number;
}

/** `connections` loops of GET `url` for `seconds`; req/s and per-request latency (ms). */
export async function loadUrl(url: string, seconds: number, connections = CONNECTIONS): Promise<HttpLoad> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          const res = await fetch(url);
          await res.arrayBuffer();
          if (res.status === 200) latencies.push(performance.now() - t);
          else errors += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { ...summarize(latencies), requestsPerSecond: latencies.length / elapsed, errors };
}

function mergeLoads(a: HttpLoad, b: HttpLoad): HttpLoad {
  return {
    ...(a.p99 >= b.p99 ? a : b),
    count: a.count + b.count,
    median: (a.median + b.median) / 2,
    requestsPerSecond: (a.requestsPerSecond + b.requestsPerSecond) / 2,
    errors: a.errors + b.errors,
  };
}

async function staticServer(body: Buffer, contentType: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feeds/all.rss`, server };
}

export const feedServingScenario: Scenario = {
  name: 'feed-serving',
  title: 'Feed serving: GET /feeds/all.rss vs a bare node:http static body',
  async run(ctx): Promise<ScenarioResult> {
    const { templates } = await loadStoryTemplates();
    const seconds = ctx.opts.quick ? 3 : 10;
    const bench = await startBenchPipeline({ name: 'feed-serving', redisUrl: ctx.redis.url, topology: 'fused', concurrency: ctx.opts.concurrency, http: true });
    try {
      await bench.pipeline.sink(new StoryFactory(templates, bench.config.prefix).batch(STORIES));
      const deadline = Date.now() + 30_000;
      while ((await bench.pipeline.store.list('all', 50)).length < 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const url = `${bench.pipeline.baseUrl}/feeds/all.rss`;
      const first = await fetch(url);
      const body = Buffer.from(await first.arrayBuffer());
      if (first.status !== 200) throw new Error(`GET ${url} answered ${first.status}`);
      const bare = await staticServer(body, first.headers.get('content-type') ?? 'application/rss+xml');
      try {
        ctx.progress(`feed-serving: bare static server and /feeds/all.rss, ${CONNECTIONS} connections, ${seconds} s each, alternating`);
        // Two alternating halves each, so drift in the machine's load weighs on both alike.
        const b1 = await loadUrl(bare.url, seconds / 2);
        const f1 = await loadUrl(url, seconds / 2);
        const b2 = await loadUrl(bare.url, seconds / 2);
        const f2 = await loadUrl(url, seconds / 2);
        const b = mergeLoads(b1, b2);
        const f = mergeLoads(f1, f2);
        const q = f.requestsPerSecond / b.requestsPerSecond;
        return {
          rows: [
            { metric: 'bare static body', value: round(b.requestsPerSecond, 0), unit: 'req/s', note: `p99 ${b.p99.toFixed(1)} ms, ${body.length} bytes` },
            { metric: '/feeds/all.rss', value: round(f.requestsPerSecond, 0), unit: 'req/s', note: `p99 ${f.p99.toFixed(1)} ms${f.errors > 0 ? `, ${f.errors} errors` : ''}` },
            { metric: 'feed ÷ bare', value: round(q), unit: 'ratio' },
          ],
          figures: { feed_rss_req_s: round(f.requestsPerSecond, 0), bare_http_req_s: round(b.requestsPerSecond, 0), feed_serving_ratio: round(q), feed_rss_p99_ms: round(f.p99, 1) },
          checks: [],
        };
      } finally {
        await new Promise((resolve) => bare.server.close(resolve));
      }
    } finally {
      await bench.stop();
    }
  },
};
