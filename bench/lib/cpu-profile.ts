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

/** A script URL relative to the repository (dist/ dropped), `node_modules/…` kept, natives as "(native)". */
function shortUrl(url: string): string {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + 1);
  const dist = url.lastIndexOf('/dist/');
  if (dist >= 0) return url.slice(dist + '/dist/'.length);
  for (const m of ['/src/', '/bench/', '/test/']) {
    const i = url.lastIndexOf(m);
    if (i >= 0) return url.slice(i + 1);
  }
  return url.replace(/^file:\/\//, '');
}

interface FunctionTime {
  name: string;
  file: string;
  us: number;
}

/** Self microseconds per function (same name and location summed), and the total. */
function functionTimes(profile: CpuProfile): { rows: FunctionTime[]; total: number } {
  const byNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    // timeDeltas[i] is the gap before sample i, so sample i lasts until the next one.
    for (let i = 0; i < samples.length; i++) {
      const id = samples[i] as number;
      byNode.set(id, (byNode.get(id) ?? 0) + Math.max(0, deltas[i + 1] ?? 0));
    }
  } else {
    const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
    const interval = hits > 0 ? (profile.endTime - profile.startTime) / hits : 0;
    for (const n of profile.nodes) byNode.set(n.id, (n.hitCount ?? 0) * interval);
  }
  const byFunction = new Map<string, FunctionTime>();
  let total = 0;
  for (const n of profile.nodes) {
    const us = byNode.get(n.id) ?? 0;
    total += us;
    const f = n.callFrame;
    const file = shortUrl(f.url);
    const name = `${f.functionName || '(anonymous)'} (${file}${f.url ? `:${f.lineNumber + 1}` : ''})`;
    const row = byFunction.get(name) ?? { name, file, us: 0 };
    row.us += us;
    byFunction.set(name, row);
  }
  return { rows: [...byFunction.values()], total };
}

function top(entries: Iterable<[string, number]>, total: number, n: number): SelfTime[] {
  return [...entries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, selfMs: us / 1000, percent: total > 0 ? (100 * us) / total : 0 }));
}

/** Self time per function (summed over every node with the same name and location), largest first. */
export function selfTimes(profile: CpuProfile, n = 25): SelfTime[] {
  const { rows, total } = functionTimes(profile);
  return top(rows.map((r) => [r.name, r.us]), total, n);
}

/** Self time per file (src/…, node_modules/<package>, or "(native)" for idle, GC and builtins), largest first. */
export function selfTimesByFile(profile: CpuProfile, n = 15): SelfTime[] {
  const { rows, total } = functionTimes(profile);
  const byFile = new Map<string, number>();
  for (const r of rows) {
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(r.file)?.[1];
    const key = pkg ? `node_modules/${pkg}` : r.file;
    byFile.set(key, (byFile.get(key) ?? 0) + r.us);
  }
  return top(byFile, total, n);
}

/** A plain-text table of self times. */
export function formatSelfTimes(rows: readonly SelfTime[]): string {
  return rows.map((r) => `${r.selfMs.toFixed(1).padStart(10)} ms ${r.percent.toFixed(1).padStart(5)}%  ${r.name}`).join('\n');
}
