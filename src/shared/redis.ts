/**
 * Finding or starting the Redis that BullMQ needs, and making connections suited to it.
 * Order of preference: REDIS_URL (must answer), a local Redis on 127.0.0.1:6379, a private
 * `redis-server` we spawn on a free port. Nothing is ever started behind an explicit REDIS_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { PermanentError } from './errors.js';

export interface RedisHandle {
  /** A redis:// URL every client of this process should use. */
  url: string;
  /** True when this process spawned the server (and `stop()` will end it). */
  started: boolean;
  /** Ends a server we started and removes its temporary directory; a no-op otherwise. Idempotent. */
  stop(): Promise<void>;
}

export interface EnsureRedisOptions {
  /** Overrides REDIS_URL; an explicit URL must answer PING or ensureRedis throws. */
  url?: string;
  log?: Logger;
  /** Set false to skip 127.0.0.1:6379 and go straight to spawning (tests use this). */
  probeDefault?: boolean;
  /** The server binary to spawn; defaults to `redis-server` from PATH. */
  redisServer?: string;
  /** How long a spawned server may take to answer PING. */
  startTimeoutMs?: number;
  /** Environment to read REDIS_URL from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_URL = 'redis://127.0.0.1:6379';
const PING_TIMEOUT_MS = 1_500;
const POLL_MS = 50;
const OUTPUT_TAIL_BYTES = 2_000;
const REDIS_VERSION = /^redis_version:([^\r\n]+)/m;

const INSTALL_HINT =
  'Install Redis (>= 6.2) and start it: `apt-get install redis-server` (Debian/Ubuntu), ' +
  '`brew install redis && brew services start redis` (macOS), or `docker run -p 6379:6379 redis:7`; ' +
  'or set REDIS_URL=redis://host:port to a Redis you run elsewhere.';

/**
 * Returns a Redis that answers PING: REDIS_URL if set (else throws REDIS_UNAVAILABLE), else a local
 * one on 127.0.0.1:6379, else a `redis-server` spawned on a free loopback port with no persistence.
 */
export async function ensureRedis(opts: EnsureRedisOptions = {}): Promise<RedisHandle> {
  const env = opts.env ?? process.env;
  const explicit = opts.url ?? nonEmpty(env['REDIS_URL']);
  if (explicit !== undefined) {
    const probe = await pingRedis(explicit);
    if (!probe.ok) {
      throw new PermanentError(
        'REDIS_UNAVAILABLE',
        `Redis at ${redactUrl(explicit)} did not answer PING (${probe.reason}). Check REDIS_URL, or unset it to let wirepipe find or start a local Redis. ${INSTALL_HINT}`,
        { url: redactUrl(explicit), reason: probe.reason },
      );
    }
    await checkServer(explicit, opts.log);
    opts.log?.debug({ url: redactUrl(explicit) }, 'using Redis from REDIS_URL');
    return foundHandle(explicit);
  }

  let defaultReason = 'not probed';
  if (opts.probeDefault !== false) {
    const probe = await pingRedis(DEFAULT_URL);
    if (probe.ok) {
      await checkServer(DEFAULT_URL, opts.log);
      opts.log?.debug({ url: DEFAULT_URL }, 'using local Redis');
      return foundHandle(DEFAULT_URL);
    }
    defaultReason = probe.reason;
  }

  return spawnRedis(opts, defaultReason);
}

/**
 * An ioredis client fit for BullMQ: commands wait out outages instead of failing
 * (maxRetriesPerRequest null, which BullMQ requires for workers), ready-checked, reconnecting forever.
 */
export function createRedisConnection(url: string, opts: { forWorker?: boolean } = {}): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    // Capped backoff: a worker should come back within seconds of Redis returning.
    retryStrategy: (times) => Math.min(times * 200, 5_000),
    connectionName: opts.forWorker ? 'wirepipe-worker' : 'wirepipe',
    // Commands issued in the same tick share one socket write: with many jobs in flight, stories'
    // Redis calls were a write syscall each (about 9 per story; 1.5 with this, measured with strace).
    enableAutoPipelining: !opts.forWorker,
  });
  // ioredis prints "Unhandled error event" for every reconnect attempt without a listener; the
  // owner (BullMQ or our code) sees failures through command rejections instead.
  client.on('error', noop);
  return client;
}

