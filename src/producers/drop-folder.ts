/**
 * A drop folder for wire copy and documents: editors and relays copy files in, we ingest them and
 * move each to done/ or failed/ (with FILE.error.json beside it). Polling with readdir, because
 * fs.watch misses events on network shares and in containers.
 */
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { describeError, isPermanent, PermanentError } from '../shared/errors.js';
import type { RawItem } from '../shared/raw-item.js';
import { documentToRawItems } from './sniff.js';

export interface DropFolderOptions {
  dir: string;
  sourceId: string;
  sink: (items: RawItem[]) => Promise<void>;
  log: Logger;
  /** Largest file ingested (bytes); larger ones go to failed/. Default 15 MiB, as for fetched feeds. */
  maxBytes?: number;
  /** Time between scans; default 1000 ms. */
  intervalMs?: number;
  /** A file untouched this long counts as complete even on its first sighting; default 2000 ms. */
  settleMs?: number;
  now?: () => Date;
}

export interface DropFolderWatcher {
  stop(): Promise<void>;
  scanOnce(): Promise<void>;
}

export const DEFAULT_DROP_MAX_BYTES = 15 * 1024 * 1024;
export const DONE_DIR = 'done';
export const FAILED_DIR = 'failed';
/** Names a writer uses while a file is incomplete, and our own side files. */
const SKIP_NAME = /^\.|\.(?:tmp|part|partial|crdownload|swp)$|~$/i;

interface Seen {
  size: number;
  mtimeMs: number;
}

/** A free name in `dir` for `name`: the same name, or one with a numeric suffix when taken. */
async function freeName(dir: string, name: string): Promise<string> {
  const names = new Set(await readdir(dir));
  if (!names.has(name)) return name;
  for (let i = 1; ; i++) {
    const candidate = `${name}.${i}`;
    if (!names.has(candidate)) return candidate;
  }
}

/**
 * Watches `dir`: each new, size-stable file → documentToRawItems → sink, then moved to done/; bad
 * input goes to failed/ with an .error.json; a passing sink failure leaves the file for the next scan.
 */
export function watchDropFolder(opts: DropFolderOptions): DropFolderWatcher {
  const intervalMs = opts.intervalMs ?? 1000;
  const maxBytes = opts.maxBytes ?? DEFAULT_DROP_MAX_BYTES;
  const settleMs = opts.settleMs ?? 2000;
  const now = opts.now ?? (() => new Date());
  const doneDir = join(opts.dir, DONE_DIR);
  const failedDir = join(opts.dir, FAILED_DIR);
  const seen = new Map<string, Seen>();
  let ready: Promise<void> | null = null;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const ensureDirs = (): Promise<void> => {
    ready ??= Promise.all([mkdir(doneDir, { recursive: true }), mkdir(failedDir, { recursive: true })]).then(() => undefined);
    return ready;
  };

  async function moveToFailed(name: string, err: unknown): Promise<void> {
    const target = await freeName(failedDir, name);
    await rename(join(opts.dir, name), join(failedDir, target));
    const report = { file: name, sourceId: opts.sourceId, at: now().toISOString(), error: describeError(err) };
    await writeFile(join(failedDir, `${target}.error.json`), `${JSON.stringify(report, null, 2)}\n`);
  }

  async function ingest(name: string): Promise<void> {
    const path = join(opts.dir, name);
    let items: RawItem[];
    try {
      // The same cap as a pushed document: a huge file is refused before it is read into memory.
      const { size } = await stat(path);
      if (size > maxBytes) throw new PermanentError('FETCH_TOO_LARGE', `${name} is ${size} bytes, over the ${maxBytes}-byte cap`, { fileName: name, size, maxBytes });
      const bytes = await readFile(path);
      items = await documentToRawItems(bytes, { sourceId: opts.sourceId, fileName: name, receivedAt: now() });
    } catch (err) {
      opts.log.warn({ err, file: name, sourceId: opts.sourceId }, 'drop-folder file rejected');
      await moveToFailed(name, err);
      return;
    }
    try {
      await opts.sink(items);
    } catch (err) {
      if (isPermanent(err)) {
        opts.log.warn({ err, file: name, sourceId: opts.sourceId }, 'drop-folder file rejected by the sink');
        await moveToFailed(name, err);
      } else {
        // Redis down and the like: keep the file where it is and try again on a later scan.
        opts.log.error({ err, file: name, sourceId: opts.sourceId }, 'drop-folder sink failed; will retry');
        seen.delete(name);
      }
      return;
    }
    await rename(path, join(doneDir, await freeName(doneDir, name)));
    opts.log.debug({ file: name, items: items.length, sourceId: opts.sourceId }, 'drop-folder file ingested');
  }

  async function scan(): Promise<void> {
    await ensureDirs();
    const entries = await readdir(opts.dir, { withFileTypes: true });
    const present = new Set<string>();
    for (const e of entries) {
      if (!e.isFile() || SKIP_NAME.test(e.name)) continue;
      present.add(e.name);
      let st;
      try {
        st = await stat(join(opts.dir, e.name));
      } catch {
        continue; // moved away by someone else between readdir and stat
      }
      const before = seen.get(e.name);
      const stable = (before !== undefined && before.size === st.size && before.mtimeMs === st.mtimeMs) || now().getTime() - st.mtimeMs >= settleMs;
      seen.set(e.name, { size: st.size, mtimeMs: st.mtimeMs });
      if (!stable) continue;
      seen.delete(e.name);
      try {
        await ingest(e.name);
      } catch (err) {
        opts.log.error({ err, file: e.name, sourceId: opts.sourceId }, 'drop-folder could not move a file');
      }
    }
    for (const name of seen.keys()) if (!present.has(name)) seen.delete(name);
  }

  /** Runs one scan, never two at once. */
  function scanOnce(): Promise<void> {
    running ??= scan().finally(() => {
      running = null;
    });
    return running;
  }

  function tick(): void {
    scanOnce()
      .catch((err: unknown) => opts.log.error({ err, dir: opts.dir }, 'drop-folder scan failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  }
  // The first scan starts at once (files already waiting are picked up on start); a scanOnce()
  // right after watchDropFolder() returns joins it rather than racing it.
  tick();

  return {
    scanOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
