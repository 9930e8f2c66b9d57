/**
 * The ingestion pipeline: bytes → text → repaired, parsed document → chunks with terms and vectors → one
 * store transaction. Idempotent (same bytes are skipped), versioned (a new version of the same document
 * replaces it and keeps the old one as history), and one failing file never affects the others. Every outcome,
 * failures included, goes to the ingestion log; a failure the admin sees names the file's problem, never the
 * database's (that goes to the application log).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Logger } from 'pino';
import type { DocumentStore, Embedder, NewDocument } from '../src/core/ports.ts';
import type { DocumentMetadata, ParsedDocument, StoredDocument } from '../src/core/types.ts';
import { IngestError } from '../src/core/errors.ts';
import type { Analyzer } from '../src/text/analyze.ts';
import { extractText } from './extract/extract-text.ts';
import { ocrWarning } from './extract/extract-result.ts';
import type { ExtractLimits } from './extract/limits.ts';
import { createMarkupParser } from './extract/markup-parser.ts';
import { sourceName, titleFromSource } from './source-name.ts';
import { storableText } from '../src/text/storable-text.ts';
import { parseDocument } from './parse-document.ts';
import { chunkSections } from './chunk.ts';
import { runBatches } from './batch-run.ts';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf', '.html', '.htm'];

export interface IngestOptions {
  status?: 'active' | 'draft';
  overrides?: Partial<DocumentMetadata>;
  /** Parse and report without storing. */
  dryRun?: boolean;
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

export interface IngestorDeps {
  store: DocumentStore;
  embedder: Embedder;
  analyzer: Analyzer;
  logger: Logger;
  limits?: Partial<ExtractLimits>;
  chunkChars?: number;
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
  /** When aborted, no further file is started; the files already read are still stored (or reported). */
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
  /** Ends the worker that reads .docx and HTML files. */
  close(): Promise<void>;
}

/**
 * What an admin reads when a file failed for a reason of ours — the database, the embedding model — rather than
 * the file's: the application log has the details (a database error quotes SQL, which admins must not see).
 */
export const INTERNAL_FAILURE = 'Lỗi hệ thống khi xử lý văn bản, vui lòng thử lại sau (internal error)';

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

