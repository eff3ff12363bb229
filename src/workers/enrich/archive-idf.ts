/**
 * Keyword IDF learned from the archive as it grows, shared by every worker through Redis:
 * document frequencies live in one hash (`{prefix}:idf:df`) and a document counter. Reads are
 * synchronous (the keyword extractor asks per term), so each worker keeps a snapshot in memory,
 * refreshed periodically; its own new counts are batched and flushed with HINCRBY, which is
 * commutative, so workers never overwrite each other. The built-in table stays the prior, so a
 * fresh archive still ranks sensibly.
 */
import type { Redis } from 'ioredis';
import { DEFAULT_IDF, type IdfReader } from './idf-store.js';

export interface ArchiveIdfOptions {
  prefix: string;
  /** How often the snapshot is reloaded and pending counts are flushed (ms). */
  syncMs?: number;
  /** The prior frequencies (default: the built-in table). */
  prior?: IdfReader;
}

/** A term's count not yet sent to Redis, and the last document that counted it. */
interface PendingCount {
  n: number;
  doc: number;
}

/** An IdfReader over prior + archive counts, with `learn` for newly enriched stories. */
export class ArchiveIdf implements IdfReader {
  readonly #prior: IdfReader;
  #snapshot = new Map<string, number>();
  #snapshotDocs = 0;
  #pending = new Map<string, PendingCount>();
  #pendingDocs = 0;
  /** Documents learned so far by this process: the stamp that keeps a document from counting a term twice. */
  #learnedDocs = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly opts: ArchiveIdfOptions,
  ) {
    this.#prior = opts.prior ?? DEFAULT_IDF;
  }

  get #dfKey(): string {
    return `${this.opts.prefix}:idf:df`;
  }

  get #docsKey(): string {
    return `${this.opts.prefix}:idf:docs`;
  }

  documentCount(): number {
    return this.#prior.documentCount() + this.#snapshotDocs + this.#pendingDocs;
  }

  documentFrequency(term: string): number {
    return this.#prior.documentFrequency(term) + (this.#snapshot.get(term) ?? 0) + (this.#pending.get(term)?.n ?? 0);
  }

  /** Counts one document's distinct terms (locally at once, in Redis at the next flush). */
  readonly learn = (terms: Iterable<string>): void => {
    this.#pendingDocs += 1;
    // A term counted already by this document carries its stamp: one map lookup per term, where
    // a Set of the document's terms and a read and a write of the count took three (and a Set
    // of a few hundred terms per story).
    const doc = ++this.#learnedDocs;
    for (const t of terms) {
      const count = this.#pending.get(t);
      if (count === undefined) this.#pending.set(t, { n: 1, doc });
      else if (count.doc !== doc) {
        count.n++;
        count.doc = doc;
      }
    }
  };

  /** Sends pending counts to Redis, then reloads the shared snapshot. */
  async sync(): Promise<void> {
    const pending = this.#pending;
    const docs = this.#pendingDocs;
    if (docs > 0) {
      this.#pending = new Map();
      this.#pendingDocs = 0;
      const pipeline = this.redis.pipeline();
      for (const [term, { n }] of pending) pipeline.hincrby(this.#dfKey, term, n);
      pipeline.incrby(this.#docsKey, docs);
      try {
        await pipeline.exec();
      } catch (err) {
        // Not lost: put the counts back for the next flush.
        for (const [term, { n }] of pending) {
          const count = this.#pending.get(term);
          // Stamp 0 is no document's: a later document still counts the term.
          if (count === undefined) this.#pending.set(term, { n, doc: 0 });
          else count.n += n;
        }
        this.#pendingDocs += docs;
        throw err;
      }
    }
    const [df, total] = await Promise.all([this.redis.hgetall(this.#dfKey), this.redis.get(this.#docsKey)]);
    const snapshot = new Map<string, number>();
    for (const [term, n] of Object.entries(df)) snapshot.set(term, Number(n));
    this.#snapshot = snapshot;
    this.#snapshotDocs = Number(total ?? 0);
  }

  /** Syncs now and then every `syncMs`; errors are reported to `onError` and retried next time. */
  async start(onError: (err: unknown) => void): Promise<void> {
    await this.sync().catch(onError);
    this.#timer = setInterval(() => void this.sync().catch(onError), this.opts.syncMs ?? 10_000);
    this.#timer.unref();
  }

  /** Stops the timer and flushes what is pending. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.sync();
  }
}
