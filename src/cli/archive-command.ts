/**
 * `wirepipe archive list [PREFIX] | get KEY | verify [PREFIX] | restore [--days N]`: for archivists
 * pulling and checking snapshots, on S3_ENDPOINT/S3_BUCKET or, when unset, the embedded archive
 * under EMBEDDED_S3_DIR; and for operators rebuilding Redis from the archive after losing it.
 */
import { loadConfig } from '../shared/config.js';
import { describeError } from '../shared/errors.js';
import { readSnapshot } from '../archive/snapshots.js';
import { listArchive, verifyArchive } from '../archive/verify-archive.js';
import { restoreFromArchive } from '../archive/restore.js';
import { connectArchive, connectServices, type Services } from '../app/services.js';
import { createArticleStore } from '../app/pipeline.js';
import { loadProcessTranslation } from '../app/sources-file.js';
import { RedisStoryStore } from '../workers/story-store.js';
import { createLogger } from '../shared/logger.js';

type Io = { out: (l: string) => void; err: (l: string) => void };

/** Dispatches the archive sub-commands; returns the exit code. */
export async function archiveCommand(args: string[], io: Io): Promise<number> {
  const [sub, arg] = args;
  if (sub === 'restore') return restore(args.slice(1), io);
  if (sub !== 'list' && sub !== 'get' && sub !== 'verify') {
    io.err('usage: wirepipe archive list [PREFIX] | get KEY | verify [PREFIX] | restore [--days N]');
    return 2;
  }
  if (sub === 'get' && !arg) {
    io.err('usage: wirepipe archive get KEY');
    return 2;
  }
  const archive = await connectArchive(loadConfig());
  try {
    const prefix = arg ?? 'articles/';
    if (sub === 'list') {
      for (const key of await listArchive(archive.s3, archive.bucket, prefix)) io.out(key);
      return 0;
    }
    if (sub === 'get') {
      try {
        io.out(JSON.stringify(await readSnapshot(archive.s3, archive.bucket, arg as string)));
        return 0;
      } catch (err) {
        io.err(JSON.stringify({ key: arg, error: describeError(err) }));
        return 1;
      }
    }
    const report = await verifyArchive(archive.s3, archive.bucket, prefix);
    io.out(JSON.stringify(report));
    return report.failed.length === 0 ? 0 : 1;
  } finally {
    await archive.close();
  }
}

const DEFAULT_RESTORE_DAYS = 14;

/** `archive restore [--days N]`: story versions from the whole archive, feeds from the last N days, back into Redis. */
async function restore(args: string[], io: Io): Promise<number> {
  const daysArg = args[0] === '--days' ? Number(args[1]) : args.length === 0 ? DEFAULT_RESTORE_DAYS : Number.NaN;
  if (!Number.isInteger(daysArg) || daysArg < 0) {
    io.err('usage: wirepipe archive restore [--days N]   (N whole days back, default 14)');
    return 2;
  }
  const config = loadConfig();
  // Only the pipeline's own Redis makes sense here, and a configured archive or the embedded one's files.
  const services: Services = await connectServices(config, createLogger('warn'), { spawnRedis: false });
  try {
    // The translation settings decide which language feeds list translated stories.
    const translation = (await loadProcessTranslation(config)).config;
    const report = await restoreFromArchive({
      s3: services.s3,
      bucket: services.bucket,
      store: createArticleStore(config, services, translation),
      stories: new RedisStoryStore(services.redis, config.prefix),
      days: daysArg,
    });
    io.out(JSON.stringify(report));
    return report.failed.length === 0 ? 0 : 1;
  } finally {
    await services.close();
  }
}
