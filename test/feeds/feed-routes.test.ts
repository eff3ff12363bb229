/** The feed server: conditional GET for polling partners, 404s for unknown feeds, HEAD. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../support/articles.js';
import { startTestPipeline, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => {
  h = await startTestPipeline('feed-routes', {}, { workers: false });
  await h.pipeline.store.save(makeArticle({ id: 'x-1', category: 'Thể thao', language: 'vi', headline: 'Đội tuyển thắng 2-0' }));
});
afterAll(async () => h?.stop());

describe('feed routes', () => {
  it('answers 304 to a partner that already has the current feed', async () => {
    const url = `${h.pipeline.baseUrl}/feeds/all.atom`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/atom+xml');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(second.status).toBe(304);
    // A new story changes the ETag.
    await h.pipeline.store.save(makeArticle({ id: 'x-2', versionCreated: '2026-11-02T00:00:00Z' }));
    const third = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(third.status).toBe(200);
  });

  it('serves section and language feeds, and 404 for ones that do not exist', async () => {
    const section = await fetch(`${h.pipeline.baseUrl}/feeds/category/the-thao.rss`);
    expect(section.status).toBe(200);
    expect(await section.text()).toContain('Đội tuyển thắng 2-0');
    expect((await fetch(`${h.pipeline.baseUrl}/feeds/category/no-such-section.rss`)).status).toBe(404);
    expect((await fetch(`${h.pipeline.baseUrl}/feeds/all.xml`)).status).toBe(404);
    expect((await fetch(`${h.pipeline.baseUrl}/feeds/lang/vi.json`)).status).toBe(200);
  });

  it('keeps embargoed, withheld and canceled stories out of the feeds', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    await h.pipeline.store.save(makeArticle({ id: 'emb-1', headline: 'Under embargo', embargoedUntil: future, versionCreated: '2026-11-03T00:00:00Z' }));
    await h.pipeline.store.save(makeArticle({ id: 'emb-2', headline: 'Embargo over', embargoedUntil: '2026-01-01T00:00:00Z', versionCreated: '2026-11-03T00:00:00Z' }));
    await h.pipeline.store.save(makeArticle({ id: 'wh-1', headline: 'Withheld story', pubStatus: 'withheld', versionCreated: '2026-11-03T00:00:00Z' }));
    await h.pipeline.store.save(makeArticle({ id: 'kill-1', headline: 'Killed story', pubStatus: 'canceled', versionCreated: '2026-11-03T00:00:00Z' }));
    const text = await (await fetch(`${h.pipeline.baseUrl}/feeds/all.rss`)).text();
    expect(text).toContain('Embargo over');
    expect(text).not.toContain('Under embargo');
    expect(text).not.toContain('Withheld story');
    expect(text).not.toContain('Killed story');
  });

  it('answers HEAD without a body', async () => {
    const res = await fetch(`${h.pipeline.baseUrl}/feeds/all.rss`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});
