/**
 * The Lua scripts behind ArchiveIdf (./archive-idf.ts): a flush that adds one batch of counts to
 * Redis all or nothing, and a chunk of the full load read at one instant.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** How the flush script names the term whose count Redis refused: `IDFTERM <index> <error>`. */
const REJECTED_TERM = /^IDFTERM (\d+) /;

/**
 * Adds one batch to the hash, the document counter and the change stream, all or nothing.
 * KEYS: df hash, docs counter, changes stream, change counter, this writer's receipt.
 * ARGV: writer, batch number, documents, stream cap, packed counts, receipt ttl, then term, count….
 *
 * A batch whose reply was lost (connection dropped after Redis ran it; ioredis also resends
 * unanswered commands after a reconnect) comes again with the same number: the receipt says it
 * was applied, so it is not counted twice. Every number and key is checked before the first
 * write, so that nothing after the HINCRBYs can fail and leave them counted. A HINCRBY that fails
 * (a field an operator set to a non-number) is a problem of that term alone: the increments
 * before it are undone and the reply names the term, which the client drops before resending.
 */
const FLUSH_SCRIPT = `
local function integer(s, min)
  return type(s) == 'string' and #s <= 15 and string.match(s, '^%d+$') ~= nil and tonumber(s) >= min
end
for i, min in pairs({[2] = 1, [3] = 0, [4] = 1, [6] = 1}) do
  if not integer(ARGV[i], min) then return redis.error_reply('ERR argument ' .. i .. ' is not an integer >= ' .. min) end
end
for i = 8, #ARGV, 2 do
  if not integer(ARGV[i], 1) then return redis.error_reply('ERR count argument ' .. i .. ' is not an integer >= 1') end
end
if #ARGV % 2 ~= 0 then return redis.error_reply('ERR a term without a count') end
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
    return redis.error_reply('IDFTERM ' .. ((i - 7) / 2) .. ' ' .. r.err)
  end
end
redis.call('INCRBY', KEYS[2], ARGV[3])
local seq = redis.call('INCR', KEYS[4])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', 'w', ARGV[1], 'n', seq, 'docs', ARGV[3], 'd', ARGV[5])
redis.call('SET', KEYS[5], ARGV[2], 'EX', ARGV[6])
return seq
`;

/**
 * One HSCAN chunk of the hash, with the change counter, the stream's last id, the document
 * counter and this writer's receipt read at the same instant (a flush changes all of them in one
 * script). KEYS: df hash, docs counter, changes stream, change counter, receipt. ARGV: cursor, count.
 */
const LOAD_CHUNK_SCRIPT = `
local page = redis.call('HSCAN', KEYS[1], ARGV[1], 'COUNT', ARGV[2])
local last = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', 1)
return {page[1], page[2], redis.call('GET', KEYS[4]) or '0', last[1] and last[1][1] or '0-0', redis.call('GET', KEYS[2]) or '0', redis.call('GET', KEYS[5]) or '0'}
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

export const flushScript = new Script(FLUSH_SCRIPT);
export const loadChunkScript = new Script(LOAD_CHUNK_SCRIPT);

/** The index (in its batch) of the term a flush failed on, or null when the error is not one term's. */
export function rejectedTermIndex(err: unknown): number | null {
  const match = err instanceof Error ? REJECTED_TERM.exec(err.message) : null;
  return match ? Number(match[1]) : null;
}
