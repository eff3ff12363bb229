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
 *
 * The vocabulary is bounded. Every distinct word, bigram and trigram ever published would grow
 * the hash and every worker's copy for as long as the archive grows (a wire's trigrams are mostly
 * new). So counts live in generations of at most `generationTerms` terms: when one fills, it
 * becomes the previous generation, the one before is deleted, and readers add the two. Redis and
 * each worker hold at most two generations, and IDF reflects recent copy, which is what a
 * keyword is measured against. The flush that fills a generation rotates it in Redis and says so
 * in its stream entry, so every worker rotates at the same point of the change sequence. A
 * worker's own counts therefore reach its current generation only when it reads its own entry
 * back (until then they are "in flight"): a worker places them where Redis did.
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
   * Distinct terms a generation holds before it becomes the previous one: Redis and each worker
   * keep at most two generations (and, per generation, up to one batch more).
   */
  generationTerms?: number;
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
const POSITIVE_INTEGER_OPTIONS = ['syncMs', 'changeLogLength', 'loadChunk', 'maxHeldTerms', 'generationTerms', 'stopTimeoutMs'] as const;
/** The largest number the flush script takes as an argument (15 digits: exact in Lua's doubles). */
export const MAX_SCRIPT_NUMBER = 999_999_999_999_999;

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

/** One HSCAN chunk of a load, with the counters read at the same instant. */
interface LoadChunk {
  next: string;
  fields: string[];
  seq: number;
  lastId: string;
  docs: number;
  receipt: number;
  previousDocs: number;
  generation: string;
}

/** One stream entry: a worker's flush. */
interface Change {
  seq: number;
  writer: string;
  docs: number;
  /** JSON of [term, count, term, count, …]. */
  packed: string;
  /** The flush filled its generation, which then became the previous one. */
  rotated: boolean;
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
 * A term takes about 85 bytes in a worker's copy and 75 in Redis (measured on 180,000 bigrams and
 * trigrams), so two generations of 250,000 terms are at most some 45 MB per worker and 40 MB in Redis. A generation holds the
 * vocabulary of a few thousand stories (a 600-word story has about 400 terms, most of them
 * recurring), so IDF always counts at least that many.
 */
const DEFAULT_GENERATION_TERMS = 250_000;
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
/**
 * Scans of the previous generation begun again because a generation ended meanwhile (each needs
 * a whole generation of new terms flushed while one generation is read).
 */
const MAX_PREVIOUS_SCANS = 5;
const DEFAULT_STOP_TIMEOUT_MS = 5_000;
/** Refused terms named in one report; the rest are counted. */
const MAX_TERMS_REPORTED = 20;

/** An IdfReader over prior + archive counts, with `learn` for newly enriched stories. */
export class ArchiveIdf implements IdfReader {
  readonly #prior: IdfReader;
  /** The current generation's counts in Redis as of #position. */
  #current = new Map<string, number>();
  #currentDocs = 0;
  /** The previous generation's counts (it no longer changes). */
  #previous = new Map<string, number>();
  #previousDocs = 0;
  /**
   * This process's counts cut into batches whose stream entries it has not read back yet (sent
   * or not): they join #current at their entry, where Redis counted them.
   */
  #inFlight = new Map<string, number>();
  #inFlightDocs = 0;
  #pending = new Map<string, PendingCount>();
  #pendingDocs = 0;
  /** Documents learned so far by this process: the stamp that keeps a document from counting a term twice. */
  #learnedDocs = 0;
  /** Tells this process's stream entries from the others' (its counts are in #inFlight until then). */
  readonly #writer = randomBytes(8).toString('hex');
  #batches = 0;
  /** Batches cut (and counted in #inFlight) but not yet acknowledged by Redis, oldest first. */
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
      if (value !== undefined && !(Number.isSafeInteger(value) && value >= 1 && value <= MAX_SCRIPT_NUMBER)) {
        throw new RangeError(`keyword IDF: option ${name} must be an integer from 1 to ${MAX_SCRIPT_NUMBER}, got ${String(value)}`);
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

  get #previousDfKey(): string {
    return `${this.opts.prefix}:idf:df:previous`;
  }

