/** A long-running command's stop signals: listened for from the start, a second one exits at once. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForStop } from '../../src/cli/stop-signals.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('listenForStop', () => {
  it('takes the first SIGINT, SIGTERM or SIGHUP as a request to stop, instead of the default exit', async () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
      const stop = listenForStop();
      expect(process.listenerCount(signal)).toBeGreaterThan(0);
      process.emit(signal, signal);
      await expect(stop.received).resolves.toBe(signal);
      expect(exit).not.toHaveBeenCalled();
      stop.dispose();
      vi.restoreAllMocks();
    }
  });

  it('exits at once on a second signal, through process.exit so exit hooks still run', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const forced: string[] = [];
    const stop = listenForStop((s) => forced.push(s));
    process.emit('SIGINT', 'SIGINT');
    await stop.received;
    process.emit('SIGTERM', 'SIGTERM');
    expect(forced).toEqual(['SIGTERM']);
    expect(exit).toHaveBeenCalledWith(130);
    stop.dispose();
    expect(process.listenerCount('SIGHUP')).toBe(0);
  });
});
