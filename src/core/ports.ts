/**
 * Ports: the roles the answer engine and the ingestion pipeline depend on.
 * Implementations live in src/store, src/embeddings and src/llm; fakes for tests in tests/fakes.
 */
import type {
  ChunkDraft,
  DocumentMetadata,
  DocumentReference,
  DocumentStatus,
  OutlineEntry,
  ParsedSection,
  StoredDocument,
  StoredSection,
} from './types.ts';
import type { ForceStatement, StoredForceStatement } from './force.ts';

/** Turns texts into vectors. `model` names the model so the store never mixes vectors of two models. */
export interface Embedder {
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

/** The narrowest database seam (pg-boss style): every backend is reached through this. */
export interface Db {
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction; the `Db` passed to it is bound to that transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Which backend this is, for logs and readiness: `pglite` or `postgres`. */
  readonly kind: 'pglite' | 'postgres';
}

/**
 * A chunk ready to store: its draft, its lexical terms hashed (term id of `store/lexical.ts` `termId` → count; the
 * analysis thread hashes them, so the thread writing to the store gets numbers, not strings) and its vector.
 */
export interface ChunkToStore extends ChunkDraft {
  termCounts: Map<number, number>;
  embedding: number[];
}

/** Everything needed to store one document in one transaction. */
export interface NewDocument {
  source: string;
  contentHash: string;
  metadata: DocumentMetadata;
  sections: ParsedSection[];
  chunks: ChunkToStore[];
  references: DocumentReference[];
  /** Statements of force (replaces, abolishes, amends, takes effect …); none when absent. */
  force?: ForceStatement[];
  text: string;
  /** The text as uploaded, before repair. */
  sourceText?: string;
  warnings: string[];
  embeddingModel: string;
  /** `active` to publish at once (CLI, bundled corpus) or `draft` for admin review. */
  status: 'draft' | 'active';
}

/** Restricts a search to some documents. Only `active` documents are ever searched. */
export interface SearchFilter {
  years?: number[];
  documentIds?: string[];
}

/** A chunk found by a search, with its section and document. */
export interface ChunkHit {
  chunkId: string;
  documentId: string;
  sectionId: string;
  sectionLabel: string;
  text: string;
  /** Higher is better: BM25 score for lexical search, cosine similarity for vector search. */
  score: number;
}

/** Filter for listing documents. */
export interface DocumentListFilter {
  year?: number;
  type?: string;
  issuer?: string;
  status?: DocumentStatus | DocumentStatus[];
}

/** One line of the ingestion log. */
export interface IngestionLogEntry {
  source: string;
  contentHash: string | null;
  outcome: 'stored' | 'skipped' | 'replaced' | 'failed' | 'draft';
  documentId: string | null;
  message: string;
  durationMs: number;
}

/** Where a referenced document number is cited. */
export interface ReferenceHit {
  documentId: string;
  sectionLabel: string;
  /** The cited section's id (null when the label names no stored section). */
  sectionId: string | null;
  number: string | null;
  type: string | null;
  /** The cited document's date as the citation gives it (YYYY-MM-DD), null when it gives none. */
  date: string | null;
  text: string;
}

/**
 * Documents, sections, chunks and their search indexes.
 * Lexical search is BM25 (IDF from stored document frequencies); vector search is pgvector cosine.
 */
export interface DocumentStore {
  /** Active or draft document with exactly these bytes. */
  findByHash(contentHash: string): Promise<StoredDocument | null>;
  /** Active document that a new one with this number+issuer or this source file name would replace. */
  findReplaceable(q: { number: string | null; issuer: string | null; source: string }): Promise<StoredDocument | null>;
  /**
   * Stores a document, its sections, chunks, terms, vectors and references in one transaction.
   * With `replaces`, that document becomes `replaced` (replaced_by = the new id) in the same transaction
   * when the new one is stored `active`; the new version number is the old one + 1.
   */
  saveDocument(doc: NewDocument, opts?: { replaces?: string }): Promise<StoredDocument>;
  /** Stores several documents, each as `saveDocument` would, in one transaction: all of them or none. */
  saveDocuments(items: Array<{ doc: NewDocument; replaces?: string }>): Promise<StoredDocument[]>;
  /**
   * Runs a bulk load (`load` saves many documents): the search indexes that cost more to keep up row by row
   * than to build once are dropped first and built again at the end, also when `load` fails. Searches
   * meanwhile stay correct but are slower.
   */
  bulkLoad<T>(load: () => Promise<T>): Promise<T>;
  /** Publishes a draft: makes it active and, if it replaces one, retires the old in the same transaction. */
  publish(documentId: string, opts?: { replaces?: string }): Promise<StoredDocument>;
  /** Changes metadata fields (admin override). */
  updateMetadata(documentId: string, patch: Partial<DocumentMetadata>): Promise<StoredDocument>;
  setStatus(documentId: string, status: DocumentStatus): Promise<void>;
  deleteDocument(documentId: string): Promise<void>;
  getDocument(documentId: string): Promise<StoredDocument | null>;
  /** The repaired full text of a document (what quotes are checked against), or null. */
  documentText(documentId: string): Promise<string | null>;
  /** The text as uploaded, before repair (the repaired text for documents stored before it was kept). */
  documentSourceText(documentId: string): Promise<string | null>;
  listDocuments(filter?: DocumentListFilter): Promise<StoredDocument[]>;
  /** Versions of a document: every document sharing its number+issuer or source, newest first. */
  history(documentId: string): Promise<StoredDocument[]>;
  getSections(documentId: string): Promise<StoredSection[]>;
  getSectionsByIds(sectionIds: string[]): Promise<StoredSection[]>;
  /** The outline (labels, headings, parents, no text) of each given document, by document id, in one query. */
  getOutlines(documentIds: string[]): Promise<Map<string, OutlineEntry[]>>;
  /** The opening part (label `""`) of each given document, by document id, in one query (for the catalog). */
  getOpeningTexts(documentIds: string[]): Promise<Map<string, string>>;
  getReferences(documentId: string): Promise<DocumentReference[]>;
  /** Where a document number (canonical form) is cited, across active documents. */
  /**
   * Sections of active documents citing `number`, newest documents first; at most `limit` when given, only in
   * `documentIds` when given (non-empty).
   */
  findReferences(number: string, limit?: number, documentIds?: string[]): Promise<ReferenceHit[]>;
  countActiveChunks(): Promise<number>;
  /**
   * A value that changes whenever the documents or their statements of force change (a save, a publish, a status
   * or metadata change, a delete, an admin's link), here or on another replica: readers that cache the collection
   * reload it only then.
   */
  collectionStamp(): Promise<string>;
  /**
   * Statements of force of the documents with these statuses (default: active) and of these documents, with
   * their links as stored; targets linked `auto` are matched to the collection by whoever reads them.
   */
  forceStatements(filter?: { statuses?: DocumentStatus[]; documentIds?: string[] }): Promise<StoredForceStatement[]>;
  /**
   * An admin's correction of the document a statement names: one of the collection, none (`documentId: null`),
   * or `auto` (by number again). Null when the statement does not exist.
   */
  setForceLink(statementId: number, link: { documentId: string | null } | 'auto'): Promise<StoredForceStatement | null>;

