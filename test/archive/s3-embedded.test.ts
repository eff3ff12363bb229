import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GetObjectCommand, HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedS3Settings, startEmbeddedS3, type EmbeddedS3 } from '../../src/archive/embedded-s3.js';
import { createS3Client } from '../../src/archive/s3-client.js';
import { freePort } from '../support/index.js';

async function refuses(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('startEmbeddedS3', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wirepipe-embedded-s3-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves its bucket on a free loopback port, keeps objects on disk across restarts, and stops', async () => {
    const first = await startEmbeddedS3({ directory: join(dir, 'data'), bucket: 'archive' });
    let second: EmbeddedS3 | undefined;
    try {
      expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.directory).toBe(join(dir, 'data'));
      const client = createS3Client(embeddedS3Settings(first));
      await client.send(new PutObjectCommand({ Bucket: 'archive', Key: 'kept/obj.txt', Body: 'giữ lại' }));
      expect(await readdir(join(dir, 'data', 'archive'))).toContain('kept');
      client.destroy();

      await first.stop();
      expect(await refuses(first.endpoint)).toBe(true);
      await first.stop(); // idempotent

      second = await startEmbeddedS3({ directory: join(dir, 'data'), bucket: 'archive' });
      const again = createS3Client(embeddedS3Settings(second));
      const got = await again.send(new GetObjectCommand({ Bucket: 'archive', Key: 'kept/obj.txt' }));
      expect(await got.Body!.transformToString('utf-8')).toBe('giữ lại');
      again.destroy();
    } finally {
      await first.stop();
      await second?.stop();
    }
  });

  it('listens on the port it is given, creates a missing directory, and a second server there fails', async () => {
    const port = await freePort();
    const target = join(dir, 'nested', 'deeper');
    const s3 = await startEmbeddedS3({ directory: target, bucket: 'given-port', port });
    try {
      expect(s3.endpoint).toBe(`http://127.0.0.1:${port}`);
      expect(existsSync(join(target, 'given-port'))).toBe(true);
      const client = createS3Client(embeddedS3Settings(s3));
      await expect(client.send(new HeadBucketCommand({ Bucket: 'given-port' }))).resolves.toBeDefined();
      client.destroy();
      await expect(startEmbeddedS3({ directory: join(dir, 'busy'), bucket: 'busy', port })).rejects.toThrow(/EADDRINUSE/);
      // The failed start must not have disturbed the running one.
      expect(await refuses(s3.endpoint)).toBe(false);
    } finally {
      await s3.stop();
    }
  });

  it('does not outlive a parent killed without cleanup', async () => {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const holder = fork(join(import.meta.dirname, '..', 'support', 'embedded-s3-holder.ts'), [join(dir, 'orphan')], {
      execArgv: ['--import', tsx],
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const endpoint = await new Promise<string>((resolve, reject) => {
      holder.once('message', (m: { endpoint: string }) => resolve(m.endpoint));
      holder.once('exit', (code) => reject(new Error(`holder exited early (${String(code)})`)));
    });
    expect(await refuses(endpoint)).toBe(false);
    holder.kill('SIGKILL');
    expect(await waitUntil(() => refuses(endpoint), 10_000)).toBe(true);
  });
});
