/**
 * The Lua scripts behind ArchiveIdf (./archive-idf.ts): a flush that adds one batch of counts to
 * Redis all or nothing, and a chunk of the full load read at one instant.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** How the flush script names the terms whose counts Redis refused: `IDFTERM <index>,<index>… <error>`. */
const REJECTED_TERMS = /^IDFTERM (\d+(?:,\d+)*) /;

/**
 * Adds one batch to the hash, the document counter and the change stream, all or nothing.
 * KEYS: df hash, docs counter, changes stream, change counter, this writer's receipt, the
 * previous generation's df hash and docs counter, the generation counter.
 * ARGV: writer, batch number, documents, stream cap, packed counts, receipt ttl, generation size,
 * then term, count….
 *
 * Generations keep the vocabulary bounded: once the hash holds `generation size` terms, the batch
 * that filled it ends its generation. The hash and counter become the previous generation (the
 * one before is deleted), and new counts start afresh. Readers add both generations, so IDF
 * reflects the last one to two generations of stories. The stream entry says so (`rot` 1), so
 * every worker rotates its copy at the same point of the change sequence.
 *
 * A batch whose reply was lost (connection dropped after Redis ran it; ioredis also resends
 * unanswered commands after a reconnect) comes again with the same number: the receipt says it
 * was applied, so it is not counted twice. Every argument and key type (the receipt's too) is
 * checked before the first write. The two counters are incremented first, by Redis itself (only INCRBY knows every
 * value it refuses: "007", "-0", more than 64 bits, an overflow): a failing counter fails the
 * flush before any term is counted. Every HINCRBY is then tried once; a field that refuses (an
 * operator set it to a non-number) is a problem of its term alone: when any did, every write is
 * undone and the reply names all of them, which the client drops before resending once. A stream
 * that refuses the entry undoes everything too.
 */
