/**
 * connectServices against a real password-protected redis-server reached with `?password=` in
 * REDIS_URL (which ioredis authenticates with): the password never reaches the log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectServices } from '../../src/app/services.js';
import { loadConfig } from '../../src/shared/config.js';
import { redisAnswers } from '../../src/shared/redis.js';
import { freePort } from '../support/index.js';
import { hasRedisServer } from '../support/redis-server.js';

const PASSWORD = 's3cret-query-pw';


describe.skipIf(!hasRedisServer)('connectServices with REDIS_URL carrying ?password=', () => {
  let server: ChildProcess | undefined;
  let url = '';
  beforeAll(async () => {
    const port = await freePort();
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--requirepass', PASSWORD, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    url = `redis://127.0.0.1:${port}/0?password=${PASSWORD}`;
    for (let i = 0; i < 100 && !(await redisAnswers(url)); i++) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(() => {
    server?.kill('SIGKILL');
  });

  it('authenticates with it and logs "redis ready" without it', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
    const services = await connectServices(loadConfig({ REDIS_URL: url }), log, { withS3: false });
    try {
      expect(await services.redis.ping()).toBe('PONG');
    } finally {
      await services.close();
    }
    const ready = lines.map((l) => JSON.parse(l) as { msg?: string; redis?: string }).find((l) => l.msg === 'redis ready');
    expect(ready?.redis).toBe(url.replace(PASSWORD, '***'));
    expect(lines.join('\n')).not.toContain(PASSWORD);
  });
});
