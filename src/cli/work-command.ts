/**
 * `wirepipe work`: stage workers only, joined to a running pipeline's Redis and S3: no producers,
 * no feed server. `wirepipe start` runs these as its extra worker processes (WORKER_PROCESSES);
 * operators may also run them on other machines to add cores.
 */
import { loadConfig } from '../shared/config.js';
import { ConfigError } from '../shared/errors.js';
import { createLogger } from '../shared/logger.js';
import type { Source } from '../shared/sources.js';
import { loadProcessTranslation, watchSourcesFile, type WatchedSources } from '../app/sources-file.js';
import { connectServices } from '../app/services.js';
import { startPipeline, type Pipeline } from '../app/pipeline.js';

/** Runs until SIGINT/SIGTERM, then lets running jobs finish; returns the exit code. */
export async function workCommand(io: { out: (l: string) => void; err: (l: string) => void }): Promise<number> {
  const config = loadConfig();
  // A worker started its own s3rver would archive into a store nobody else reads.
  if (!config.s3.endpoint && !config.s3.bucket) {
    throw new ConfigError(['S3_BUCKET (and S3_ENDPOINT for MinIO/s3rver): required by `wirepipe work`, which joins the archive of a running pipeline (`wirepipe start` passes its own to the workers it runs)']);
  }
  const log = createLogger(config.logLevel).child({ worker: process.env['WIREPIPE_WORKER_SLOT'] ?? String(process.pid) });
  // Only an existing Redis will do: a private one started here would hold no jobs.
  const services = await connectServices(config, log, { spawnRedis: false });
  let watched: WatchedSources | null = null;
  let pipeline: Pipeline;
  try {
    let sources: () => Source[] = () => [];
    if (config.sourcesFile) {
      watched = await watchSourcesFile(config.sourcesFile, log);
      sources = watched.current;
    }
    const translation = await loadProcessTranslation(config);
    // Sources are read for their per-source stage settings (category maps); polling stays with `start`.
    pipeline = await startPipeline(config, services, log, { sources, translation, http: false, producers: false });
  } catch (err) {
    watched?.stop();
    await services.close();
    throw err;
  }
  io.out(`wirepipe worker ${process.pid} is running (topology: ${config.topology.name}, concurrency ${config.concurrency}).`);
  await new Promise<void>((done) => {
    // Under `start` (an IPC channel), Ctrl-C reaches this process too, but stopping is the parent's
    // call: it sends SIGTERM once it has stopped taking new work, and does not restart us meanwhile.
    if (process.send) process.on('SIGINT', () => undefined);
    else process.once('SIGINT', done);
    process.once('SIGTERM', done);
    // Started by `wirepipe start` (an IPC channel): its end, even by SIGKILL, stops this worker,
    // also when it ended while this worker was still starting.
    if (process.send) {
      if (!process.connected) done();
      else process.once('disconnect', done);
    }
  });
  watched?.stop();
  await pipeline.close();
  await services.close();
  // An open IPC channel would keep this process alive after its work is done.
  if (process.connected) process.disconnect();
  return 0;
}
