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
import type { StoredDocument } from '../src/core/types.ts';
import { IngestError } from '../src/core/errors.ts';
import type { Analyzer } from '../src/text/analyze.ts';
import { extractText } from './extract/extract-text.ts';
import { ocrWarning } from './extract/extract-result.ts';
import type { ExtractLimits } from './extract/limits.ts';
import { createMarkupParser } from './extract/markup-parser.ts';
import { sourceName } from './source-name.ts';
import { storableText } from '../src/text/storable-text.ts';
import { analysisInThisThread, type Analysed, type DocumentAnalysis } from './analyse.ts';
import { runBatches } from './batch-run.ts';
import type {
  AnalysisOutcome, Begun, FileSource, IngestManyOptions, IngestOptions, IngestOutcome, IngestResult, Ingestor, OnResult, Prepared, Settle,
} from './ingest-types.ts';
import { isPrepared } from './ingest-types.ts';

export type { FileSource, IngestManyOptions, IngestOptions, IngestOutcome, IngestResult, Ingestor, OnResult } from './ingest-types.ts';

/** Runs of fewer files are analysed in this thread: starting a thread (half a second) costs more than it saves. */
const PARALLEL_MIN_FILES = 40;
/**
 * Files read and analysed ahead of the one the store takes, in a parallel run: two batches' worth, so that the
 * threads analyse the next batch while this thread saves one (with fewer, they sat idle during every save). At
 * most this many files' bytes are held at once.
 */
const LOOKAHEAD = 50;

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf', '.html', '.htm'];

export interface IngestorDeps {
  store: DocumentStore;
  embedder: Embedder;
  analyzer: Analyzer;
  logger: Logger;
  limits?: Partial<ExtractLimits>;
  chunkChars?: number;
  /**
   * Where the documents of a many-file run are analysed (worker threads: analysis-pool.ts), with the same
   * analyzer and embedder as above; without it, and for runs of a few files, they are analysed in this thread.
   */
  parallelAnalysis?: DocumentAnalysis;
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
  const here = analysisInThisThread({ analyzer: deps.analyzer, embedder: deps.embedder, chunkChars: deps.chunkChars ?? 1000 });

  /** Reads and hashes a file, to be analysed where `analysis` says (with `early`, starting now). Never rejects. */
  async function begin(file: FileSource, opts: IngestOptions, analysis: DocumentAnalysis, early: boolean): Promise<Begun> {
    const bytes = await file.read().catch(() => null);
    const contentHash = bytes === null ? null : createHash('sha256').update(bytes).digest('hex');
    const started = early && bytes && contentHash ? analyseFile(sourceName(file.name), bytes, contentHash, opts, analysis) : null;
    return { name: file.name, bytes, contentHash, analysis, early: started };
  }

  /** The file's text extracted and analysed. */
  async function analyseFile(source: string, bytes: Uint8Array, contentHash: string, opts: IngestOptions, analysis: DocumentAnalysis): Promise<AnalysisOutcome> {
    try {
      const extracted = await extractText({ name: source, bytes }, deps.limits, markup);
      if (!extracted.ok) throw new IngestError(source, extracted.reason, { overLimit: extracted.overLimit === true });
      const note = ocrWarning(extracted);
      // Postgres text cannot hold NUL, which a text file can carry: the one rule for stored text applies.
      const job = { source, text: storableText(extracted.text), contentHash, extractionNotes: note ? [note] : [], overrides: opts.overrides };
      return { ok: true, analysed: await analysis.analyse(job) };
    } catch (err) {
      return { ok: false, err };
    }
  }

  /** The document to save, its vectors computed here when the analysis left them out. */
  async function toStore(analysed: Analysed, status: 'active' | 'draft'): Promise<NewDocument> {
    const { parsed } = analysed;
    let chunks = analysed.chunks;
    if (analysed.embeddingModel !== deps.embedder.model) {
      const vectors = await deps.embedder.embed(chunks.map((c) => c.searchText));
      chunks = chunks.map((c, i) => ({ ...c, embedding: vectors[i] ?? [] }));
    }
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
  async function prepareFile(file: Begun, opts: IngestOptions, settle: Settle): Promise<IngestResult | Prepared> {
    const started = performance.now();
    const source = sourceName(file.name);
    try {
      if (file.bytes === null || file.contentHash === null) throw new IngestError(source, 'Không đọc được tệp (cannot read file)');
      const { contentHash } = file;
      const base = { source, document: null, parsed: null, replaces: null, reason: null, chunks: 0 };
      if (!opts.dryRun) await settle({ contentHash, source, number: null });
      const existing = opts.dryRun ? null : await deps.store.findByHash(contentHash);
      const sameAsStored = existing?.status === 'active' || (existing?.status === 'draft' && opts.status === 'draft');
      if (existing && sameAsStored && !opts.overrides && !opts.reparse) {
        return { ...base, outcome: 'skipped', document: existing, reason: 'đã có trong kho (same content)', durationMs: ms(started) };
      }
      const outcome = await (file.early ?? analyseFile(source, file.bytes, contentHash, opts, file.analysis));
      if (!outcome.ok) throw outcome.err;
      const { parsed } = outcome.analysed;
      if (!opts.dryRun) await settle({ contentHash, source, number: parsed.metadata.number });
      const replaces = await deps.store.findReplaceable({ number: parsed.metadata.number, issuer: parsed.metadata.issuer, source });
      if (opts.dryRun) return { ...base, outcome: 'parsed', parsed, replaces, durationMs: ms(started) };
      const status = opts.status ?? 'active';
      return { prepared: true, parsed, replaces, status, doc: await toStore(outcome.analysed, status), started };
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
    const begun = await begin({ name: file.name, read: async () => file.bytes }, opts, here, false);
    const ready = await prepareFile(begun, opts, async () => undefined);
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

  const many = (files: FileSource[], opts: IngestManyOptions, onResult?: OnResult) => {
    const parallel = files.length >= PARALLEL_MIN_FILES ? deps.parallelAnalysis : undefined;
    return runBatches({
      files, opts, onResult, prepareFile, save, logResult, store: deps.store, logger: deps.logger,
      begin: (file, early) => begin(file, opts, parallel ?? here, early),
      lookahead: parallel ? LOOKAHEAD : 0,
    });
  };

  return {
    ingestFile,
    ingestMany: (files, opts = {}, onResult) => many(files, opts, onResult),
    async ingestPaths(paths, opts = {}, onResult) {
      const files = (await Promise.all(paths.map(listFiles))).flat();
      return many(files.map((path) => ({ name: path, read: () => readFile(path).catch(() => null) })), opts, onResult);
    },
    close: async () => {
      await markup.close();
      await deps.parallelAnalysis?.close();
    },
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
