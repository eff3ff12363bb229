/**
 * Rebuilding Redis from the archive on the real test Redis and s3rver: after the pipeline's keys
 * are gone, the feeds come back with the latest archived version of each story, and the next edit
 * of a story is numbered after the archived versions instead of overwriting v1.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentToRawItems } from '../../src/producers/sniff.js';
import { restoreFromArchive } from '../../src/archive/restore.js';
import { readSnapshot, snapshotKeys } from '../../src/archive/snapshots.js';
import { createArticleStore, startPipeline, type Pipeline } from '../../src/app/pipeline.js';
import { RedisStoryStore } from '../../src/workers/story-store.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Article } from '../../src/shared/article.js';
import { cleanupPrefix } from '../support/redis-prefix.js';
import { drained, eventually, startTestPipeline, type PipelineHarness } from '../support/pipeline-harness.js';
import { runWirepipe } from '../support/cli.js';

const SAMPLE = new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url);
const RECEIVED = new Date('2023-08-02T09:00:00Z');

/** The sample as source `sourceId`, its body edited by `edit` (an edit of the same story is a new version). */
async function item(sourceId: string, edit = '') {
  const text = (await readFile(SAMPLE, 'utf8')).replace('giữ vững chủ quyền biên giới quốc gia.', `giữ vững chủ quyền biên giới quốc gia.${edit}`);
  return documentToRawItems(Buffer.from(text), { sourceId, fileName: 'hagiang.txt', receivedAt: RECEIVED });
}

async function listed(p: Pipeline, n: number): Promise<Article[]> {
  return eventually(async () => {
    const list = await p.store.list('all', 10);
    return list.length === n ? list : undefined;
  }, 20_000, `${n} stories in the feed`);
}

describe('restoring Redis from the archive', () => {
  let h: PipelineHarness;
  beforeAll(async () => {
    // The harness gives services, prefix and bucket; the pipelines that publish are started below.
    h = await startTestPipeline('restore', {}, { workers: false, http: false });
  });
  afterAll(async () => h?.stop());

  it('brings back the feeds and the version numbers, so the next edit never overwrites an archived version', async () => {
    const first = await startPipeline(h.config, h.services, silentLogger(), { http: false });
    await first.sink(await item('vna'));
    await first.sink(await item('other'));
    await listed(first, 2);
    await first.sink(await item('vna', ' Bản cập nhật lần hai.'));
    const before = await eventually(async () => {
      const list = await first.store.list('all', 10);
      return list.some((a) => a.version === 2) ? list : undefined;
    }, 20_000, 'version 2 in the feed');
    await drained(first);
    await first.close();
    const edited = before.find((a) => a.version === 2)!;
    const v1Key = snapshotKeys({ ...edited, version: 1 }).article;
    const v1Before = await readSnapshot(h.s3.client, h.bucket, v1Key);

    // Redis loses everything of this pipeline.
    await cleanupPrefix(h.services.redis, h.config.prefix);
    expect(await h.pipeline.store.list('all', 10)).toEqual([]);

    const restore = (now: Date) =>
      restoreFromArchive({
        s3: h.services.s3,
        bucket: h.bucket,
        store: createArticleStore(h.config, h.services),
        stories: new RedisStoryStore(h.services.redis, h.config.prefix),
        days: 3,
        now,
      });
    const report = await restore(new Date(Date.parse(edited.firstCreated) + 86_400_000));
    expect(report).toEqual({ stories: 2, versions: 3, listed: 2, failed: [] });
    const restored = await h.pipeline.store.list('all', 10);
    expect(restored.map((a) => [a.id, a.version]).sort()).toEqual(before.map((a) => [a.id, a.version]).sort());
    expect(await h.services.redis.hget(`${h.config.prefix}:story:${edited.id}`, 'latest')).toBe('2');

    // The pipeline runs again on the restored Redis: the unchanged re-send of v2 is recognised
    // (nothing new), and the third edit becomes version 3.
    const again = await startPipeline(h.config, h.services, silentLogger(), { http: false });
    try {
      await again.sink(await item('vna', ' Bản cập nhật lần hai.'));
      await drained(again);
      expect((await again.store.get(edited.id))?.versionCreated).toBe(edited.versionCreated);
      expect(await h.services.redis.hget(`${h.config.prefix}:story:${edited.id}`, 'latest')).toBe('2');
      await again.sink(await item('vna', ' Bản cập nhật lần ba.'));
      const third = await eventually(async () => (await again.store.get(edited.id))?.version === 3 || undefined, 20_000, 'version 3 published');
      expect(third).toBe(true);
    } finally {
      await again.close();
    }
    expect(await readSnapshot(h.s3.client, h.bucket, v1Key)).toEqual(v1Before);

    // Stories older than the feed window: not listed again, but their versions are still known.
    await cleanupPrefix(h.services.redis, h.config.prefix);
    const late = await restore(new Date(Date.parse(edited.firstCreated) + 30 * 86_400_000));
    expect(late).toEqual({ stories: 2, versions: 4, listed: 0, failed: [] });
    expect(await h.pipeline.store.list('all', 10)).toEqual([]);
    expect(await h.services.redis.hget(`${h.config.prefix}:story:${edited.id}`, 'latest')).toBe('3');
  }, 90_000);

  it('wirepipe archive restore refuses a bad --days', async () => {
    const run = await runWirepipe(['archive', 'restore', '--days', 'many']);
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toContain('--days N');
  });
});
