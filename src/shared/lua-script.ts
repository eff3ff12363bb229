/**
 * Lua scripts sent once and then called by their SHA (ioredis' defineCommand does EVALSHA with a
 * fallback to EVAL), instead of shipping the whole script with every call on a hot path.
 */
import type { Redis } from 'ioredis';

export type ScriptCall = (...args: (string | number)[]) => Promise<unknown>;

/**
 * Registers `lua` on `redis` under `name` (once per client) and returns a caller. With
 * `numberOfKeys` null, the caller's first argument is the number of keys.
 */
export function defineScript(redis: Redis, name: string, numberOfKeys: number | null, lua: string): ScriptCall {
  const client = redis as unknown as Record<string, ScriptCall | undefined>;
  if (typeof client[name] !== 'function') {
    redis.defineCommand(name, numberOfKeys === null ? { lua } : { numberOfKeys, lua });
  }
  return (...args) => (client[name] as ScriptCall).call(redis, ...args);
}