/** True when `url` answers PING within a short timeout; never throws. */
export async function redisAnswers(url: string): Promise<boolean> {
  return (await pingRedis(url)).ok;
}

/** The oldest Redis BullMQ 6 runs on. */
export const MIN_REDIS_VERSION = '6.2.0';

/** True when a `redis_version` string is at least MIN_REDIS_VERSION (unknown versions pass). */
export function isSupportedRedisVersion(version: string | undefined): boolean {
  if (version === undefined) return true;
  const have = version.split('.').map((n) => Number.parseInt(n, 10));
  const need = MIN_REDIS_VERSION.split('.').map((n) => Number.parseInt(n, 10));
  for (let i = 0; i < need.length; i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (Number.isNaN(a)) return true;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * Refuses a Redis too old for BullMQ (with the fix in the message) and warns about an evicting
 * maxmemory-policy, under which Redis silently deletes queued jobs. Managed services that forbid
 * CONFIG are not an error: the policy check is then skipped.
 */
async function checkServer(url: string, log: Logger | undefined): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: PING_TIMEOUT_MS });
  client.on('error', noop);
  try {
    // An ACL that forbids INFO leaves the version unknown, which passes.
    const info = await client.info('server').catch(() => '');
    const version = REDIS_VERSION.exec(info)?.[1];
    if (!isSupportedRedisVersion(version)) {
      throw new PermanentError(
        'REDIS_UNAVAILABLE',
        `Redis at ${redactUrl(url)} is version ${String(version)}; BullMQ needs ${MIN_REDIS_VERSION} or newer. ${INSTALL_HINT}`,
        { url: redactUrl(url), version },
      );
    }
    const policy = await client.config('GET', 'maxmemory-policy').then(
      (reply) => (Array.isArray(reply) ? String(reply[1]) : undefined),
      () => undefined,
    );
    if (policy !== undefined && policy !== 'noeviction') {
      log?.warn(
        { url: redactUrl(url), maxmemoryPolicy: policy },
        'Redis maxmemory-policy is not noeviction: under memory pressure Redis will delete queued jobs (see infra/README.md)',
      );
    }
  } finally {
    client.disconnect();
  }
}

type PingResult = { ok: true } | { ok: false; reason: string };

async function pingRedis(url: string, timeoutMs = PING_TIMEOUT_MS): Promise<PingResult> {
  let client: Redis;
  try {
    client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: timeoutMs,
      commandTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableOfflineQueue: false,
    });
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  let lastError: Error | undefined;
  client.on('error', (err: Error) => {
    lastError = err;
  });
  try {
    await client.connect();
    const reply = await client.ping();
    return reply === 'PONG' ? { ok: true } : { ok: false, reason: `unexpected reply ${String(reply)}` };
  } catch (err) {
    return { ok: false, reason: (lastError ?? (err as Error)).message };
  } finally {
    client.disconnect();
  }
}

function foundHandle(url: string): RedisHandle {
  return { url, started: false, stop: async () => {} };
}

