/** Runs the wirepipe CLI in this process and captures what it prints. */
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** `wirepipe ...args`, with stdout and stderr lines collected. */
export async function runWirepipe(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}
