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
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
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
}

/** A term's count not yet sent to Redis, and the last document that counted it. */
interface PendingCount {
  n: number;
  doc: number;
}

/** Counts cut from the pending ones and sent as a unit, resent as the same unit until acknowledged. */
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
/** Stream entries read per call: a flush holds up to a few thousand terms. */
const CHANGES_PER_READ = 16;
/** How long a writer's last acknowledged batch number is kept, to recognise a resent batch. */
const RECEIPT_TTL_SECONDS = 86_400;
/** Loads restarted because the stream lost entries while the hash was being read. */
const MAX_LOAD_ATTEMPTS = 3;

/**
 * Adds one batch to the hash, the document counter and the change stream, all or nothing.
 * KEYS: df hash, docs counter, changes stream, change counter, this writer's receipt.
 * ARGV: writer, batch number, documents, stream cap, packed counts, receipt ttl, then term, count….
 *
 * A batch whose reply was lost (connection dropped after Redis ran it; ioredis also resends
 * unanswered commands after a reconnect) comes again with the same number: the receipt says it
 * was applied, so it is not counted twice. Keys are type-checked before any write, and a failing
 * HINCRBY (a field an operator set to a non-number) is undone with the increments before it, so a
 * failed flush leaves nothing half-applied and is simply resent.
 */
const FLUSH_SCRIPT = `
local receipt = redis.call('GET', KEYS[5])
if receipt and tonumber(receipt) and tonumber(receipt) >= tonumber(ARGV[2]) then return 0 end
local function check(key, want)
  local t = redis.call('TYPE', key)['ok']
  if t ~= 'none' and t ~= want then return 'WRONGTYPE ' .. key .. ' holds a ' .. t end
  if want == 'string' and t == 'string' and not string.match(redis.call('GET', key), '^%-?%d+$') then
    return 'ERR ' .. key .. ' is not an integer'
  end
end
for i, want in ipairs({'hash', 'string', 'stream', 'string'}) do
  local err = check(KEYS[i], want)
  if err then return redis.error_reply(err) end
end
for i = 7, #ARGV, 2 do
  local r = redis.pcall('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
  if type(r) == 'table' and r.err then
    for j = 7, i - 2, 2 do
      if redis.call('HINCRBY', KEYS[1], ARGV[j], '-' .. ARGV[j + 1]) == 0 then redis.call('HDEL', KEYS[1], ARGV[j]) end
    end
    return r
  end
end
redis.call('INCRBY', KEYS[2], ARGV[3])
local seq = redis.call('INCR', KEYS[4])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', 'w', ARGV[1], 'n', seq, 'docs', ARGV[3], 'd', ARGV[5])
redis.call('SET', KEYS[5], ARGV[2], 'EX', ARGV[6])
return seq
`;

/**
 * One HSCAN chunk of the hash, with the change counter, the stream's last id and the document
 * counter read at the same instant (a flush changes all of them in one script).
 * KEYS: df hash, docs counter, changes stream, change counter. ARGV: cursor, count.
 */
const LOAD_CHUNK_SCRIPT = `
local page = redis.call('HSCAN', KEYS[1], ARGV[1], 'COUNT', ARGV[2])
local last = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', 1)
return {page[1], page[2], redis.call('GET', KEYS[4]) or '0', last[1] and last[1][1] or '0-0', redis.call('GET', KEYS[2]) or '0'}
`;

/** A Lua script run by digest, sent in full only when the server has not cached it yet. */
class Script {
  readonly #sha: string;
  constructor(readonly source: string) {
    this.#sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    const params = [...keys, ...args.map(String)];
    try {
      return await redis.evalsha(this.#sha, keys.length, params);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return redis.eval(this.source, keys.length, params);
    }
  }
}

const flushScript = new Script(FLUSH_SCRIPT);
const loadChunkScript = new Script(LOAD_CHUNK_SCRIPT);

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
  /** A batch cut and counted in #snapshot but not yet acknowledged by Redis. */
  #unsent: Batch | null = null;
  /** The last change applied; null until the hash has been loaded (or after a gap). */
  #position: Position | null = null;
  /** The sync in progress: syncs run one at a time. */
  #syncing: Promise<void> | null = null;
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

