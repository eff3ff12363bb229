/** The feed server: conditional GET for polling partners, 404s for unknown feeds, HEAD. */
import { setTimeout as sleep } from 'node:timers/promises';
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

  it('answers another method on a feed with 405 naming GET and HEAD', async () => {
    const res = await fetch(`${h.pipeline.baseUrl}/feeds/all.rss`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers 304 to the ETag made weak by a proxy, alone or in a list, and to *', async () => {
    await h.pipeline.store.save(makeArticle({ id: 'weak-1', category: 'Điều kiện', headline: 'Weak tags' }));
    const url = `${h.pipeline.baseUrl}/feeds/category/dieu-kien.json`;
    const etag = (await fetch(url)).headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const status = async (ifNoneMatch: string) => (await fetch(url, { headers: { 'if-none-match': ifNoneMatch } })).status;
    expect(await status(`W/${etag}`)).toBe(304);
    expect(await status(`"other", W/${etag}`)).toBe(304);
    expect(await status('*')).toBe(304);
    expect(await status(`"other", W/"${etag!.slice(1, -2)}"`)).toBe(200);
  });

  it('sends Last-Modified and answers 304 to If-Modified-Since until the feed changes, even by a story filed late', async () => {
    await h.pipeline.store.save(makeArticle({ id: 'ims-2', category: 'Ngày giờ', headline: 'Filed on time', versionCreated: '2026-11-10T00:00:00Z' }));
    const savedAt = Date.now();
    await sleep(1_100); // the date is given once the second of the change is over
    const url = `${h.pipeline.baseUrl}/feeds/category/ngay-gio.rss`;
    const first = await fetch(url);
    const lastModified = first.headers.get('last-modified');
    expect(lastModified).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    // The time the feed changed (the save), not the story's own time.
    expect(Math.abs(Date.parse(lastModified!) - savedAt)).toBeLessThan(2_000);
    const status = async (headers: Record<string, string>) => (await fetch(url, { headers })).status;
    expect(await status({ 'if-modified-since': lastModified! })).toBe(304);
    expect(await status({ 'if-modified-since': 'Fri, 01 Jan 2100 00:00:00 GMT' })).toBe(304);
    expect(await status({ 'if-modified-since': new Date(Date.parse(lastModified!) - 1_000).toUTCString() })).toBe(200);
    expect(await status({ 'if-modified-since': 'not a date' })).toBe(200);
    // If-None-Match decides when both are sent.
    expect(await status({ 'if-modified-since': lastModified!, 'if-none-match': '"other"' })).toBe(200);
    // A story filed earlier than the newest one, arriving late, still changes the feed.
    await h.pipeline.store.save(makeArticle({ id: 'ims-1', category: 'Ngày giờ', headline: 'Filed late', versionCreated: '2026-11-09T00:00:00Z' }));
    await sleep(1_100);
    const after = await fetch(url, { headers: { 'if-modified-since': lastModified! } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Filed late');
    expect(Date.parse(after.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(lastModified!));
  });
});

describe('feed routes over a short store (FEED_PAGE_SIZE 2, FEED_LENGTH 5)', () => {
  let small: PipelineHarness;
  beforeAll(async () => {
    small = await startTestPipeline('feed-routes-small', { FEED_PAGE_SIZE: '2', FEED_LENGTH: '5' }, { workers: false });
  });
  afterAll(async () => small?.stop());

  it('shows a story at the top of its feeds once its embargo lifts, however many were published while it waited', async () => {
    const t0 = Date.now();
    const lifts = t0 + 1_000;
    const at = (ms: number) => new Date(ms).toISOString();
    await small.pipeline.store.save(makeArticle({ id: 'emb-late', category: 'Cấm vận', headline: 'Embargoed budget', versionCreated: at(t0 - 3_600_000), embargoedUntil: at(lifts) }));
    for (let i = 0; i < 4; i++) {
      await small.pipeline.store.save(makeArticle({ id: `during-${i}`, category: 'Cấm vận', headline: `Meanwhile ${i}`, versionCreated: at(t0 - 3_000_000 + i * 60_000) }));
    }
    const url = `${small.pipeline.baseUrl}/feeds/category/cam-van.rss`;
    const before = await (await fetch(url)).text();
    expect(before).not.toContain('Embargoed budget');
    expect(before).toContain('Meanwhile 3');
    // Nothing is published when the embargo lifts: the rendering is rebuilt when it grows stale.
    await sleep(5_200);
    const res = await fetch(url);
    const items = (await res.text()).split('<item>').slice(1);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Embargoed budget');
    expect(items[1]).toContain('Meanwhile 3');
    // Partners polling with If-Modified-Since see the feed change when the embargo lifts.
    expect(res.headers.get('last-modified')).toBe(new Date(Math.floor(lifts / 1000) * 1000).toUTCString());
  });

  it('keeps serving a quiet section after its stories fall off the busy all feed', async () => {
    await small.pipeline.store.save(makeArticle({ id: 'quiet-1', category: 'Thể thao', language: 'vi', headline: 'Quiet sports story', versionCreated: '2026-11-20T00:00:00Z' }));
    for (let i = 1; i <= 5; i++) {
      await small.pipeline.store.save(makeArticle({ id: `busy-${i}`, category: 'Kinh tế', headline: `Busy ${i}`, versionCreated: `2026-11-2${i}T00:00:00Z` }));
    }
    expect(await (await fetch(`${small.pipeline.baseUrl}/feeds/all.rss`)).text()).not.toContain('Quiet sports story');
    for (const feed of ['category/the-thao', 'lang/vi']) {
      const res = await fetch(`${small.pipeline.baseUrl}/feeds/${feed}.rss`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Quiet sports story');
    }
    const index = (await (await fetch(`${small.pipeline.baseUrl}/`)).json()) as { feeds: { id: string }[] };
    expect(index.feeds.map((f) => f.id)).toContain('category/the-thao');
  });
});
