/**
 * End to end on real Redis and a real S3-protocol server: the sample wire story goes through the
 * queues (both topologies), appears in all three feed formats, and is archived on S3 as the
 * canonical article and a valid ninjs 2.2 document. Re-ingesting publishes nothing new.
 */
import { readFile } from 'node:fs/promises';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentToRawItems } from '../../src/producers/sniff.js';
import { snapshotKeys } from '../../src/archive/snapshots.js';
import { ArticleSchema } from '../../src/shared/article.js';
import { drained, eventually, startTestPipeline, type PipelineHarness } from '../support/pipeline-harness.js';
import { jsonFeedValidator, ninjsValidator } from '../support/schemas.js';

const SAMPLE = new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url);
const HEADLINE = 'Bồi dưỡng đội ngũ làm công tác thông tin đối ngoại tại khu vực miền núi, biên giới';

async function sampleItems() {
  return documentToRawItems(await readFile(SAMPLE), { sourceId: 'vna', fileName: 'wire-vi-hagiang.txt', receivedAt: new Date('2023-08-02T09:00:00Z') });
}

async function getText(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return res.text();
}

describe.each(['split', 'fused'])('walking skeleton, %s topology', (topology) => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await startTestPipeline(`e2e-${topology}`, { TOPOLOGY: topology });
  });
  afterAll(async () => h?.stop());

  it('publishes the sample story to Atom, RSS and JSON Feed and archives it on S3', async () => {
    const queued = await h.pipeline.sink(await sampleItems());
    expect(queued.jobIds).toHaveLength(1);
    const base = h.pipeline.baseUrl;

    const atom = await eventually(async () => {
      const text = await getText(`${base}/feeds/all.atom`);
      return text.includes(HEADLINE) ? text : undefined;
    }, 20_000, 'the story in the Atom feed');
    expect(XMLValidator.validate(atom)).toBe(true);
    const parsedAtom = new XMLParser({ ignoreAttributes: false }).parse(atom);
    const entry = [parsedAtom.feed.entry].flat()[0];
    expect(entry.title['#text'] ?? entry.title).toBe(HEADLINE);

    const rss = await getText(`${base}/feeds/all.rss`);
    expect(XMLValidator.validate(rss)).toBe(true);
    const item = [new XMLParser().parse(rss).rss.channel.item].flat()[0];
    expect(item.title).toBe(HEADLINE);

    const jsonFeed = JSON.parse(await getText(`${base}/feeds/all.json`));
    expect(jsonFeed.version).toBe('https://jsonfeed.org/version/1.1');
    const validFeed = jsonFeedValidator();
    expect(validFeed(jsonFeed), JSON.stringify(validFeed.errors)).toBe(true);
    expect(jsonFeed.items[0].title).toBe(HEADLINE);
    expect(jsonFeed.items[0].content_html).not.toContain('Tin liên quan');

    // The section and language feeds list it too.
    const section = JSON.parse(await getText(`${base}/feeds/category/hoi-nhap.json`));
    expect(section.items.map((i: { title: string }) => i.title)).toContain(HEADLINE);
    const vi = JSON.parse(await getText(`${base}/feeds/lang/vi.json`));
    expect(vi.items.map((i: { title: string }) => i.title)).toContain(HEADLINE);

    // The archive holds the canonical article and a valid ninjs 2.2 document.
    const id = jsonFeed.items[0].id as string;
    const stored = await h.pipeline.store.get(id.replace(/^urn:wirepipe:story:/, ''));
    expect(stored).not.toBeNull();
    const article = ArticleSchema.parse(stored);
    expect(article.version).toBe(1);
    const keys = snapshotKeys(article);
    expect(keys.article).toMatch(/^articles\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/v1\.json$/);
    const body = async (key: string) =>
      JSON.parse(await (await h.s3.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: key }))).Body!.transformToString());
    const archived = ArticleSchema.parse(await body(keys.article));
    expect(archived.headline).toBe(HEADLINE);
    expect(archived.category).toBe('Hội nhập');
    const ninjs = await body(keys.ninjs);
    const validate = ninjsValidator();
    expect(validate(ninjs), JSON.stringify(validate.errors)).toBe(true);
  });

  it('publishes no second story and no new version when the same file is ingested again', async () => {
    const before = JSON.parse(await getText(`${h.pipeline.baseUrl}/feeds/all.json`));
    expect(before.items).toHaveLength(1);

    // Through the producer path: the ingest sink knows the item and queues nothing.
    const again = await h.pipeline.sink(await sampleItems());
    expect(again.unchanged).toBe(1);
    expect(again.jobIds).toHaveLength(0);

    // Behind the producer's back (another producer, a replay): normalize sees the same content.
    const [raw] = await sampleItems();
    await h.pipeline.queues.ingest.add('replay', raw, { jobId: 'replay-of-sample' });
    await drained(h.pipeline);

    const after = JSON.parse(await getText(`${h.pipeline.baseUrl}/feeds/all.json`));
    expect(after.items).toHaveLength(1);
    const id = (after.items[0].id as string).replace(/^urn:wirepipe:story:/, '');
    expect((await h.pipeline.store.get(id))?.version).toBe(1);
    const listed = await h.s3.client.send(new ListObjectsV2Command({ Bucket: h.bucket, Prefix: 'articles/' }));
    const keys = (listed.Contents ?? []).map((o) => o.Key);
    expect(keys.filter((k) => k?.endsWith('.json') && !k.endsWith('.ninjs.json'))).toHaveLength(1);
  });
});
