/**
 * `DocumentStore` on Postgres + pgvector (PGlite or a server, through the `Db` port).
 */
import { randomUUID } from 'node:crypto';
import { StoreError } from '../core/errors.ts';
import type { Db, DocumentStore, IngestionLogEntry, NewDocument } from '../core/ports.ts';
import type { DocumentStatus, StoredDocument } from '../core/types.ts';
import * as q from './document-queries.ts';
import {
  insertChunkEmbeddings,
  insertChunks,
  insertDocumentRows,
  insertReferences,
  insertSections,
} from './document-save.ts';
import { chunksMissingEmbedding, saveEmbeddings, vectorSearch } from './embeddings.ts';
import { insertForceStatements, selectForceStatements, updateForceLink } from './force-queries.ts';
import { recentIngestions, logIngestion } from './ingestion-log.ts';
import { cachedDf } from './df-cache.ts';
import { lexicalSearch, termFrequencies } from './lexical-index.ts';
import { boundWriteAheadLog, refreshPlannerStats } from './planner-stats.ts';
import { dropSearchIndexes, ensureSearchIndexes } from './search-indexes.ts';

const STATUSES: readonly DocumentStatus[] = ['draft', 'active', 'replaced', 'retired'];
/** Documents whose text as uploaded is kept in memory (the first read goes first). */
const SOURCE_TEXTS_KEPT = 64;

/** Creates the document store. The schema must be migrated first (`migrate(db)`). */
export function createPgDocumentStore(db: Db): DocumentStore {
  // Set while this store runs a bulk load: new models are registered without building their index yet.
  let bulkLoading = false;
  const frequencies = cachedDf(db);
  const sourceTexts = new Map<string, string>();
  // The term frequencies cached for questions are dropped once a write that changed them is over (or failed).
  const written = async <T>(write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      frequencies.forget();
    }
  };
  return {
    findByHash: (hash) => q.selectByHash(db, hash),
    findReplaceable: (query) => q.selectReplaceable(db, query),
    saveDocument: async (doc, opts) => (await written(saveDocuments(db, [{ doc, replaces: opts?.replaces }], bulkLoading)))[0]!,
    saveDocuments: (items) => written(saveDocuments(db, items, bulkLoading)),
    bulkLoad: async (load) => {
      if (bulkLoading) return load();
      bulkLoading = true;
      const restore = async () => {
        bulkLoading = false;
        await ensureSearchIndexes(db);
        await keepPlannerStats(db);
      };
      let result;
      try {
        await dropSearchIndexes(db);
        result = await load();
      } catch (err) {
        // The load's own error is the one to report; indexes not rebuilt now are rebuilt when the store opens.
        await restore().catch(() => undefined);
        throw err;
      }
      await restore();
      return result;
    },
    publish: (id, opts) => publish(db, id, opts?.replaces),
    updateMetadata: (id, patch) => q.updateMetadata(db, id, patch),
    setStatus: (id, status) => {
      if (!STATUSES.includes(status)) return Promise.reject(new StoreError(`unknown status "${String(status)}"`));
      return q.updateStatus(db, id, status);
    },
    deleteDocument: async (id) => {
      sourceTexts.delete(id);
      await written(q.deleteDocument(db, id));
      await keepPlannerStats(db);
    },
    getDocument: (id) => q.selectDocument(db, id),
    documentText: (id) => q.selectDocumentText(db, id),
    documentSourceText: async (id) => {
      // A document's text never changes (a new version is a new document); every answer's quotes are checked against it.
      const known = sourceTexts.get(id);
      if (known !== undefined) return known;
      const text = await q.selectDocumentSourceText(db, id);
      if (text === null) return null;
      if (sourceTexts.size >= SOURCE_TEXTS_KEPT) sourceTexts.delete(sourceTexts.keys().next().value as string);
      sourceTexts.set(id, text);
      return text;
    },
    listDocuments: (filter) => q.selectDocuments(db, filter),
    history: (id) => q.selectHistory(db, id),
    getSections: (id) => q.selectSections(db, id),
    getSectionsByIds: (ids) => q.selectSectionsByIds(db, ids),
    getOutlines: (ids) => q.selectOutlines(db, ids),
    getOpeningTexts: (ids) => q.selectOpeningTexts(db, ids),
    getReferences: (id) => q.selectReferences(db, id),
    findReferences: (number, limit, documentIds) => q.selectReferenceHits(db, number, limit, documentIds),
    countActiveChunks: () => q.countActiveChunks(db),
    collectionStamp: () => q.selectCollectionStamp(db),
    forceStatements: (filter) => selectForceStatements(db, filter),
    setForceLink: (id, link) => updateForceLink(db, id, link),
    lexicalSearch: (terms, filter, limit) => lexicalSearch(db, terms, filter, limit, undefined, frequencies),
    termFrequencies: (terms) => termFrequencies(frequencies, terms),
    vectorSearch: (model, vector, filter, limit) => vectorSearch(db, model, vector, filter, limit),
    chunksMissingEmbedding: (model, limit) => chunksMissingEmbedding(db, model, limit),
    saveEmbeddings: (model, rows) => saveEmbeddings(db, model, rows),
    logIngestion: (entry: IngestionLogEntry) => logIngestion(db, entry),
    recentIngestions: (limit) => recentIngestions(db, limit),
    ping: async () => {
      await db.query('SELECT 1');
    },
    close: () => db.close(),
  };
}

