/**
 * Planner statistics and visibility for a growing collection. Embedded PGlite runs no autovacuum, so without
 * an explicit VACUUM ANALYZE the planner believes every table is empty (at 1,000 documents BM25 search then
 * probed the chunk index once per document, ~0.7 s instead of ~0.07 s, and ingestion slowed down with every
 * document), and freshly written rows stay unmarked (answers on a just-built 1,000-document collection ran at
 * half speed until a VACUUM). A Postgres server has autovacuum for this, and a VACUUM there could run into
 * the query timeout on a large table: only PGlite is maintained here.
 *
 * PGlite has no checkpointer either: without a CHECKPOINT its write-ahead log is never recycled, and building a
 * 10,000-document collection left 5 GB of WAL beside 2 GB of data. The store checkpoints once the log has grown
 * by WAL_PER_CHECKPOINT since the last one.
 */
import type { Db } from '../core/ports.ts';
import { getSetting, setSetting } from './lexical-rebuild.ts';

/** The tables searched and joined by every answer and every save. */
const TABLES = ['documents', 'sections', 'chunks', 'chunk_embeddings', 'doc_references', 'lexical_df'];

/** Statistics are refreshed once the chunk count has grown by a quarter (or shrunk by a fifth) since the last refresh… */
const GROWTH = 1.25;
/** …and by at least this many chunks (a few documents do not change a plan). */
const MIN_NEW_CHUNKS = 200;

const SETTING = 'analyzed_chunk_count';

/** Bytes of write-ahead log between checkpoints of an embedded store. */
const WAL_PER_CHECKPOINT = 256 * 1024 * 1024;

async function chunkCount(db: Db): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT chunk_count::float8 AS n FROM lexical_stats WHERE id = 1');
  return rows[0]?.n ?? 0;
}

/** The chunk count the statistics were last gathered at (null: never). */
async function analyzedAt(db: Db): Promise<number | null> {
  const value = await getSetting(db, SETTING);
  const n = value === null ? NaN : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Whether statistics gathered at `analyzed` chunks are stale for a collection of `current` chunks. */
export function statsAreStale(analyzed: number | null, current: number): boolean {
  if (current === 0) return false;
  if (analyzed === null) return true;
  const grown = current - analyzed;
  const shrunk = analyzed - current;
  return (current >= analyzed * GROWTH && grown >= MIN_NEW_CHUNKS) || (current * GROWTH <= analyzed && shrunk >= MIN_NEW_CHUNKS);
}

/**
 * Runs VACUUM ANALYZE on the search tables when the collection grew (or shrank) enough, or always with
 * `force` (after a rewrite of every chunk); returns whether it ran.
 */
export async function refreshPlannerStats(db: Db, force = false): Promise<boolean> {
  if (db.kind !== 'pglite') return false;
  const current = await chunkCount(db);
  if (!force && !statsAreStale(await analyzedAt(db), current)) return false;
  // Outside any transaction (VACUUM refuses to run in one); the store calls this after its save committed.
  await db.query(`VACUUM (ANALYZE) ${TABLES.join(', ')}`);
  await setSetting(db, SETTING, String(current));
  return true;
}

/** Checkpoints an embedded store whose write-ahead log grew past WAL_PER_CHECKPOINT; returns whether it did. */
export async function boundWriteAheadLog(db: Db, limitBytes = WAL_PER_CHECKPOINT): Promise<boolean> {
  if (db.kind !== 'pglite') return false;
  const rows = await db.query<{ bytes: number }>(
    'SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), redo_lsn)::float8 AS bytes FROM pg_control_checkpoint()',
  );
  if ((rows[0]?.bytes ?? 0) < limitBytes) return false;
  await db.query('CHECKPOINT');
  return true;
}
