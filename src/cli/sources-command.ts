/**
 * `wirepipe sources list|pause|resume ID|test URL`: source health for operators. `list`, `pause`
 * and `resume` work on the state the running pipeline keeps in Redis; `test` fetches and parses a
 * feed once, without Redis, and says what wirepipe would make of it.
 */
import { fetchFeed } from '../producers/feed/fetch-feed.js';
import { parseFeed } from '../producers/feed/parse-feed.js';
import { operatorPause, RedisSourceStateStore } from '../producers/feed/source-state.js';
import { loadConfig } from '../shared/config.js';
import { describeError } from '../shared/errors.js';
import { createLogger } from '../shared/logger.js';
import { loadSources } from '../shared/sources.js';
import { connectServices } from '../app/services.js';
import { sourceStatePrefix } from '../app/producers.js';

type Io = { out: (l: string) => void; err: (l: string) => void };

/** Dispatches the sources sub-commands; returns the exit code. */
export async function sourcesCommand(args: string[], io: Io): Promise<number> {
  const [sub, arg] = args;
  if (sub === 'test') {
    if (!arg) return usage(io);
    return testUrl(arg, io);
  }
  if (sub !== 'list' && sub !== 'pause' && sub !== 'resume') return usage(io);
  if (sub !== 'list' && !arg) return usage(io);
  const config = loadConfig();
  const services = await connectServices(config, createLogger('warn'), { withS3: false, spawnRedis: false });
  try {
    const state = new RedisSourceStateStore(services.redis, sourceStatePrefix(config.prefix));
    if (sub === 'list') {
      const ids = config.sourcesFile ? (await loadSources(config.sourcesFile)).map((s) => s.id) : await knownIds(services.redis, sourceStatePrefix(config.prefix));
      for (const id of ids) {
        const { validators: _v, ...health } = await state.get(id);
        io.out(JSON.stringify({ id, ...health }));
      }
      return 0;
    }
    const paused = sub === 'pause';
    await state.update(arg as string, operatorPause(paused));
    io.out(JSON.stringify({ id: arg, paused }));
    return 0;
  } finally {
    await services.close();
  }
}

async function knownIds(redis: import('ioredis').Redis, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    for (const k of keys) ids.push(k.slice(prefix.length + 1));
  } while (cursor !== '0');
  return ids.sort();
}

async function testUrl(url: string, io: Io): Promise<number> {
  const started = Date.now();
  try {
    const fetched = await fetchFeed(url, {});
    if (fetched.status !== 'ok') {
      io.out(JSON.stringify({ url, status: fetched.status }));
      return 0;
    }
    const feed = await parseFeed(fetched.text, { sourceId: 'test', feedUrl: fetched.finalUrl, receivedAt: new Date() });
    io.out(
      JSON.stringify({
        url,
        finalUrl: fetched.finalUrl,
        contentType: fetched.contentType,
        ms: Date.now() - started,
        title: feed.title,
        language: feed.language,
        ttlSeconds: feed.ttlSeconds,
        items: feed.items.length,
        invalidDates: feed.items.filter((i) => i.dateInvalid).length,
        first: feed.items.slice(0, 5).map((i) => ({ identity: i.identity, title: i.title, published: i.published })),
      }),
    );
    return 0;
  } catch (err) {
    io.err(JSON.stringify({ url, error: describeError(err) }));
    return 1;
  }
}

function usage(io: Io): number {
  io.err('usage: wirepipe sources list | pause ID | resume ID | test URL');
  return 2;
}
