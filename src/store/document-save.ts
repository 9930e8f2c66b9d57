/**
 * The inserts behind `saveDocuments`, each a named step run inside the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { StoreError } from '../core/errors.ts';
import type { ChunkToStore, Db, NewDocument } from '../core/ports.ts';
import type { DocumentReference, ParsedSection } from '../core/types.ts';
import { ensureModelIndex, upsertEmbeddings } from './embeddings.ts';
import { chunkLength, storedLexical } from './lexical.ts';
import { addLexicalStats, lockLexicalStats } from './lexical-index.ts';
import { fullTexts } from './section-tree.ts';
import { jsonText, numberKey } from './sql-values.ts';

/** Rows written per statement. */
const BATCH = 500;

/** A document's row to insert: its new id, and its version (1, or one more than the version it replaces). */
export interface DocumentRowToInsert {
  id: string;
  doc: NewDocument;
  version: number;
}

/** Documents' rows per statement: they carry the whole text twice (repaired and as extracted). */
const DOCUMENT_BATCH = 50;

/** Inserts the `documents` rows. */
export async function insertDocumentRows(tx: Db, items: DocumentRowToInsert[]): Promise<void> {
  const rows = items.map(({ id, doc, version }) => {
    const m = doc.metadata;
    return {
      id, source: doc.source, content_hash: doc.contentHash, type: m.type, number: m.number, number_key: numberKey(m.number),
      title: m.title, issuer: m.issuer, signer: m.signer, signer_role: m.signerRole, place: m.place, issued_on: m.issuedOn,
      year: m.year, year_source: m.yearSource, status: doc.status, version, warnings: doc.warnings, text: doc.text,
      embedding_model: doc.embeddingModel, section_count: doc.sections.length, chunk_count: doc.chunks.length,
      source_text: doc.sourceText ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += DOCUMENT_BATCH) {
    await tx.query(
      `INSERT INTO documents (id, source, content_hash, type, number, number_key, title, issuer, signer,
         signer_role, place, issued_on, year, year_source, status, version, warnings, text, embedding_model,
         section_count, chunk_count, source_text)
       SELECT x.id, x.source, x.content_hash, x.type, x.number, x.number_key, x.title, x.issuer, x.signer,
         x.signer_role, x.place, x.issued_on, x.year, x.year_source, x.status, x.version, x.warnings, x.text,
         x.embedding_model, x.section_count, x.chunk_count, x.source_text
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, source text, content_hash text, type text, number text,
         number_key text, title text, issuer text, signer text, signer_role text, place text, issued_on date, year int,
         year_source text, status text, version int, warnings jsonb, text text, embedding_model text,
         section_count int, chunk_count int, source_text text)`,
      [jsonText(rows.slice(i, i + DOCUMENT_BATCH))],
    );
  }
}

/** Inserts the documents' sections with their full text; returns, per document, section id by section `order`. */
export async function insertSections(tx: Db, docs: Array<{ documentId: string; sections: ParsedSection[] }>): Promise<Array<Map<number, string>>> {
  const ids: Array<Map<number, string>> = [];
  const rows = docs.flatMap(({ documentId, sections }) => {
    const full = fullTexts(sections);
    const byOrder = new Map<number, string>();
    ids.push(byOrder);
    return sections.map((s) => {
      const id = randomUUID();
      byOrder.set(s.order, id);
      return {
        id, document_id: documentId, label: s.label, heading: s.heading, heading_line: s.headingLine, level: s.level,
        ord: s.order, parent_label: s.parentLabel, body: s.body, full_text: full.get(s.order) ?? s.body,
      };
    });
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.query(
      `INSERT INTO sections (id, document_id, label, heading, heading_line, level, ord, parent_label, body, full_text)
       SELECT x.id, x.document_id, x.label, x.heading, x.heading_line, x.level, x.ord, x.parent_label, x.body, x.full_text
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, document_id uuid, label text, heading text, heading_line text,
         level int, ord int, parent_label text, body text, full_text text)`,
      [JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
  return ids;
}

interface ChunkRow {
  id: string;
  section_id: string;
  document_id: string;
  ord: number;
  text: string;
  search_text: string;
  lexical: string;
  term_ids: number[];
  length: number;
}

/** Builds chunk rows with BM25 weights; fails when a chunk names a section the document does not have. */
function chunkRows({ documentId, chunks, sectionIds }: ChunksOfDocument, avgdl: number): ChunkRow[] {
  return chunks.map((chunk) => {
    const sectionId = sectionIds.get(chunk.sectionOrder);
    if (sectionId === undefined) {
      throw new StoreError(`chunk ${chunk.order} refers to section order ${chunk.sectionOrder}, which does not exist`);
    }
    const tf = chunk.termCounts;
    const { termIds, literal } = storedLexical(tf, avgdl);
    return {
      id: randomUUID(), section_id: sectionId, document_id: documentId, ord: chunk.order, text: chunk.text,
      search_text: chunk.searchText, lexical: literal, term_ids: termIds, length: chunkLength(tf),
    };
  });
}

/** Average chunk length: the collection's, or that of the document's own chunks when the collection is empty. */
function averageLength(stats: { chunkCount: number; totalLength: number }, chunks: ChunkToStore[]): number {
  if (stats.chunkCount > 0 && stats.totalLength > 0) return stats.totalLength / stats.chunkCount;
  const own = chunks.reduce((sum, c) => sum + chunkLength(c.termCounts), 0);
  return chunks.length > 0 && own > 0 ? own / chunks.length : 1;
}

/** One document's chunks, for {@link insertChunks}. */
export interface ChunksOfDocument {
  documentId: string;
  chunks: ChunkToStore[];
  sectionIds: Map<number, string>;
}

/**
 * Inserts the chunks of one or more documents with their lexical weights, and adds them to the document
 * frequencies and statistics in one update; returns each document's new chunk ids in the order of its chunks.
 */
export async function insertChunks(tx: Db, docs: ChunksOfDocument[]): Promise<string[][]> {
  // Each document's weights are those saving the documents one by one would give: the average length counts
  // the documents before it in the batch.
  const running = { ...(await lockLexicalStats(tx)) };
  const perDocument = docs.map((d) => {
    const docRows = chunkRows(d, averageLength(running, d.chunks));
    running.chunkCount += docRows.length;
    running.totalLength += docRows.reduce((sum, r) => sum + r.length, 0);
    return docRows;
  });
  const rows = perDocument.flat();
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.query(
      `INSERT INTO chunks (id, section_id, document_id, ord, text, search_text, lexical, term_ids, length)
       SELECT x.id, x.section_id, x.document_id, x.ord, x.text, x.search_text, x.lexical::sparsevec, x.term_ids, x.length
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, section_id uuid, document_id uuid, ord int, text text,
         search_text text, lexical text, term_ids int[], length int)`,
      [JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
  // Frequencies of the whole batch at once: documents written together share most of their vocabulary.
  const df = new Map<number, number>();
  for (const row of rows) for (const id of row.term_ids) df.set(id, (df.get(id) ?? 0) + 1);
  await addLexicalStats(tx, df, rows.length, rows.reduce((sum, r) => sum + r.length, 0));
  return perDocument.map((docRows) => docRows.map((r) => r.id));
}

/**
 * Stores the vectors the chunks came with, each under its document's model (chunks with an empty vector are
 * skipped); `deferIndex`: see `ensureModelIndex`.
 */
export async function insertChunkEmbeddings(
  tx: Db,
  docs: Array<{ model: string; chunks: ChunkToStore[]; chunkIds: string[] }>,
  deferIndex: boolean,
): Promise<void> {
  const byModel = new Map<string, Array<{ chunkId: string; embedding: number[] }>>();
  for (const doc of docs) {
    const rows = byModel.get(doc.model) ?? [];
    doc.chunks.forEach((c, i) => {
      if (c.embedding.length > 0) rows.push({ chunkId: doc.chunkIds[i]!, embedding: c.embedding });
    });
    byModel.set(doc.model, rows);
  }
  for (const [model, rows] of byModel) {
    if (rows.length === 0) continue;
    await ensureModelIndex(tx, model, rows[0]!.embedding.length, { deferIndex });
    await upsertEmbeddings(tx, model, rows);
  }
}

/** Inserts the references the documents cite, keyed for matching by number. */
export async function insertReferences(tx: Db, docs: Array<{ documentId: string; references: DocumentReference[] }>): Promise<void> {
  const rows = docs.flatMap(({ documentId, references }) =>
    references.map((r, ord) => ({
      document_id: documentId, ord, section_label: r.sectionLabel, type: r.type, number: r.number,
      number_key: numberKey(r.number), ref_date: r.date, issuer: r.issuer, text: r.text,
    })),
  );
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.query(
      `INSERT INTO doc_references (document_id, ord, section_label, type, number, number_key, ref_date, issuer, text)
       SELECT x.document_id, x.ord, x.section_label, x.type, x.number, x.number_key, x.ref_date, x.issuer, x.text
       FROM jsonb_to_recordset($1::jsonb) AS x(document_id uuid, ord int, section_label text, type text, number text,
         number_key text, ref_date date, issuer text, text text)`,
      [JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
}
