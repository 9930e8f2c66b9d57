/**
 * `Db` on embedded PGlite (Postgres compiled to WASM, in-process) with pgvector loaded.
 * No server to install: the default backend, persisted in a folder or kept in memory.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { StoreError } from '../core/errors.ts';
import type { Db } from '../core/ports.ts';
import { wrapDbError } from './db-errors.ts';

/** Options for {@link createPgliteDb}. */
export interface PgliteDbOptions {
  /** Folder holding the database files; omitted = in memory (lost on close). */
  dataDir?: string;
}

/** Opens a PGlite database with the `vector` extension available (created by the first migration). */
export async function createPgliteDb(opts: PgliteDbOptions = {}): Promise<Db> {
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: opts.dataDir, extensions: { vector }, startParams: startParams(opts.dataDir) });
    // PGlite's pages come from files the OS keeps cached: a random read costs about what a sequential one does.
    // With the default (4) the planner scanned all chunks of a 10,000-document collection (~2 s) instead of
    // following the index from the documents of the year asked about (~0.2 s).
    await pglite.exec('SET random_page_cost = 1.1');
  } catch (err) {
    const where = opts.dataDir ? `in ${opts.dataDir}` : 'in memory';
    throw new StoreError(`could not open the embedded PGlite database ${where}`, { cause: err });
  }
  return {
    kind: 'pglite',
    query: (text, values) => runQuery(pglite, text, values),
    transaction: (fn) => runTransaction(pglite, fn),
    close: async () => {
      try {
        await pglite.close();
      } catch (err) {
        throw wrapDbError(err, 'closing PGlite failed');
      }
    },
  };
}

/**
 * Page cache of a PGlite kept in a folder. Pages outside Postgres' own buffers are read from the file with a
 * system call each: with the default 128 MB, a 1,000-document collection (~280 MB) is mostly read back from the
 * files on every question. The buffers are taken as pages are used, so a small collection costs no more.
 */
const FOLDER_BUFFERS = '512MB';

function startParams(dataDir: string | undefined): string[] {
  if (dataDir === undefined) return PGlite.defaultStartParams;
  // The store checkpoints itself (planner-stats.ts: PGlite has no checkpointer); keep few log files for reuse.
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${FOLDER_BUFFERS}`, '-c', 'max_wal_size=256MB', '-c', 'min_wal_size=64MB'];
}

/**
 * PGlite executes a query synchronously on this thread, and its promises resolve as microtasks: a chain of
 * queries (an answer, or a burst of them) would run without ever letting the event loop serve a socket, and
 * /healthz waited for seconds behind 500 concurrent asks. Each query first waits for a turn of the event loop.
 */
function turnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function runQuery<T>(target: PGlite | Transaction, text: string, values?: unknown[]): Promise<T[]> {
  await turnOfEventLoop();
  try {
    const result = await target.query<T>(text, values);
    return result.rows;
  } catch (err) {
    throw wrapDbError(err, text);
  }
}

/**
 * Runs `fn` in a PGlite transaction (rolled back when `fn` throws). Errors from `fn` are rethrown as they are;
 * only failures of BEGIN/COMMIT themselves are wrapped.
 */
async function runTransaction<T>(pglite: PGlite, fn: (tx: Db) => Promise<T>): Promise<T> {
  const fromFn: { error?: unknown } = {};
  try {
    return await pglite.transaction(async (tx) => {
      try {
        return await fn(transactionDb(tx));
      } catch (err) {
        fromFn.error = err;
        throw err;
      }
    });
  } catch (err) {
    if ('error' in fromFn && err === fromFn.error) throw err;
    throw wrapDbError(err, 'transaction');
  }
}

/** A `Db` bound to one PGlite transaction; a nested `transaction` joins the outer one. */
function transactionDb(tx: Transaction): Db {
  const db: Db = {
    kind: 'pglite',
    query: (text, values) => runQuery(tx, text, values),
    transaction: (fn) => fn(db),
    close: () => Promise.reject(new StoreError('close() called inside a transaction')),
  };
  return db;
}
