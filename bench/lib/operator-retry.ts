/**
 * The operator's side of a replay: a forked process that opens the pipeline's queues as
 * `wirepipe failed retry` does (src/cli/failed-command.ts) and, when told, calls the same
 * retryFailedJobs on every failed job. A process of its own, as the command is: run inside the
 * workers' process, its round trips would queue behind the
 * stages' CPU work on the event loop and time the harness rather than the operator's tool.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { retryFailedJobs, type RetryResult } from '../../src/app/retry-failed.js';
import { openPipelineQueues } from '../../src/shared/queues.js';
import { parseTopology } from '../../src/shared/topology.js';

export interface OperatorSettings {
  redisUrl: string;
  prefix: string;
  /** Topology spec, e.g. `fused`. */
  topology: string;
  attempts: number;
  backoffMs: number;
}

type ToChild = { type: 'retry' } | { type: 'stop' };
type FromChild = { type: 'ready' } | { type: 'retried'; result: RetryResult; seconds: number } | { type: 'failed'; message: string };

const CHILD_FLAG = '--operator-retry';
const TIMEOUT_MS = 120_000;

/** A forked operator process, its queues open and ready. */
export class OperatorProcess {
  readonly #child: ChildProcess;
  #waiting: ((m: FromChild) => void) | null = null;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (m: FromChild) => {
      const w = this.#waiting;
      this.#waiting = null;
      w?.(m);
    });
  }

  /** Forks the process and waits until its queues are connected (start-up is not the tool's work). */
  static async start(settings: OperatorSettings): Promise<OperatorProcess> {
    const here = fileURLToPath(import.meta.url);
    const fromSource = here.endsWith('.ts');
    const child = fork(here, [CHILD_FLAG, JSON.stringify(settings)], {
      execArgv: fromSource ? ['--import', 'tsx'] : [],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const operator = new OperatorProcess(child);
    try {
      await operator.#next();
    } catch (err) {
      operator.kill();
      throw err;
    }
    return operator;
  }

  #next(): Promise<FromChild> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`operator process: no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      const onExit = (code: number | null) => reject(new Error(`operator process exited with ${code}`));
      this.#child.once('exit', onExit);
      this.#waiting = (m) => {
        clearTimeout(timer);
        this.#child.off('exit', onExit);
        if (m.type === 'failed') reject(new Error(`operator process: ${m.message}`));
        else resolve(m);
      };
    });
  }

  /** Retries every failed job; resolves with the result and the call's own duration (s) in the child. */
  async retryAll(): Promise<{ result: RetryResult; seconds: number }> {
    const answer = this.#next();
    this.#child.send({ type: 'retry' } satisfies ToChild);
    const m = await answer;
    if (m.type !== 'retried') throw new Error(`operator process: expected retried, got ${m.type}`);
    return { result: m.result, seconds: m.seconds };
  }

  /** Closes the child's queues and lets it exit; kills it when it does not. */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    this.#child.send({ type: 'stop' } satisfies ToChild);
    const timer = setTimeout(() => this.kill(), 10_000);
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }
}

/** The child: the queues as the CLI opens them, then one retryFailedJobs call per `retry` message. */
async function childMain(settings: OperatorSettings): Promise<void> {
  const send = (m: FromChild) => process.send?.(m);
  const queues = openPipelineQueues({ ...settings, topology: parseTopology(settings.topology) });
  await Promise.all(queues.queues.map((q) => q.waitUntilReady()));
  process.on('message', (m: ToChild) => {
    if (m.type === 'stop') {
      void queues.close().finally(() => process.exit(0));
      return;
    }
    const started = performance.now();
    retryFailedJobs(queues.queues).then(
      (result) => send({ type: 'retried', result, seconds: (performance.now() - started) / 1000 }),
      (err: unknown) => send({ type: 'failed', message: (err as Error).message }),
    );
  });
  send({ type: 'ready' });
}

if (process.argv[2] === CHILD_FLAG && process.send) {
  childMain(JSON.parse(process.argv[3] ?? '{}') as OperatorSettings).catch((err: unknown) => {
    process.send?.({ type: 'failed', message: (err as Error).message } satisfies FromChild);
    process.exit(1);
  });
}
