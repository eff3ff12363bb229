/** `wirepipe ingest FILE...`: puts documents on the running pipeline's ingest queue. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { documentToRawItems } from '../producers/sniff.js';
import { loadConfig } from '../shared/config.js';
import { describeError } from '../shared/errors.js';
import { createIngestSink } from '../shared/ingest-sink.js';
import { createLogger } from '../shared/logger.js';
import { openPipelineQueues } from '../shared/queues.js';
import { connectServices } from '../app/services.js';

/** Ingests each file; prints the job ids; returns the exit code. */
export async function ingestCommand(files: string[], sourceId: string, io: { out: (l: string) => void; err: (l: string) => void }): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const services = await connectServices(config, log, { withS3: false, spawnRedis: false });
  const queues = openPipelineQueues({ redisUrl: services.redisUrl, prefix: config.prefix, topology: config.topology, attempts: config.attempts, backoffMs: config.backoffMs });
  const sink = createIngestSink({ queue: queues.ingest, redis: services.redis, prefix: config.prefix, seenRetentionMs: config.seenRetentionMs });
  let failures = 0;
  try {
    for (const file of files) {
      try {
        const items = await documentToRawItems(await readFile(file), { sourceId, fileName: basename(file), receivedAt: new Date() });
        const result = await sink(items);
        io.out(JSON.stringify({ file, items: items.length, queued: result.jobIds, unchanged: result.unchanged }));
      } catch (err) {
        failures += 1;
        io.err(JSON.stringify({ file, error: describeError(err) }));
      }
    }
  } finally {
    await queues.close();
    await services.close();
  }
  return failures === 0 ? 0 : 1;
}
