/** Keyword IDF learned from the archive: counts from every worker add up in Redis, exactly once. */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveIdf, type ArchiveIdfOptions } from '../../src/workers/enrich/archive-idf.js';
import { makeEnrich, MemoryIdfStore } from '../../src/workers/enrich/index.js';
import { MemoryStoryStore } from '../../src/workers/story-store.js';
import { createRedisConnection } from '../../src/shared/redis.js';
import { silentLogger } from '../../src/shared/logger.js';
import { makeArticle } from '../support/articles.js';
import { cleanupPrefix, testRedis, uniquePrefix } from '../support/redis-prefix.js';
import { testRedisUrl } from '../support/services.js';

const redis = testRedis();
const prefixes: string[] = [];
const connections: Redis[] = [redis];
afterAll(async () => {
  for (const p of prefixes) await cleanupPrefix(redis, p);
  for (const c of connections) c.disconnect();
});
const none = { documentCount: () => 0, documentFrequency: () => 0 };

function freshPrefix(name: string): string {
  const p = uniquePrefix(name);
  prefixes.push(p);
  return p;
}

/** A connection of its own without auto-pipelining, so that every command passes sendCommand. */
function connection(url = testRedisUrl()): Redis {
  const c = createRedisConnection(url, { forWorker: true });
  connections.push(c);
  return c;
}

function worker(prefix: string, opts: Partial<ArchiveIdfOptions> = {}, conn = connection()): ArchiveIdf {
  return new ArchiveIdf(conn, { prefix, prior: none, ...opts });
}

