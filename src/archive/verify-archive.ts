/** Archivists' check: every object under a prefix still matches the SHA-256 it was written with. */
import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { describeError } from '../shared/errors.js';
import { readSnapshot } from './snapshots.js';

export interface VerifyReport {
  checked: number;
  ok: number;
  failed: { key: string; code: string; message: string }[];
}

/** Reads every object under `prefix` and verifies its checksum; never throws for a bad object. */
export async function verifyArchive(s3: S3Client, bucket: string, prefix: string, onKey?: (key: string, ok: boolean) => void): Promise<VerifyReport> {
  const report: VerifyReport = { checked: 0, ok: 0, failed: [] };
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
    for (const object of page.Contents ?? []) {
      if (!object.Key) continue;
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
  return report;
}

/** Keys under `prefix`, in listing order. */
export async function listArchive(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
  }
  return keys;
}
