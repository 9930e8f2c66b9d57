/**
 * Row shapes read from the documents, sections and references tables, and their mapping to core types.
 * Dates are selected as text and counts as int so PGlite and `pg` return the same JS values.
 */
import type {
  DocumentReference,
  DocumentStatus,
  DocumentType,
  StoredDocument,
  StoredSection,
  YearSource,
} from '../core/types.ts';

/** Columns of `documents` as every document query selects them (alias `d`). */
export const DOCUMENT_COLUMNS = `d.id::text AS id, d.source, d.content_hash, d.type, d.number, d.title, d.issuer,
  d.signer, d.signer_role, d.place, to_char(d.issued_on, 'YYYY-MM-DD') AS issued_on, d.year, d.year_source,
  d.status, d.version, d.replaced_by::text AS replaced_by, d.warnings, d.created_at, d.section_count,
  d.chunk_count`;

/** A `documents` row as selected with {@link DOCUMENT_COLUMNS}. */
export interface DocumentRow {
  id: string;
  source: string;
  content_hash: string;
  type: string | null;
  number: string | null;
  title: string;
  issuer: string | null;
  signer: string | null;
  signer_role: string | null;
  place: string | null;
  issued_on: string | null;
  year: number | null;
  year_source: string | null;
  status: string;
  version: number;
  replaced_by: string | null;
  warnings: unknown;
  created_at: Date | string;
  section_count: number;
  chunk_count: number;
}

/** Maps a document row to the core type. */
export function toStoredDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    source: row.source,
    contentHash: row.content_hash,
    type: row.type as DocumentType | null,
    number: row.number,
    title: row.title,
    issuer: row.issuer,
    signer: row.signer,
    signerRole: row.signer_role,
    place: row.place,
    issuedOn: row.issued_on,
    year: row.year,
    yearSource: row.year_source as YearSource | null,
    status: row.status as DocumentStatus,
    version: row.version,
    replacedBy: row.replaced_by,
    createdAt: row.created_at instanceof Date ? row.created_at : new Date(row.created_at),
    sectionCount: row.section_count,
    chunkCount: row.chunk_count,
    warnings: Array.isArray(row.warnings) ? row.warnings.map(String) : [],
  };
}

/** Columns of `sections` (alias `s`). */
export const SECTION_COLUMNS = `s.id::text AS id, s.document_id::text AS document_id, s.label, s.heading,
  s.heading_line, s.level, s.ord, s.parent_label, s.body, s.full_text`;

/** A `sections` row as selected with {@link SECTION_COLUMNS}. */
export interface SectionRow {
  id: string;
  document_id: string;
  label: string;
  heading: string;
  heading_line: string;
  level: number;
  ord: number;
  parent_label: string | null;
  body: string;
  full_text: string;
}

/** Maps a section row to the core type. */
export function toStoredSection(row: SectionRow): StoredSection {
  return {
    id: row.id,
    documentId: row.document_id,
    label: row.label,
    heading: row.heading,
    headingLine: row.heading_line,
    level: row.level,
    order: row.ord,
    parentLabel: row.parent_label,
    body: row.body,
    fullText: row.full_text,
  };
}

/** A `doc_references` row. */
export interface ReferenceRow {
  document_id: string;
  section_label: string;
  type: string | null;
  number: string | null;
  ref_date: string | null;
  issuer: string | null;
  text: string;
}

/** Maps a reference row to the core type. */
export function toDocumentReference(row: ReferenceRow): DocumentReference {
  return {
    type: row.type as DocumentType | null,
    number: row.number,
    date: row.ref_date,
    issuer: row.issuer,
    text: row.text,
    sectionLabel: row.section_label,
  };
}
