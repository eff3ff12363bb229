/**
 * An S3-protocol server for development and tests: s3rver in a child process, storing objects as
 * plain files under a directory. Not for production (see infra/README.md).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { createS3Client, type S3Settings } from './s3-client.js';
import type { ChildReply, StartMessage } from './s3rver-child.js';

export interface EmbeddedS3 {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  bucket: string;
  /** Absolute path of the directory holding the objects. */
  directory: string;
  /** Stops the server process; objects stay on disk. Idempotent. */
  stop(): Promise<void>;
}

/** s3rver's built-in account; any other key is refused. */
export const EMBEDDED_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

const START_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 3_000;
const OUTPUT_TAIL_BYTES = 2_000;

/** Where objects live when no directory is given (EMBEDDED_S3_DIR's default), relative to the cwd. */
export const DEFAULT_EMBEDDED_S3_DIR = './data/s3';

/**
 * Starts s3rver in a child process on 127.0.0.1 (a free port unless `port` is given), storing under
 * `directory` (default ./data/s3), with `bucket` created; resolves once the bucket answers HeadBucket.
 */
export async function startEmbeddedS3(opts: { directory?: string; bucket: string; port?: number }): Promise<EmbeddedS3> {
  const directory = resolvePath(opts.directory ?? DEFAULT_EMBEDDED_S3_DIR);
  await mkdir(directory, { recursive: true });
  const { script, execArgv } = childEntry();
  const child = fork(script, [], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let port: number;
  try {
    port = await awaitReady(child, { type: 'start', directory, bucket: opts.bucket, port: opts.port ?? 0 }, () => output);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  const handle = embeddedHandle(child, { endpoint, bucket: opts.bucket, directory });
  const probe = createS3Client(embeddedS3Settings(handle));
  try {
    await probe.send(new HeadBucketCommand({ Bucket: opts.bucket }));
  } catch (err) {
    await handle.stop();
    throw new Error(`embedded S3 started but bucket ${opts.bucket} does not answer: ${(err as Error).message}`, { cause: err });
  } finally {
    probe.destroy();
  }
  return handle;
}

/** S3Settings that reach an embedded server (path-style, s3rver's fixed credentials). */
export function embeddedS3Settings(s3: Pick<EmbeddedS3, 'endpoint' | 'bucket'>): S3Settings {
  return {
    endpoint: s3.endpoint,
    bucket: s3.bucket,
    region: 'us-east-1',
    forcePathStyle: true,
    ...EMBEDDED_S3_CREDENTIALS,
  };
}

/**
 * The child script and the flags to run it: compiled JavaScript next to this module in dist/, or
 * the TypeScript source through tsx when running from source (tests, `tsx` scripts).
 */
function childEntry(): { script: string; execArgv: string[] } {
  const compiled = fileURLToPath(new URL('./s3rver-child.js', import.meta.url));
  if (existsSync(compiled)) return { script: compiled, execArgv: ['--openssl-legacy-provider'] };
  const source = fileURLToPath(new URL('./s3rver-child.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { script: source, execArgv: ['--openssl-legacy-provider', '--import', tsx] };
}

function awaitReady(child: ChildProcess, start: StartMessage, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`embedded S3 did not start within ${START_TIMEOUT_MS} ms: ${output()}`)), START_TIMEOUT_MS);
    const onMessage = (message: ChildReply): void => {
      if (message.type === 'ready') finish(undefined, message.port);
      else finish(new Error(`embedded S3 failed to start: ${message.message}`));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      finish(new Error(`embedded S3 process exited (${signal ?? `code ${String(code)}`}) before it was ready: ${output()}`));
    };
    const onError = (err: Error): void => finish(err);
    function finish(err: Error | undefined, port?: number): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
      if (err || port === undefined) reject(err ?? new Error('embedded S3: no port'));
      else resolve(port);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
    child.send(start);
  });
}

function embeddedHandle(child: ChildProcess, info: Omit<EmbeddedS3, 'stop'>): EmbeddedS3 {
  // The child also exits on IPC disconnect, but a hard crash of ours must not leave it listening.
  const onExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', onExit);
  let stopping: Promise<void> | undefined;
  return {
    ...info,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', onExit);
        await stopChild(child);
      })();
      return stopping;
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A child already on its way out closes the channel under us: the send then fails (EPIPE),
  // which must end in a kill, not in an unhandled 'error' event that crashes the parent.
  if (child.connected) child.send({ type: 'stop' }, (err) => err && child.kill('SIGTERM'));
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
