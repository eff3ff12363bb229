/** A bench worker process (bench/worker-child.ts) forked from a scenario, and its message protocol. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage, WorkerStart } from '../worker-child.js';

/** Stories a forked worker runs before joining a measured run (see WorkerStart.warmup). */
export const WORKER_WARMUP = 300;

/** A forked worker process and a way to ask it for a sample. */
export class ForkedWorker {
  readonly #child: ChildProcess;
  #waiting: ((m: ChildMessage) => void)[] = [];

  constructor(start: WorkerStart) {
    const here = fileURLToPath(import.meta.url);
    const fromSource = here.endsWith('.ts');
    const script = fileURLToPath(new URL(`../worker-child.${fromSource ? 'ts' : 'js'}`, import.meta.url));
    this.#child = fork(script, [JSON.stringify(start)], {
      execArgv: ['--expose-gc', ...(fromSource ? ['--import', 'tsx'] : [])],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#child.on('message', (m: ChildMessage) => this.#waiting.shift()?.(m));
  }

  /** The next message, which must be of `type`. */
  next(type: ChildMessage['type'], timeoutMs = 30_000): Promise<ChildMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench worker: no ${type} within ${timeoutMs} ms`)), timeoutMs);
      const onExit = (code: number | null) => reject(new Error(`bench worker exited with ${code}`));
      this.#child.once('exit', onExit);
      this.#waiting.push((m) => {
        clearTimeout(timer);
        this.#child.off('exit', onExit);
        if (m.type === type) resolve(m);
        else reject(new Error(`bench worker: expected ${type}, got ${m.type}`));
      });
    });
  }

  /** Sends `m` and waits for the reply of type `reply`. */
  async ask(m: ParentMessage, reply: ChildMessage['type']): Promise<ChildMessage> {
    const answer = this.next(reply);
    this.#child.send(m);
    return answer;
  }

  /** Lets running jobs finish and the child exit; kills it when it does not answer. */
  async stop(): Promise<void> {
    await this.ask({ type: 'stop' }, 'stopped').catch(() => undefined);
    this.kill();
  }

  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }
}

/** Forks `count` workers joined to `prefix` and waits until each is taking jobs. */
export async function forkWorkers(count: number, start: WorkerStart): Promise<ForkedWorker[]> {
  const workers = Array.from({ length: count }, () => new ForkedWorker(start));
  try {
    await Promise.all(workers.map((w) => w.next('ready')));
  } catch (err) {
    for (const w of workers) w.kill();
    throw err;
  }
  return workers;
}