  get #changesKey(): string {
    return `${this.opts.prefix}:idf:changes`;
  }

  get #changeCountKey(): string {
    return `${this.opts.prefix}:idf:changes:seq`;
  }

  get #receiptKey(): string {
    return `${this.opts.prefix}:idf:receipt:${this.#writer}`;
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

  /**
   * Sends pending counts to Redis, then applies the other workers' changes since the last sync
   * (the whole hash on the first sync). A failed flush is kept and resent as it was.
   */
  async sync(): Promise<void> {
    const previous = this.#syncing;
    const current = (async () => {
      await previous?.catch(() => undefined);
      await this.#flush();
      if (this.#position === null || !(await this.#applyChanges())) await this.#load();
    })();
    this.#syncing = current;
    try {
      await current;
    } finally {
      if (this.#syncing === current) this.#syncing = null;
    }
  }

  async #flush(): Promise<void> {
    // A batch that failed goes again unchanged (same number) before anything newer is cut, so
    // that Redis can tell a resend from new counts.
    if (this.#unsent !== null) {
      await this.#send(this.#unsent);
      this.#unsent = null;
    }
    if (this.#pendingDocs === 0) return;
    this.#unsent = this.#cut();
    await this.#send(this.#unsent);
    this.#unsent = null;
  }

  /** Moves pending counts into a batch, and into the snapshot: stream entries of our own are skipped. */
  #cut(): Batch {
    const counts: (string | number)[] = [];
    const snapshot = this.#snapshot;
    for (const [term, { n }] of this.#pending) {
      counts.push(term, n);
      snapshot.set(term, (snapshot.get(term) ?? 0) + n);
    }
    const batch = { number: ++this.#batches, docs: this.#pendingDocs, counts };
    this.#snapshotDocs += batch.docs;
    this.#pending = new Map();
    this.#pendingDocs = 0;
    return batch;
  }

  async #send(batch: Batch): Promise<void> {
    const keys = [this.#dfKey, this.#docsKey, this.#changesKey, this.#changeCountKey, this.#receiptKey];
    const cap = this.opts.changeLogLength ?? DEFAULT_CHANGE_LOG_LENGTH;
    const head = [this.#writer, batch.number, batch.docs, cap, JSON.stringify(batch.counts), RECEIPT_TTL_SECONDS];
    await flushScript.run(this.redis, keys, head.concat(batch.counts));
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
    const keys = [this.#dfKey, this.#docsKey, this.#changesKey, this.#changeCountKey];
    const chunk = this.opts.loadChunk ?? DEFAULT_LOAD_CHUNK;
    const values = new Map<string, number>();
    /** Terms read by a chunk later than the first, with that chunk's change number. */
    const readAt = new Map<string, number>();
    let start: Position | null = null;
    let docs = 0;
    let cursor = '0';
    do {
      const [next, fields, seqText, lastId, docsText] = (await loadChunkScript.run(this.redis, keys, [cursor, chunk])) as [string, string[], string, string, string];
      const seq = Number(seqText);
      if (start === null) {
        start = { id: lastId, seq };
        docs = Number(docsText);
      }
      for (let i = 0; i < fields.length; i += 2) {
        const term = fields[i]!;
        values.set(term, Number(fields[i + 1]));
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
    this.#snapshot = values;
    this.#snapshotDocs = docs;
    this.#position = position;
    return true;
  }

  /** Syncs now and then every `syncMs`; errors are reported to `onError` and retried next time. */
  async start(onError: (err: unknown) => void): Promise<void> {
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

/** Adds a change's packed counts to `into`, for the terms `counts` accepts. */
function addCounts(into: Map<string, number>, packed: string, counts: (term: string) => boolean): void {
  const flat = JSON.parse(packed) as (string | number)[];
  for (let i = 0; i < flat.length; i += 2) {
    const term = flat[i] as string;
    if (counts(term)) into.set(term, (into.get(term) ?? 0) + (flat[i + 1] as number));
  }
}
