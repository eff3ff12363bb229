/**
 * What `npm start` does, in a test: the bundled sample feeds are polled over real HTTP and the
 * sample wire copy is picked up from a drop folder; every sample story reaches the feeds.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../support/http.js';
import { sampleSources, startSampleFeedServer, SAMPLES_DIR } from '../../src/app/sample-sources.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { HttpServer } from '../../src/server/http.js';
import { eventually, startTestPipeline, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
let samples: HttpServer;
let dropDir: string;

async function countItems(file: string, tag: RegExp): Promise<number> {
  return ((await readFile(join(SAMPLES_DIR, 'feeds', file), 'utf8')).match(tag) ?? []).length;
}

beforeAll(async () => {
  samples = await startSampleFeedServer(silentLogger());
  const made = await sampleSources(samples.url, await mkdtemp(join(tmpdir(), 'wirepipe-drop-')));
  dropDir = made.dropDir;
  h = await startTestPipeline('samples', {}, { sources: () => made.sources });
});
afterAll(async () => {
  await h?.stop();
  await samples?.close();
});

describe('the bundled samples', () => {
  it('are all published within seconds, from the feeds and from the drop folder', async () => {
    const wireFiles = (await readdir(join(SAMPLES_DIR, 'wire'))).filter((f) => f.endsWith('.txt'));
    const expected = (await countItems('vna-vi.rss', /<item>/g)) + (await countItems('vna-en.atom', /<entry>/g)) + wireFiles.length;
    expect(expected).toBeGreaterThanOrEqual(5);
    const feed = await eventually(async () => {
      const json = await readJson(await fetch(`${h.pipeline.baseUrl}/feeds/all.json`));
      return json.items.length >= expected ? json : undefined;
    }, 30_000, `${expected} sample stories in the feed`);
    expect(feed.items).toHaveLength(expected);
    const titles: string[] = feed.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('Bồi dưỡng đội ngũ làm công tác thông tin đối ngoại tại khu vực miền núi, biên giới');
    // The drop folder moved every sample file to done/.
    expect((await readdir(join(dropDir, 'done'))).sort()).toEqual(wireFiles.sort());
    // Both languages have their own feed.
    expect((await fetch(`${h.pipeline.baseUrl}/feeds/lang/en.atom`)).status).toBe(200);
    expect((await fetch(`${h.pipeline.baseUrl}/feeds/lang/vi.atom`)).status).toBe(200);
  });
});
