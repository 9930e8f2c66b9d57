/**
 * Reading and changing documents: lookups, listing, history, metadata and status changes, deletion.
 */
import { StoreError } from '../core/errors.ts';
import type { Db, DocumentListFilter, ReferenceHit } from '../core/ports.ts';
import type { DocumentMetadata, DocumentReference, OutlineEntry, StoredDocument, StoredSection } from '../core/types.ts';
import {
  DOCUMENT_COLUMNS,
  type DocumentRow,
  type ReferenceRow,
  SECTION_COLUMNS,
  type SectionRow,
  toDocumentReference,
  toStoredDocument,
  toStoredSection,
} from './document-rows.ts';
import { removeLexicalStats } from './lexical-index.ts';
import { isUuid, numberKey } from './sql-values.ts';

/** One document by id, or null (also for a malformed id). */
export async function selectDocument(db: Db, id: string): Promise<StoredDocument | null> {
  if (!isUuid(id)) return null;
  const rows = await db.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = $1`, [id]);
  return rows[0] ? toStoredDocument(rows[0]) : null;
}

/** The repaired full text stored with a document. */
export async function selectDocumentText(db: Db, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const rows = await db.query<{ text: string }>('SELECT text FROM documents WHERE id = $1', [id]);
  return rows[0]?.text ?? null;
}

/** The text as uploaded (before repair); the repaired text for documents stored before it was kept. */
export async function selectDocumentSourceText(db: Db, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const rows = await db.query<{ text: string }>('SELECT COALESCE(source_text, text) AS text FROM documents WHERE id = $1', [id]);
  return rows[0]?.text ?? null;
}

/** Like {@link selectDocument} but a missing document is a `StoreError`. */
export async function requireDocument(db: Db, id: string): Promise<StoredDocument> {
  const doc = await selectDocument(db, id);
  if (!doc) throw new StoreError(`document ${id} does not exist`);
  return doc;
}

/** Documents by id, in the order of `ids`; a missing one is a `StoreError` (for ids just written). */
export async function requireDocuments(db: Db, ids: string[]): Promise<StoredDocument[]> {
  const rows = await db.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ANY($1::uuid[])`, [ids]);
  const byId = new Map(rows.map((r) => [r.id, toStoredDocument(r)]));
  return ids.map((id) => {
    const doc = byId.get(id);
    if (!doc) throw new StoreError(`document ${id} does not exist`);
    return doc;
  });
}

/** The newest active or draft document with these bytes. */
export async function selectByHash(db: Db, contentHash: string): Promise<StoredDocument | null> {
  const rows = await db.query<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents d
     WHERE d.content_hash = $1 AND d.status IN ('active', 'draft') ORDER BY d.created_at DESC LIMIT 1`,
    [contentHash],
  );
  return rows[0] ? toStoredDocument(rows[0]) : null;
}

/** The active document with the same number and issuer (preferred) or the same source file name. */
export async function selectReplaceable(
  db: Db,
  q: { number: string | null; issuer: string | null; source: string },
): Promise<StoredDocument | null> {
  const rows = await db.query<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents d
     WHERE d.status = 'active'
       AND (($1::text IS NOT NULL AND d.number_key = $1 AND lower(d.issuer) IS NOT DISTINCT FROM lower($2::text))
            OR d.source = $3)
     ORDER BY (d.number_key IS NOT DISTINCT FROM $1::text) DESC, d.created_at DESC LIMIT 1`,
    [numberKey(q.number), q.issuer, q.source],
  );
  return rows[0] ? toStoredDocument(rows[0]) : null;
}

/** Every version sharing the document's number+issuer or source, newest first. */
export async function selectHistory(db: Db, id: string): Promise<StoredDocument[]> {
  const doc = await requireDocumentKey(db, id);
  if (!doc) return [];
  const rows = await db.query<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents d
     WHERE ($1::text IS NOT NULL AND d.number_key = $1 AND lower(d.issuer) IS NOT DISTINCT FROM lower($2::text))
        OR d.source = $3
     ORDER BY d.version DESC, d.created_at DESC`,
    [doc.number_key, doc.issuer, doc.source],
  );
  return rows.map(toStoredDocument);
}

async function requireDocumentKey(
  db: Db,
  id: string,
): Promise<{ number_key: string | null; issuer: string | null; source: string } | null> {
  if (!isUuid(id)) return null;
  const rows = await db.query<{ number_key: string | null; issuer: string | null; source: string }>(
    'SELECT number_key, issuer, source FROM documents WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/** Documents matching the filter (issuer: case-insensitive substring), newest year first. */
export async function selectDocuments(db: Db, filter: DocumentListFilter = {}): Promise<StoredDocument[]> {
  const statuses = filter.status === undefined ? [] : [filter.status].flat();
  const rows = await db.query<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents d
     WHERE ($1::int IS NULL OR d.year = $1)
       AND ($2::text IS NULL OR d.type = $2)
       AND ($3::text IS NULL OR strpos(lower(d.issuer), lower($3::text)) > 0)
       AND (cardinality($4::text[]) = 0 OR d.status = ANY($4::text[]))
     ORDER BY d.year DESC NULLS LAST, d.created_at DESC`,
    [filter.year ?? null, filter.type ?? null, filter.issuer ?? null, statuses],
  );
  return rows.map(toStoredDocument);
}

