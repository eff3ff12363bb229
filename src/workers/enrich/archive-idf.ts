/**
 * Keyword IDF learned from the archive as it grows, shared by every worker through Redis:
 * document frequencies live in one hash (`{prefix}:idf:df`) and a document counter, the source of
 * truth that operators and other code may read. Reads are synchronous (the keyword extractor asks
 * per term), so each worker keeps a snapshot in memory. The built-in table stays the prior, so a
 * fresh archive still ranks sensibly.
 *
 * Keeping the snapshot fresh costs what changed, not the vocabulary (hundreds of thousands of
 * terms on a real wire: reloading the whole hash every few seconds blocked Redis and the event
 * loop for tens of ms per worker). Each flush, in one Lua script, adds its counts to the hash and
 * appends the same deltas, numbered, to a capped stream (`{prefix}:idf:changes`); workers apply
 * the entries after the last one they saw. The hash is read in full only at start-up and when a
 * worker finds a gap in the numbering (it fell behind the cap, or the keys were reset), in HSCAN
 * chunks.
 *
 * IDF is statistics: a bad key in Redis must cost counts, not the worker. A term whose field
 * Redis refuses to increment is dropped (and reported); while flushes fail, the counts held for
 * Redis are capped and documents beyond the cap are dropped (and counted in `dropped`); and a
 * failed flush does not keep a worker from applying the others' changes.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { flushScript, loadChunkScript, rejectedTermIndex } from './archive-idf-scripts.js';
import { DEFAULT_IDF, type IdfReader } from './idf-store.js';

export interface ArchiveIdfOptions {
  prefix: string;
  /** How often pending counts are flushed and other workers' changes applied (ms). */
  syncMs?: number;
  /** The prior frequencies (default: the built-in table). */
  prior?: IdfReader;
  /** About how many flushes the change stream keeps; a worker further behind reloads the hash. */
  changeLogLength?: number;
  /** Hash fields asked for per HSCAN call when the hash is loaded in full. */
  loadChunk?: number;
  /** Distinct terms held for Redis (pending and unsent) beyond which new documents are dropped. */
  maxHeldTerms?: number;
  /**
   * Told of problems that cost counts without failing a sync (a term Redis refused); the
   * callback given to start() when not set.
   */
  onError?: (err: unknown) => void;
}

/** Options that must be integers ≥ 1 when given: a bad one would fail every flush or load. */
const POSITIVE_INTEGER_OPTIONS = ['syncMs', 'changeLogLength', 'loadChunk', 'maxHeldTerms'] as const;

/** A term's count not yet sent to Redis, and the last document that counted it. */
interface PendingCount {
  n: number;
  doc: number;
}

/**
 * Counts cut from the pending ones and sent as a unit, resent under the same number until
 * acknowledged (less any term Redis refused: a refused flush counted nothing).
 */
interface Batch {
  number: number;
  docs: number;
  /** term, count, term, count, …: the script's arguments. */
  counts: (string | number)[];
}

/** The last change entry applied: its stream id (where to read on) and its number (to spot gaps). */
interface Position {
  id: string;
  seq: number;
}

/** One stream entry: another worker's flush. */
interface Change {
  seq: number;
  writer: string;
  docs: number;
  /** JSON of [term, count, term, count, …]. */
  packed: string;
}

/**
 * An entry of 10 stories' counts takes about 10 KB of Redis memory (measured on the bench
 * stories), so 1,000 entries are about 10 MB; at 8 workers flushing every 10 s that is some 20
 * minutes of changes, longer than any sync should lag (one that does reloads the hash once).
 */
const DEFAULT_CHANGE_LOG_LENGTH = 1_000;
const DEFAULT_LOAD_CHUNK = 1_000;
/**
 * A worker's pending and unsent counts take some 150 bytes a term (map entry, term string, batch
 * slot), so 200,000 terms are about 30 MB: hours of a busy wire's new vocabulary while Redis is
 * unreachable, yet a bounded cost when a bad key fails every flush.
 */
const DEFAULT_MAX_HELD_TERMS = 200_000;
/**
 * Terms per flush script. Redis runs a script alone, at about 5 µs a term (50,000 terms blocked
 * every other client for 240-340 ms), and every other worker downloads and parses the stream entry
 * (some 30 bytes a term): 5,000 terms keep a flush near 25 ms and an entry near 150 KB.
 */
