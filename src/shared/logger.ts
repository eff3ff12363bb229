/** The one place loggers are made: pino, secrets redacted, quiet in normal operation. */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line (push tokens, signatures, credentials). */
const REDACT = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-wirepipe-signature"]',
  '*.secret',
  '*.token',
  '*.password',
  '*.secretAccessKey',
];

/** A root logger at `level` (LOG_LEVEL); per-item lines are debug, so normal operation is quiet. */
export function createLogger(level: string = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'wirepipe' } });
}

/** A logger that drops everything: for tests and the `process` command's quiet mode. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