const FLUSH_SCRIPT = `
local writer, batchNumber, docs, streamCap, packed, receiptTtl, generationSize = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local FIRST_TERM = 8
local function integer(s, min)
  return type(s) == 'string' and #s <= 15 and string.match(s, '^%d+$') ~= nil and tonumber(s) >= min
end
if not integer(batchNumber, 1) then return redis.error_reply('ERR argument 2 (batch number) is not an integer >= 1') end
if not integer(docs, 0) then return redis.error_reply('ERR argument 3 (documents) is not an integer >= 0') end
if not integer(streamCap, 1) then return redis.error_reply('ERR argument 4 (stream cap) is not an integer >= 1') end
if not integer(receiptTtl, 1) then return redis.error_reply('ERR argument 6 (receipt ttl) is not an integer >= 1') end
if not integer(generationSize, 1) then return redis.error_reply('ERR argument 7 (generation size) is not an integer >= 1') end
for i = FIRST_TERM + 1, #ARGV, 2 do
  if not integer(ARGV[i], 1) then return redis.error_reply('ERR count argument ' .. i .. ' is not an integer >= 1') end
end
if (#ARGV - FIRST_TERM + 1) % 2 ~= 0 then return redis.error_reply('ERR a term without a count') end
for i, want in ipairs({'hash', 'string', 'stream', 'string', 'string', 'hash', 'string', 'string'}) do
  local t = redis.call('TYPE', KEYS[i])['ok']
  if t ~= 'none' and t ~= want then return redis.error_reply('WRONGTYPE ' .. KEYS[i] .. ' holds a ' .. t) end
end
-- The generation counter is only ever incremented, after every other write: checked here as INCR
-- reads it (no sign, no leading zero: INCR refuses "01"), that cannot fail.
local generation = redis.call('GET', KEYS[8])
if generation and not (integer(generation, 0) and (generation == '0' or string.sub(generation, 1, 1) ~= '0')) then
  return redis.error_reply('ERR ' .. KEYS[8] .. ' is not an integer >= 0')
end
local receipt = redis.call('GET', KEYS[5])
if receipt and tonumber(receipt) and tonumber(receipt) >= tonumber(batchNumber) then return 0 end
-- A counter created here is deleted again on undo, not left at 0.
local docsExisted = redis.call('EXISTS', KEYS[2]) == 1
local seqExisted = redis.call('EXISTS', KEYS[4]) == 1
local function undoCounter(key, existed, by)
  if existed then redis.call('DECRBY', key, by) else redis.call('DEL', key) end
end
local r = redis.pcall('INCRBY', KEYS[2], docs)
if type(r) == 'table' and r.err then return redis.error_reply(r.err .. ' (' .. KEYS[2] .. ')') end
local seq = redis.pcall('INCR', KEYS[4])
if type(seq) == 'table' and seq.err then
  undoCounter(KEYS[2], docsExisted, docs)
  return redis.error_reply(seq.err .. ' (' .. KEYS[4] .. ')')
end
local refused, firstError = {}, nil
for i = FIRST_TERM, #ARGV, 2 do
  local h = redis.pcall('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
  if type(h) == 'table' and h.err then
    refused[#refused + 1] = (i - FIRST_TERM) / 2
    firstError = firstError or h.err
  end
end
-- Takes back every increment but the refused ones (a field left at 0 goes: 0 and absent both
-- read as no count), then both counters.
local function undoAll()
  local k = 1
  for i = FIRST_TERM, #ARGV, 2 do
    if refused[k] == (i - FIRST_TERM) / 2 then
      k = k + 1
    elseif redis.call('HINCRBY', KEYS[1], ARGV[i], '-' .. ARGV[i + 1]) == 0 then
      redis.call('HDEL', KEYS[1], ARGV[i])
    end
  end
  undoCounter(KEYS[2], docsExisted, docs)
  undoCounter(KEYS[4], seqExisted, 1)
end
if firstError then
  undoAll()
  return redis.error_reply('IDFTERM ' .. table.concat(refused, ',') .. ' ' .. firstError)
end
-- XADD can still refuse (a stream whose last id an operator set to the largest there is): Redis
-- does not take back a script's earlier writes, so this one does, or each resend would count again.
local rotate = redis.call('HLEN', KEYS[1]) >= tonumber(generationSize)
local added = redis.pcall('XADD', KEYS[3], 'MAXLEN', '~', streamCap, '*', 'w', writer, 'n', seq, 'docs', docs, 'd', packed, 'rot', rotate and '1' or '0')
if type(added) == 'table' and added.err then
  undoAll()
  return redis.error_reply(added.err .. ' (' .. KEYS[3] .. ')')
end
-- SET cannot fail here: it overwrites any type (the receipt's was checked), the ttl is bounded.
redis.call('SET', KEYS[5], batchNumber, 'EX', receiptTtl)
-- UNLINK frees the old generation off Redis's main thread; RENAME onto a key just deleted is O(1).
if rotate then
  redis.call('UNLINK', KEYS[6], KEYS[7])
  redis.call('RENAME', KEYS[1], KEYS[6])
  redis.call('RENAME', KEYS[2], KEYS[7])
  redis.call('INCR', KEYS[8])
end
return seq
`;

/**
 * One HSCAN chunk of a generation's hash, with the change counter, the stream's last id, both
 * document counters, this writer's receipt and the generation counter read at the same instant (a
 * flush changes all of them in one script). KEYS: df hash, docs counter, changes stream, change
 * counter, receipt, previous df hash, previous docs counter, generation counter. ARGV: cursor,
 * count, the generation the scan began in ('' for its first chunk), which hash ('current' or
 * 'previous').
 *
 * A generation that ended during a scan of the current hash renamed that hash to the previous
 * one: the scan goes on there, with the same cursor (RENAME keeps the hash and its order). Any
 * other move of the generation replies `moved`: the scan must start again.
 */
const LOAD_CHUNK_SCRIPT = `
local generation = redis.call('GET', KEYS[8]) or '0'
local began, which = ARGV[3], ARGV[4]
local hash
if began == '' or generation == began then
  hash = which == 'current' and KEYS[1] or KEYS[6]
elseif which == 'current' and tonumber(generation) == tonumber(began) + 1 then
  hash = KEYS[6]
else
  return 'moved'
end
local page = redis.call('HSCAN', hash, ARGV[1], 'COUNT', ARGV[2])
local last = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', 1)
return {page[1], page[2], redis.call('GET', KEYS[4]) or '0', last[1] and last[1][1] or '0-0', redis.call('GET', KEYS[2]) or '0', redis.call('GET', KEYS[5]) or '0', redis.call('GET', KEYS[7]) or '0', generation}
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

/** The indices (in their batch, ascending) of the terms a flush failed on, or null when the error is not the terms'. */
export function rejectedTermIndices(err: unknown): number[] | null {
  const match = err instanceof Error ? REJECTED_TERMS.exec(err.message) : null;
  return match ? match[1]!.split(',').map(Number) : null;
}