/** Sections of a document in reading order. */
export async function selectSections(db: Db, documentId: string): Promise<StoredSection[]> {
  if (!isUuid(documentId)) return [];
  const rows = await db.query<SectionRow>(
    `SELECT ${SECTION_COLUMNS} FROM sections s WHERE s.document_id = $1 ORDER BY s.ord`,
    [documentId],
  );
  return rows.map(toStoredSection);
}

/** Sections by id, in the order asked (unknown ids are left out). */
export async function selectSectionsByIds(db: Db, ids: string[]): Promise<StoredSection[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await db.query<SectionRow>(`SELECT ${SECTION_COLUMNS} FROM sections s WHERE s.id = ANY($1::uuid[])`, [
    valid,
  ]);
  const byId = new Map(rows.map((r) => [r.id, toStoredSection(r)]));
  return valid.flatMap((id) => byId.get(id.toLowerCase()) ?? []);
}

/** The outline of each document, by document id, in reading order. */
export async function selectOutlines(db: Db, documentIds: string[]): Promise<Map<string, OutlineEntry[]>> {
  const valid = [...new Set(documentIds.filter(isUuid))];
  const out = new Map<string, OutlineEntry[]>(valid.map((id) => [id.toLowerCase(), []]));
  if (valid.length === 0) return out;
  const rows = await db.query<{ id: string; document_id: string; label: string; heading: string; parent_label: string | null; level: number; ord: number; appendix: string | null; row_line: string | null }>(
    `SELECT s.id::text AS id, s.document_id::text AS document_id, s.label, s.heading, s.parent_label, s.level, s.ord,
            CASE WHEN s.label LIKE 'Phụ lục%' AND position('.' in s.label) = 0 THEN s.body END AS appendix,
            CASE WHEN s.label LIKE 'Phụ lục%' AND position('|' in s.heading_line) > 0 THEN s.heading_line END AS row_line
       FROM sections s WHERE s.document_id = ANY($1::uuid[]) ORDER BY s.document_id, s.ord`,
    [valid],
  );
  for (const r of rows) {
    const columns = r.appendix?.split('\n').find((line) => line.includes('|'));
    const row = r.appendix === null ? r.row_line : null;
    out.get(r.document_id)?.push({ id: r.id, label: r.label, heading: r.heading, parentLabel: r.parent_label, level: Number(r.level), order: Number(r.ord), ...(columns ? { columns } : {}), ...(row ? { row } : {}) });
  }
  return out;
}

/** The opening part's body of each document (documents without one are left out). */
export async function selectOpeningTexts(db: Db, documentIds: string[]): Promise<Map<string, string>> {
  const valid = documentIds.filter(isUuid);
  if (valid.length === 0) return new Map();
  const rows = await db.query<{ document_id: string; body: string }>(
    `SELECT s.document_id::text AS document_id, s.body FROM sections s WHERE s.document_id = ANY($1::uuid[]) AND s.label = ''`,
    [valid],
  );
  return new Map(rows.map((r) => [r.document_id, r.body]));
}

const REFERENCE_COLUMNS = `r.document_id::text AS document_id, r.section_label, r.type, r.number,
  to_char(r.ref_date, 'YYYY-MM-DD') AS ref_date, r.issuer, r.text`;

/** References a document cites, in text order. */
export async function selectReferences(db: Db, documentId: string): Promise<DocumentReference[]> {
  if (!isUuid(documentId)) return [];
  const rows = await db.query<ReferenceRow>(
    `SELECT ${REFERENCE_COLUMNS} FROM doc_references r WHERE r.document_id = $1 ORDER BY r.ord`,
    [documentId],
  );
  return rows.map(toDocumentReference);
}

