/**
 * Turns driver errors into `StoreError`s that keep the driver error as `cause`.
 */
import { StoreError } from '../core/errors.ts';

const MAX_SQL_IN_MESSAGE = 120;

/**
 * Wraps anything a driver threw. Our own `StoreError`s pass through unchanged so a failure raised inside a
 * transaction keeps its message. `context` is the SQL text or an operation name (shortened, values never
 * included: they may hold user text).
 */
export function wrapDbError(err: unknown, context: string): StoreError {
  if (err instanceof StoreError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  const code = typeof err === 'object' && err !== null && 'code' in err ? ` [${String(err.code)}]` : '';
  const where = context.replace(/\s+/g, ' ').trim().slice(0, MAX_SQL_IN_MESSAGE);
  return new StoreError(`database error${code}: ${detail} (in: ${where})`, { cause: err });
}
