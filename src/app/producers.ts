/**
 * Runs the configured sources: a poll loop over feed sources (each poll decides itself whether the
 * source is due, paused or backing off) and a drop-folder watcher per wire folder. Failures of one
 * source never stop the others; a document that fails for good becomes a dead letter.
 */
import type { DeadLetters } from '../shared/dead-letters.js';
import type { IngestSink } from '../shared/ingest-sink.js';
import type { Logger } from '../shared/logger.js';
import type { Source } from '../shared/sources.js';
import { pollSource } from '../producers/feed/poll-source.js';
import type { SourceStateStore } from '../producers/feed/source-state.js';
import { watchDropFolder } from '../producers/drop-folder.js';

export interface RunningProducers {
  /** Polls every due feed source once now (tests, `sources test`). */
  pollNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface ProducerDeps {
  sources: Source[];
  sink: IngestSink;
  state: SourceStateStore;
  deadLetters: DeadLetters;
  log: Logger;
  /** How often the loop looks for due sources (ms). */
  tickMs?: number;
}

/** Starts polling and watching; the first poll happens at once. */
export function startProducers(deps: ProducerDeps): RunningProducers {
  const { sources, sink, log } = deps;
  const { state } = deps;
  const enabled = sources.filter((s) => s.enabled);
  const feeds = enabled.filter((s) => s.kind === 'feed');
  const inFlight = new Set<string>();

  async function pollOne(source: Source): Promise<void> {
    if (inFlight.has(source.id)) return; // a slow fetch is still running: never overlap polls of one source
    inFlight.add(source.id);
    try {
      await pollSource(source, { state, sink: async (items) => void (await sink(items)), log: log.child({ sourceId: source.id }), now: () => new Date() });
    } catch (err) {
      // pollSource records the failure in the source's state; this is a last line of defence.
      log.error({ err, sourceId: source.id }, 'poll failed');
    } finally {
      inFlight.delete(source.id);
    }
  }

  const pollAll = async () => {
    await Promise.all(feeds.map(pollOne));
  };
  void pollAll();
  const timer = setInterval(() => void pollAll(), deps.tickMs ?? 1000);

  const watchers = enabled
    .filter((s) => s.kind === 'wire-folder' && s.path)
    .map((s) =>
      watchDropFolder({
        dir: s.path as string,
        sourceId: s.id,
        sink: async (items) => void (await sink(items)),
        log: log.child({ sourceId: s.id }),
      }),
    );

  return {
    pollNow: pollAll,
    async stop() {
      clearInterval(timer);
      await Promise.all(watchers.map((w) => w.stop()));
      while (inFlight.size > 0) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

/** Where per-source state lives in Redis: `{prefix}:source:{id}`. */
export function sourceStatePrefix(prefix: string): string {
  return `${prefix}:source`;
}