/** Deterministic documents over a vocabulary of words, bigrams and a few awkward terms. */
function documents(seed: number, vocabularySize: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const syllables = ['bão', 'số', 'quảng', 'trị', 'lũ', 'quét', 'yên', 'bái', 'mưa', 'lớn', 'sơ', 'tán', 'đê', 'vỡ'];
  const awkward = ['say "hi"', 'back\\slash', 'tab\tand\nnewline', 'bão 🌀', '[1,2]', ''];
  const vocabulary = [...awkward];
  for (let i = 0; vocabulary.length < vocabularySize; i++) {
    const word = `${syllables[i % syllables.length]}${Math.floor(i / syllables.length)}`;
    vocabulary.push(word, `${word} ${syllables[(i * 7) % syllables.length]}`);
  }
  return {
    vocabulary,
    random,
    next(size = 40): string[] {
      // Repeats on purpose: a document counts each of its terms once.
      return Array.from({ length: size }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    },
  };
}

function expectCounts(idf: ArchiveIdf, truth: MemoryIdfStore, vocabulary: string[]): void {
  expect(idf.documentCount()).toBe(truth.documentCount());
  const got = vocabulary.map((t) => [t, idf.documentFrequency(t)]);
  expect(got).toEqual(vocabulary.map((t) => [t, truth.documentFrequency(t)]));
}

/** The hash and counter in Redis, the source of truth, against the expected counts. */
async function expectRedis(prefix: string, truth: MemoryIdfStore): Promise<void> {
  const df = await redis.hgetall(`${prefix}:idf:df`);
  const expected = Object.fromEntries(Object.entries(truth.toJSON().df).map(([t, n]) => [t, String(n)]));
  expect(df).toEqual(expected);
  expect(Number(await redis.get(`${prefix}:idf:docs`))).toBe(truth.documentCount());
}

/** Records what a connection sends and how many strings Redis sends back. */
function spy(conn: Redis) {
  const names: string[] = [];
  let strings = 0;
  let chars = 0;
  const count = (reply: unknown): void => {
    if (Array.isArray(reply)) for (const r of reply) count(r);
    else {
      strings++;
      chars += String(reply).length;
    }
  };
  const original = conn.sendCommand.bind(conn);
  conn.sendCommand = ((command: Parameters<Redis['sendCommand']>[0], stream?: Parameters<Redis['sendCommand']>[1]) => {
    names.push(command.name);
    command.promise.then(count).catch(() => undefined);
    return original(command, stream);
  }) as Redis['sendCommand'];
  return {
    names,
    strings: () => strings,
    chars: () => chars,
  };
}

/**
 * Makes the connection's flush scripts (not its loads) fail as `fail(call)` says: refused before
 * Redis sees them, or run and their reply lost.
 */
function failFlushes(conn: Redis, fail: (call: number) => 'refuse' | 'lose' | false): () => void {
  const original = conn.evalsha;
  const run = (args: unknown[]) => (original as (...a: unknown[]) => Promise<unknown>).apply(conn, args);
  let calls = 0;
  conn.evalsha = ((...args: unknown[]) => {
    // A flush passes eight keys and at least seven arguments; a load chunk eight keys and four arguments.
    const params = args[2];
    const how = Array.isArray(params) && params.length > 12 ? fail(++calls) : false;
    if (how === 'refuse') return Promise.reject(new Error('flush refused (test)'));
    if (how === 'lose') return run(args).then(() => Promise.reject(new Error('flush reply lost (test)')));
    return run(args);
  }) as Redis['evalsha'];
  return () => {
    conn.evalsha = original;
  };
}

/** A port nothing listens on (until a test listens there itself). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('archive IDF', () => {
  it('shares document frequencies between workers through Redis', async () => {
    const prefix = freshPrefix('idf');
    const a = worker(prefix);
    const b = worker(prefix);
    a.learn(['bão số', 'bão số', 'quảng trị']);
    a.learn(['bão số']);
    // Seen locally at once, before any sync.
    expect(a.documentFrequency('bão số')).toBe(2);
    expect(b.documentFrequency('bão số')).toBe(0);
    await a.sync();
    await b.sync();
    expect(b.documentCount()).toBe(2);
    expect(b.documentFrequency('bão số')).toBe(2);
    expect(b.documentFrequency('quảng trị')).toBe(1);
    b.learn(['quảng trị']);
    await b.sync();
    await a.sync();
    expect(a.documentFrequency('quảng trị')).toBe(2);
    expect(a.documentCount()).toBe(3);
    expect(b.documentFrequency('quảng trị')).toBe(2);
  });

  it('converges with a single in-memory store over many interleaved syncs, and a late worker loads the full counts', async () => {
    const prefix = freshPrefix('idf-converge');
    const docs = documents(7, 400);
    const truth = new MemoryIdfStore();
    const workers = [worker(prefix), worker(prefix)];
    for (let step = 0; step < 300; step++) {
      const doc = docs.next();
      workers[Math.floor(docs.random() * 2)]!.learn(doc);
      truth.addDocument(doc);
      if (docs.random() < 0.2) await workers[Math.floor(docs.random() * 2)]!.sync();
      if (step % 75 === 74) {
        // a flushes, b flushes and sees a, a sees b: both hold every count.
        await workers[0]!.sync();
        await workers[1]!.sync();
        await workers[0]!.sync();
        for (const w of workers) expectCounts(w, truth, docs.vocabulary);
      }
    }
    await expectRedis(prefix, truth);
    expect(workers[0]!.documentCount()).toBe(300);
    const late = worker(prefix, { loadChunk: 16 });
    await late.sync();
    expectCounts(late, truth, docs.vocabulary);
  });

  it('reloads exactly when the stream was trimmed past a worker', async () => {
    const prefix = freshPrefix('idf-trim');
    const docs = documents(11, 200);
    const truth = new MemoryIdfStore();
    const a = worker(prefix, { changeLogLength: 10 });
    const connB = connection();
    const b = worker(prefix, {}, connB);
    await b.sync();
    for (let i = 0; i < 250; i++) {
      const doc = docs.next(5);
      a.learn(doc);
      truth.addDocument(doc);
      await a.sync();
    }
    // The cap is approximate (whole stream nodes of 100 entries go), but b's position is gone.
    expect(await redis.xlen(`${prefix}:idf:changes`)).toBeLessThan(200);
    const seen = spy(connB);
    await b.sync();
    expect(seen.names).toContain('evalsha');
    expectCounts(b, truth, docs.vocabulary);
    await expectRedis(prefix, truth);
  });

  it('loads exactly while other workers flush between its HSCAN chunks', async () => {
    const prefix = freshPrefix('idf-race');
    const docs = documents(13, 3_000);
    const truth = new MemoryIdfStore();
    const a = worker(prefix);
    for (let i = 0; i < 100; i++) {
      const doc = docs.next(200);
      a.learn(doc);
      truth.addDocument(doc);
    }
    await a.sync();
    const b = worker(prefix, { loadChunk: 10 });
    let loading = true;
    const load = b.sync().finally(() => (loading = false));
    let flushesDuringLoad = 0;
    while (loading) {
      const doc = docs.next(200);
      a.learn(doc);
      truth.addDocument(doc);
      await a.sync();
      flushesDuringLoad++;
    }
    await load;
    expect(flushesDuringLoad).toBeGreaterThan(5);
    await b.sync();
    expectCounts(b, truth, docs.vocabulary);
    await a.sync();
    expectCounts(a, truth, docs.vocabulary);
  });

  it('overlapping syncs run one after the other and apply each change once', async () => {
    const prefix = freshPrefix('idf-overlap');
    const docs = documents(19, 100);
    const truth = new MemoryIdfStore();
    const connA = connection();
    const a = worker(prefix, {}, connA);
    const b = worker(prefix);
    await a.sync();
    const seen = spy(connA);
    for (let round = 0; round < 5; round++) {
      for (const w of [a, b]) {
        const doc = docs.next();
        w.learn(doc);
        truth.addDocument(doc);
      }
      await b.sync();
      await Promise.all([a.sync(), a.sync(), a.sync()]);
    }
    await b.sync();
    expectCounts(a, truth, docs.vocabulary);
    expectCounts(b, truth, docs.vocabulary);
    // One flush per round, and no reload: a second sync reading the stream from the same
    // position as the first would find a gap and load the whole hash again.
    expect(seen.names.filter((n) => n === 'evalsha')).toHaveLength(5);
  });

  it('a sync fetches what changed, not the whole hash', async () => {
    const prefix = freshPrefix('idf-cost');
    const docs = documents(17, 3_000);
    const connA = connection();
    const connB = connection();
    const a = worker(prefix, {}, connA);
    for (let i = 0; i < 60; i++) a.learn(docs.next(200));
    await a.sync();
    const b = worker(prefix, {}, connB);
    await b.sync();
    // The whole hash: thousands of fields, tens of thousands of characters.
    expect(await redis.hlen(`${prefix}:idf:df`)).toBeGreaterThan(2_500);
    const seenA = spy(connA);
    const seenB = spy(connB);
    a.learn(docs.next(40));
    await a.sync();
    b.learn(docs.next(40));
    await b.sync();
    for (const seen of [seenA, seenB]) {
      expect(seen.names).not.toContain('hgetall');
      expect(seen.names).not.toContain('hscan');
      // One flush (its reply a number) and one read of at most two small entries.
      expect(seen.names.length).toBeLessThanOrEqual(3);
      expect(seen.strings()).toBeLessThan(40);
      expect(seen.chars()).toBeLessThan(3_000);
    }
    expect(b.documentCount()).toBe(62);
  });

  it('a flush failing on a key of the wrong type loses nothing and counts nothing twice', async () => {
    const prefix = freshPrefix('idf-wrongtype');
    const truth = new MemoryIdfStore();
    const a = worker(prefix);
    const learn = (doc: string[]) => {
      a.learn(doc);
      truth.addDocument(doc);
    };
    learn(['lũ quét', 'yên bái']);
    await a.sync();
    const docsKey = `${prefix}:idf:docs`;
    await redis.del(docsKey);
    await redis.rpush(docsKey, 'not a counter');
    learn(['lũ quét', 'lũ quét', 'mưa lớn']);
    await expect(a.sync()).rejects.toThrow(/WRONGTYPE/);
    expect(await redis.hgetall(`${prefix}:idf:df`)).toEqual({ 'lũ quét': '1', 'yên bái': '1' });
    expect(await redis.xlen(`${prefix}:idf:changes`)).toBe(1);
    // Still counted here, and a document after the failed flush counts its terms once more, once.
    expect(a.documentFrequency('lũ quét')).toBe(2);
    learn(['lũ quét', 'lũ quét']);
    expect(a.documentFrequency('lũ quét')).toBe(3);
    await redis.del(docsKey);
    await redis.set(docsKey, 1);
    await a.sync();
    await expectRedis(prefix, truth);
    const b = worker(prefix);
    await b.sync();
    expectCounts(b, truth, ['lũ quét', 'yên bái', 'mưa lớn']);
    expectCounts(a, truth, ['lũ quét', 'yên bái', 'mưa lớn']);
  });

  it('a field that is not an integer drops only its term: the rest and later documents count once, and other workers still arrive', async () => {
    const prefix = freshPrefix('idf-poison');
    const errors: unknown[] = [];
    const a = worker(prefix, { onError: (err) => errors.push(err) });
    const b = worker(prefix);
    a.learn(['đê', 'vỡ']);
    await a.sync();
    await b.sync();
    const dfKey = `${prefix}:idf:df`;
    await redis.hset(dfKey, 'vỡ', 'not a number'); // an operator's typo
    // Sent in this order: 'mới' (new) and 'đê' are incremented before 'vỡ' fails, and undone.
    a.learn(['mới', 'đê', 'vỡ', 'sau']);
    b.learn(['từ b']);
    await b.sync();
    await a.sync();
    expect(a.rejected).toBe(1);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/"vỡ".*not an integer/);
    expect(a.documentFrequency('từ b')).toBe(1);
    // Later documents, the bad term among them again, and syncs with nothing to send.
    a.learn(['mới', 'sau', 'vỡ']);
    await a.sync();
    await a.sync();
    expect(a.rejected).toBe(2);
    const counted = { đê: '2', mới: '2', sau: '2', 'từ b': '1' };
    expect(await redis.hgetall(dfKey)).toEqual({ ...counted, vỡ: 'not a number' });
    expect(await redis.get(`${prefix}:idf:docs`)).toBe('4');
    const late = worker(prefix);
    await late.sync();
    for (const idf of [a, b, late]) {
      await idf.sync();
      expect(idf.documentCount()).toBe(4);
      for (const [term, n] of Object.entries(counted)) expect([term, idf.documentFrequency(term)]).toEqual([term, Number(n)]);
    }
    // Nothing of the refused term: the hash holds no number for it.
    expect(late.documentFrequency('vỡ')).toBe(0);
  });

  it('a failing flush still applies the other workers\' changes (and keeps its own counts through a reload)', async () => {
    const prefix = freshPrefix('idf-flush-fails');
    const truth = new MemoryIdfStore();
    const connA = connection();
    const a = worker(prefix, {}, connA);
    const b = worker(prefix, { changeLogLength: 1 });
    await a.sync();
    const restore = failFlushes(connA, () => 'refuse');
    a.learn(['lũ', 'quét']);
    truth.addDocument(['lũ', 'quét']);
    b.learn(['bão']);
    truth.addDocument(['bão']);
    await b.sync();
    await expect(a.sync()).rejects.toThrow(/flush refused/);
    expectCounts(a, truth, ['lũ', 'quét', 'bão']);
    // b trims the stream past a: a reloads the hash, which lacks a's unsent counts.
    for (let i = 0; i < 250; i++) {
      b.learn([`tin ${i}`]);
      truth.addDocument([`tin ${i}`]);
      await b.sync();
    }
    await expect(a.sync()).rejects.toThrow(/flush refused/);
    expectCounts(a, truth, ['lũ', 'quét', 'bão', 'tin 0', 'tin 249']);
    restore();
    await a.sync();
    await expectRedis(prefix, truth);
    expectCounts(a, truth, ['lũ', 'quét', 'bão', 'tin 0', 'tin 249']);
  });

  it('a reload while a flush whose reply was lost waits to be resent counts it once', async () => {
    const prefix = freshPrefix('idf-lost-reload');
    const truth = new MemoryIdfStore();
    const connA = connection();
    const a = worker(prefix, {}, connA);
    const b = worker(prefix, { changeLogLength: 1 });
    await a.sync();
    // Redis counts the flush, a never hears so; its resend is refused until the stream has moved on.
    const restore = failFlushes(connA, (call) => (call === 1 ? 'lose' : 'refuse'));
    a.learn(['lũ', 'quét']);
    truth.addDocument(['lũ', 'quét']);
    await expect(a.sync()).rejects.toThrow(/reply lost/);
    for (let i = 0; i < 250; i++) {
      b.learn([`tin ${i}`]);
      truth.addDocument([`tin ${i}`]);
      await b.sync();
    }
    await expect(a.sync()).rejects.toThrow(/flush refused/);
    expectCounts(a, truth, ['lũ', 'quét', 'tin 0', 'tin 249']);
    restore();
    await a.sync();
    await expectRedis(prefix, truth);
    expectCounts(a, truth, ['lũ', 'quét', 'tin 0', 'tin 249']);
  });

  it('while flushes fail, counts held for Redis are capped: documents beyond the cap are dropped and counted', async () => {
    const prefix = freshPrefix('idf-cap');
    const truth = new MemoryIdfStore();
    const a = worker(prefix, { maxHeldTerms: 10 });
    await a.sync();
    const docsKey = `${prefix}:idf:docs`;
    await redis.rpush(docsKey, 'not a counter');
    const doc = (n: number, from: number) => Array.from({ length: n }, (_, i) => `từ ${from + i}`);
    const kept = [doc(6, 0), doc(3, 6), doc(3, 9)];
    a.learn(kept[0]!);
    await expect(a.sync()).rejects.toThrow(/WRONGTYPE/);
    a.learn(kept[1]!); // 6 unsent + 3 pending
    a.learn(kept[2]!); // 9 held: still under the cap, which this document passes
    a.learn(doc(2, 12));
    await expect(a.sync()).rejects.toThrow(/WRONGTYPE/);
    a.learn(doc(2, 14));
    a.learn(kept[0]!); // terms already held are no exception: the document goes whole
    expect(a.dropped).toBe(3);
    expect(a.documentCount()).toBe(3);
    expect(a.documentFrequency('từ 12')).toBe(0);
    for (const d of kept) truth.addDocument(d);
    await redis.del(docsKey);
    await a.sync();
    await expectRedis(prefix, truth);
    // Room again once sent.
    a.learn(doc(2, 12));
    truth.addDocument(doc(2, 12));
    await a.sync();
    await expectRedis(prefix, truth);
    expect(a.dropped).toBe(3);
  });

  it('rejects options that would fail every flush or load', () => {
    for (const name of ['changeLogLength', 'loadChunk', 'syncMs', 'maxHeldTerms', 'generationTerms'] as const) {
      // 16 digits: more than the flush script takes.
      for (const value of [-1, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000_000_000_000]) {
        expect(() => worker('t-unused', { [name]: value }), `${name}: ${value}`).toThrow(new RegExp(`${name} must be an integer`));
      }
      expect(() => worker('t-unused', { [name]: 1 })).not.toThrow();
      expect(() => worker('t-unused', { [name]: 999_999_999_999_999 })).not.toThrow();
    }
  });

  it('the largest generation size it accepts is one the flush script takes', async () => {
    const prefix = freshPrefix('idf-huge-generation');
    const a = worker(prefix, { generationTerms: 999_999_999_999_999 });
    a.learn(['lũ']);
    await a.sync();
    expect(await redis.hgetall(`${prefix}:idf:df`)).toEqual({ lũ: '1' });
  });

  it('the flush script checks every number before it writes anything', async () => {
    const prefix = freshPrefix('idf-argv');
    const { flushScript } = await import('../../src/workers/enrich/archive-idf-scripts.js');
    const keys = ['df', 'docs', 'changes', 'changes:seq', 'receipt:w', 'df:previous', 'docs:previous', 'generation'].map((k) => `${prefix}:idf:${k}`);
    const good: (string | number)[] = ['w', 1, 1, 10, '["lũ",1]', 86_400, 1_000, 'lũ', 1];
    const bad = [
      [3, -1], // the stream cap XADD would refuse after the HINCRBYs
      [3, 'x'],
      [1, 0],
      [2, '1.5'],
      [5, 0],
      [6, 0], // a generation size of 0 would end a generation on every flush
      [6, 'all'],
      [8, 'one'],
      [8, -1],
    ] as const;
    for (const [at, value] of bad) {
      const args = good.slice();
      args[at] = value;
      await expect(flushScript.run(redis, keys, args), `argument ${at}: ${value}`).rejects.toThrow(/not an integer/);
    }
    await expect(flushScript.run(redis, keys, good.slice(0, -1))).rejects.toThrow(/without a count/);
    expect(await redis.exists(...keys)).toBe(0);
    expect(await flushScript.run(redis, keys, good)).toBe(1);
    expect(await redis.hgetall(keys[0]!)).toEqual({ lũ: '1' });
  });

  it('a backlog goes out in batches of at most 5,000 terms, each counted once, a failed one resent with its number', async () => {
    const prefix = freshPrefix('idf-batches');
    const truth = new MemoryIdfStore();
    const connA = connection();
    const a = worker(prefix, {}, connA);
    await a.sync();
    const b = worker(prefix);
    await b.sync();
    const vocabulary: string[] = [];
    for (let d = 0; d < 60; d++) {
      const doc = Array.from({ length: 200 }, (_, k) => `term ${d} ${k}`);
      vocabulary.push(...doc);
      a.learn(doc);
      truth.addDocument(doc);
    }
    // The second batch fails once: the first stays counted, the second and third go next time.
    const restore = failFlushes(connA, (call) => call === 2 && 'refuse');
    await expect(a.sync()).rejects.toThrow(/flush refused/);
    expect(await redis.xlen(`${prefix}:idf:changes`)).toBe(1);
    await a.sync();
    restore();
    const entries = await redis.xrange(`${prefix}:idf:changes`, '-', '+');
    const batches = entries.map(([, fields]) => {
      const f = Object.fromEntries(Array.from({ length: fields.length / 2 }, (_, i) => [fields[2 * i], fields[2 * i + 1]]));
      return { n: Number(f['n']), docs: Number(f['docs']), terms: (JSON.parse(f['d']!) as unknown[]).length / 2 };
    });
    expect(batches.map((x) => x.n)).toEqual([1, 2, 3]);
    expect(batches.every((x) => x.terms <= 5_000)).toBe(true);
    expect(batches.reduce((sum, x) => sum + x.terms, 0)).toBe(12_000);
    expect(batches.reduce((sum, x) => sum + x.docs, 0)).toBe(60);
    await expectRedis(prefix, truth);
    await b.sync();
    expectCounts(b, truth, vocabulary);
    expectCounts(a, truth, vocabulary);
  });

  it('a flush on a closed connection is resent once when it is back', async () => {
    const prefix = freshPrefix('idf-closed');
    const truth = new MemoryIdfStore();
    const conn = connection();
    const a = worker(prefix, {}, conn);
    const b = worker(prefix);
    const learn = (doc: string[]) => {
      a.learn(doc);
      truth.addDocument(doc);
    };
    learn(['sơ tán', 'bão']);
    await a.sync();
    learn(['sơ tán']);
    conn.disconnect();
    await expect(a.sync()).rejects.toThrow(/closed/i);
    learn(['sơ tán', 'đê']);
    await conn.connect();
    await a.sync();
    await expectRedis(prefix, truth);
    await b.sync();
    expectCounts(b, truth, ['sơ tán', 'bão', 'đê']);
  });

  it('a flush whose reply was lost (and that ioredis resent) is counted once', async () => {
    const prefix = freshPrefix('idf-lost-reply');
    const upstream = new URL(testRedisUrl());
    let dropNextReply = false;
    let dropped = 0;
    const sockets: Socket[] = [];
    // A proxy that closes the connection instead of passing on a reply: Redis ran the command.
    const proxy: Server = createServer((client) => {
      const server = connect(Number(upstream.port || 6379), upstream.hostname);
      sockets.push(client, server);
      client.on('data', (d) => server.write(d));
      server.on('data', (d) => {
        if (dropNextReply) {
          dropNextReply = false;
          dropped++;
          client.destroy();
          server.destroy();
        } else client.write(d);
      });
      client.on('error', () => undefined);
      server.on('error', () => undefined);
      client.on('close', () => server.destroy());
      server.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const port = (proxy.address() as { port: number }).port;
      const url = new URL(testRedisUrl());
      url.hostname = '127.0.0.1';
      url.port = String(port);
      const a = worker(prefix, {}, connection(url.toString()));
      const truth = new MemoryIdfStore();
      const learn = (doc: string[]) => {
        a.learn(doc);
        truth.addDocument(doc);
      };
      learn(['lũ', 'quét']);
      await a.sync(); // the scripts are cached in Redis from here on: the next reply is the flush's
      learn(['lũ', 'yên bái']);
      dropNextReply = true;
      await a.sync().catch(() => undefined);
      expect(dropped).toBe(1);
      await a.sync();
      await expectRedis(prefix, truth);
      expectCounts(a, truth, ['lũ', 'quét', 'yên bái']);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('a counter Redis refuses to increment fails the flush before any term counts, however often it is resent', async () => {
    const INT64_MAX = '9223372036854775807';
    // Each passes a "looks like an integer" check; INCRBY (or INCR) refuses it.
    const cases = [
      ['docs', '007'],
      ['docs', '-0'],
      ['docs', '123456789012345678901234567890'],
      ['changes:seq', INT64_MAX],
    ] as const;
    for (const [key, value] of cases) {
      const label = `${key} = ${value}`;
      const prefix = freshPrefix('idf-counter');
      const counter = `${prefix}:idf:${key}`;
      const other = `${prefix}:idf:${key === 'docs' ? 'changes:seq' : 'docs'}`;
      await redis.set(counter, value);
      const a = worker(prefix);
      a.learn(['lũ', 'quét']);
      for (let i = 0; i < 3; i++) await expect(a.sync(), `${label}, sync ${i}`).rejects.toThrow(/not an integer|overflow/);
      // The counter is broken, so nothing counts: not the terms again on every resend.
      expect(await redis.hgetall(`${prefix}:idf:df`), label).toEqual({});
      expect(await redis.get(counter), label).toBe(value);
      expect(await redis.exists(other, `${prefix}:idf:changes`), label).toBe(0);
    }
  });

  it('a stream that refuses the entry fails the flush with nothing written, however often it is resent', async () => {
    const prefix = freshPrefix('idf-stream-full');
    // The largest stream id there is: XADD * can add nothing after it.
    await redis.xadd(`${prefix}:idf:changes`, '18446744073709551615-18446744073709551615', 'w', 'operator');
    const a = worker(prefix);
    a.learn(['lũ', 'quét']);
    for (let i = 0; i < 3; i++) await expect(a.sync(), `sync ${i}`).rejects.toThrow(/idf:changes/);
    expect(await redis.hgetall(`${prefix}:idf:df`)).toEqual({});
    expect(await redis.exists(`${prefix}:idf:docs`, `${prefix}:idf:changes:seq`)).toBe(0);
  });

  it('a receipt key of the wrong type fails the flush naming it, with nothing written', async () => {
    const prefix = freshPrefix('idf-receipt-type');
    const a = worker(prefix);
    a.learn(['lũ']);
    await a.sync();
    const [, receipts] = await redis.scan('0', 'MATCH', `${prefix}:idf:receipt:*`, 'COUNT', 1000);
    expect(receipts).toHaveLength(1);
    await redis.del(receipts[0]!);
    await redis.hset(receipts[0]!, 'x', '1');
    a.learn(['quét']);
    await expect(a.sync()).rejects.toThrow(receipts[0]!);
    expect(await redis.hgetall(`${prefix}:idf:df`)).toEqual({ lũ: '1' });
    expect(await redis.get(`${prefix}:idf:docs`)).toBe('1');
  });

  it('a batch with several refused terms is sent twice in all, and counts every other term once', async () => {
    const prefix = freshPrefix('idf-refused-many');
    const { flushScript } = await import('../../src/workers/enrich/archive-idf-scripts.js');
    // Cached in Redis: each run of the script is one EVALSHA.
    await redis.script('LOAD', flushScript.source);
    const conn = connection();
    const errors: unknown[] = [];
    const a = worker(prefix, { onError: (err) => errors.push(err) }, conn);
    await a.sync();
    const dfKey = `${prefix}:idf:df`;
    const terms = Array.from({ length: 50 }, (_, i) => `từ ${i}`);
    const bad = ['từ 3', 'từ 17', 'từ 40'];
    for (const t of bad) await redis.hset(dfKey, t, 'x');
    const sent = spy(conn);
    a.learn(terms);
    await a.sync();
    expect(sent.names.filter((n) => n === 'evalsha' || n === 'eval')).toHaveLength(2);
    expect(a.rejected).toBe(3);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/3 term\(s\).*"từ 3", "từ 17", "từ 40".*not an integer/);
    const expected = Object.fromEntries(terms.map((t) => [t, bad.includes(t) ? 'x' : '1']));
    expect(await redis.hgetall(dfKey)).toEqual(expected);
    expect(await redis.get(`${prefix}:idf:docs`)).toBe('1');
    for (const t of terms) expect([t, a.documentFrequency(t)]).toEqual([t, bad.includes(t) ? 0 : 1]);
  });

  it('while Redis is unreachable, dropping documents is reported once when it starts and once when it stops', async () => {
    const prefix = freshPrefix('idf-outage');
    const port = await freePort();
    const upstream = new URL(testRedisUrl());
    const url = new URL(testRedisUrl());
    url.hostname = '127.0.0.1';
    url.port = String(port);
    // The pipeline's client: it waits for Redis instead of failing commands.
    const conn = connection(url.toString());
    const errors: unknown[] = [];
    const a = worker(prefix, { maxHeldTerms: 4, onError: (err) => errors.push(err) }, conn);
    const sockets: Socket[] = [];
    const proxy: Server = createServer((client) => {
      const server = connect(Number(upstream.port || 6379), upstream.hostname);
      sockets.push(client, server);
      client.pipe(server);
      server.pipe(client);
      client.on('error', () => undefined);
      server.on('error', () => undefined);
    });
    try {
      a.learn(['lũ', 'quét']);
      const waiting = a.sync(); // cuts the batch and waits for Redis
      a.learn(['yên', 'bái']); // 4 held: the cap
      for (let i = 0; i < 3; i++) a.learn([`bỏ ${i}`]);
      expect(a.dropped).toBe(3);
      expect(errors).toHaveLength(1);
      expect(String(errors[0])).toMatch(/dropping documents: 4 terms are waiting for Redis/);
      await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
      await waiting;
      expect(errors).toHaveLength(2);
      expect(String(errors[1])).toMatch(/learning documents again: 3 document\(s\) were dropped/);
      a.learn(['mưa']);
      await a.sync();
      expect(errors).toHaveLength(2);
      expect(await redis.get(`${prefix}:idf:docs`)).toBe('3');
    } finally {
      conn.disconnect();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('stop() gives up the final flush after its time limit when Redis is unreachable, and says what was left', async () => {
    const prefix = freshPrefix('idf-stop');
    const url = new URL(testRedisUrl());
    url.hostname = '127.0.0.1';
    url.port = String(await freePort());
    const a = worker(prefix, { stopTimeoutMs: 200 }, connection(url.toString()));
    a.learn(['lũ', 'quét']);
    a.learn(['lũ']);
    const began = performance.now();
    const outcome = await Promise.race([
      a.stop().then(
        () => 'stopped',
        (err: unknown) => err,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 2 s'), 2_000)),
    ]);
    expect(String(outcome)).toMatch(/gave up the final flush after 200 ms: 2 document\(s\) and 2 term\(s\) were left unsent/);
    expect(performance.now() - began).toBeLessThan(1_500);
  });

  it('learns from every story the enrich stage sees', async () => {
    const p = freshPrefix('idf-stage');
    const idf = new ArchiveIdf(redis, { prefix: p, prior: none });
    const stage = makeEnrich({ idf, learn: idf.learn });
    const ctx = { log: silentLogger(), now: () => new Date(), stories: new MemoryStoryStore() };
    const text = 'Bão số 5 đổ bộ vào Quảng Trị. Bão số 5 gây mưa lớn. Người dân Quảng Trị đã được sơ tán trước khi bão số 5 đổ bộ.';
    await stage(makeArticle({ language: 'vi', headline: 'Bão số 5 đổ bộ vào Quảng Trị', body: { text, html: '' } }), ctx);
    expect(idf.documentCount()).toBe(1);
    await idf.sync();
    expect(Number(await redis.get(`${p}:idf:docs`))).toBe(1);
    expect(await redis.hlen(`${p}:idf:df`)).toBeGreaterThan(3);
  });
  describe('generations', () => {
    /** What Redis holds, both generations added: the truth every synced worker must equal. */
    async function redisView(prefix: string, terms: readonly string[]): Promise<{ docs: number; df: [string, number][] }> {
      const [docs, previousDocs] = await redis.mget(`${prefix}:idf:docs`, `${prefix}:idf:docs:previous`);
      const current = terms.length ? await redis.hmget(`${prefix}:idf:df`, ...terms) : [];
      const previous = terms.length ? await redis.hmget(`${prefix}:idf:df:previous`, ...terms) : [];
      return { docs: Number(docs ?? 0) + Number(previousDocs ?? 0), df: terms.map((t, i) => [t, Number(current[i] ?? 0) + Number(previous[i] ?? 0)]) };
    }

    function view(idf: ArchiveIdf, terms: readonly string[]): { docs: number; df: [string, number][] } {
      return { docs: idf.documentCount(), df: terms.map((t) => [t, idf.documentFrequency(t)]) };
    }

    it('a full generation becomes the previous one and the one before is forgotten, in Redis and in every worker', async () => {
      const prefix = freshPrefix('idf-generations');
      const a = worker(prefix, { generationTerms: 3 });
      const b = worker(prefix, { generationTerms: 3 });
      a.learn(['x', 'y']);
      await a.sync();
      expect(await redis.exists(`${prefix}:idf:df:previous`)).toBe(0);
      a.learn(['z']);
      await a.sync(); // 3 terms: the generation is full
      expect(await redis.hgetall(`${prefix}:idf:df:previous`)).toEqual({ x: '1', y: '1', z: '1' });
      expect(await redis.exists(`${prefix}:idf:df`)).toBe(0);
      a.learn(['x']);
      await a.sync();
      b.learn(['q', 'r', 's']);
      await b.sync(); // x, q, r, s: full again, and {x, y, z} goes
      await a.sync();
      for (const w of [a, b]) {
        expect(w.documentFrequency('y')).toBe(0);
        expect(w.documentFrequency('x')).toBe(1);
        expect(w.documentFrequency('q')).toBe(1);
        expect(w.documentCount()).toBe(2);
      }
      expect(await redis.get(`${prefix}:idf:generation`)).toBe('2');
      expect(await redis.hgetall(`${prefix}:idf:df:previous`)).toEqual({ x: '1', q: '1', r: '1', s: '1' });
      const late = worker(prefix, { generationTerms: 3 });
      await late.sync();
      expect(view(late, ['x', 'y', 'q'])).toEqual(view(a, ['x', 'y', 'q']));
    });

    it('a worker\'s own counts land in the generation Redis put them in, even when another worker ended one meanwhile', async () => {
      const prefix = freshPrefix('idf-generations-own');
      const a = worker(prefix, { generationTerms: 2 });
      const b = worker(prefix, { generationTerms: 2 });
      await a.sync();
      a.learn(['p']); // waits in a while b ends a generation
      b.learn(['m', 'n']);
      await b.sync();
      await a.sync(); // p goes into the new generation, after b's
      expect(a.documentFrequency('p')).toBe(1);
      expect(a.documentFrequency('m')).toBe(1);
      b.learn(['u', 'v']);
      await b.sync(); // p, u, v: full; {m, n} goes, p stays
      await a.sync();
      const terms = ['p', 'm', 'n', 'u', 'v'];
      expect(view(a, terms)).toEqual(await redisView(prefix, terms));
      expect(a.documentFrequency('p')).toBe(1);
      expect(a.documentFrequency('m')).toBe(0);
    });

    it('bound what Redis and each worker hold, and every worker agrees exactly with Redis over many interleaved syncs', async () => {
      const prefix = freshPrefix('idf-generations-many');
      const generationTerms = 60;
      const docs = documents(23, 1_000);
      const workers = [worker(prefix, { generationTerms }), worker(prefix, { generationTerms, loadChunk: 7 })];
      let mostInRedis = 0;
      /** At each checkpoint: what Redis holds, and each worker's view and terms in memory. */
      const checkpoints: { truth: unknown; inRedis: number; views: unknown[]; inMemory: number[] }[] = [];
      for (let step = 0; step < 300; step++) {
        workers[Math.floor(docs.random() * 2)]!.learn(docs.next(8));
        if (docs.random() < 0.3) await workers[Math.floor(docs.random() * 2)]!.sync();
        mostInRedis = Math.max(mostInRedis, await redis.hlen(`${prefix}:idf:df`));
        if (step % 50 === 49) {
          await workers[0]!.sync();
          await workers[1]!.sync();
          await workers[0]!.sync();
          checkpoints.push({
            truth: await redisView(prefix, docs.vocabulary),
            inRedis: (await redis.hlen(`${prefix}:idf:df`)) + (await redis.hlen(`${prefix}:idf:df:previous`)),
            views: workers.map((w) => view(w, docs.vocabulary)),
            inMemory: workers.map((w) => w.termsInMemory),
          });
        }
      }
      expect(checkpoints).toHaveLength(6);
      for (const c of checkpoints) {
        expect(c.views).toEqual([c.truth, c.truth]);
        // Nothing pending after the syncs: exactly the two generations.
        expect(c.inMemory).toEqual([c.inRedis, c.inRedis]);
      }
      expect(Number(await redis.get(`${prefix}:idf:generation`))).toBeGreaterThan(5);
      // A generation passes its size by at most one flush's new terms (here under 8 × 7 documents).
      expect(mostInRedis).toBeLessThan(generationTerms + 56);
      expect(await redis.hlen(`${prefix}:idf:df:previous`)).toBeLessThan(generationTerms + 56);
      const late = worker(prefix, { generationTerms, loadChunk: 5 });
      await late.sync();
      expect(view(late, docs.vocabulary)).toEqual(await redisView(prefix, docs.vocabulary));
    });

    it('a load while other workers end generations between its HSCAN chunks comes out exact', async () => {
      const prefix = freshPrefix('idf-generations-load');
      const docs = documents(29, 3_000);
      const a = worker(prefix, { generationTerms: 1_500 });
      for (let i = 0; i < 30; i++) a.learn(docs.next(200));
      await a.sync();
      const b = worker(prefix, { generationTerms: 1_500, loadChunk: 25 });
      const generationBefore = Number(await redis.get(`${prefix}:idf:generation`));
      let loading = true;
      const load = b.sync().finally(() => (loading = false));
      let flushes = 0;
      while (loading) {
        // New terms fill a generation in some 40 flushes: about one ends during the load.
        a.learn(docs.next(40));
        await a.sync();
        flushes++;
      }
      await load;
      expect(flushes).toBeGreaterThan(3);
      expect(Number(await redis.get(`${prefix}:idf:generation`))).toBeGreaterThan(generationBefore);
      await b.sync();
      await a.sync();
      const truth = await redisView(prefix, docs.vocabulary);
      expect(view(b, docs.vocabulary)).toEqual(truth);
      expect(view(a, docs.vocabulary)).toEqual(truth);
    });

    it('a generation counter that INCR would refuse fails the flush with nothing written', async () => {
      const prefix = freshPrefix('idf-generation-bad');
      const a = worker(prefix, { generationTerms: 1 });
      a.learn(['lũ']);
      // "01" reads as digits but INCR refuses it: the flush would rotate, then fail.
      for (const bad of ['two', '01', '-1', '1.0']) {
        await redis.set(`${prefix}:idf:generation`, bad);
        await expect(a.sync(), bad).rejects.toThrow(/idf:generation is not an integer/);
      }
      expect(await redis.exists(`${prefix}:idf:df`, `${prefix}:idf:docs`, `${prefix}:idf:df:previous`, `${prefix}:idf:changes`)).toBe(0);
      await redis.set(`${prefix}:idf:generation`, '4');
      await a.sync();
      expect(await redis.get(`${prefix}:idf:generation`)).toBe('5');
      expect(await redis.hgetall(`${prefix}:idf:df:previous`)).toEqual({ lũ: '1' });
      expect(a.documentFrequency('lũ')).toBe(1);
    });
  });
});
