/**
 * Archivists' check: every object under a prefix still matches the SHA-256 it was written with,
 * and no story folder has lost an object: each version has both its article JSON and its ninjs
 * twin, and versions run from v1 without a gap (versions are numbered 1, 2, ... and never deleted).
 */
import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { describeError } from '../shared/errors.js';
import { parseSnapshotKey, readSnapshot } from './snapshots.js';

export interface VerifyReport {
  /** Objects read and checksum-verified. */
  checked: number;
  ok: number;
  /** Objects that failed their check, and objects missing from a story folder (code MISSING_OBJECT). */
  failed: { key: string; code: string; message: string }[];
}

const TWINS = ['.json', '.ninjs.json'] as const;

/**
 * Reads every object under `prefix` and verifies its checksum, then reports every object missing
 * from a story folder; never throws for a bad or missing object.
 */
export async function verifyArchive(s3: S3Client, bucket: string, prefix: string, onKey?: (key: string, ok: boolean) => void): Promise<VerifyReport> {
  const report: VerifyReport = { checked: 0, ok: 0, failed: [] };
  const folders = new Map<string, Set<string>>();
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
    for (const object of page.Contents ?? []) {
      if (!object.Key) continue;
      const folder = parseSnapshotKey(object.Key)?.folder;
      if (folder !== undefined) folders.set(folder, (folders.get(folder) ?? new Set()).add(object.Key));
      report.checked += 1;
      try {
        await readSnapshot(s3, bucket, object.Key);
        report.ok += 1;
        onKey?.(object.Key, true);
      } catch (err) {
        const e = describeError(err);
        report.failed.push({ key: object.Key, code: e.code, message: e.message });
        onKey?.(object.Key, false);
      }
    }
  }
  for (const [folder, keys] of folders) {
    // A prefix that cuts into a folder (`…/story/v1`) lists only part of it: nothing to conclude.
    if (!folder.startsWith(prefix)) continue;
    for (const missing of missingKeys(folder, keys)) {
      report.failed.push({ key: missing.key, code: 'MISSING_OBJECT', message: missing.message });
      onKey?.(missing.key, false);
    }
  }
  return report;
}

/** Every twin of v1 … v{highest} that the folder lacks, with why it is expected. */
function missingKeys(folder: string, keys: ReadonlySet<string>): { key: string; message: string }[] {
  const versions = [...keys].map((key) => parseSnapshotKey(key)!.version);
  const highest = Math.max(...versions);
  const missing: { key: string; message: string }[] = [];
  for (let version = 1; version <= highest; version += 1) {
    const twins = TWINS.map((ending) => `${folder}v${version}${ending}`);
    const present = twins.find((key) => keys.has(key));
    for (const key of twins) {
      if (keys.has(key)) continue;
      const why = present !== undefined ? `its twin ${present} exists` : `${folder}v${highest}.* exists, so every version up to v${highest} should`;
      missing.push({ key, message: `${key} is missing: ${why}` });
    }
  }
  return missing;
}

/** Keys under `prefix`, in listing order. */
export async function listArchive(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
  }
  return keys;
}
