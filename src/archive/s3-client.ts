/** One way to build an S3 client, for AWS and for S3-protocol servers (MinIO, s3rver). */
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

export interface S3Settings {
  /** null means AWS itself (endpoint from region); otherwise an http(s) URL such as MinIO's. */
  endpoint: string | null;
  bucket: string;
  region: string;
  /** Path-style URLs (`host/bucket/key`): what MinIO and s3rver need. */
  forcePathStyle: boolean;
  /** Omit both to use the standard AWS credential chain (env, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
}

const AWS_HOST = /(^|\.)amazonaws\.com(\.cn)?$/i;

/** True when `endpoint` is not AWS S3 itself, so only the checksums the protocol requires are sent. */
export function isThirdPartyEndpoint(endpoint: string | null): boolean {
  if (endpoint === null) return false;
  try {
    return !AWS_HOST.test(new URL(endpoint).hostname);
  } catch {
    return true;
  }
}

/**
 * An S3Client for these settings. For non-AWS endpoints checksums are sent and validated only when
 * the operation requires it: the SDK's default trailing checksums use aws-chunked encoding, which
 * s3rver (and older MinIO) store verbatim, corrupting streamed uploads.
 */
export function createS3Client(s: S3Settings): S3Client {
  const config: S3ClientConfig = { region: s.region, forcePathStyle: s.forcePathStyle };
  if (s.endpoint !== null) config.endpoint = s.endpoint;
  if (s.accessKeyId !== undefined && s.secretAccessKey !== undefined) {
    config.credentials = { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey };
  }
  if (isThirdPartyEndpoint(s.endpoint)) {
    config.requestChecksumCalculation = 'WHEN_REQUIRED';
    config.responseChecksumValidation = 'WHEN_REQUIRED';
  }
  return new S3Client(config);
}
