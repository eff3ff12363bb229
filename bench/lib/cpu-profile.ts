/**
 * CPU profiles of a bench phase, taken in-process through the inspector (the same V8 sampler as
 * `node --cpu-prof`, but limited to the phase that matters), and a self-time summary of them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/** The parts of a .cpuprofile the summary reads (Chrome DevTools format). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  /** `function (file:line)`, file relative to the repository where possible. */
  name: string;
  selfMs: number;
  percent: number;
}

/** Starts sampling; the returned function stops it and writes `dir/name-<time>.cpuprofile`, returning the path. */
export async function startCpuProfile(dir: string, name: string): Promise<() => Promise<{ path: string; profile: CpuProfile }>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    session.disconnect();
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    await writeFile(path, JSON.stringify(profile));
    return { path, profile };
  };
}

function shortUrl(url: string): string {
  const marks = ['/node_modules/', '/dist/src/', '/dist/bench/', '/src/', '/bench/'];
  for (const m of marks) {
    const i = url.lastIndexOf(m);
    if (i >= 0) return url.slice(i + 1);
  }
  return url.replace(/^file:\/\//, '') || '(native)';
}

/**
 * Self time per function (summed over every node with the same name and location), largest first.
 * Self time comes from the sample timeline when present, else from hit counts × mean interval.
 */
export function selfTimes(profile: CpuProfile, top = 25): SelfTime[] {
  const byNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    // timeDeltas[i] is the gap before sample i, so sample i's duration is the next delta.
    for (let i = 0; i < samples.length; i++) {
      const id = samples[i] as number;
      const us = deltas[i + 1] ?? 0;
      byNode.set(id, (byNode.get(id) ?? 0) + Math.max(0, us));
    }
  } else {
    const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
    const interval = hits > 0 ? (profile.endTime - profile.startTime) / hits : 0;
    for (const n of profile.nodes) byNode.set(n.id, (n.hitCount ?? 0) * interval);
  }
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const us = byNode.get(n.id) ?? 0;
    total += us;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} (${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''})`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, selfMs: us / 1000, percent: total > 0 ? (100 * us) / total : 0 }));
}

/** Self time summed per file (src/… or node_modules/<package>), largest first: where the time goes. */
export function selfTimesByFile(profile: CpuProfile, top = 15): SelfTime[] {
  const rows = selfTimes(profile, Number.MAX_SAFE_INTEGER);
  const byFile = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    const file = /\((.*?)(?::\d+)?\)$/.exec(r.name)?.[1] ?? r.name;
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const key = pkg ? `node_modules/${pkg}` : file;
    byFile.set(key, (byFile.get(key) ?? 0) + r.selfMs);
    total += r.selfMs;
  }
  return [...byFile.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, selfMs: ms, percent: total > 0 ? (100 * ms) / total : 0 }));
}

/** A plain-text table of self times. */
export function formatSelfTimes(rows: readonly SelfTime[]): string {
  return rows.map((r) => `${r.selfMs.toFixed(1).padStart(10)} ms ${r.percent.toFixed(1).padStart(5)}%  ${r.name}`).join('\n');
}
