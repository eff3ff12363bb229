/**
 * A drop folder for wire copy and documents: editors and relays copy files in, we ingest them and
 * move each to done/ or failed/ (with FILE.error.json beside it). Polling with readdir, because
 * fs.watch misses events on network shares and in containers.
 *
 * A file counts as complete once its size and mtime have stayed the same for `settleMs`: a direct
 * upload over a slow link (FTP, a share) can pause for seconds mid-file, so one quiet scan proves
 * nothing. Relays that write to a temporary name (SKIP_NAME) and rename are never seen half-written.
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
  /**
   * How long a file's size and mtime must stay the same before it counts as complete, measured from
   * the last change a scan saw (on a first sighting, from its mtime); default 5000 ms.
   */
  settleMs?: number;
  now?: () => Date;
}

export interface DropFolderWatcher {
  stop(): Promise<void>;
  scanOnce(): Promise<void>;
}

export const DEFAULT_DROP_MAX_BYTES = 15 * 1024 * 1024;
export const DEFAULT_DROP_SETTLE_MS = 5000;
export const DONE_DIR = 'done';
export const FAILED_DIR = 'failed';
/**
 * Names a writer uses while a file is incomplete (rsync, ProFTPD and Pure-FTPd use a leading dot;
 * WinSCP .filepart), and our own side files.
 */
const SKIP_NAME = /^\.|\.(?:tmp|part|partial|filepart|crdownload|swp)$|~$/i;

interface Version {
  size: number;
  mtimeMs: number;
}

interface Seen extends Version {
  /** When (on our clock) this size and mtime were first seen, i.e. the last change we know of. */
  changedAt: number;
}

const sameVersion = (a: Version, b: Version): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs;

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
 * Watches `dir`: each new file, once settled → documentToRawItems → sink, then moved to done/; bad
 * input goes to failed/ with an .error.json; a passing sink failure leaves the file for the next scan.
 */
export function watchDropFolder(opts: DropFolderOptions): DropFolderWatcher {
  const intervalMs = opts.intervalMs ?? 1000;
  const maxBytes = opts.maxBytes ?? DEFAULT_DROP_MAX_BYTES;
  const settleMs = opts.settleMs ?? DEFAULT_DROP_SETTLE_MS;
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

  /**
   * The writer was still at a file judged complete: it waits out a fresh settle time and is read
   * again, instead of being moved while the rest of the upload lands in done/ or failed/ unread.
   */
  function readAgainLater(name: string, current: Version): void {
    seen.set(name, { size: current.size, mtimeMs: current.mtimeMs, changedAt: now().getTime() });
    opts.log.warn({ file: name, sourceId: opts.sourceId }, 'drop-folder file changed while being ingested; will read it again');
  }

  /** True (and the file left for a later scan) when it is no longer the version judged complete. */
  async function changedSince(name: string, judged: Version): Promise<boolean> {
    const current = await stat(join(opts.dir, name));
    if (sameVersion(current, judged)) return false;
    readAgainLater(name, current);
    return true;
  }

  async function ingest(name: string, judged: Version): Promise<void> {
    const path = join(opts.dir, name);
    let items: RawItem[];
    try {
      // The same cap as a pushed document: a huge file is refused before it is read into memory.
      if (judged.size > maxBytes) throw new PermanentError('FETCH_TOO_LARGE', `${name} is ${judged.size} bytes, over the ${maxBytes}-byte cap`, { fileName: name, size: judged.size, maxBytes });
      const bytes = await readFile(path);
      // Grown or cut since the scan's stat: the bytes are not the version judged complete.
      if (bytes.length !== judged.size) {
        readAgainLater(name, await stat(path));
        return;
      }
      items = await documentToRawItems(bytes, { sourceId: opts.sourceId, fileName: name, receivedAt: now() });
    } catch (err) {
      // A parse error on a file still being written is a truncation, not bad input.
      if (await changedSince(name, judged)) return;
      opts.log.warn({ err, file: name, sourceId: opts.sourceId }, 'drop-folder file rejected');
      await moveToFailed(name, err);
      return;
    }
    try {
      await opts.sink(items);
    } catch (err) {
      if (isPermanent(err)) {
        if (await changedSince(name, judged)) return;
        opts.log.warn({ err, file: name, sourceId: opts.sourceId }, 'drop-folder file rejected by the sink');
        await moveToFailed(name, err);
      } else {
        // Redis down and the like: keep the file where it is and try again on a later scan.
        opts.log.error({ err, file: name, sourceId: opts.sourceId }, 'drop-folder sink failed; will retry');
        seen.delete(name);
      }
      return;
    }
    // Already queued; if the writer has added to it since, the complete version is queued on a
    // later scan (the pipeline drops an unchanged re-send and makes an edit version n+1).
    if (await changedSince(name, judged)) return;
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
      const nowMs = now().getTime();
      const before = seen.get(e.name);
      // First sighting: the mtime is the last change we know of (capped at now, for a writer whose
      // clock runs ahead). Later: any change in size or mtime restarts the wait from this scan.
      const changedAt = before === undefined ? Math.min(st.mtimeMs, nowMs) : sameVersion(before, st) ? before.changedAt : nowMs;
      seen.set(e.name, { size: st.size, mtimeMs: st.mtimeMs, changedAt });
      if (nowMs - changedAt < settleMs) continue;
      seen.delete(e.name);
      try {
        await ingest(e.name, { size: st.size, mtimeMs: st.mtimeMs });
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
