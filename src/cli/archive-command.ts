/**
 * `wirepipe archive list [PREFIX] | get KEY | verify [PREFIX]`: for archivists pulling and checking
 * snapshots, on S3_ENDPOINT/S3_BUCKET or, when unset, the embedded archive under EMBEDDED_S3_DIR.
 */
import { loadConfig } from '../shared/config.js';
import { describeError } from '../shared/errors.js';
import { connectArchive } from '../app/services.js';
import { readSnapshot } from '../archive/snapshots.js';
import { listArchive, verifyArchive } from '../archive/verify-archive.js';

type Io = { out: (l: string) => void; err: (l: string) => void };

/** Dispatches the archive sub-commands; returns the exit code. */
export async function archiveCommand(args: string[], io: Io): Promise<number> {
  const [sub, arg] = args;
  if (sub !== 'list' && sub !== 'get' && sub !== 'verify') {
    io.err('usage: wirepipe archive list [PREFIX] | get KEY | verify [PREFIX]');
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
