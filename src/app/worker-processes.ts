/**
 * Extra worker processes for `wirepipe start`: the stages are CPU-bound JavaScript, so one Node
 * process uses one core however high its concurrency. Each child runs `wirepipe work` against the
 * parent's Redis and S3; BullMQ hands every job to exactly one of them. A child that dies is
 * started again after a growing delay; its unfinished jobs are not lost (BullMQ's stalled-job check
 * gives them to another worker).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Logger } from '../shared/logger.js';
import { PACKAGE_ROOT } from '../shared/package-root.js';

export interface WorkerProcessOptions {
  count: number;
  /** Added to this process's environment for every child (REDIS_URL, S3 settings, ...). */
  env: Record<string, string>;
  log: Logger;
  /** First restart delay (ms), doubled per crash in a row up to 30 s; default 1 s. */
  restartDelayMs?: number;
  /** How long a child may take to finish its jobs after SIGTERM before it is killed; default 15 s. */
  stopTimeoutMs?: number;
  /**
   * Called when a slot's child kept dying at start-up (5 times in a row within 10 s of starting):
   * a bad setting or an unreachable service, which restarting cannot fix. The slot stays empty.
   */
  onGiveUp?: (slot: number, lastExit: { code: number | null; signal: NodeJS.Signals | null }) => void;
}

export interface WorkerProcesses {
  /** Process ids of the children running now. */
  pids(): number[];
  /** SIGTERM to every child, SIGKILL to those still running after the timeout. */
  stop(): Promise<void>;
}

const MAX_RESTART_DELAY_MS = 30_000;
/** A child that ran this long before dying was healthy: its next restart waits the first delay again. */
const HEALTHY_RUN_MS = 60_000;
/** A child that dies sooner than this after starting failed at start-up. */
const START_FAILURE_MS = 10_000;
const MAX_START_FAILURES = 5;

/** Starts `count` `wirepipe work` children and keeps them running until `stop()`. */
export function startWorkerProcesses(o: WorkerProcessOptions): WorkerProcesses {
  const firstDelay = o.restartDelayMs ?? 1_000;
  const stopTimeout = o.stopTimeoutMs ?? 15_000;
  const slots: { child: ChildProcess | null; delay: number; timer: NodeJS.Timeout | null; startFailures: number }[] = [];
  let stopping = false;

  const launch = (slot: number): void => {
    const state = slots[slot]!;
    const started = Date.now();
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'wirepipe.js'), 'work'], {
      env: { ...process.env, ...o.env, WIREPIPE_WORKER_SLOT: String(slot + 1) },
      // The IPC channel closes when this process dies, however it dies: `work` then stops too,
      // instead of taking jobs for a pipeline whose embedded S3 went away with it.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    state.child = child;
    o.log.info({ slot: slot + 1, pid: child.pid }, 'worker process started');
    child.once('exit', (code, signal) => {
      state.child = null;
      if (stopping) return;
      const ran = Date.now() - started;
      state.startFailures = ran < START_FAILURE_MS ? state.startFailures + 1 : 0;
      if (state.startFailures >= MAX_START_FAILURES) {
        o.log.error({ slot: slot + 1, code, signal, failures: state.startFailures }, 'worker process keeps failing at start-up; not restarting it');
        o.onGiveUp?.(slot + 1, { code, signal });
        return;
      }
      state.delay = ran >= HEALTHY_RUN_MS ? firstDelay : state.delay;
      o.log.error({ slot: slot + 1, code, signal, restartInMs: state.delay }, 'worker process exited; restarting');
      state.timer = setTimeout(() => {
        state.timer = null;
        if (!stopping) launch(slot);
      }, state.delay);
      state.delay = Math.min(state.delay * 2, MAX_RESTART_DELAY_MS);
    });
  };

  for (let i = 0; i < o.count; i++) {
    slots.push({ child: null, delay: firstDelay, timer: null, startFailures: 0 });
    launch(i);
  }

  return {
    pids: () => slots.flatMap((s) => (s.child?.pid !== undefined ? [s.child.pid] : [])),
    async stop() {
      stopping = true;
      const exits: Promise<void>[] = [];
      for (const s of slots) {
        if (s.timer) clearTimeout(s.timer);
        const child = s.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) continue;
        exits.push(
          new Promise<void>((done) => {
            const kill = setTimeout(() => child.kill('SIGKILL'), stopTimeout);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
        );
      }
      await Promise.all(exits);
    },
  };
}
