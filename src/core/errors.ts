/**
 * Typed failures. Expected outcomes (no answer, question too long, unsupported file) are values, not errors;
 * these classes are for things that went wrong, and they keep their `cause`.
 */

/** Base class so callers can tell our failures from library ones. */
export class AppError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A file could not be ingested: names the file and the reason (in Vietnamese and English); `overLimit` when the
 * file is over a limit on its size or the work it takes.
 */
export class IngestError extends AppError {
  readonly overLimit: boolean;

  constructor(
    readonly source: string,
    readonly reason: string,
    options?: { cause?: unknown; overLimit?: boolean },
  ) {
    super(`${source}: ${reason}`, options);
    this.overLimit = options?.overLimit ?? false;
  }
}

/** The database failed or went away. */
export class StoreError extends AppError {}

/** An external model endpoint failed (timeout, HTTP error, unparsable answer). */
export class ModelError extends AppError {}

/** Configuration is missing or wrong; the message names the variable and what is expected. */
export class ConfigError extends AppError {}

/** Returns the message of anything thrown, for logs and user-facing summaries. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
