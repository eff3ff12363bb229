/** `wirepipe failed`: prints the newest dead letters, one JSON object per line. */
import { loadConfig } from '../shared/config.js';
import { DeadLetters } from '../shared/dead-letters.js';
import { createLogger } from '../shared/logger.js';
import { connectServices } from '../app/services.js';

/** Lists up to `count` dead letters; returns the exit code. */
export async function failedCommand(count: number, io: { out: (l: string) => void }): Promise<number> {
  const config = loadConfig();
  const services = await connectServices(config, createLogger('warn'), { withS3: false, spawnRedis: false });
  try {
    for (const letter of await new DeadLetters(services.redis, config.prefix).list(count)) io.out(JSON.stringify(letter));
  } finally {
    await services.close();
  }
  return 0;
}