/**
 * Where a number is cited in active documents, matched on its key (spacing, case, Đ/D and leading zeros
 * ignored). A partial key without issuer (`35-NQ`, from "nghị quyết 35") matches every issuer.
 */
export async function selectReferenceHits(db: Db, number: string, limit?: number, documentIds?: string[]): Promise<ReferenceHit[]> {
  const key = numberKey(number);
  if (key === null) return [];
  const max = limit === undefined ? null : Math.max(0, Math.floor(limit));
  const rows = await db.query<ReferenceRow & { section_id: string | null }>(
    `SELECT ${REFERENCE_COLUMNS},
       (SELECT s.id::text FROM sections s WHERE s.document_id = r.document_id AND s.label = r.section_label
        ORDER BY s.ord LIMIT 1) AS section_id
     FROM doc_references r JOIN documents d ON d.id = r.document_id
     WHERE (r.number_key = $1 OR (strpos($1, '/') = 0 AND r.number_key LIKE $1 || '/%')) AND d.status = 'active'
       AND (cardinality($3::uuid[]) = 0 OR r.document_id = ANY($3::uuid[]))
     ORDER BY d.year DESC NULLS LAST, d.created_at DESC, r.ord
     LIMIT $2`,
    [key, max, (documentIds ?? []).filter(isUuid)],
  );
  return rows.map((r) => ({
    documentId: r.document_id,
    sectionLabel: r.section_label,
    sectionId: r.section_id,
    number: r.number,
    type: r.type,
    date: r.ref_date,
    text: r.text,
  }));
}

/** Chunks of active documents. */
export async function countActiveChunks(db: Db): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.status = 'active'`,
  );
  return rows[0]?.n ?? 0;
}

/** See `DocumentStore.collectionStamp`: counts and checksums of the documents' rows and of the links of force. */
export async function selectCollectionStamp(db: Db): Promise<string> {
  const rows = await db.query<{ stamp: string }>(
    `SELECT (SELECT count(*)::text || '|' || coalesce(max(updated_at)::text, '') || '|'
                    || coalesce(sum(hashtext(id::text || status))::text, '') FROM documents)
            || '|' ||
            (SELECT count(*)::text || '|' || coalesce(sum(hashtext(link_source || coalesce(linked_id::text, '')))::text, '')
             FROM force_statements) AS stamp`,
  );
  return rows[0]?.stamp ?? '';
}

/** Metadata field → column, for admin overrides. */
const METADATA_COLUMNS: Record<keyof DocumentMetadata, string> = {
  type: 'type', number: 'number', title: 'title', issuer: 'issuer', signer: 'signer', signerRole: 'signer_role',
  place: 'place', issuedOn: 'issued_on', year: 'year', yearSource: 'year_source',
};

/** Applies an admin's metadata override (the number's matching key follows the number). */
export async function updateMetadata(db: Db, id: string, patch: Partial<DocumentMetadata>): Promise<StoredDocument> {
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const [field, column] of Object.entries(METADATA_COLUMNS) as Array<[keyof DocumentMetadata, string]>) {
    if (!(field in patch)) continue;
    values.push(patch[field] ?? null);
    sets.push(`${column} = $${values.length}${column === 'issued_on' ? '::date' : ''}`);
    if (field === 'number') {
      values.push(numberKey(patch.number));
      sets.push(`number_key = $${values.length}`);
    }
  }
  if (sets.length > 0 && isUuid(id)) {
    await db.query(`UPDATE documents SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, values);
  }
  return requireDocument(db, id);
}

/** Sets a document's status. */
export async function updateStatus(db: Db, id: string, status: string): Promise<void> {
  await requireDocument(db, id);
  await db.query('UPDATE documents SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
}

/** Marks `oldId` replaced by `newId` (which must already exist). */
export async function markReplaced(tx: Db, oldId: string, newId: string): Promise<void> {
  await tx.query(
    `UPDATE documents SET status = 'replaced', replaced_by = $2, updated_at = now() WHERE id = $1`,
    [oldId, newId],
  );
}

/** Deletes a document and everything under it, taking its chunks out of the lexical statistics first. */
export async function deleteDocument(db: Db, id: string): Promise<void> {
  if (!isUuid(id)) return;
  await db.transaction(async (tx) => {
    await tx.query('SELECT 1 FROM lexical_stats WHERE id = 1 FOR UPDATE');
    await removeLexicalStats(tx, id);
    await tx.query('DELETE FROM documents WHERE id = $1', [id]);
  });
}
