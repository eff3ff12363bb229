/** The drop folder on a real temp directory: done/, failed/ with .error.json, unstable files, retries. */
import { copyFile, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchDropFolder, type DropFolderWatcher } from '../../src/producers/drop-folder.js';
import { PermanentError, RetryableError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { RawItem } from '../../src/shared/raw-item.js';

const WIRE = fileURLToPath(new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url));
const FEEDS = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

let dir: string;
let watcher: DropFolderWatcher | null;
let received: RawItem[][];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirepipe-drop-'));
  received = [];
  watcher = null;
});
afterEach(async () => {
  await watcher?.stop();
  await rm(dir, { recursive: true, force: true });
});

/**
 * A watcher whose timer never fires during the test: after its start-up scan (awaited here),
 * scans happen only through scanOnce().
 */
async function watch(sink: (items: RawItem[]) => Promise<void> = async (items) => void received.push(items), settleMs = 2000): Promise<DropFolderWatcher> {
  watcher = watchDropFolder({ dir, sourceId: 'drop', sink, log: silentLogger(), intervalMs: 3_600_000, settleMs });
  await watcher.scanOnce();
  return watcher;
}

async function settled(name: string): Promise<void> {
  await utimes(join(dir, name), LONG_AGO, LONG_AGO);
}

describe('watchDropFolder', () => {
  it('ingests wire copy and a feed, then moves both to done/', async () => {
    await copyFile(WIRE, join(dir, 'story.txt'));
    await copyFile(join(FEEDS, 'rss2-basic.xml'), join(dir, 'feed.xml'));
    await Promise.all([settled('story.txt'), settled('feed.xml')]);
    const w = await watch();
    await w.scanOnce();
    expect(received.map((b) => b.length).sort()).toEqual([1, 2]);
    expect(received.flat().every((i) => i.sourceId === 'drop')).toBe(true);
    expect((await readdir(join(dir, 'done'))).sort()).toEqual(['feed.xml', 'story.txt']);
    expect((await readdir(dir)).sort()).toEqual(['done', 'failed']);
  });

  it('moves a bad document to failed/ with an .error.json beside it', async () => {
    await copyFile(join(FEEDS, 'xxe.xml'), join(dir, 'evil.xml'));
    await settled('evil.xml');
    await (await watch()).scanOnce();
    expect(received).toEqual([]);
    expect((await readdir(join(dir, 'failed'))).sort()).toEqual(['evil.xml', 'evil.xml.error.json']);
    const report = JSON.parse(await readFile(join(dir, 'failed', 'evil.xml.error.json'), 'utf8'));
    expect(report.error.code).toBe('FEED_DTD_REFUSED');
    expect(report.file).toBe('evil.xml');
  });

  it('refuses a file over the byte cap without reading it, to failed/ with the reason', async () => {
    await copyFile(WIRE, join(dir, 'story.txt'));
    await settled('story.txt');
    watcher = watchDropFolder({ dir, sourceId: 'drop', sink: async (items) => void received.push(items), log: silentLogger(), intervalMs: 3_600_000, settleMs: 2000, maxBytes: 100 });
    await watcher.scanOnce();
    await watcher.scanOnce();
    expect(received).toEqual([]);
    const report = JSON.parse(await readFile(join(dir, 'failed', 'story.txt.error.json'), 'utf8'));
    expect(report.error.code).toBe('FETCH_TOO_LARGE');
  });

  it('waits for a freshly written file to keep its size across two scans', async () => {
    const w = await watch();
    await writeFile(join(dir, 'growing.txt'), 'Tiêu đề\n\nPhần đầu');
    await w.scanOnce();
    expect(received).toEqual([]);
    await writeFile(join(dir, 'growing.txt'), 'Tiêu đề\n\nPhần đầu và phần sau của bản tin.');
    await w.scanOnce();
    expect(received).toEqual([]);
    await w.scanOnce();
    expect(received).toHaveLength(1);
    expect(received[0]?.[0]?.content).toContain('phần sau');
  });

  it('skips temporary and hidden names', async () => {
    await writeFile(join(dir, 'upload.txt.part'), 'half');
    await writeFile(join(dir, '.hidden'), 'x');
    await Promise.all([settled('upload.txt.part'), settled('.hidden')]);
    await (await watch()).scanOnce();
    expect(received).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['.hidden', 'done', 'failed', 'upload.txt.part']);
  });

  it('leaves the file in place when the sink fails for a passing reason, and ingests it later', async () => {
    await copyFile(WIRE, join(dir, 'story.txt'));
    await settled('story.txt');
    let fail = true;
    const w = await watch(async (items) => {
      if (fail) throw new RetryableError('REDIS_UNAVAILABLE', 'redis down');
      received.push(items);
    });
    await w.scanOnce();
    expect(await readdir(dir)).toContain('story.txt');
    fail = false;
    await w.scanOnce();
    expect(received).toHaveLength(1);
    expect(await readdir(join(dir, 'done'))).toEqual(['story.txt']);
  });

  it('moves the file to failed/ when the sink rejects it permanently', async () => {
    await copyFile(WIRE, join(dir, 'story.txt'));
    await settled('story.txt');
    await (
      await watch(async () => {
        throw new PermanentError('INVALID_RAW_ITEM', 'bad item');
      })
    ).scanOnce();
    expect((await readdir(join(dir, 'failed'))).sort()).toEqual(['story.txt', 'story.txt.error.json']);
  });

  it('does not overwrite an earlier file of the same name in done/', async () => {
    const w = await watch();
    for (const text of ['Bản tin một\n\nNội dung.', 'Bản tin hai\n\nNội dung khác.']) {
      await writeFile(join(dir, 'same.txt'), text);
      await settled('same.txt');
      await w.scanOnce();
    }
    expect((await readdir(join(dir, 'done'))).sort()).toEqual(['same.txt', 'same.txt.1']);
  });

  it('polls by itself on its interval and stops cleanly', async () => {
    watcher = watchDropFolder({ dir, sourceId: 'drop', sink: async (items) => void received.push(items), log: silentLogger(), intervalMs: 20, settleMs: 0 });
    await copyFile(WIRE, join(dir, 'auto.txt'));
    const deadline = Date.now() + 5000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(1);
    await watcher.stop();
  });
});
