/**
 * The sources file, kept current: re-read when it changes (checked every few seconds), so
 * operators add, pause or retarget sources without a restart. A change takes effect only once the
 * file has settled, so a file caught half-written is never applied. A broken edit is refused with
 * every problem logged, and the last good list stays in force.
 */
import { open, readFile } from 'node:fs/promises';
import YAML from 'yaml';
import { ConfigError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { parseSources, type Source } from '../shared/sources.js';
import type { Config } from '../shared/config.js';
import { loadTranslationConfig, type ResolvedTranslationConfig } from '../translation/config.js';

export interface WatchedSources {
  current(): Source[];
  /** Re-reads the file if it changed; resolves true when a new list took effect. */
  check(): Promise<boolean>;
  stop(): void;
}

/** One read of the file, with what the filesystem said about it. */
interface FileSnapshot {
  size: number;
  mtimeMs: number;
  text: string;
  /** False when the file changed while it was being read (size or mtime moved, or the bytes read disagree with the size). */
  consistent: boolean;
}

async function readSnapshot(path: string): Promise<FileSnapshot> {
  const handle = await open(path, 'r');
  try {
    const before = await handle.stat();
    const bytes = await handle.readFile();
    const after = await handle.stat();
    const consistent = before.size === after.size && before.mtimeMs === after.mtimeMs && bytes.length === after.size;
    return { size: after.size, mtimeMs: after.mtimeMs, text: bytes.toString('utf8'), consistent };
  } finally {
    await handle.close();
  }
}

function sameFile(a: FileSnapshot, b: FileSnapshot | undefined): boolean {
  return b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.text === b.text;
}

/** Which source ids a reload adds, removes, or redefines (a new url, interval, pause...). */
function diffSources(before: Source[], after: Source[]): { added: string[]; removed: string[]; changed: string[] } {
  const old = new Map(before.map((s) => [s.id, JSON.stringify(s)]));
  const now = new Set(after.map((s) => s.id));
  return {
    added: after.filter((s) => !old.has(s.id)).map((s) => s.id),
    removed: before.filter((s) => !now.has(s.id)).map((s) => s.id),
    changed: after.filter((s) => old.has(s.id) && old.get(s.id) !== JSON.stringify(s)).map((s) => s.id),
  };
}

/**
 * Loads `path` (throwing on a bad first read) and watches it for changes. A change is applied once
 * the file is settled: read identically (size, mtime and content) by two consecutive checks, or
 * last modified at least one interval ago. YAML cut off mid-write often still parses, and applying
 * it would stop polling every source after the cut. `clock` is injectable for tests.
 */
export async function watchSourcesFile(path: string, log: Logger, intervalMs = 3000, clock: () => number = Date.now): Promise<WatchedSources> {
  let applied: FileSnapshot;
  try {
    applied = await readSnapshot(path);
  } catch (err) {
    throw new ConfigError([`${path}: ${(err as Error).message}`]);
  }
  let sources = parseSources(applied.text, path);
  /** A changed file seen by the previous check and not yet applied: the next identical read settles it. */
  let pending: FileSnapshot | undefined;

  async function checkOnce(): Promise<boolean> {
    let seen: FileSnapshot;
    try {
      seen = await readSnapshot(path);
    } catch (err) {
      log.error({ err, path }, 'sources file unreadable; keeping the current sources');
      return false;
    }
    if (sameFile(seen, applied)) {
      pending = undefined;
      return false;
    }
    const settled = seen.consistent && (sameFile(seen, pending) || clock() - seen.mtimeMs >= intervalMs);
    if (!settled) {
      pending = seen;
      log.debug({ path }, 'sources file changed; waiting for it to settle');
      return false;
    }
    pending = undefined;
    // Recorded even when invalid, so a broken file is reported once, not on every check.
    applied = seen;
    try {
      const next = parseSources(seen.text, path);
      const diff = diffSources(sources, next);
      sources = next;
      log.info({ path, sources: next.map((s) => s.id), ...diff }, 'sources file reloaded');
      return true;
    } catch (err) {
      if (err instanceof ConfigError) log.error({ path, problems: err.problems }, 'sources file invalid; keeping the current sources');
      else log.error({ err, path }, 'sources file reload failed; keeping the current sources');
      return false;
    }
  }

  // The timer and an explicit check() must not interleave: each compares against the other's state.
  let inFlight: Promise<boolean> | undefined;
  function check(): Promise<boolean> {
    inFlight ??= checkOnce().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return { current: () => sources, check, stop: () => clearInterval(timer) };
}

/**
 * The `translation:` section of the sources file (provider, partners with their languages and
 * feeds), or {} when there is none; read at start-up only (a change needs a restart).
 */
export async function readTranslationSection(path: string): Promise<Record<string, unknown>> {
  const text = await readFile(path, 'utf8');
  let doc: unknown;
  try {
    doc = path.toLowerCase().endsWith('.json') ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError([`${path}: ${(err as Error).message}`]);
  }
  const section = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>)['translation'] : undefined;
  if (section === undefined) return {};
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    throw new ConfigError([`${path}: translation: must be an object (provider, url, partners)`]);
  }
  return section as Record<string, unknown>;
}

/** The translation settings of a process: TRANSLATION_* variables over the sources file's `translation:` section. */
export async function loadProcessTranslation(config: Config, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedTranslationConfig> {
  return loadTranslationConfig(env, config.sourcesFile ? await readTranslationSection(config.sourcesFile) : {});
}
