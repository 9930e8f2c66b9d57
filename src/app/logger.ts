/**
 * pino logger writing JSON to stderr (stdout stays clean for `ask --json`). Secrets are redacted by key
 * wherever they appear in logged objects.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

const REDACT = ['token', '*.token', 'apiKey', '*.apiKey', 'secret', '*.secret', 'authorization', '*.authorization', 'headers.authorization'];

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Where JSON lines go; stderr by default. */
  destination?: DestinationStream;
  /**
   * Secret values (bot tokens, API keys) removed from every line whatever field holds them: an error
   * message or a library's error payload can quote a URL or a server's echo, which key-based redaction misses.
   */
  secrets?: Array<string | undefined>;
}

/** Creates the root logger. */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const forms = secretForms(options.secrets ?? []);
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: undefined,
      ...(forms.length > 0 ? { hooks: { streamWrite: (line: string) => forms.reduce((acc, f) => acc.split(f).join('[redacted]'), line) } } : {}),
    },
    options.destination ?? pino.destination(2),
  );
}

/** Every form a secret can take in a JSON log line: as is, URL-encoded, JSON-escaped. Short values are ignored. */
function secretForms(secrets: Array<string | undefined>): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 8) continue;
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) forms.add(form);
  }
  // Longest first, so a form containing another is replaced whole.
  return [...forms].sort((a, b) => b.length - a.length);
}
