/**
 * The signals that stop a long-running command, listened for from the start: a signal that
 * arrives during start-up must not kill the process with the default action, which would skip
 * every clean-up (a Redis this run started would be left running). The first signal asks for a
 * clean stop; a second one exits at once, through process.exit, so 'exit' hooks still run.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface StopSignals {
  /** Resolves with the first stop signal's name. */
  received: Promise<string>;
  /** Stops listening. */
  dispose(): void;
}

/** Listens for SIGINT, SIGTERM and SIGHUP from now on. */
export function listenForStop(onForcedExit: (signal: string) => void = () => undefined): StopSignals {
  let resolveReceived: (signal: string) => void = () => undefined;
  const received = new Promise<string>((resolve) => {
    resolveReceived = resolve;
  });
  let first: string | null = null;
  const onSignal = (signal: string): void => {
    if (first === null) {
      first = signal;
      resolveReceived(signal);
      return;
    }
    onForcedExit(signal);
    process.exit(130);
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  return {
    received,
    dispose() {
      for (const s of STOP_SIGNALS) process.removeListener(s, onSignal);
    },
  };
}
