/**
 * The shapes the ingestion pipeline works with: what a caller passes and gets back (options, results, the
 * `Ingestor`), and the stages a file goes through on its way to the store (begun, prepared).
 */
import type { NewDocument } from '../src/core/ports.ts';
import type { DocumentMetadata, ParsedDocument, StoredDocument } from '../src/core/types.ts';
import type { Analysed, DocumentAnalysis } from './analyse.ts';

export interface IngestOptions {
  status?: 'active' | 'draft';
  overrides?: Partial<DocumentMetadata>;
  /** Parse and report without storing. */
  dryRun?: boolean;
  /**
   * Read a file again even when the store holds its content, and store the new reading as the next version:
   * after an upgrade whose parser reads some layouts better (a text issued with the document, a table).
   */
  reparse?: boolean;
}

export type IngestOutcome = 'stored' | 'replaced' | 'skipped' | 'draft' | 'failed' | 'parsed';

export interface IngestResult {
  source: string;
  outcome: IngestOutcome;
  document: StoredDocument | null;
  parsed: ParsedDocument | null;
  /** The active document this one replaced (or, for a draft, would replace). */
  replaces: StoredDocument | null;
  reason: string | null;
  /** Refused because the file is over a limit on its size or the work it takes (the HTTP API answers 413). */
  overLimit?: boolean;
  chunks: number;
  durationMs: number;
}

/** A file to ingest whose bytes are read only when its turn comes (null: it could not be read). */
export interface FileSource {
  name: string;
  read(): Promise<Uint8Array | null>;
}

/** Called with each file's result, in the order of the files, as soon as the file is stored or settled. */
export type OnResult = (r: IngestResult, done: number, total: number) => void;

/** Options of a run over many files. */
export interface IngestManyOptions extends IngestOptions {
  /**
   * When aborted, no further file is taken: the files taken are still stored (or reported), and those only read
   * ahead of their turn are left out of the results.
   */
  signal?: AbortSignal;
}

export interface Ingestor {
  /**
   * One file. Stored under its sanitised name (`sourceName`). With `status: 'draft'`, content already stored
   * (a draft or an active document with the same bytes) is not stored again: the result is `skipped` with it.
   */
  ingestFile(file: { name: string; bytes: Uint8Array }, opts?: IngestOptions): Promise<IngestResult>;
  /**
   * Many files, as `ingestFile` would take them one by one, but stored in batches (one transaction each, or
   * one per document when a batch fails); a load large against the collection is a bulk load
   * (`DocumentStore.bulkLoad`).
   */
  ingestMany(files: FileSource[], opts?: IngestManyOptions, onResult?: OnResult): Promise<IngestResult[]>;
  /** Files and folders (recursively, sorted) as `ingestMany`; unsupported files in folders are ignored. */
  ingestPaths(paths: string[], opts?: IngestManyOptions, onResult?: OnResult): Promise<IngestResult[]>;
  /** Ends the worker threads (reading .docx and HTML files, analysing documents). */
  close(): Promise<void>;
}

/** A document parsed, chunked and embedded, ready to save. */
export interface Prepared {
  prepared: true;
  parsed: ParsedDocument;
  /** The active document it would replace. */
  replaces: StoredDocument | null;
  status: 'active' | 'draft';
  doc: NewDocument;
  started: number;
}

/**
 * A file read and hashed, ahead of its turn. In a run analysed in parallel, its analysis may have started too
 * (`early`), so that it is ready by the time the store has taken the files before it.
 */
export interface Begun {
  name: string;
  bytes: Uint8Array | null;
  contentHash: string | null;
  /** Where it is analysed. */
  analysis: DocumentAnalysis;
  /** Its analysis, when it has started. */
  early: Promise<AnalysisOutcome> | null;
}

/** A file's text analysed, or why it could not be. */
export type AnalysisOutcome = { ok: true; analysed: Analysed } | { ok: false; err: unknown };

/** What a file about to be looked up in the store may collide with (see `prepareFile`). */
export interface LookupKeys {
  contentHash: string;
  source: string;
  number: string | null;
}

export type Settle = (keys: LookupKeys) => Promise<void>;

export function isPrepared(x: IngestResult | Prepared): x is Prepared {
  return 'prepared' in x;
}