async function spawnRedis(opts: EnsureRedisOptions, defaultReason: string): Promise<RedisHandle> {
  const binary = opts.redisServer ?? 'redis-server';
  const timeoutMs = opts.startTimeoutMs ?? 10_000;
  const dir = await mkdtemp(join(tmpdir(), 'wirepipe-redis-'));
  let lastFailure = '';
  // A free port can be taken between our probe and redis binding it; a few tries settle that.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freeLoopbackPort();
    const started = await startServer(binary, port, dir, timeoutMs);
    if (started.ok) {
      const url = `redis://127.0.0.1:${port}`;
      const handle = spawnedHandle(url, started.child, dir);
      try {
        await checkServer(url, opts.log);
      } catch (err) {
        await handle.stop();
        throw err;
      }
      opts.log?.info({ url, dir }, 'started a private redis-server');
      return handle;
    }
    lastFailure = started.reason;
    if (!started.retry) break;
  }
  await rm(dir, { recursive: true, force: true });
  throw new PermanentError(
    'REDIS_UNAVAILABLE',
    `No Redis available: 127.0.0.1:6379 did not answer (${defaultReason}) and starting \`${binary}\` failed (${lastFailure}). ${INSTALL_HINT}`,
    { defaultReason, spawnFailure: lastFailure },
  );
}

type StartResult = { ok: true; child: ChildProcess } | { ok: false; reason: string; retry: boolean };

async function startServer(binary: string, port: number, dir: string, timeoutMs: number): Promise<StartResult> {
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--save', '',
    '--appendonly', 'no',
    '--daemonize', 'no',
    '--protected-mode', 'yes',
    // BullMQ loses jobs silently under any evicting policy.
    '--maxmemory-policy', 'noeviction',
    '--logfile', '',
  ];
  let child: ChildProcess;
  try {
    // In a process group of its own: a terminal's Ctrl-C (or a service manager's signal to the
    // group) reaches wirepipe only, which stops Redis last, after its workers have finished;
    // stopped first, Redis would leave the shutdown waiting for it forever.
    child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  } catch (err) {
    return { ok: false, reason: (err as Error).message, retry: false };
  }
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let exited: string | undefined;
  child.once('error', (err: NodeJS.ErrnoException) => {
    exited = err.code === 'ENOENT' ? `${binary} is not installed or not on PATH` : err.message;
  });
  child.once('exit', (code, signal) => {
    exited ??= `exited with ${signal ?? `code ${String(code)}`}: ${output.trim().split('\n').slice(-3).join(' | ')}`;
  });

  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      return { ok: false, reason: exited, retry: /address already in use/i.test(output) };
    }
    if ((await pingRedis(url, 500)).ok) return { ok: true, child };
    await sleep(POLL_MS);
  }
  await killAndWait(child);
  return { ok: false, reason: `did not answer PING within ${timeoutMs} ms`, retry: false };
}

function spawnedHandle(url: string, child: ChildProcess, dir: string): RedisHandle {
  // If our process dies without calling stop(), the server must not outlive it.
  const onExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', onExit);
  let stopping: Promise<void> | undefined;
  return {
    url,
    started: true,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', onExit);
        await killAndWait(child);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

async function killAndWait(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The URL with its secrets replaced, so it can appear in errors and logs: the password, and every
 * query value, since ioredis authenticates with `?password=` (and takes any option from the query).
 */
export function redactUrl(url: string): string {
  let withoutPassword: string;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    withoutPassword = parsed.toString();
  } catch {
    // Often a password with an unencoded "?" or "#": everything up to the "@" is masked.
    withoutPassword = url.replace(/\/\/[^@/]*@/, '//***@');
  }
  const tailAt = withoutPassword.search(/[?#]/);
  return tailAt === -1 ? withoutPassword : withoutPassword.slice(0, tailAt) + redactQueryAndFragment(withoutPassword.slice(tailAt));
}

/** `?a=1&b#c` → `?a=***&***#***`: names stay readable; a fragment or bare item may be a mistyped password. */
function redactQueryAndFragment(tail: string): string {
  const hashAt = tail.indexOf('#');
  const query = hashAt === -1 ? tail : tail.slice(0, hashAt);
  const items = query === '' ? [] : query.slice(1).split('&');
  const masked = items.map((item) => {
    const eq = item.indexOf('=');
    if (eq !== -1) return `${item.slice(0, eq)}=***`;
    return item === '' ? '' : '***';
  });
  return (query === '' ? '' : `?${masked.join('&')}`) + (hashAt === -1 ? '' : '#***');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function noop(): void {}
