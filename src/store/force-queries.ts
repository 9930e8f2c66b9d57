/**
 * Statements of force (src/core/force.ts) in the `force_statements` table: written with their document in the
 * save transaction, read for the documents in force, and relinked by an admin.
 */
import type { Db } from '../core/ports.ts';
import type { ForceKind, ForceStatement, StoredForceStatement } from '../core/force.ts';
import type { DocumentStatus, DocumentType } from '../core/types.ts';
import { isUuid, jsonText, numberKey } from './sql-values.ts';

/** Inserts the documents' statements of force (inside the caller's transaction). */
export async function insertForceStatements(tx: Db, docs: Array<{ documentId: string; statements: ForceStatement[] }>): Promise<void> {
  const rows = docs.flatMap(({ documentId, statements }) =>
    statements.map((s, ord) => ({
      document_id: documentId,
      ord,
      kind: s.kind,
      section_label: s.sectionLabel,
      text: s.text,
      target_type: s.target?.type ?? null,
      target_number: s.target?.number ?? null,
      target_number_key: numberKey(s.target?.number),
      target_date: s.target?.date ?? null,
      target_issuer: s.target?.issuer ?? null,
      stated_date: s.date,
      from_signing: s.fromSigning,
    })),
  );
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO force_statements (document_id, ord, kind, section_label, text, target_type, target_number,
       target_number_key, target_date, target_issuer, stated_date, from_signing)
     SELECT x.document_id, x.ord, x.kind, x.section_label, x.text, x.target_type, x.target_number, x.target_number_key,
       x.target_date, x.target_issuer, x.stated_date, x.from_signing
     FROM jsonb_to_recordset($1::jsonb) AS x(document_id uuid, ord int, kind text, section_label text, text text,
       target_type text, target_number text, target_number_key text, target_date date, target_issuer text,
       stated_date date, from_signing boolean)`,
    [jsonText(rows)],
  );
}

interface ForceRow {
  id: string | number;
  document_id: string;
  kind: string;
  section_label: string;
  text: string;
  target_type: string | null;
  target_number: string | null;
  target_date: string | null;
  target_issuer: string | null;
  stated_date: string | null;
  from_signing: boolean;
  link_source: string;
  linked_id: string | null;
}

const COLUMNS = `f.id, f.document_id::text AS document_id, f.kind, f.section_label, f.text, f.target_type, f.target_number,
  to_char(f.target_date, 'YYYY-MM-DD') AS target_date, f.target_issuer, to_char(f.stated_date, 'YYYY-MM-DD') AS stated_date,
  f.from_signing, f.link_source, f.linked_id::text AS linked_id`;

function toStatement(r: ForceRow): StoredForceStatement {
  return {
    id: Number(r.id),
    documentId: r.document_id,
    kind: r.kind as ForceKind,
    sectionLabel: r.section_label,
    text: r.text,
    target: r.target_number === null ? null : { type: r.target_type as DocumentType | null, number: r.target_number, date: r.target_date, issuer: r.target_issuer },
    date: r.stated_date,
    fromSigning: r.from_signing,
    linkSource: r.link_source === 'admin' ? 'admin' : 'auto',
    linkedId: r.linked_id,
  };
}

/** Which statements to read: those of documents with these statuses, and those of these documents. */
export interface ForceStatementFilter {
  statuses?: DocumentStatus[];
  documentIds?: string[];
}

/** Statements of the documents the filter names (by default, of the active ones), in document and text order. */
export async function selectForceStatements(db: Db, filter: ForceStatementFilter = {}): Promise<StoredForceStatement[]> {
  const statuses = filter.statuses ?? (filter.documentIds ? [] : ['active']);
  const rows = await db.query<ForceRow>(
    `SELECT ${COLUMNS} FROM force_statements f JOIN documents d ON d.id = f.document_id
     WHERE d.status = ANY($1::text[]) OR f.document_id = ANY($2::uuid[])
     ORDER BY d.created_at, f.document_id, f.ord`,
    [statuses, (filter.documentIds ?? []).filter(isUuid)],
  );
  return rows.map(toStatement);
}

/**
 * An admin's correction of a statement's link: a document of the collection, none (`null`: it names no stored
 * document), or `auto` to go back to linking by number. Returns the statement, or null when there is none.
 */
export async function updateForceLink(db: Db, statementId: number, link: { documentId: string | null } | 'auto'): Promise<StoredForceStatement | null> {
  if (!Number.isSafeInteger(statementId)) return null;
  const [source, linked] = link === 'auto' ? ['auto', null] : ['admin', link.documentId];
  const rows = await db.query<ForceRow>(
    `UPDATE force_statements f SET link_source = $2, linked_id = $3::uuid WHERE f.id = $1 RETURNING ${COLUMNS}`,
    [statementId, source, linked],
  );
  return rows[0] ? toStatement(rows[0]) : null;
}
