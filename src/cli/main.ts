/** The `wirepipe` command line: parses arguments and dispatches to one command module. */
import { parseArgs } from 'node:util';
import { ConfigError, WirepipeError } from '../shared/errors.js';

const HELP = `wirepipe: wire feeds in, clean tagged stories out (RSS, Atom, JSON Feed, IPTC ninjs on S3)

Usage:
  wirepipe start                     producers, workers and the feed server in one process
                                     (bundled samples unless SOURCES_FILE is set; WORKER_PROCESSES=N
                                     runs N-1 extra worker processes)
  wirepipe work                      stage workers only, joined to a running pipeline's Redis and
                                     S3 (REDIS_URL, S3_ENDPOINT, S3_BUCKET): add cores or machines
  wirepipe process FILE... [--format article|ninjs] [--source ID]
                                     normalize → translate-tag → enrich in this process, no Redis;
                                     one JSON object per article per line
  wirepipe ingest FILE... [--source ID]
                                     put wire copy, a feed document or ninjs JSON on the queue
  wirepipe failed [--count N]        the newest dead letters (items that failed for good)
  wirepipe failed retry [JOB_ID...]  move failed jobs (all, or these) back to their queue with
                                     fresh attempts, once the cause is fixed
  wirepipe sources list | pause ID | resume ID
                                     source health kept by the running pipeline; pause/resume polling
  wirepipe sources test URL          fetch and parse a feed once and say what wirepipe makes of it
  wirepipe archive list [PREFIX] | get KEY | verify [PREFIX]
                                     archived snapshots on S3: list, fetch (checksum-verified), verify all
  wirepipe archive restore [--days N]
                                     after Redis lost its data, before start: story versions from the
                                     whole archive, feeds from the last N days (default 14)
  wirepipe --help

Configuration is read from the environment (see README.md): REDIS_URL, S3_ENDPOINT, S3_BUCKET,
TOPOLOGY (split|fused), HOST, PORT, SOURCES_FILE, LOG_LEVEL, ...`;

type Out = { out: (line: string) => void; err: (line: string) => void };
const stdio: Out = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the CLI with `argv` (without node and script); resolves to the process exit code. */
export async function runCli(argv: string[], io: Out = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(HELP);
        return 0;
      case 'process': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { format: { type: 'string', default: 'article' }, source: { type: 'string', default: 'local' } },
        });
        if (values.format !== 'article' && values.format !== 'ninjs') {
          io.err(`--format must be article or ninjs, not "${values.format}"`);
          return 2;
        }
        if (positionals.length === 0) {
          io.err('process needs at least one FILE');
          return 2;
        }
        // Imported here so `--help` and the Redis commands don't pay for loading the stages' data.
        const { processFiles } = await import('./process-command.js');
        const failures = await processFiles({ files: positionals, format: values.format, sourceId: values.source, ...io });
        return failures === 0 ? 0 : 1;
      }
      case 'work': {
        const { workCommand } = await import('./work-command.js');
        return await workCommand(io);
      }
      case 'start': {
        const { startCommand } = await import('./start-command.js');
        return await startCommand(io);
      }
      case 'ingest': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { source: { type: 'string', default: 'local' } } });
        if (positionals.length === 0) {
          io.err('ingest needs at least one FILE');
          return 2;
        }
        const { ingestCommand } = await import('./ingest-command.js');
        return await ingestCommand(positionals, values.source, io);
      }
      case 'failed': {
        if (rest[0] === 'retry') {
          const { positionals } = parseArgs({ args: rest.slice(1), allowPositionals: true, options: {} });
          const { retryFailedCommand } = await import('./failed-command.js');
          return await retryFailedCommand(positionals, io);
        }
        const { values } = parseArgs({ args: rest, options: { count: { type: 'string', default: '20' } } });
        const { failedCommand } = await import('./failed-command.js');
        return await failedCommand(Number(values.count) || 20, io);
      }
      case 'sources': {
        const { sourcesCommand } = await import('./sources-command.js');
        return await sourcesCommand(rest, io);
      }
      case 'archive': {
        const { archiveCommand } = await import('./archive-command.js');
        return await archiveCommand(rest, io);
      }
      default:
        io.err(`unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof WirepipeError) {
      io.err(`wirepipe: ${err.message}`);
      return 1;
    }
    if ((err as { code?: string }).code === 'EADDRINUSE') {
      io.err(`wirepipe: ${(err as Error).message}: another program uses that port; set PORT (or PORT=0 for any free port)`);
      return 1;
    }
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${err.message}\n\n${HELP}`);
      return 2;
    }
    throw err;
  }
}
