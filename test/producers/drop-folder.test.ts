/** The drop folder on a real temp directory: done/, failed/ with .error.json, unstable files, retries. */
import { appendFile, copyFile, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
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
const STORY = 'HÀ NỘI (TTXVN) - Đoạn một của bản tin.\n\nĐoạn hai của bản tin, còn đang được tải lên qua FTP.\n\nĐoạn ba: kết thúc.\n';
const STORY_HEAD = STORY.slice(0, 45);
const STORY_TAIL = STORY.slice(45);

let dir: string;
let watcher: DropFolderWatcher | null;
let received: RawItem[][];
/** The watcher's clock, moved only by the test, so waits are exact whatever the machine's load. */
let clockMs: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirepipe-drop-'));
  received = [];
  watcher = null;
  clockMs = Date.parse('2026-03-02T08:00:00Z');
});
afterEach(async () => {
  await watcher?.stop();
  await rm(dir, { recursive: true, force: true });
});

/**
 * A watcher on the test's clock whose timer never fires during the test: after its start-up scan
 * (awaited here), scans happen only through scanOnce(). Without settleMs it keeps the default.
 */
async function watch(sink: (items: RawItem[]) => Promise<void> = async (items) => void received.push(items), settleMs?: number): Promise<DropFolderWatcher> {
  watcher = watchDropFolder({ dir, sourceId: 'drop', sink, log: silentLogger(), intervalMs: 3_600_000, settleMs, now: () => new Date(clockMs) });
  await watcher.scanOnce();
  return watcher;
}

async function settled(name: string): Promise<void> {
  await utimes(join(dir, name), LONG_AGO, LONG_AGO);
}

/** Appends as an uploader does, with the mtime the write would get at the test clock's time. */
async function upload(name: string, text: string): Promise<void> {
  await appendFile(join(dir, name), text);
  await utimes(join(dir, name), new Date(clockMs), new Date(clockMs));
}

async function scanAt(w: DropFolderWatcher, ms: number): Promise<void> {
  clockMs = ms;
  await w.scanOnce();
}

const contents = (): string[] => received.flat().map((i) => i.content);

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

  it('waits for a freshly written file to stay unchanged for the settle time', async () => {
    const w = await watch(undefined, 2000);
    const t0 = clockMs;
    await upload('growing.txt', 'Tiêu đề\n\nPhần đầu');
    await w.scanOnce();
    expect(received).toEqual([]);
    clockMs = t0 + 500;
    await writeFile(join(dir, 'growing.txt'), 'Tiêu đề\n\nPhần đầu và phần sau của bản tin.');
    await upload('growing.txt', '');
    await w.scanOnce();
    expect(received).toEqual([]);
    await scanAt(w, t0 + 2499);
    expect(received).toEqual([]);
    await scanAt(w, t0 + 2500);
    expect(received).toHaveLength(1);
    expect(received[0]?.[0]?.content).toContain('phần sau');
  });

  it('does not take an upload that stalls for a second: it waits 5 s of quiet by default', async () => {
    const w = await watch();
    const t0 = clockMs;
    await upload('story-001.txt', STORY_HEAD); // the first packets arrive
    await w.scanOnce();
    await scanAt(w, t0 + 1100); // the slow link stalls: same size and mtime as the last scan
    expect(received).toEqual([]);
    expect(await readdir(dir)).toContain('story-001.txt');
    clockMs = t0 + 1200;
    await upload('story-001.txt', STORY_TAIL);
    await w.scanOnce();
    await scanAt(w, t0 + 1200 + 4999);
    expect(received).toEqual([]);
    await scanAt(w, t0 + 1200 + 5000);
    expect(contents()).toEqual([STORY]);
    expect(await readFile(join(dir, 'done', 'story-001.txt'), 'utf8')).toBe(STORY);
  });

  it('counts the settle time from the last change it saw, not from the first sighting', async () => {
    const w = await watch(undefined, 5000);
    const t0 = clockMs;
    await upload('story.txt', STORY_HEAD);
    await w.scanOnce();
    clockMs = t0 + 4000;
    await upload('story.txt', STORY_TAIL);
    await w.scanOnce();
    await scanAt(w, t0 + 6000); // quiet across two scans and 6 s after first sight, but 2 s after the change
    expect(received).toEqual([]);
    await scanAt(w, t0 + 9000);
    expect(contents()).toEqual([STORY]);
  });

  it('leaves a file that grew after it was queued out of done/, and queues the whole file later', async () => {
    await writeFile(join(dir, 'story.txt'), STORY_HEAD);
    await settled('story.txt'); // quiet long enough to look complete
    const w = await watch(async (items) => {
      received.push(items);
      // The uploader resumes while the first read is being queued.
      if (received.length === 1) await upload('story.txt', STORY_TAIL);
    }, 5000);
    expect(contents()).toEqual([STORY_HEAD]);
    expect(await readdir(join(dir, 'done'))).toEqual([]);
    expect(await readdir(dir)).toContain('story.txt');
    await scanAt(w, clockMs + 4999);
    expect(received).toHaveLength(1);
    await scanAt(w, clockMs + 1);
    expect(contents()).toEqual([STORY_HEAD, STORY]);
    expect(await readdir(join(dir, 'done'))).toEqual(['story.txt']);
    expect(await readFile(join(dir, 'done', 'story.txt'), 'utf8')).toBe(STORY);
  });

  it('keeps a file out of failed/ when it grew while the sink rejected it, and reads it again', async () => {
    await writeFile(join(dir, 'story.txt'), STORY_HEAD);
    await settled('story.txt');
    let calls = 0;
    const w = await watch(async (items) => {
      calls++;
      if (calls === 1) {
        await upload('story.txt', STORY_TAIL);
        throw new PermanentError('INVALID_RAW_ITEM', 'cut short');
      }
      received.push(items);
    }, 5000);
    expect(await readdir(join(dir, 'failed'))).toEqual([]);
    await scanAt(w, clockMs + 5000);
    expect(contents()).toEqual([STORY]);
    expect(await readdir(join(dir, 'done'))).toEqual(['story.txt']);
  });

  it("takes a relay's file only once renamed from its temporary name (WinSCP .filepart)", async () => {
    await writeFile(join(dir, 'story.txt.filepart'), STORY_HEAD);
    await settled('story.txt.filepart'); // a transfer keeping the source's old mtime
    const w = await watch(undefined, 5000);
    expect(received).toEqual([]);
    expect(await readdir(dir)).toContain('story.txt.filepart');
    await appendFile(join(dir, 'story.txt.filepart'), STORY_TAIL);
    await settled('story.txt.filepart');
    await rename(join(dir, 'story.txt.filepart'), join(dir, 'story.txt'));
    await w.scanOnce();
    expect(contents()).toEqual([STORY]);
    expect(await readdir(join(dir, 'done'))).toEqual(['story.txt']);
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
