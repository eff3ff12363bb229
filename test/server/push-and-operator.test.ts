/**
 * POST /ingest and the operator endpoints on a real pipeline (no workers, so queued jobs stay
 * visible): authentication by bearer token and by HMAC with replay protection, the body cap,
 * all-or-nothing queueing, and source health with pause/resume.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../support/http.js';
import { signPush } from '../../src/server/push-auth.js';
import { SourceSchema } from '../../src/shared/sources.js';
import { startTestPipeline, type PipelineHarness } from '../support/pipeline-harness.js';

const TOKEN = 'partner-token-0123456789';
const SECRET = 'hmac-secret-abcdefghijkl';
const OPERATOR = 'operator-token-0123456789';
const WIRE = new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url);

let h: PipelineHarness;
let base: string;

beforeAll(async () => {
  process.env['TEST_PUSH_TOKEN'] = TOKEN;
  process.env['TEST_PUSH_SECRET'] = SECRET;
  const sources = [
    SourceSchema.parse({ id: 'partner-bearer', kind: 'push', auth: { bearerTokenEnv: 'TEST_PUSH_TOKEN' } }),
    SourceSchema.parse({ id: 'partner-hmac', kind: 'push', auth: { hmacSecretEnv: 'TEST_PUSH_SECRET' } }),
  ];
  h = await startTestPipeline('push', { OPERATOR_TOKEN: OPERATOR }, { workers: false, sources: () => sources });
  base = h.pipeline.baseUrl;
});
afterAll(async () => h?.stop());

async function waiting(): Promise<number> {
  return (await h.pipeline.queues.ingest.getJobCounts('waiting'))['waiting'] ?? 0;
}

function post(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, { method: 'POST', body, headers });
}

describe('POST /ingest', () => {
  it('accepts wire copy with a bearer token and answers 202 with the job ids', async () => {
    const res = await post('/ingest?source=partner-bearer', await readFile(WIRE), { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain; charset=utf-8' });
    expect(res.status).toBe(202);
    const body = await readJson(res);
    expect(body.jobIds).toHaveLength(1);
    expect(await h.pipeline.queues.ingest.getJob(body.jobIds[0])).toBeDefined();
  });

  it('refuses a wrong or missing token with 401 and a precise code', async () => {
    const wrong = await post('/ingest?source=partner-bearer', 'x', { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
    expect((await readJson(wrong)).error.code).toBe('AUTH_INVALID');
    const missing = await post('/ingest?source=partner-bearer', 'x');
    expect((await readJson(missing)).error.code).toBe('AUTH_MISSING');
  });

  it('accepts an HMAC-signed push once, and refuses the same request replayed', async () => {
    const body = Buffer.from(JSON.stringify({
      uri: 'urn:partner:1', type: 'text', headline: 'Partner story', body_text: 'A partner pushed this story to us.', versioncreated: '2026-11-27T08:00:00Z', language: 'en',
    }));
    const ts = Math.floor(Date.now() / 1000);
    const headers = { 'x-wirepipe-timestamp': String(ts), 'x-wirepipe-signature': `sha256=${signPush(SECRET, ts, body)}`, 'content-type': 'application/json' };
    const first = await post('/ingest?source=partner-hmac', body, headers);
    expect(first.status, await first.clone().text()).toBe(202);
    const replay = await post('/ingest?source=partner-hmac', body, headers);
    expect(replay.status).toBe(401);
    expect((await readJson(replay)).error.code).toBe('AUTH_REPLAY');
  });

  it('lets a partner retry a signed push that was not accepted, and keeps the refused document as a dead letter', async () => {
    const body = Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><item><title>broken');
    const ts = Math.floor(Date.now() / 1000);
    const headers = { 'x-wirepipe-timestamp': String(ts), 'x-wirepipe-signature': `sha256=${signPush(SECRET, ts, body)}` };
    const first = await post('/ingest?source=partner-hmac', body, headers);
    expect(first.status).toBe(422);
    // The same signed request again: still judged on its content, not refused as a replay.
    const again = await post('/ingest?source=partner-hmac', body, headers);
    expect(again.status).toBe(422);
    const letters = await h.pipeline.deadLetters.list(5);
    expect(letters[0]).toMatchObject({ where: 'push:partner-hmac' });
    expect(JSON.parse(letters[0]!.data).body).toContain('broken');
  });

  it('lets a partner retry a signed push whose queueing failed with a server error', async () => {
    const body = Buffer.from(JSON.stringify({
      uri: 'urn:partner:500', type: 'text', headline: 'Pushed during an outage', body_text: 'Queued on the second try.', versioncreated: '2026-11-27T09:00:00Z', language: 'en',
    }));
    const ts = Math.floor(Date.now() / 1000);
    const headers = { 'x-wirepipe-timestamp': String(ts), 'x-wirepipe-signature': `sha256=${signPush(SECRET, ts, body)}`, 'content-type': 'application/json' };
    // The sink's first Redis call fails (WRONGTYPE), as a Redis error while queueing would.
    const seenKey = `${h.config.prefix}:seen:partner-hmac`;
    const kept = await h.services.redis.hgetall(seenKey);
    await h.services.redis.del(seenKey);
    await h.services.redis.set(seenKey, 'not a hash');
    const failed = await post('/ingest?source=partner-hmac', body, headers);
    expect(failed.status).toBe(500);
    await h.services.redis.del(seenKey);
    if (Object.keys(kept).length > 0) await h.services.redis.hset(seenKey, kept);
    const retried = await post('/ingest?source=partner-hmac', body, headers);
    expect(retried.status, await retried.clone().text()).toBe(202);
    const { jobIds } = await readJson(retried);
    expect(await h.pipeline.queues.ingest.getJob(jobIds[0])).toBeDefined();
  });

  it('refuses a signature outside the time window and one over a different body', async () => {
    const body = 'Some wire text';
    const old = Math.floor(Date.now() / 1000) - 3600;
    const stale = await post('/ingest?source=partner-hmac', body, { 'x-wirepipe-timestamp': String(old), 'x-wirepipe-signature': signPush(SECRET, old, body) });
    expect((await readJson(stale)).error.code).toBe('AUTH_STALE');
    const ts = Math.floor(Date.now() / 1000);
    const tampered = await post('/ingest?source=partner-hmac', `${body}!`, { 'x-wirepipe-timestamp': String(ts), 'x-wirepipe-signature': signPush(SECRET, ts, body) });
    expect((await readJson(tampered)).error.code).toBe('AUTH_INVALID');
  });

  it('answers 413 for a body over the cap and queues nothing', async () => {
    const before = await waiting();
    const res = await post('/ingest?source=partner-bearer', Buffer.alloc(6 * 1024 * 1024, 97), { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(413);
    expect(await waiting()).toBe(before);
  });

  it('answers 422 with the parse error for a broken feed and queues none of it', async () => {
    const before = await waiting();
    const res = await post('/ingest?source=partner-bearer', '<?xml version="1.0"?><rss version="2.0"><channel><item><title>a</title></item><item>', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(422);
    expect((await readJson(res)).error.code).toMatch(/^FEED_/);
    expect(await waiting()).toBe(before);
  });

  it('answers 404 for an unknown source and 405 for GET', async () => {
    expect((await post('/ingest?source=nobody', 'x', { authorization: `Bearer ${TOKEN}` })).status).toBe(404);
    expect((await fetch(`${base}/ingest?source=partner-bearer`)).status).toBe(405);
  });
});

describe('operator endpoints', () => {
  const auth = { authorization: `Bearer ${OPERATOR}` };

  it('require the operator token', async () => {
    expect((await fetch(`${base}/sources`)).status).toBe(401);
    expect((await fetch(`${base}/status`, { headers: { authorization: 'Bearer wrong-wrong-wrong-wrong' } })).status).toBe(401);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('list sources with their health, and pause and resume one', async () => {
    const list = await readJson(await fetch(`${base}/sources`, { headers: auth }));
    expect(list.sources.map((s: { id: string }) => s.id)).toEqual(['partner-bearer', 'partner-hmac']);
    expect(list.sources[0]).toMatchObject({ paused: false, consecutiveErrors: 0 });
    expect((await post('/sources/partner-hmac/pause', '', auth)).status).toBe(200);
    let again = await readJson(await fetch(`${base}/sources`, { headers: auth }));
    expect(again.sources[1].paused).toBe(true);
    await post('/sources/partner-hmac/resume', '', auth);
    again = await readJson(await fetch(`${base}/sources`, { headers: auth }));
    expect(again.sources[1].paused).toBe(false);
    expect((await post('/sources/nobody/pause', '', auth)).status).toBe(404);
  });

  it('report queue depths per stage group', async () => {
    const status = await readJson(await fetch(`${base}/status`, { headers: auth }));
    expect(status.topology).toBe('fused');
    expect(status.queues[0].counts.waiting).toBeGreaterThanOrEqual(2);
  });
});
