/**
 * `npm run bench [-- --quick] [--only=a,b] [--profile[=dir]] [--no-docs]`: runs the scenarios of
 * registry.ts on one Redis, prints a table, rewrites docs/benchmarks.md, and prints one JSON
 * object as the very last line of stdout.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openBenchRedis } from './lib/bench-redis.js';
import { machineInfo } from './lib/machine.js';
import { formatMarkdown, formatTable, type BenchReport, type SectionReport } from './lib/report.js';
import { repoRoot } from './lib/root.js';
import { METHOD_NOTES, NOTES_MARKER } from './method-notes.js';
import { SCENARIOS } from './registry.js';
import type { BenchContext, BenchOptions } from './scenario.js';

export interface CliOptions extends BenchOptions {
  only: string[] | null;
  writeDocs: boolean;
}

/** Parses the bench's flags; unknown flags are an error so a typo never runs the full bench. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { quick: false, concurrency: 100, profileDir: null, only: null, writeDocs: true };
  for (const arg of argv) {
    const [flag, value] = arg.split('=', 2) as [string, string | undefined];
    if (flag === '--quick') opts.quick = true;
    else if (flag === '--profile') opts.profileDir = value ?? '/tmp/wirepipe-profiles';
    else if (flag === '--only') opts.only = (value ?? '').split(',').filter(Boolean);
    else if (flag === '--no-docs') opts.writeDocs = false;
    else if (flag === '--concurrency' && value && /^\d+$/.test(value)) opts.concurrency = Number(value);
    else throw new Error(`bench: unknown argument ${arg} (flags: --quick --only=a,b --profile[=dir] --no-docs --concurrency=N)`);
  }
  return opts;
}

function bullmqVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require('bullmq/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function keptNotes(path: string): Promise<string> {
  const old = await readFile(path, 'utf8').catch(() => '');
  const at = old.indexOf(NOTES_MARKER);
  return at >= 0 ? old.slice(at + NOTES_MARKER.length).trim() : '';
}

/** Runs the bench; returns the report (also printed and written). */
export async function main(argv: readonly string[]): Promise<BenchReport> {
  const opts = parseArgs(argv);
  // The AWS SDK warns on stderr that it will drop Node 20 in 2027: noise between progress lines.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const started = performance.now();
  const scenarios = opts.only ? SCENARIOS.filter((s) => opts.only?.includes(s.name)) : SCENARIOS;
  if (opts.only && scenarios.length !== opts.only.length) {
    throw new Error(`bench: unknown scenario in --only (scenarios: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  }
  const redis = await openBenchRedis();
  const figures = new Map<string, number | null>();
  const sections: SectionReport[] = [];
  const ctx: BenchContext = {
    redis,
    opts,
    figures,
    progress: (message) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${message}\n`),
  };
  try {
    for (const scenario of scenarios) {
      try {
        const result = await scenario.run(ctx);
        for (const [k, v] of Object.entries(result.figures)) figures.set(k, v);
        sections.push({ title: scenario.title, rows: result.rows, checks: result.checks });
      } catch (err) {
        ctx.progress(`${scenario.name} failed: ${(err as Error).stack ?? String(err)}`);
        sections.push({ title: scenario.title, rows: [], checks: [], error: (err as Error).message });
      }
    }
  } finally {
    await redis.close();
  }
  const root = repoRoot();
  const report: BenchReport = {
    date: new Date().toISOString(),
    mode: opts.quick ? 'quick' : 'full',
    command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    seconds: (performance.now() - started) / 1000,
    machine: machineInfo(redis.version, bullmqVersion()),
    concurrency: opts.concurrency,
    sections,
    figures: { ...Object.fromEntries(figures), bench_seconds: Math.round((performance.now() - started) / 1000) },
  };
  if (opts.writeDocs) {
    const path = join(root, 'docs', 'benchmarks.md');
    const notes = await keptNotes(path);
    await writeFile(path, formatMarkdown(report, `${METHOD_NOTES}\n\n${NOTES_MARKER}\n\n${notes}`));
  }
  process.stdout.write(`${formatTable(report)}\n`);
  process.stdout.write(`${JSON.stringify(report.figures)}\n`);
  return report;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').slice(-2).join('/'));
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
