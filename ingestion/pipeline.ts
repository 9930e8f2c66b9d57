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

export interface Ingestor {
  /**
   * One file. Stored under its sanitised name (`sourceName`). With `status: 'draft'`, content already stored
   * (a draft or an active document with the same bytes) is not stored again: the result is `skipped` with it.
   */
  ingestFile(file: { name: string; bytes: Uint8Array }, opts?: IngestOptions): Promise<IngestResult>;
  /** Files and folders (recursively, sorted); unsupported files in folders are ignored. */
  ingestPaths(paths: string[], opts?: IngestOptions, onResult?: (r: IngestResult, done: number, total: number) => void): Promise<IngestResult[]>;
  /** Ends the worker that reads .docx and HTML files. */
  close(): Promise<void>;
}

/**
 * What an admin reads when a file failed for a reason of ours — the database, the embedding model — rather than
 * the file's: the application log has the details (a database error quotes SQL, which admins must not see).
 */
export const INTERNAL_FAILURE = 'Lỗi hệ thống khi xử lý văn bản, vui lòng thử lại sau (internal error)';

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

  async function run(file: { name: string; bytes: Uint8Array }, opts: IngestOptions, started: number): Promise<IngestResult> {
    const source = sourceName(file.name);
    const contentHash = createHash('sha256').update(file.bytes).digest('hex');
    const base = { source, document: null, parsed: null, replaces: null, reason: null, chunks: 0 };
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
    const replaces = await deps.store.findReplaceable({ number: parsed.metadata.number, issuer: parsed.metadata.issuer, source });
    if (opts.dryRun) return { ...base, outcome: 'parsed', parsed, replaces, durationMs: ms(started) };
    const status = opts.status ?? 'active';
    const doc = await prepare(parsed, status);
    const stored = await deps.store.saveDocument(doc, { replaces: status === 'active' ? replaces?.id : undefined });
    const outcome: IngestOutcome = status === 'draft' ? 'draft' : replaces ? 'replaced' : 'stored';
    return { ...base, outcome, document: stored, parsed, replaces, chunks: doc.chunks.length, durationMs: ms(started) };
  }

  async function ingestFile(file: { name: string; bytes: Uint8Array }, opts: IngestOptions = {}): Promise<IngestResult> {
    const started = performance.now();
    let result: IngestResult;
    try {
      result = await run(file, opts, started);
    } catch (err) {
      const known = err instanceof IngestError;
      // The file's problem is the admin's to read; ours (a database error quoting SQL) only goes to the log.
      if (known) deps.logger.warn({ err, source: sourceName(file.name) }, 'ingest failed');
      else deps.logger.error({ err, source: sourceName(file.name) }, 'ingest failed');
      const failed = failure(sourceName(file.name), known ? err.reason : INTERNAL_FAILURE, ms(started));
      result = known && err.overLimit ? { ...failed, overLimit: true } : failed;
    }
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

  return {
    ingestFile,
    async ingestPaths(paths, opts = {}, onResult) {
      const files = (await Promise.all(paths.map(listFiles))).flat();
      const results: IngestResult[] = [];
      for (const path of files) {
        const bytes = await readFile(path).catch(() => null);
        const r = bytes ? await ingestFile({ name: path, bytes }, opts) : failure(sourceName(path), 'Không đọc được tệp (cannot read file)', 0);
        if (!bytes && !opts.dryRun) await logResult(r);
        results.push(r);
        onResult?.(r, results.length, files.length);
      }
      return results;
    },
    close: () => markup.close(),
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
