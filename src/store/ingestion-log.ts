/**
 * The ingestion log: one line per file the pipeline looked at, for the admin's "what happened" view.
 */
import type { Db, IngestionLogEntry } from '../core/ports.ts';
import { storableText } from '../text/storable-text.ts';
import { isUuid } from './sql-values.ts';

/** Appends one line; a file name or message Postgres text could not hold is made storable, so no line is lost. */
export async function logIngestion(db: Db, entry: IngestionLogEntry): Promise<void> {
  await db.query(
    `INSERT INTO ingestion_log (source, content_hash, outcome, document_id, message, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      storableText(entry.source),
      entry.contentHash,
      entry.outcome,
      entry.documentId !== null && isUuid(entry.documentId) ? entry.documentId : null,
      storableText(entry.message),
      Math.max(0, Math.round(entry.durationMs)),
    ],
  );
}

interface LogRow {
  source: string;
  content_hash: string | null;
  outcome: IngestionLogEntry['outcome'];
  document_id: string | null;
  message: string;
  duration_ms: number;
  at: Date | string;
}

/** The newest lines first. */
export async function recentIngestions(db: Db, limit: number): Promise<Array<IngestionLogEntry & { at: Date }>> {
  const rows = await db.query<LogRow>(
    `SELECT source, content_hash, outcome, document_id::text AS document_id, message, duration_ms, at
     FROM ingestion_log ORDER BY at DESC, id DESC LIMIT $1`,
    [Math.max(0, limit)],
  );
  return rows.map((r) => ({
    source: r.source,
    contentHash: r.content_hash,
    outcome: r.outcome,
    documentId: r.document_id,
    message: r.message,
    durationMs: r.duration_ms,
    at: r.at instanceof Date ? r.at : new Date(r.at),
  }));
}
