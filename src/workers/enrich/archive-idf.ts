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
 * Redis are capped and documents beyond the cap are dropped (reported when dropping starts and
 * when it stops); a failed flush does not keep a worker from applying the others' changes; and
 * stop() gives up a final flush that Redis does not answer in time.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { flushScript, loadChunkScript, rejectedTermIndices } from './archive-idf-scripts.js';
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
   * How long stop() waits for the final flush (ms); then it gives up and reports what was left
   * unsent. (ioredis may still send it later: the receipt keeps it from counting twice.)
   */
  stopTimeoutMs?: number;
  /**
   * Told of problems that cost counts without failing a sync (terms Redis refused, documents
   * dropped at the cap); the callback given to start() when not set.
   */
  onError?: (err: unknown) => void;
}

/** Options that must be integers ≥ 1 when given: a bad one would fail every flush or load. */
const POSITIVE_INTEGER_OPTIONS = ['syncMs', 'changeLogLength', 'loadChunk', 'maxHeldTerms', 'stopTimeoutMs'] as const;

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

/** What a flush came to: sync() reports its error only after applying the others' changes. */
type FlushResult = { ok: true } | { ok: false; error: unknown };

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
const DEFAULT_STOP_TIMEOUT_MS = 5_000;
/** Refused terms named in one report; the rest are counted. */
const MAX_TERMS_REPORTED = 20;

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
  /** Documents dropped since dropping last started; null while documents are learned. */
  #droppingEpisode: number | null = null;
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
    if (this.#held() >= this.#maxHeldTerms) {
      this.#drop();
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

  /** Distinct terms held for Redis: pending and cut but unsent. */
  #held(): number {
    return this.#pending.size + this.#unsentTerms;
  }

  /** Counts a dropped document, reporting the first of an episode (later ones at its end). */
  #drop(): void {
    this.#dropped++;
    if (this.#droppingEpisode !== null) {
      this.#droppingEpisode++;
      return;
    }
    this.#droppingEpisode = 1;
    this.#onError(new Error(`keyword IDF: dropping documents: ${this.#held()} terms are waiting for Redis (the cap is ${this.#maxHeldTerms}); the first dropped now, ${this.#dropped} in all`));
  }

  /** Reports the end of a dropping episode once there is room again. */
  #endDroppingIfRoom(): void {
    if (this.#droppingEpisode === null || this.#held() >= this.#maxHeldTerms) return;
    const episode = this.#droppingEpisode;
    this.#droppingEpisode = null;
    this.#onError(new Error(`keyword IDF: learning documents again: ${episode} document(s) were dropped while counts waited for Redis (${this.#dropped} in all)`));
  }

  /**
   * Sends pending counts to Redis, then applies the other workers' changes since the last sync
   * (the whole hash on the first sync). A failed flush is kept and resent as it was; it fails
   * the sync only after the other workers' changes have been applied.
   */
  async sync(): Promise<void> {
    const previous = this.#syncing;
    const current = (async () => {
      await previous?.catch(() => undefined);
      const flush: FlushResult = await this.#flush().then(
        () => ({ ok: true }) as const,
        (error: unknown) => ({ ok: false, error }) as const,
      );
      this.#endDroppingIfRoom();
      try {
        if (this.#position === null || !(await this.#applyChanges())) await this.#load();
      } catch (err) {
        // The flush's error is the one to report: it is what holds counts back.
        if (flush.ok) throw err;
      }
      if (!flush.ok) throw flush.error;
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

  /**
   * Sends a batch, dropping the terms Redis refuses to count (all of them named by one reply, so
   * the batch normally goes at most twice); throws on any other failure.
   */
  async #send(batch: Batch): Promise<void> {
    const keys = [this.#dfKey, this.#docsKey, this.#changesKey, this.#changeCountKey, this.#receiptKey];
    const cap = this.opts.changeLogLength ?? DEFAULT_CHANGE_LOG_LENGTH;
    for (;;) {
      const head = [this.#writer, batch.number, batch.docs, cap, JSON.stringify(batch.counts), RECEIPT_TTL_SECONDS];
      try {
        await flushScript.run(this.redis, keys, head.concat(batch.counts));
        return;
      } catch (err) {
        const indices = rejectedTermIndices(err);
        const terms = batch.counts.length / 2;
        if (indices === null || indices.some((i) => i >= terms)) throw err;
        this.#reject(batch, indices, err);
      }
    }
  }

  /** Takes terms out of a batch (it keeps its number: Redis counted none of it) and out of the snapshot. */
  #reject(batch: Batch, indices: number[], err: unknown): void {
    const dropped: string[] = [];
    // From the last, so that the earlier indices still hold.
    for (const index of [...new Set(indices)].sort((x, y) => y - x)) {
      const [term, n] = batch.counts.splice(2 * index, 2) as [string, number];
      const left = (this.#snapshot.get(term) ?? 0) - n;
      if (left > 0) this.#snapshot.set(term, left);
      else this.#snapshot.delete(term);
      this.#unsentTerms--;
      this.#rejected++;
      dropped.unshift(term);
    }
    const named = dropped.slice(0, MAX_TERMS_REPORTED).map((t) => JSON.stringify(t)).join(', ');
    const more = dropped.length > MAX_TERMS_REPORTED ? ` and ${dropped.length - MAX_TERMS_REPORTED} more` : '';
    const reason = err instanceof Error ? err.message : String(err);
    this.#onError(new Error(`keyword IDF: dropped the counts of ${dropped.length} term(s) Redis refused, ${named}${more}: ${reason}`, { cause: err }));
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
   * as are dropped terms and documents unless the options name their own `onError`.
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

  /**
   * Stops the timer and flushes what is pending, waiting at most `stopTimeoutMs`: a Redis that
   * does not answer (the pipeline's client waits for it rather than failing) must not hold up
   * shutdown. Rejects with what was left unsent when it gives up.
   */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    const limitMs = this.opts.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    let timeout: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'gave up'>((resolve) => {
      timeout = setTimeout(() => resolve('gave up'), limitMs);
    });
    try {
      const final = this.sync();
      // Rejected after giving up too: not an unhandled rejection.
      final.catch(() => undefined);
      if ((await Promise.race([final, gaveUp])) !== 'gave up') return;
    } finally {
      clearTimeout(timeout);
    }
    const docs = this.#pendingDocs + this.#unsent.reduce((sum, b) => sum + b.docs, 0);
    throw new Error(`keyword IDF: gave up the final flush after ${limitMs} ms: ${docs} document(s) and ${this.#held()} term(s) were left unsent`);
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
