/**
 * The sources file, kept current: re-read when it changes (checked by mtime every few seconds),
 * so operators add, pause or retarget sources without a restart. A broken edit is refused with
 * every problem logged, and the last good list stays in force.
 */
import { readFile, stat } from 'node:fs/promises';
import YAML from 'yaml';
import { ConfigError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { loadSources, type Source } from '../shared/sources.js';
import type { Config } from '../shared/config.js';
import { loadTranslationConfig, type ResolvedTranslationConfig } from '../translation/config.js';

export interface WatchedSources {
  current(): Source[];
  /** Re-reads the file if it changed; resolves true when a new list took effect. */
  check(): Promise<boolean>;
  stop(): void;
}

/** Loads `path` (throwing on a bad first read) and watches it for changes. */
export async function watchSourcesFile(path: string, log: Logger, intervalMs = 3000): Promise<WatchedSources> {
  let sources = await loadSources(path);
  let mtime = (await stat(path)).mtimeMs;
  async function check(): Promise<boolean> {
    let now: number;
    try {
      now = (await stat(path)).mtimeMs;
    } catch (err) {
      log.error({ err, path }, 'sources file unreadable; keeping the current sources');
      return false;
    }
    if (now === mtime) return false;
    mtime = now;
    try {
      sources = await loadSources(path);
      log.info({ path, sources: sources.map((s) => s.id) }, 'sources file reloaded');
      return true;
    } catch (err) {
      if (err instanceof ConfigError) log.error({ path, problems: err.problems }, 'sources file invalid; keeping the current sources');
      else log.error({ err, path }, 'sources file reload failed; keeping the current sources');
      return false;
    }
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