  get #previousDocsKey(): string {
    return `${this.opts.prefix}:idf:docs:previous`;
  }

  /** How many generations have ended: a load that sees it move starts again. */
  get #generationKey(): string {
    return `${this.opts.prefix}:idf:generation`;
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

  /** Distinct terms this worker holds in memory, over both generations and its own unread counts. */
  get termsInMemory(): number {
    return this.#previous.size + this.#current.size + this.#inFlight.size + this.#pending.size;
  }

  documentCount(): number {
    return this.#prior.documentCount() + this.#previousDocs + this.#currentDocs + this.#inFlightDocs + this.#pendingDocs;
  }

  documentFrequency(term: string): number {
    // #inFlight is empty between a sync and the next cut: its lookup is skipped then.
    const inFlight = this.#inFlight.size === 0 ? 0 : (this.#inFlight.get(term) ?? 0);
    return this.#prior.documentFrequency(term) + (this.#previous.get(term) ?? 0) + (this.#current.get(term) ?? 0) + inFlight + (this.#pending.get(term)?.n ?? 0);
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
   * into #inFlight until their stream entries are read back.
   */
  #cut(): void {
    const inFlight = this.#inFlight;
    let batch: Batch | null = null;
    for (const [term, { n }] of this.#pending) {
      if (batch === null || batch.counts.length >= 2 * MAX_BATCH_TERMS) {
        // The documents go with the first batch: any split adds up the same.
        batch = { number: ++this.#batches, docs: batch === null ? this.#pendingDocs : 0, counts: [] };
        this.#unsent.push(batch);
      }
      batch.counts.push(term, n);
      inFlight.set(term, (inFlight.get(term) ?? 0) + n);
    }
    // Documents without terms still count.
    if (batch === null) this.#unsent.push({ number: ++this.#batches, docs: this.#pendingDocs, counts: [] });
    this.#unsentTerms += this.#pending.size;
    this.#inFlightDocs += this.#pendingDocs;
    this.#pending = new Map();
    this.#pendingDocs = 0;
  }

  /**
   * Sends a batch, dropping the terms Redis refuses to count (all of them named by one reply, so
   * the batch normally goes at most twice); throws on any other failure.
   */
  async #send(batch: Batch): Promise<void> {
    const keys = [this.#dfKey, this.#docsKey, this.#changesKey, this.#changeCountKey, this.#receiptKey, this.#previousDfKey, this.#previousDocsKey, this.#generationKey];
    const cap = this.opts.changeLogLength ?? DEFAULT_CHANGE_LOG_LENGTH;
    const generationTerms = this.opts.generationTerms ?? DEFAULT_GENERATION_TERMS;
    for (;;) {
      const head = [this.#writer, batch.number, batch.docs, cap, JSON.stringify(batch.counts), RECEIPT_TTL_SECONDS, generationTerms];
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

  /** Takes terms out of a batch (it keeps its number: Redis counted none of it) and out of #inFlight. */
  #reject(batch: Batch, indices: number[], err: unknown): void {
    const dropped: string[] = [];
    // From the last, so that the earlier indices still hold.
    for (const index of [...new Set(indices)].sort((x, y) => y - x)) {
      const [term, n] = batch.counts.splice(2 * index, 2) as [string, number];
      subtractCount(this.#inFlight, term, n);
      this.#unsentTerms--;
      this.#rejected++;
      dropped.unshift(term);
    }
    const named = dropped.slice(0, MAX_TERMS_REPORTED).map((t) => JSON.stringify(t)).join(', ');
    const more = dropped.length > MAX_TERMS_REPORTED ? ` and ${dropped.length - MAX_TERMS_REPORTED} more` : '';
    const reason = err instanceof Error ? err.message : String(err);
    this.#onError(new Error(`keyword IDF: dropped the counts of ${dropped.length} term(s) Redis refused, ${named}${more}: ${reason}`, { cause: err }));
  }

  /** Applies the stream entries after #position to the generations; false on a gap in their numbers. */
  async #applyChanges(): Promise<boolean> {
    for (;;) {
      const entries = await this.redis.xrange(this.#changesKey, `(${this.#position!.id}`, '+', 'COUNT', CHANGES_PER_READ);
      for (const [id, fields] of entries) {
        const change = readChange(fields);
        if (change.seq !== this.#position!.seq + 1) return false;
        // Our own batch, read back: its counts move from #inFlight to where Redis put them.
        const own = change.writer === this.#writer;
        if (own) this.#inFlightDocs -= change.docs;
        this.#currentDocs += change.docs;
        const current = this.#current;
        const inFlight = this.#inFlight;
        forEachCount(change.packed, (term, n) => {
          current.set(term, (current.get(term) ?? 0) + n);
          if (own) subtractCount(inFlight, term, n);
        });
        if (change.rotated) this.#rotate();
        this.#position = { id, seq: change.seq };
      }
      if (entries.length < CHANGES_PER_READ) return true;
    }
  }

  /**
   * Reads both generations in HSCAN chunks into new copies, exactly. The previous generation no
   * longer changes; when a generation ends while it is read, it is read again (it was deleted).
   * For the current one, each chunk comes with the change number it was read at, so a change
   * applied afterwards from the stream is added to a term only when the chunk that read the term
   * came before it. (Flushes between chunks would otherwise be counted twice for terms read late,
   * or lost for terms read early.) A term no chunk returned was absent when the scan began (HSCAN
   * returns every field present throughout), so every change after the first chunk counts for it.
   * Fields HSCAN returns twice keep the later reading and its number. When the current generation
   * ends during its scan, the scan goes on in the hash it became, and the stream's record of that
   * rotation moves what was read to the previous generation, as it did in Redis.
   */
  async #load(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (await this.#loadOnce()) return;
      if (attempt >= MAX_LOAD_ATTEMPTS) throw new Error(`keyword IDF: the change stream ${this.#changesKey} was trimmed, or generations ended, during ${attempt} loads`);
    }
  }

  /** One HSCAN chunk of a generation's hash and the counters read with it; null when the scan must start again. */
  async #loadChunk(which: 'current' | 'previous', cursor: string, began: string | null): Promise<LoadChunk | null> {
    const keys = [this.#dfKey, this.#docsKey, this.#changesKey, this.#changeCountKey, this.#receiptKey, this.#previousDfKey, this.#previousDocsKey, this.#generationKey];
    const reply = await loadChunkScript.run(this.redis, keys, [cursor, this.opts.loadChunk ?? DEFAULT_LOAD_CHUNK, began ?? '', which]);
    if (reply === 'moved') return null;
    const [next, fields, seq, lastId, docs, receipt, previousDocs, generation] = reply as [string, string[], string, string, string, string, string, string];
    return { next, fields, seq: Number(seq), lastId, docs: counter(docs), receipt: Number(receipt), previousDocs: counter(previousDocs), generation };
  }

  /** The previous generation's counts, its documents and the generation it was read in; null when generations kept ending. */
  async #loadPrevious(): Promise<{ counts: Map<string, number>; docs: number; generation: string } | null> {
    for (let attempt = 0; attempt < MAX_PREVIOUS_SCANS; attempt++) {
      const counts = new Map<string, number>();
      let generation: string | null = null;
      let docs = 0;
      let cursor = '0';
      let complete = true;
      do {
        const chunk = await this.#loadChunk('previous', cursor, generation);
        if (chunk === null) {
          complete = false;
          break;
        }
        if (generation === null) {
          generation = chunk.generation;
          docs = chunk.previousDocs;
        }
        readFields(chunk.fields, (term, value) => counts.set(term, value));
        cursor = chunk.next;
      } while (cursor !== '0');
      if (complete) return { counts, docs, generation: generation! };
    }
    return null;
  }

  async #loadOnce(): Promise<boolean> {
    const previous = await this.#loadPrevious();
    if (previous === null) return false;
    const generation = previous.generation;
    let previousDocs = previous.docs;

    let values = new Map<string, number>();
    /** Terms read by a chunk later than the first, with that chunk's change number. */
    const readAt = new Map<string, number>();
    let start: Position | null = null;
    let docs = 0;
    /** The last batch of ours Redis has counted: the unsent ones after it are not in the hash. */
    let receipt = 0;
    let cursor = '0';
    do {
      // The first chunk must find the generation the previous one was read in.
      const chunk = await this.#loadChunk('current', cursor, generation);
      if (chunk === null || (start === null && chunk.generation !== generation)) return false;
      if (start === null) {
        start = { id: chunk.lastId, seq: chunk.seq };
        docs = chunk.docs;
        receipt = chunk.receipt;
      }
      const at = chunk.seq;
      readFields(chunk.fields, (term, value) => {
        values.set(term, value);
        if (at > start!.seq) readAt.set(term, at);
      });
      cursor = chunk.next;
    } while (cursor !== '0');

    let position: Position = start!;
    /** Whether a change goes to a generation the scan read (else every change counts). */
    let scanned = true;
    let previousOut = previous.counts;
    for (;;) {
      const entries = await this.redis.xrange(this.#changesKey, `(${position.id}`, '+', 'COUNT', CHANGES_PER_READ);
      for (const [id, fields] of entries) {
        const change = readChange(fields);
        if (change.seq !== position.seq + 1) return false;
        // Our own changes too: the hash, not this process, is what was read.
        docs += change.docs;
        const read = scanned;
        addCounts(values, change.packed, (term) => !read || change.seq > (readAt.get(term) ?? start!.seq));
        if (change.rotated) {
          previousOut = values;
          previousDocs = docs;
          values = new Map();
          docs = 0;
          scanned = false;
        }
        position = { id, seq: change.seq };
      }
      if (entries.length < CHANGES_PER_READ) break;
    }
    // This process's counts not in Redis yet stay in its view, as they were before the load.
    const inFlight = new Map<string, number>();
    let inFlightDocs = 0;
    for (const batch of this.#unsent) {
      if (batch.number <= receipt) continue;
      inFlightDocs += batch.docs;
      addCounts(inFlight, batch.counts, () => true);
    }
    this.#previous = previousOut;
    this.#previousDocs = previousDocs;
    this.#current = values;
    this.#currentDocs = docs;
    this.#inFlight = inFlight;
    this.#inFlightDocs = inFlightDocs;
    this.#position = position;
    return true;
  }

  /** The current generation becomes the previous one (as the flush that filled it did in Redis). */
  #rotate(): void {
    this.#previous = this.#current;
    this.#previousDocs = this.#currentDocs;
    this.#current = new Map();
    this.#currentDocs = 0;
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
  const change: Change = { seq: Number.NaN, writer: '', docs: 0, packed: '[]', rotated: false };
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
      case 'rot':
        change.rotated = value === '1';
        break;
    }
  }
  return change;
}

