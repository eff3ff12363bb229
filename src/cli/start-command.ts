/** `wirepipe start`: producers, workers and the feed server in one process, until Ctrl-C. */
import { resolve } from 'node:path';
import { loadConfig } from '../shared/config.js';
import { createLogger } from '../shared/logger.js';
import type { Source } from '../shared/sources.js';
import { loadProcessTranslation, watchSourcesFile, type WatchedSources } from '../app/sources-file.js';
import { redactUrl } from '../shared/redis.js';
import { connectServices } from '../app/services.js';
import { startPipeline, type Pipeline } from '../app/pipeline.js';
import { sampleSources, startSampleFeedServer } from '../app/sample-sources.js';
import type { HttpServer } from '../server/http.js';
import { startWorkerProcesses, type WorkerProcesses } from '../app/worker-processes.js';
import { listenForStop } from './stop-signals.js';

/** Runs until SIGINT/SIGTERM/SIGHUP; returns the exit code. */
export async function startCommand(io: { out: (l: string) => void; err: (l: string) => void }): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // From here on a signal stops the run cleanly, even one that arrives while it is starting.
  const stop = listenForStop((signal) => io.err(`${signal} again: exiting without waiting for running jobs.`));
  let services: Awaited<ReturnType<typeof connectServices>>;
  try {
    services = await connectServices(config, log);
  } catch (err) {
    stop.dispose();
    throw err;
  }
  let sampleServer: HttpServer | null = null;
  let watched: WatchedSources | null = null;
  let pipeline: Pipeline;
  let sources: () => Source[];
  try {
    if (config.sourcesFile) {
      watched = await watchSourcesFile(config.sourcesFile, log);
      sources = watched.current;
    } else {
      sampleServer = await startSampleFeedServer(log);
      const samples = (await sampleSources(sampleServer.url, resolve('data/drop'))).sources;
      sources = () => samples;
    }
    // TRANSLATION_* variables win over the sources file's `translation:` section.
    const translation = await loadProcessTranslation(config);
    pipeline = await startPipeline(config, services, log, { sources, translation });
  } catch (err) {
    // Whatever started must stop, or a failed start (a port in use) would hang instead of exiting.
    watched?.stop();
    await sampleServer?.close();
    await services.close();
    stop.dispose();
    throw err;
  }
  // Stages are CPU-bound: this process is one worker, each extra process adds a core's worth.
  let gaveUp = false;
  const extraWorkers: WorkerProcesses | null =
    config.workerProcesses > 1
      ? startWorkerProcesses({
          count: config.workerProcesses - 1,
          env: services.joinEnv,
          log,
          // A worker that cannot start will not start on retry either: stop, loudly, with exit code 1.
          onGiveUp: (slot) => {
            gaveUp = true;
            io.err(`worker process ${slot} keeps failing at start-up (see the log above); stopping.`);
            process.kill(process.pid, 'SIGTERM');
          },
        })
      : null;
  const base = pipeline.baseUrl;
  io.out(
    [
      '',
      `wirepipe is running (topology: ${config.topology.name}; workers: this process${extraWorkers ? ` + ${config.workerProcesses - 1} worker process(es)` : ''}).`,
      `  Feeds:      ${base}/feeds/all.rss   ${base}/feeds/all.atom   ${base}/feeds/all.json`,
      `              ${base}/feeds/category/<section>.{rss,atom,json}   ${base}/feeds/lang/<code>.{rss,atom,json}`,
      `  Feed list:  ${base}/`,
      `  Operators:  ${base}/status   ${base}/failed`,
      `  Snapshots:  ${services.archiveLocation}`,
      `  Redis:      ${redactUrl(services.redisUrl)}${services.redisStarted ? ' (started for this run; `REDIS_URL=' + redactUrl(services.redisUrl) + ' npx wirepipe ingest FILE` reaches it)' : ''}`,
      `  Sources:    ${sources().map((s) => s.id).join(', ')}${config.sourcesFile ? '' : ' (bundled samples)'}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await stop.received;
  io.out('stopping... (Ctrl-C again to exit at once)');
  watched?.stop();
  await extraWorkers?.stop();
  await sampleServer?.close();
  await pipeline.close();
  await services.close();
  stop.dispose();
  return gaveUp ? 1 : 0;
}
