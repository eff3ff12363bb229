/**
 * Machine translation for partner desks, end to end against a local LibreTranslate-compatible
 * server: a Vietnamese story appears in /feeds/lang/en.* under its translated headline, marked
 * as a machine translation; a provider outage does not hold the story back, and the follow-up
 * job attaches the translation later, to the same version.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { documentToRawItems } from '../../src/producers/sniff.js';
import { loadTranslationConfig } from '../../src/translation/config.js';
import { FakeTranslationServer, LIBRE_PATH } from '../translation/fake-translation-server.js';
import { readJson } from '../support/http.js';
import { eventually, startTestPipeline, type PipelineHarness } from '../support/pipeline-harness.js';

const SAMPLE = new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url);
const HEADLINE = 'Bồi dưỡng đội ngũ làm công tác thông tin đối ngoại tại khu vực miền núi, biên giới';

let fake: FakeTranslationServer;
let h: PipelineHarness | undefined;
beforeAll(async () => {
  fake = await FakeTranslationServer.start();
});
afterEach(async () => {
  await h?.stop();
  h = undefined;
});
afterAll(async () => fake.close());

async function start(name: string) {
  const translation = loadTranslationConfig({ TRANSLATION_PROVIDER: 'libretranslate', TRANSLATION_URL: fake.url, TRANSLATION_TARGETS: 'en', TRANSLATION_MAX_ATTEMPTS: '2', TRANSLATION_BUDGET_MS: '2000' });
  h = await startTestPipeline(name, {}, { translation, translationFollowUpDelayMs: 300 });
  return h;
}

async function ingestSample(harness: PipelineHarness) {
  const items = await documentToRawItems(await readFile(SAMPLE), { sourceId: 'vna', fileName: 'wire.txt', receivedAt: new Date('2023-08-02T09:00:00Z') });
  await harness.pipeline.sink(items);
}

describe('translations for partner desks', () => {
  it('lists a Vietnamese story in the English feed under its machine-translated headline', async () => {
    const harness = await start('translate-ok');
    await ingestSample(harness);
    const en = await eventually(async () => {
      const res = await fetch(`${harness.pipeline.baseUrl}/feeds/lang/en.json`);
      return res.status === 200 ? readJson(res) : undefined;
    }, 20_000, 'the English feed');
    expect(en.items[0].title).toBe(`[en] ${HEADLINE}`);
    expect(en.items[0].tags).toContain('machine translation vi→en (libretranslate)');
    // The Vietnamese feed keeps the original headline, and the article records the translation.
    const vi = await readJson(await fetch(`${harness.pipeline.baseUrl}/feeds/lang/vi.json`));
    expect(vi.items[0].title).toBe(HEADLINE);
    const id = (vi.items[0].id as string).replace('urn:wirepipe:story:', '');
    const stored = await harness.pipeline.store.get(id);
    expect(stored?.translations).toEqual([expect.objectContaining({ lang: 'en', provider: 'libretranslate', machine: true, from: 'vi' })]);
    // Headline and lead went out in one call.
    expect(fake.calls(LIBRE_PATH)).toHaveLength(1);
  });

  it('publishes the story without waiting out an outage, and the follow-up adds the translation to the same version', async () => {
    const harness = await start('translate-later');
    const before = fake.calls(LIBRE_PATH).length;
    fake.enqueue(LIBRE_PATH, { status: 503 }, { status: 503 });
    await ingestSample(harness);
    const vi = await eventually(async () => {
      const json = await readJson(await fetch(`${harness.pipeline.baseUrl}/feeds/lang/vi.json`));
      return json.items?.length ? json : undefined;
    }, 20_000, 'the story published');
    const id = (vi.items[0].id as string).replace('urn:wirepipe:story:', '');
    const published = await harness.pipeline.store.get(id);
    expect(published?.translations).toEqual([]);
    const later = await eventually(async () => {
      const a = await harness.pipeline.store.get(id);
      return a && a.translations.length > 0 ? a : undefined;
    }, 20_000, 'the follow-up translation');
    expect(later.version).toBe(published?.version);
    expect(later.translations[0]?.headline).toBe(`[en] ${HEADLINE}`);
    expect(fake.calls(LIBRE_PATH).length - before).toBe(3);
  });
});