const MAX_BATCH_TERMS = 5_000;
/** Stream entries read per call: a flush holds up to MAX_BATCH_TERMS terms. */
const CHANGES_PER_READ = 16;
/** How long a writer's last acknowledged batch number is kept, to recognise a resent batch. */
const RECEIPT_TTL_SECONDS = 86_400;
/** Loads restarted because the stream lost entries while the hash was being read. */
const MAX_LOAD_ATTEMPTS = 3;

/** An IdfReader over prior + archive counts, with `learn` for newly enriched stories. */
export class ArchiveIdf implements IdfReader {
  readonly #prior: IdfReader;
  /** Counts in Redis as of #position, plus this process's batches (added when cut). */
  #snapshot = new Map<string, number>();
  #snapshotDocs = 0;
  #pending = new Map<string, PendingCount>();
  #pendingDocs = 0;
  /** Documents learned so far by this process: the stamp that keeps a document from counting a term twice. */
  #learnedDocs = 0;
  /** Tells this process's stream entries from the others' (its counts are in #snapshot already). */
  readonly #writer = randomBytes(8).toString('hex');
  #batches = 0;
  /** Batches cut and counted in #snapshot but not yet acknowledged by Redis, oldest first. */
  #unsent: Batch[] = [];
  /** Terms in #unsent: with #pending, what the cap bounds. */
  #unsentTerms = 0;
  readonly #maxHeldTerms: number;
  #dropped = 0;
  #rejected = 0;
  #onError: (err: unknown) => void;
  /** The last change applied; null until the hash has been loaded (or after a gap). */
  #position: Position | null = null;
  /** The sync in progress: syncs run one at a time. */
  #syncing: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly opts: ArchiveIdfOptions,
  ) {
    for (const name of POSITIVE_INTEGER_OPTIONS) {
      const value = opts[name];
      if (value !== undefined && !(Number.isSafeInteger(value) && value >= 1)) {
        throw new RangeError(`keyword IDF: option ${name} must be an integer ≥ 1, got ${String(value)}`);
      }
    }
    this.#prior = opts.prior ?? DEFAULT_IDF;
    this.#maxHeldTerms = opts.maxHeldTerms ?? DEFAULT_MAX_HELD_TERMS;
    this.#onError = opts.onError ?? (() => undefined);
  }

  get #dfKey(): string {
    return `${this.opts.prefix}:idf:df`;
  }

  get #docsKey(): string {
    return `${this.opts.prefix}:idf:docs`;
  }

  get #changesKey(): string {
    return `${this.opts.prefix}:idf:changes`;
  }

  get #changeCountKey(): string {
    return `${this.opts.prefix}:idf:changes:seq`;
  }

  get #receiptKey(): string {
    return `${this.opts.prefix}:idf:receipt:${this.#writer}`;
  }

  /** Documents not learned because too many counts were waiting for Redis (see maxHeldTerms). */
  get dropped(): number {
    return this.#dropped;
  }

  /** Terms dropped from a flush because Redis refused to count them (a field that is not an integer). */
  get rejected(): number {
    return this.#rejected;
  }

  documentCount(): number {
    return this.#prior.documentCount() + this.#snapshotDocs + this.#pendingDocs;
  }

  documentFrequency(term: string): number {
    return this.#prior.documentFrequency(term) + (this.#snapshot.get(term) ?? 0) + (this.#pending.get(term)?.n ?? 0);
  }

  /** Counts one document's distinct terms (locally at once, in Redis at the next flush). */
  readonly learn = (terms: Iterable<string>): void => {
    // A whole document goes, not some of its terms: the counts left stay consistent with the
    // document count. (One document may pass the cap by its own new terms.)
    if (this.#pending.size + this.#unsentTerms >= this.#maxHeldTerms) {
      this.#dropped++;
      return;
    }
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

  /**
   * Sends pending counts to Redis, then applies the other workers' changes since the last sync
   * (the whole hash on the first sync). A failed flush is kept and resent as it was; it fails
   * the sync only after the other workers' changes have been applied.
   */
  async sync(): Promise<void> {
    const previous = this.#syncing;
    const current = (async () => {
      await previous?.catch(() => undefined);
      let flushFailed = false;
      let flushError: unknown;
      try {
        await this.#flush();
      } catch (err) {
        flushFailed = true;
        flushError = err;
      }
      try {
        if (this.#position === null || !(await this.#applyChanges())) await this.#load();
      } catch (err) {
        // The flush's error is the one to report: it is what holds counts back.
        if (!flushFailed) throw err;
      }
      if (flushFailed) throw flushError;
    })();
    this.#syncing = current;
    try {
      await current;
    } finally {
      if (this.#syncing === current) this.#syncing = null;
    }
  }

  async #flush(): Promise<void> {
    // Batches that failed go again unchanged (same numbers, in order) before anything newer is
    // cut, so that Redis can tell a resend from new counts.
    await this.#sendUnsent();
    if (this.#pendingDocs === 0) return;
    this.#cut();
    await this.#sendUnsent();
  }

  async #sendUnsent(): Promise<void> {
    while (this.#unsent.length > 0) {
      const batch = this.#unsent[0]!;
      await this.#send(batch);
      this.#unsent.shift();
      this.#unsentTerms -= batch.counts.length / 2;
    }
  }

  /**
   * Moves pending counts into batches of at most MAX_BATCH_TERMS terms, numbered in order, and
   * into the snapshot: stream entries of our own are skipped.
   */
  #cut(): void {
    const snapshot = this.#snapshot;
    let batch: Batch | null = null;
    for (const [term, { n }] of this.#pending) {
      if (batch === null || batch.counts.length >= 2 * MAX_BATCH_TERMS) {
        // The documents go with the first batch: any split adds up the same.
        batch = { number: ++this.#batches, docs: batch === null ? this.#pendingDocs : 0, counts: [] };
        this.#unsent.push(batch);
      }
      batch.counts.push(term, n);
      snapshot.set(term, (snapshot.get(term) ?? 0) + n);
    }
    // Documents without terms still count.
    if (batch === null) this.#unsent.push({ number: ++this.#batches, docs: this.#pendingDocs, counts: [] });
    this.#unsentTerms += this.#pending.size;
    this.#snapshotDocs += this.#pendingDocs;
    this.#pending = new Map();
    this.#pendingDocs = 0;
  }

  /** Sends a batch, dropping each term Redis refuses to count; throws on any other failure. */
  async #send(batch: Batch): Promise<void> {
    const keys = [this.#dfKey, this.#docsKey, this.#changesKey, this.#changeCountKey, this.#receiptKey];
    const cap = this.opts.changeLogLength ?? DEFAULT_CHANGE_LOG_LENGTH;
    for (;;) {
      const head = [this.#writer, batch.number, batch.docs, cap, JSON.stringify(batch.counts), RECEIPT_TTL_SECONDS];
      try {
        await flushScript.run(this.redis, keys, head.concat(batch.counts));
        return;
      } catch (err) {
        const index = rejectedTermIndex(err);
        if (index === null || index >= batch.counts.length / 2) throw err;
        this.#reject(batch, index, err);
      }
    }
  }

  /** Takes a term out of a batch (it keeps its number: Redis counted none of it) and out of the snapshot. */
  #reject(batch: Batch, index: number, err: unknown): void {
    const [term, n] = batch.counts.splice(2 * index, 2) as [string, number];
    const left = (this.#snapshot.get(term) ?? 0) - n;
    if (left > 0) this.#snapshot.set(term, left);
    else this.#snapshot.delete(term);
    this.#unsentTerms--;
    this.#rejected++;
    const reason = err instanceof Error ? err.message : String(err);
    this.#onError(new Error(`keyword IDF: dropped ${n} count(s) of the term ${JSON.stringify(term)}: Redis refused them (${reason})`, { cause: err }));
  }

  /** Applies the stream entries after #position to the snapshot; false on a gap in their numbers. */
  async #applyChanges(): Promise<boolean> {
    for (;;) {
      const entries = await this.redis.xrange(this.#changesKey, `(${this.#position!.id}`, '+', 'COUNT', CHANGES_PER_READ);
      for (const [id, fields] of entries) {
        const change = readChange(fields);
        if (change.seq !== this.#position!.seq + 1) return false;
        if (change.writer !== this.#writer) {
          this.#snapshotDocs += change.docs;
          addCounts(this.#snapshot, change.packed, () => true);
        }
        this.#position = { id, seq: change.seq };
      }
      if (entries.length < CHANGES_PER_READ) return true;
    }
  }

  /**
   * Reads the whole hash in HSCAN chunks into a new snapshot, exactly: each chunk comes with the
   * change number it was read at, so a change applied afterwards from the stream is added to a
   * term only when the chunk that read the term came before it. (Flushes between chunks would
   * otherwise be counted twice for terms read late, or lost for terms read early.) A term no
   * chunk returned was absent when the scan began (HSCAN returns every field present throughout),
   * so every change after the first chunk counts for it. Fields HSCAN returns twice keep the
   * later reading and its number.
   */
  async #load(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (await this.#loadOnce()) return;
      if (attempt >= MAX_LOAD_ATTEMPTS) throw new Error(`keyword IDF: the change stream ${this.#changesKey} was trimmed during ${attempt} loads`);
    }
  }

  async #loadOnce(): Promise<boolean> {
    const keys = [this.#dfKey, this.#docsKey, this.#changesKey, this.#changeCountKey, this.#receiptKey];
    const chunk = this.opts.loadChunk ?? DEFAULT_LOAD_CHUNK;
    const values = new Map<string, number>();
    /** Terms read by a chunk later than the first, with that chunk's change number. */
    const readAt = new Map<string, number>();
    let start: Position | null = null;
    let docs = 0;
    /** The last batch of ours Redis has counted: the unsent ones after it are not in the hash. */
    let receipt = 0;
    let cursor = '0';
    do {
      const [next, fields, seqText, lastId, docsText, receiptText] = (await loadChunkScript.run(this.redis, keys, [cursor, chunk])) as [string, string[], string, string, string, string];
      const seq = Number(seqText);
      if (start === null) {
        start = { id: lastId, seq };
        docs = Number(docsText);
        receipt = Number(receiptText);
      }
      for (let i = 0; i < fields.length; i += 2) {
        const term = fields[i]!;
        const value = Number(fields[i + 1]);
        // A field an operator set to a non-number counts nothing (flushes drop the term).
        if (!Number.isSafeInteger(value)) continue;
        values.set(term, value);
        if (seq > start.seq) readAt.set(term, seq);
      }
      cursor = next;
    } while (cursor !== '0');

    let position: Position = start!;
    for (;;) {
      const entries = await this.redis.xrange(this.#changesKey, `(${position.id}`, '+', 'COUNT', CHANGES_PER_READ);
      for (const [id, fields] of entries) {
        const change = readChange(fields);
        if (change.seq !== position.seq + 1) return false;
        // Our own changes too: the hash, not this process, is what was read.
        docs += change.docs;
        addCounts(values, change.packed, (term) => change.seq > (readAt.get(term) ?? start!.seq));
        position = { id, seq: change.seq };
      }
      if (entries.length < CHANGES_PER_READ) break;
    }
    // This process's counts not in Redis yet stay in its view, as they were before the load.
    for (const batch of this.#unsent) {
      if (batch.number <= receipt) continue;
      docs += batch.docs;
      addCounts(values, batch.counts, () => true);
    }
    this.#snapshot = values;
    this.#snapshotDocs = docs;
    this.#position = position;
    return true;
  }

  /**
   * Syncs now and then every `syncMs`; errors are reported to `onError` and retried next time,
   * as are dropped terms unless the options name their own `onError`.
   */
  async start(onError: (err: unknown) => void): Promise<void> {
    this.#onError = this.opts.onError ?? onError;
    await this.sync().catch(onError);
    this.#timer = setInterval(() => {
      // A sync still waiting on Redis is not joined by another one every tick.
      if (this.#syncing === null) void this.sync().catch(onError);
    }, this.opts.syncMs ?? 10_000);
    this.#timer.unref();
  }

  /** Stops the timer and flushes what is pending. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.sync();
  }
}

function readChange(fields: string[]): Change {
  const change: Change = { seq: Number.NaN, writer: '', docs: 0, packed: '[]' };
  for (let i = 0; i < fields.length; i += 2) {
    const value = fields[i + 1]!;
    switch (fields[i]) {
      case 'n':
        change.seq = Number(value);
        break;
      case 'w':
        change.writer = value;
        break;
      case 'docs':
        change.docs = Number(value);
        break;
      case 'd':
        change.packed = value;
        break;
    }
  }
  return change;
}

/** Adds a change's counts (packed, or a batch's) to `into`, for the terms `counts` accepts. */
function addCounts(into: Map<string, number>, packed: string | (string | number)[], counts: (term: string) => boolean): void {
  const flat = typeof packed === 'string' ? (JSON.parse(packed) as (string | number)[]) : packed;
  for (let i = 0; i < flat.length; i += 2) {
    const term = flat[i] as string;
    if (counts(term)) into.set(term, (into.get(term) ?? 0) + (flat[i + 1] as number));
  }
}
