/**
 * Dead letters: every item that failed for good, with its reason and data, in one Redis stream an
 * operator can read (`wirepipe failed`). BullMQ's failed set keeps the job too; this stream adds
 * failures that never became jobs (a feed that would not parse, a push that failed validation).
 */
import type { Redis } from 'ioredis';
import { describeError } from './errors.js';

export interface DeadLetter {
  at: string;
  /** Where it failed: a queue name, 'ingest', 'drop-folder', 'push', 'poll:<source>'. */
  where: string;
  jobId: string | null;
  code: string;
  message: string;
  /** The input that failed, as JSON; past 256 KiB, `{"truncated":true,"head":"..."}` (still JSON). */
  data: string;
}

const MAX_DATA = 256 * 1024;
const MAX_ENTRIES = 100_000;

/** Appends and lists dead letters under `{prefix}:dead-letters`. */
export class DeadLetters {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  get key(): string {
    return `${this.prefix}:dead-letters`;
  }

  /** Records a failure; rejects when Redis does (callers log that and keep their own error). */
  async add(where: string, jobId: string | null, err: unknown, data: unknown): Promise<void> {
    const e = describeError(err);
    let json = JSON.stringify(data) ?? 'null';
    // Cut as a JSON string value so what is kept still parses (Array.from: no split surrogate).
    if (json.length > MAX_DATA) json = JSON.stringify({ truncated: true, head: Array.from(json).slice(0, MAX_DATA).join('') });
    const replies = await this.redis
      .multi()
      .xadd(this.key, 'MAXLEN', '~', String(MAX_ENTRIES), '*',
        'at', new Date().toISOString(), 'where', where, 'jobId', jobId ?? '', 'code', e.code, 'message', e.message, 'data', json)
      .incr(`${this.key}:total`)
      .exec();
    const failed = replies?.find(([err]) => err !== null)?.[0];
    if (failed) throw failed;
  }

  /** How many dead letters are kept. */
  async count(): Promise<number> {
    return this.redis.xlen(this.key);
  }

  /**
   * How many dead letters were ever written: a counter of its own beside the stream, never
   * decreasing when the stream is trimmed, so it can back a Prometheus counter (the stream's
   * `entries-added` would do on Redis 7, but 6.2 is supported).
   */
  async totalAdded(): Promise<number> {
    return Number((await this.redis.get(`${this.key}:total`)) ?? 0);
  }

  /** The newest `count` dead letters, newest first. */
  async list(count = 50): Promise<DeadLetter[]> {
    const entries = await this.redis.xrevrange(this.key, '+', '-', 'COUNT', count);
    return entries.map(([, fields]) => {
      const f: Record<string, string> = {};
      for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i] as string] = fields[i + 1] as string;
      return {
        at: f['at'] ?? '',
        where: f['where'] ?? '',
        jobId: f['jobId'] || null,
        code: f['code'] ?? '',
        message: f['message'] ?? '',
        data: f['data'] ?? '',
      };
    });
  }
}