  /** BM25 over the stored terms; `terms` maps a query term to its weight multiplier (usually 1). */
  lexicalSearch(terms: Map<string, number>, filter: SearchFilter, limit: number): Promise<ChunkHit[]>;
  vectorSearch(model: string, vector: number[], filter: SearchFilter, limit: number): Promise<ChunkHit[]>;
  /** Document frequency of each lexical term (0 when unseen) and the chunk count it is relative to. */
  termFrequencies(terms: string[]): Promise<{ total: number; df: Map<string, number> }>;
  /** Chunks of active documents without a vector for `model` (used when the embedding model changes). */
  chunksMissingEmbedding(model: string, limit: number): Promise<Array<{ chunkId: string; searchText: string }>>;
  saveEmbeddings(model: string, rows: Array<{ chunkId: string; embedding: number[] }>): Promise<void>;

  logIngestion(entry: IngestionLogEntry): Promise<void>;
  recentIngestions(limit: number): Promise<Array<IngestionLogEntry & { at: Date }>>;

  /** Quick round trip for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Short-lived memory of chats and conversations, shared by every replica through the database: the answer
 * engine's follow-up state, a channel's numbered items and pending confirmations, button data. Values are
 * JSON; each owner prefixes its keys (`conversation:`, `zalo:`, `tg:button:` …) and validates what it reads,
 * since the store does not know their shapes.
 */
export interface ChatMemory {
  /** The value saved under `key`, or null when there is none or it expired. */
  get(key: string): Promise<unknown>;
  /** Saves `value` under `key` for `ttlSeconds`, replacing what was there. */
  put(key: string, value: unknown, ttlSeconds: number): Promise<void>;
}

/** Time, injected so "năm nay" and expiry are testable. */
/** The unit each conversation set (`/donvi`, `đơn vị`, the API), in the database so every replica sees it. */
export interface UnitBook {
  /** The unit's name as understood when it was set; null when none is set. */
  get(conversationId: string): Promise<string | null>;
  put(conversationId: string, unit: { name: string; typed: string }): Promise<void>;
  /** Forgets the unit; returns the name it had, or null when none was set. */
  remove(conversationId: string): Promise<string | null>;
}

export interface Clock {
  now(): Date;
}