/** Creates the pipeline. */
export function createIngestor(deps: IngestorDeps): Ingestor {
  // .docx and HTML are read in a worker thread kept between files (see extract/markup-parser.ts).
  const markup = createMarkupParser();

  async function prepare(parsed: ParsedDocument, status: 'active' | 'draft'): Promise<NewDocument> {
    const drafts = chunkSections(parsed, { maxChars: deps.chunkChars ?? 1000 });
    const vectors = await deps.embedder.embed(drafts.map((c) => c.searchText));
    const chunks = drafts.map((c, i) => ({ ...c, terms: deps.analyzer.indexTerms(c.searchText), embedding: vectors[i] ?? [] }));
    return {
      source: parsed.source,
      contentHash: parsed.contentHash,
      metadata: parsed.metadata,
      sections: parsed.sections,
      chunks,
      references: parsed.references,
      force: parsed.force,
      text: parsed.text,
      sourceText: parsed.sourceText,
      warnings: parsed.warnings,
      embeddingModel: deps.embedder.model,
      status,
    };
  }

  /**
   * A file up to the point of storing it: a result already (skipped, parsed only, or failed), or a document
   * ready to save. `settle` runs before each look-up of the store, so that a batch still to be saved can be
   * saved first when the file might be a copy or a new version of a document in it.
   */
  async function prepareFile(file: { name: string; bytes: Uint8Array | null }, opts: IngestOptions, settle: Settle): Promise<IngestResult | Prepared> {
    const started = performance.now();
    const source = sourceName(file.name);
    try {
      if (file.bytes === null) throw new IngestError(source, 'Không đọc được tệp (cannot read file)');
      const contentHash = createHash('sha256').update(file.bytes).digest('hex');
      const base = { source, document: null, parsed: null, replaces: null, reason: null, chunks: 0 };
      if (!opts.dryRun) await settle({ contentHash, source, number: null });
      const existing = opts.dryRun ? null : await deps.store.findByHash(contentHash);
      const sameAsStored = existing?.status === 'active' || (existing?.status === 'draft' && opts.status === 'draft');
      if (existing && sameAsStored && !opts.overrides) {
        return { ...base, outcome: 'skipped', document: existing, reason: 'đã có trong kho (same content)', durationMs: ms(started) };
      }
      const extracted = await extractText({ name: source, bytes: file.bytes }, deps.limits, markup);
      if (!extracted.ok) throw new IngestError(source, extracted.reason, { overLimit: extracted.overLimit === true });
      const note = ocrWarning(extracted);
      // Postgres text cannot hold NUL, which a text file can carry: the one rule for stored text applies.
      const parsed = withTitle(
        parseDocument({ source, text: storableText(extracted.text), contentHash, extractionNotes: note ? [note] : [] }, opts.overrides),
      );
      if (!opts.dryRun) await settle({ contentHash, source, number: parsed.metadata.number });
      const replaces = await deps.store.findReplaceable({ number: parsed.metadata.number, issuer: parsed.metadata.issuer, source });
      if (opts.dryRun) return { ...base, outcome: 'parsed', parsed, replaces, durationMs: ms(started) };
      const status = opts.status ?? 'active';
      return { prepared: true, parsed, replaces, status, doc: await prepare(parsed, status), started };
    } catch (err) {
      return failed(err, source, started);
    }
  }

  /**
   * Saves prepared documents in one transaction; when that fails with more than one, each is saved on its
   * own, so that one failing document never keeps the others out.
   */
  async function save(batch: Prepared[]): Promise<IngestResult[]> {
    if (batch.length === 0) return [];
    if (batch.length > 1) {
      const stored = await deps.store
        .saveDocuments(batch.map((p) => ({ doc: p.doc, replaces: replacedId(p) })))
        .catch((err: unknown) => {
          deps.logger.warn({ err, documents: batch.length }, 'saving a batch failed; saving its documents one by one');
          return null;
        });
      if (stored) return batch.map((p, i) => savedResult(p, stored[i]!));
    }
    const results: IngestResult[] = [];
    for (const p of batch) {
      results.push(
        await deps.store.saveDocument(p.doc, { replaces: replacedId(p) }).then(
          (doc) => savedResult(p, doc),
          (err: unknown) => failed(err, p.parsed.source, p.started),
        ),
      );
    }
    return results;
  }

  function failed(err: unknown, source: string, started: number): IngestResult {
    const known = err instanceof IngestError;
    // The file's problem is the admin's to read; ours (a database error quoting SQL) only goes to the log.
    if (known) deps.logger.warn({ err, source }, 'ingest failed');
    else deps.logger.error({ err, source }, 'ingest failed');
    const result = failure(source, known ? err.reason : INTERNAL_FAILURE, ms(started));
    return known && err.overLimit ? { ...result, overLimit: true } : result;
  }

  async function ingestFile(file: { name: string; bytes: Uint8Array }, opts: IngestOptions = {}): Promise<IngestResult> {
    const ready = await prepareFile(file, opts, async () => undefined);
    const result = isPrepared(ready) ? (await save([ready]))[0]! : ready;
    if (!opts.dryRun) await logResult(result);
    return result;
  }

  async function logResult(r: IngestResult): Promise<void> {
    const outcome = r.outcome === 'parsed' ? 'stored' : r.outcome;
    // One line per file, so progress shows in logs when there is no terminal for the progress bar.
    if (outcome !== 'failed') deps.logger.info({ source: r.source, outcome, documentId: r.document?.id ?? null, chunks: r.chunks, ms: Math.round(r.durationMs) }, 'ingested');
    await deps.store
      .logIngestion({
        source: r.source,
        contentHash: r.document?.contentHash ?? r.parsed?.contentHash ?? null,
        outcome,
        documentId: r.document?.id ?? null,
        message: r.reason ?? '',
        durationMs: Math.round(r.durationMs),
      })
      .catch((err: unknown) => deps.logger.warn({ err }, 'could not write the ingestion log'));
  }

  const many = (files: FileSource[], opts: IngestOptions, onResult?: OnResult) =>
    runBatches({ files, opts, onResult, prepareFile, save, logResult, store: deps.store, logger: deps.logger });

  return {
    ingestFile,
    ingestMany: (files, opts = {}, onResult) => many(files, opts, onResult),
    async ingestPaths(paths, opts = {}, onResult) {
      const files = (await Promise.all(paths.map(listFiles))).flat();
      return many(files.map((path) => ({ name: path, read: () => readFile(path).catch(() => null) })), opts, onResult);
    },
    close: () => markup.close(),
  };
}

/** Only an active document replaces another (a draft's would-be replacement is reported, not applied). */
function replacedId(p: Prepared): string | undefined {
  return p.status === 'active' ? p.replaces?.id : undefined;
}

function savedResult(p: Prepared, document: StoredDocument): IngestResult {
  const outcome: IngestOutcome = p.status === 'draft' ? 'draft' : p.replaces ? 'replaced' : 'stored';
  return {
    source: p.parsed.source, outcome, document, parsed: p.parsed, replaces: p.replaces, reason: null,
    chunks: p.doc.chunks.length, durationMs: ms(p.started),
  };
}

function failure(source: string, reason: string, durationMs: number): IngestResult {
  return { source, outcome: 'failed', document: null, parsed: null, replaces: null, reason, chunks: 0, durationMs };
}

/** How the warning of a title taken from the file name begins (the admin review looks for it). */
export const TITLE_FROM_FILE_NAME = 'Tạm lấy tiêu đề theo tên tệp';

/** A document always has a title: when its text names none, the file name stands in (with a warning). */
function withTitle(parsed: ParsedDocument): ParsedDocument {
  if (parsed.metadata.title.trim() !== '') return parsed;
  const title = titleFromSource(parsed.source);
  const warnings = [...parsed.warnings, `${TITLE_FROM_FILE_NAME}: "${title}"`];
  return { ...parsed, metadata: { ...parsed.metadata, title }, warnings };
}

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return [path];
  const entries = (await readdir(path)).sort();
  const nested = await Promise.all(entries.map((e) => listFiles(join(path, e))));
  // Inside folders, only supported files are taken; a file named explicitly is always tried (and reported).
  return nested.flat().filter((f) => SUPPORTED_EXTENSIONS.includes(extname(f).toLowerCase()));
}

function ms(started: number): number {
  return performance.now() - started;
}
