/**
 * Runs the configured sources: a poll loop over feed sources (each poll decides itself whether the
 * source is due, paused or backing off) and a drop-folder watcher per wire folder. The source list
 * is read anew on every tick, so a reloaded sources file takes effect without a restart. Failures
 * of one source never stop the others.
 */
import type { DeadLetters } from '../shared/dead-letters.js';
import type { IngestSink } from '../shared/ingest-sink.js';
import type { Logger } from '../shared/logger.js';
import type { Source } from '../shared/sources.js';
import { pollSource } from '../producers/feed/poll-source.js';
import type { SourceStateStore } from '../producers/feed/source-state.js';
import { RawItemSchema } from '../shared/raw-item.js';
import { PermanentError } from '../shared/errors.js';
import { watchDropFolder, type DropFolderWatcher } from '../producers/drop-folder.js';

export interface RunningProducers {
  /** Polls every due feed source once now and waits for the polls (tests, `sources test`). */
  pollNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface ProducerDeps {
  /** The current sources; called on every tick. */
  sources: () => Source[];
  sink: IngestSink;
  state: SourceStateStore;
  deadLetters: DeadLetters;
  log: Logger;
  /** How often the loop looks for due sources (ms). */
  tickMs?: number;
  /** Polls running at once against one host: politeness towards a partner with many feeds. */
  maxPerHost?: number;
}

/** Where per-source state lives in Redis: `{prefix}:source:{id}`. */
export function sourceStatePrefix(prefix: string): string {
  return `${prefix}:source`;
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
}

/** Starts polling and watching; the first poll happens at once. */
export function startProducers(deps: ProducerDeps): RunningProducers {
  const { sink, log, state } = deps;
  const maxPerHost = deps.maxPerHost ?? 2;
  const inFlight = new Set<string>();
  const perHost = new Map<string, number>();
  const watchers = new Map<string, { path: string; watcher: DropFolderWatcher }>();
  /**
   * One malformed item must not block a feed's good items on every poll (and get the source
   * paused): it becomes a dead letter with its reason, and the rest is queued.
   */
  const sinkFor = (sourceId: string) => async (items: Parameters<IngestSink>[0]) => {
    const good: typeof items = [];
    for (const item of items) {
      const parsed = RawItemSchema.safeParse(item);
      if (parsed.success) {
        good.push(item);
        continue;
      }
      const reason = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      await deps.deadLetters.add(`poll:${sourceId}`, null, new PermanentError('INVALID_RAW_ITEM', `item refused: ${reason}`), item);
    }
    if (good.length > 0) await sink(good);
  };

  async function pollOne(source: Source): Promise<void> {
    if (inFlight.has(source.id)) return; // never overlap polls of one source
    // A source that is not due must not take one of its host's slots, or it starves the others.
    const current = await state.get(source.id);
    if (stopped || current.paused || (current.nextPollAt !== null && Date.parse(current.nextPollAt) > Date.now())) return;
    const host = hostOf(source.url);
    // At most maxPerHost requests on one host (checked after the await, so check and take are one step).
    if (inFlight.has(source.id) || (perHost.get(host) ?? 0) >= maxPerHost) return;
    inFlight.add(source.id);
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    try {
      await pollSource(source, { state, sink: sinkFor(source.id), log: log.child({ sourceId: source.id }), now: () => new Date() });
    } catch (err) {
      // pollSource records failures in the source's state; this is a last line of defence.
      log.error({ err, sourceId: source.id }, 'poll failed');
    } finally {
      inFlight.delete(source.id);
      perHost.set(host, (perHost.get(host) ?? 1) - 1);
    }
  }

  /** Starts watchers for new wire folders and stops those whose source went away or moved. */
  async function reconcileWatchers(folders: Source[]): Promise<void> {
    const wanted = new Map(folders.map((s) => [s.id, s.path as string]));
    for (const [id, running] of watchers) {
      if (wanted.get(id) !== running.path) {
        watchers.delete(id);
        await running.watcher.stop();
      }
    }
    for (const [id, path] of wanted) {
      if (!watchers.has(id)) watchers.set(id, { path, watcher: watchDropFolder({ dir: path, sourceId: id, sink: sinkFor(id), log: log.child({ sourceId: id }) }) });
    }
  }

  let stopped = false;
  let ticking: Promise<void> = Promise.resolve();
  async function tick(): Promise<void> {
    if (stopped) return;
    const enabled = deps.sources().filter((s) => s.enabled);
    await reconcileWatchers(enabled.filter((s) => s.kind === 'wire-folder' && s.path));
    // One source's failure (a Redis blip reading its state) must not stop the others' polls.
    await Promise.all(
      enabled.filter((s) => s.kind === 'feed').map((s) => pollOne(s).catch((err: unknown) => log.error({ err, sourceId: s.id }, 'poll failed'))),
    );
  }
  const runTick = (): void => {
    ticking = tick().catch((err: unknown) => log.error({ err }, 'producer tick failed'));
  };

  runTick();
  const timer = setInterval(runTick, deps.tickMs ?? 1000);
  return {
    pollNow: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await ticking;
      await Promise.all([...watchers.values()].map((w) => w.watcher.stop()));
      watchers.clear();
      while (inFlight.size > 0) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
