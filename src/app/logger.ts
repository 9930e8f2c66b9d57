/**
 * pino logger writing JSON to stderr (stdout stays clean for `ask --json`). Secrets are redacted by key
 * wherever they appear in logged objects.
 */
import pino, { type Logger } from 'pino';

const REDACT = ['token', '*.token', 'apiKey', '*.apiKey', 'secret', '*.secret', 'authorization', '*.authorization', 'headers.authorization'];

/** Creates the root logger. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined }, pino.destination(2));
}