/**
 * One transaction for all the documents: each one's row, sections, chunks with lexical weights, vectors,
 * references, statements of force, and (when stored active with `replaces`) the old version marked replaced;
 * the lexical statistics are updated once. Any failure leaves no trace of any of them.
 */
async function saveDocuments(
  db: Db,
  items: Array<{ doc: NewDocument; replaces?: string }>,
  deferIndex: boolean,
): Promise<StoredDocument[]> {
  if (items.length === 0) return [];
  const ids = items.map(() => randomUUID());
  await db.transaction(async (tx) => {
    const olds: Array<StoredDocument | null> = [];
    for (const { replaces } of items) olds.push(replaces === undefined ? null : await q.requireDocument(tx, replaces));
    await insertDocumentRows(tx, items.map(({ doc }, i) => ({ id: ids[i]!, doc, version: (olds[i]?.version ?? 0) + 1 })));
    const sectionIds = await insertSections(tx, items.map(({ doc }, i) => ({ documentId: ids[i]!, sections: doc.sections })));
    const chunkIds = await insertChunks(tx, items.map(({ doc }, i) => ({ documentId: ids[i]!, chunks: doc.chunks, sectionIds: sectionIds[i]! })));
    const vectors = items.map(({ doc }, i) => ({ model: doc.embeddingModel, chunks: doc.chunks, chunkIds: chunkIds[i]! }));
    await insertChunkEmbeddings(tx, vectors, deferIndex);
    await insertReferences(tx, items.map(({ doc }, i) => ({ documentId: ids[i]!, references: doc.references })));
    await insertForceStatements(tx, items.map(({ doc }, i) => ({ documentId: ids[i]!, statements: doc.force ?? [] })));
    for (const [i, { doc }] of items.entries()) {
      const old = olds[i];
      if (old && doc.status === 'active') await q.markReplaced(tx, old.id, ids[i]!);
    }
  });
  // A bulk load refreshes the statistics once, at its end.
  if (!deferIndex) await keepPlannerStats(db);
  return q.requireDocuments(db, ids);
}

/**
 * Makes a draft active — or restores a replaced or retired version; with `replaces`, the old version becomes
 * `replaced` in the same transaction.
 */
async function publish(db: Db, id: string, replaces: string | undefined): Promise<StoredDocument> {
  await db.transaction(async (tx) => {
    const doc = await q.requireDocument(tx, id);
    let version = doc.version;
    if (replaces !== undefined && replaces !== id) {
      const old = await q.requireDocument(tx, replaces);
      version = old.version + 1;
      await q.markReplaced(tx, old.id, id);
    }
    await tx.query(`UPDATE documents SET status = 'active', version = $2, replaced_by = NULL, updated_at = now() WHERE id = $1`, [
      id,
      version,
    ]);
  });
  return q.requireDocument(db, id);
}

/**
 * Refreshes planner statistics after the collection changed size, and keeps an embedded store's log bounded.
 * The change itself is committed by then, so a failure here (the database went away) must not report it as
 * failed: the next save tries again.
 */
async function keepPlannerStats(db: Db): Promise<void> {
  try {
    await refreshPlannerStats(db);
    await boundWriteAheadLog(db);
  } catch {
    // Stale statistics only slow queries down, and an unrecycled log only takes disk; nothing is lost.
  }
}
