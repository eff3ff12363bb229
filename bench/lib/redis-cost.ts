/**
 * What a run cost Redis: its CPU time (user + system, from INFO cpu) and the commands it ran
 * (INFO commandstats, commands run inside Lua scripts included), read before and after. The
 * server is shared with nothing else during a scenario, so the difference is the run's.
 */
import type { Redis } from 'ioredis';

export interface RedisCounters {
  cpuSeconds: number;
  commands: number;
}

/** The server's CPU seconds and command count so far. */
export async function readRedisCounters(redis: Redis): Promise<RedisCounters> {
  const [cpu, stats] = await Promise.all([redis.info('cpu'), redis.info('commandstats')]);
  const field = (name: string): number => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(cpu)?.[1] ?? Number.NaN);
  let commands = 0;
  for (const m of stats.matchAll(/^cmdstat_[^:]+:calls=(\d+)/gm)) commands += Number(m[1]);
  return { cpuSeconds: field('used_cpu_user') + field('used_cpu_sys'), commands };
}

/** Redis CPU (µs) and commands per item between two readings. */
export function perItem(before: RedisCounters, after: RedisCounters, items: number): { cpuUs: number; commands: number } {
  return { cpuUs: ((after.cpuSeconds - before.cpuSeconds) * 1e6) / items, commands: (after.commands - before.commands) / items };
}
