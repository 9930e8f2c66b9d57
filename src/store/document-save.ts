/**
 * The inserts behind `saveDocuments`, each a named step run inside the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { StoreError } from '../core/errors.ts';
import type { ChunkToStore, Db, NewDocument } from '../core/ports.ts';
import type { DocumentReference, ParsedSection } from '../core/types.ts';
import { ensureModelIndex, upsertEmbeddings } from './embeddings.ts';
import { bm25Weights, chunkLength, hashTerms, sparsevecLiteral } from './lexical.ts';
import { addLexicalStats, lockLexicalStats } from './lexical-index.ts';
import { fullTexts } from './section-tree.ts';
import { numberKey } from './sql-values.ts';

/** Rows written per statement. */
const BATCH = 500;

/** Inserts the `documents` row. */
export async function insertDocumentRow(
  tx: Db,
  id: string,
  doc: NewDocument,
  version: number,
): Promise<void> {
  const m = doc.metadata;
  await tx.query(
    `INSERT INTO documents (id, source, content_hash, type, number, number_key, title, issuer, signer,
       signer_role, place, issued_on, year, year_source, status, version, warnings, text, embedding_model,
       section_count, chunk_count, source_text)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date, $13, $14, $15, $16, $17::jsonb, $18, $19,
       $20, $21, $22)`,
    [
      id, doc.source, doc.contentHash, m.type, m.number, numberKey(m.number), m.title, m.issuer, m.signer,
      m.signerRole, m.place, m.issuedOn, m.year, m.yearSource, doc.status, version,
      JSON.stringify(doc.warnings), doc.text, doc.embeddingModel, doc.sections.length, doc.chunks.length,
      doc.sourceText ?? null,
    ],
  );
}

/** Inserts the sections with their full text; returns section id by section `order`. */
export async function insertSections(tx: Db, documentId: string, sections: ParsedSection[]): Promise<Map<number, string>> {
  const full = fullTexts(sections);
  const ids = new Map<number, string>();
  const rows = sections.map((s) => {
    const id = randomUUID();
    ids.set(s.order, id);
    return {
      id, label: s.label, heading: s.heading, heading_line: s.headingLine, level: s.level, ord: s.order,
      parent_label: s.parentLabel, body: s.body, full_text: full.get(s.order) ?? s.body,
    };
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.query(
      `INSERT INTO sections (id, document_id, label, heading, heading_line, level, ord, parent_label, body, full_text)
       SELECT x.id, $1, x.label, x.heading, x.heading_line, x.level, x.ord, x.parent_label, x.body, x.full_text
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, label text, heading text, heading_line text, level int,
         ord int, parent_label text, body text, full_text text)`,
      [documentId, JSON.stringify(rows.slice(i, i + BATCH))],
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
    const tf = hashTerms(chunk.terms);
    return {
      id: randomUUID(), section_id: sectionId, document_id: documentId, ord: chunk.order, text: chunk.text,
      search_text: chunk.searchText, lexical: sparsevecLiteral(bm25Weights(tf, avgdl)), term_ids: [...tf.keys()].sort((a, b) => a - b),
      length: chunkLength(tf),
    };
  });
}

/** Average chunk length: the collection's, or that of the document's own chunks when the collection is empty. */
function averageLength(stats: { chunkCount: number; totalLength: number }, chunks: ChunkToStore[]): number {
  if (stats.chunkCount > 0 && stats.totalLength > 0) return stats.totalLength / stats.chunkCount;
  const own = chunks.reduce((sum, c) => sum + chunkLength(hashTerms(c.terms)), 0);
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

/** Inserts the references the document cites, keyed for matching by number. */
export async function insertReferences(tx: Db, documentId: string, refs: DocumentReference[]): Promise<void> {
  if (refs.length === 0) return;
  const rows = refs.map((r, ord) => ({
    ord, section_label: r.sectionLabel, type: r.type, number: r.number, number_key: numberKey(r.number),
    ref_date: r.date, issuer: r.issuer, text: r.text,
  }));
  await tx.query(
    `INSERT INTO doc_references (document_id, ord, section_label, type, number, number_key, ref_date, issuer, text)
     SELECT $1, x.ord, x.section_label, x.type, x.number, x.number_key, x.ref_date, x.issuer, x.text
     FROM jsonb_to_recordset($2::jsonb) AS x(ord int, section_label text, type text, number text,
       number_key text, ref_date date, issuer text, text text)`,
    [documentId, JSON.stringify(rows)],
  );
}
