/**
 * Process configuration from the environment: one zod schema, defaults in the schema, validated
 * once at start-up. The process refuses to start and lists every problem at once.
 */
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { parseTopology, type Topology } from './topology.js';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/**
 * A blank variable (`PORT=` in a .env or docker-compose file) counts as unset, so the default
 * applies: coerced as it is, Number('') would silently be 0 (every candidate a duplicate at
 * DUPLICATE_THRESHOLD=0). Wraps every coerced field, with its default inside.
 */
function blankIsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);
}

const EnvSchema = z.object({
  REDIS_URL: z.string().url().optional(),
  /** Prefix of every wirepipe key and BullMQ queue in Redis; lets several pipelines share one Redis. */
  WIREPIPE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('wirepipe'),
  /** `split` (a queue per stage), `fused` (one job runs all stages), or groups like `normalize+translate-tag,enrich+publish`. */
  TOPOLOGY: z.string().default('fused'),
  /** Jobs a worker runs at once per queue. */
  WORKER_CONCURRENCY: blankIsUnset(positiveInt.default(50)),
  /** A job's lock without renewal (ms): how soon a crashed worker's jobs are taken up again. */
  WORKER_LOCK_MS: blankIsUnset(z.coerce.number().int().min(1000).default(30_000)),
  /** Processes running workers under `wirepipe start` (the stages are CPU-bound: one per core). */
  WORKER_PROCESSES: blankIsUnset(positiveInt.max(64).default(1)),
  /** Attempts for retryable failures before a job goes to the failed set. */
  JOB_ATTEMPTS: blankIsUnset(positiveInt.default(5)),
  /** First backoff delay (ms); doubles each attempt, with jitter. */
  JOB_BACKOFF_MS: blankIsUnset(positiveInt.default(1000)),
  // Blank (HOST= in a .env file) is the default, not '' (which Node binds to every interface).
  HOST: blankIsUnset(z.string().default('127.0.0.1')),
  PORT: blankIsUnset(port.default(8080)),
  /** Public base URL of the feed server (for self links); defaults to http://HOST:PORT. */
  PUBLIC_BASE_URL: z.string().url().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: blankIsUnset(z.string().default('us-east-1')),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  /** Where the embedded S3 server stores objects when no S3_ENDPOINT is set. */
  EMBEDDED_S3_DIR: blankIsUnset(z.string().default('./data/s3')),
  /** The sources file (YAML or JSON); defaults to the bundled samples. */
  SOURCES_FILE: z.string().optional(),
  /** Items kept per feed (category, language, all). */
  FEED_LENGTH: blankIsUnset(positiveInt.default(500)),
  /** Entries rendered per feed document. */
  FEED_PAGE_SIZE: blankIsUnset(positiveInt.default(50)),
  /** Similarity (0..1) at which a story is marked `duplicateOf` another source's copy. */
  DUPLICATE_THRESHOLD: blankIsUnset(z.coerce.number().min(0).max(1).default(0.45)),
  /** How long stories stay findable as near-duplicates (hours). */
  DUPLICATE_WINDOW_HOURS: blankIsUnset(positiveInt.default(168)),
  /** Score (0..1) at which a story in another language is linked with `translationOf`. */
  TRANSLATION_LINK_THRESHOLD: blankIsUnset(z.coerce.number().min(0).max(1).default(0.2)),
  /** Days an item's last queued content is remembered without a change (a re-sent older item is then queued again, and dropped as unchanged by the story store). */
  SEEN_RETENTION_DAYS: blankIsUnset(positiveInt.max(36_500).default(30)),
  /** Distinct terms a keyword-IDF generation holds before it becomes the previous one (two are kept). */
  IDF_GENERATION_TERMS: blankIsUnset(positiveInt.max(1_000_000_000).default(250_000)),
  /** Bearer token operators send to /status, /failed and /sources; unset: loopback clients only. */
  OPERATOR_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  redisUrl: string | undefined;
  prefix: string;
  topology: Topology;
  concurrency: number;
  workerProcesses: number;
  workerLockMs: number;
  attempts: number;
  backoffMs: number;
  host: string;
  port: number;
  publicBaseUrl: string | undefined;
  s3: { endpoint: string | undefined; bucket: string | undefined; region: string; forcePathStyle: boolean; embeddedDir: string };
  sourcesFile: string | undefined;
  feedLength: number;
  feedPageSize: number;
  logLevel: string;
  operatorToken: string | undefined;
  duplicates: { threshold: number; windowSeconds: number };
  translationLinkThreshold: number;
  idfGenerationTerms: number;
  /** How long the ingest sink remembers an item's last content without a change (ms). */
  seenRetentionMs: number;
}

/** Reads and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  let topology: Topology | undefined;
  try {
    topology = parseTopology(parsed.success ? parsed.data.TOPOLOGY : (env['TOPOLOGY'] ?? 'fused'));
  } catch (err) {
    problems.push(`TOPOLOGY: ${(err as Error).message}`);
  }
  // Checked on the raw environment so it is listed even when other variables are invalid.
  if (isSet(env['S3_ENDPOINT']) && !isSet(env['S3_BUCKET'])) problems.push('S3_BUCKET: required when S3_ENDPOINT is set');
  if (problems.length > 0 || !parsed.success || !topology) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    redisUrl: e.REDIS_URL,
    prefix: e.WIREPIPE_PREFIX,
    topology,
    concurrency: e.WORKER_CONCURRENCY,
    workerProcesses: e.WORKER_PROCESSES,
    workerLockMs: e.WORKER_LOCK_MS,
    attempts: e.JOB_ATTEMPTS,
    backoffMs: e.JOB_BACKOFF_MS,
    host: e.HOST,
    port: e.PORT,
    publicBaseUrl: e.PUBLIC_BASE_URL === undefined ? undefined : withoutTrailingSlashes(e.PUBLIC_BASE_URL),
    s3: {
      endpoint: e.S3_ENDPOINT,
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
      // Path-style is what MinIO/s3rver need; virtual-hosted style is AWS's default.
      forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === 'true' : Boolean(e.S3_ENDPOINT),
      embeddedDir: e.EMBEDDED_S3_DIR,
    },
    sourcesFile: e.SOURCES_FILE,
    feedLength: e.FEED_LENGTH,
    feedPageSize: e.FEED_PAGE_SIZE,
    logLevel: e.LOG_LEVEL,
    operatorToken: e.OPERATOR_TOKEN,
    duplicates: { threshold: e.DUPLICATE_THRESHOLD, windowSeconds: e.DUPLICATE_WINDOW_HOURS * 3600 },
    translationLinkThreshold: e.TRANSLATION_LINK_THRESHOLD,
    idfGenerationTerms: e.IDF_GENERATION_TERMS,
    seenRetentionMs: e.SEEN_RETENTION_DAYS * 86_400_000,
  };
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/** Self links are built as `${base}/feeds/...`: a base ending in "/" would give "//feeds/...". */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
