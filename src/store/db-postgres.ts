/**
 * `Db` on a Postgres server through the `pg` driver (a connection pool). The server needs pgvector and a
 * UTF-8 LC_CTYPE (checked by `migrate`).
 */
import pg from 'pg';
import { StoreError } from '../core/errors.ts';
import type { Db } from '../core/ports.ts';
import { wrapDbError } from './db-errors.ts';

/** Options for {@link createPostgresDb}. */
export interface PostgresDbOptions {
  /** Largest number of pooled connections (default 10). */
  max?: number;
  /** How long to wait for a connection (opening one, or a free one from a full pool); default 10 s. */
  connectTimeoutMs?: number;
  /**
   * Longest a query may take, default 30 s: the server cancels the statement (statement_timeout) and the
   * driver gives up on a server that stopped answering mid-query (query_timeout), so a question gets the
   * "busy" reply instead of hanging and the connection is discarded.
   */
  queryTimeoutMs?: number;
}

/**
 * Without a bound, pg waits forever for a server that accepts the TCP connection but never answers (a hung
 * or half-partitioned database), and every question behind it hangs instead of getting the "busy" reply.
 */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_QUERY_TIMEOUT_MS = 30_000;

/** Creates a pooled `Db`; connections open lazily, so a wrong URL shows on the first query. */
export function createPostgresDb(url: string, opts: PostgresDbOptions = {}): Db {
  const queryTimeout = opts.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // Sent as a startup parameter (behind PgBouncer, list it in ignore_startup_parameters). Setting it with a
    // query on the pool's 'connect' event instead races the first query on that connection.
    statement_timeout: queryTimeout,
    // The driver's own bound is a little longer, so a live server reports its cancellation first.
    query_timeout: queryTimeout + 1000,
  });
  // An idle client losing its connection emits on the pool; without a listener Node would crash. The pool
  // has already discarded that client, and the next query opens a new connection: nothing else to do.
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    query: (text, values) => runQuery(pool, text, values),
    transaction: (fn) => runTransaction(pool, fn),
    close: async () => {
      try {
        await pool.end();
      } catch (err) {
        throw wrapDbError(err, 'closing the pool');
      }
    },
  };
}

async function runQuery<T>(target: pg.Pool | pg.PoolClient, text: string, values?: unknown[]): Promise<T[]> {
  try {
    const result = await target.query(text, values);
    return result.rows as T[];
  } catch (err) {
    throw wrapDbError(err, text);
  }
}

/** One client for the whole transaction: BEGIN, `fn`, COMMIT, or ROLLBACK when anything throws. */
async function runTransaction<T>(pool: pg.Pool, fn: (tx: Db) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw wrapDbError(err, 'connecting to Postgres');
  }
  let broken: Error | undefined;
  try {
    await runQuery(client, 'BEGIN');
    const result = await fn(clientDb(client));
    await runQuery(client, 'COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackErr) {
      // The connection is unusable: tell the pool to discard it instead of reusing it.
      broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
    }
    throw err;
  } finally {
    client.release(broken);
  }
}

/** A `Db` bound to one client inside a transaction; a nested `transaction` joins the outer one. */
function clientDb(client: pg.PoolClient): Db {
  const db: Db = {
    kind: 'postgres',
    query: (text, values) => runQuery(client, text, values),
    transaction: (fn) => fn(db),
    close: () => Promise.reject(new StoreError('close() called inside a transaction')),
  };
  return db;
}