/** Calls `each` with every term and count of a change (packed) or a batch. */
function forEachCount(packed: string | (string | number)[], each: (term: string, n: number) => void): void {
  const flat = typeof packed === 'string' ? (JSON.parse(packed) as (string | number)[]) : packed;
  for (let i = 0; i < flat.length; i += 2) each(flat[i] as string, flat[i + 1] as number);
}

/** Adds a change's counts (packed, or a batch's) to `into`, for the terms `counts` accepts. */
function addCounts(into: Map<string, number>, packed: string | (string | number)[], counts: (term: string) => boolean): void {
  forEachCount(packed, (term, n) => {
    if (counts(term)) into.set(term, (into.get(term) ?? 0) + n);
  });
}

/** Takes `n` off a term's count, forgetting the term at zero. */
function subtractCount(from: Map<string, number>, term: string, n: number): void {
  const left = (from.get(term) ?? 0) - n;
  if (left > 0) from.set(term, left);
  else from.delete(term);
}

/** A hash page's fields with integer values (a field an operator set to a non-number counts nothing: flushes drop the term). */
function readFields(fields: string[], each: (term: string, value: number) => void): void {
  for (let i = 0; i < fields.length; i += 2) {
    const value = Number(fields[i + 1]);
    if (Number.isSafeInteger(value)) each(fields[i]!, value);
  }
}

/** A document counter read from Redis; one that is not a count counts nothing. */
function counter(text: string): number {
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}
