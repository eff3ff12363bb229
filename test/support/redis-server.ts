/** Whether this machine can start a `redis-server` of its own (tests that spawn one skip without it). */
import { execFileSync } from 'node:child_process';

export const hasRedisServer: boolean = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
