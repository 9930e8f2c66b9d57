/**
 * The ingestion pipeline: bytes → text → repaired, parsed document → chunks with terms and vectors → one
 * store transaction. Idempotent (same bytes are skipped), versioned (a new version of the same document
 * replaces it and keeps the old one as history), and one failing file never affects the others.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Logger } from 'pino';
import type { DocumentStore, Embedder, NewDocument } from '../src/core/ports.ts';
import type { DocumentMetadata, ParsedDocument, StoredDocument } from '../src/core/types.ts';
import { errorMessage, IngestError } from '../src/core/errors.ts';
import type { Analyzer } from '../src/text/analyze.ts';
import { extractText } from './extract/extract-text.ts';
import { ocrWarning } from './extract/extract-result.ts';
import type { ExtractLimits } from './extract/limits.ts';
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
  ingestFile(file: { name: string; bytes: Uint8Array }, opts?: IngestOptions): Promise<IngestResult>;
  /** Files and folders (recursively, sorted); unsupported files in folders are ignored. */
  ingestPaths(paths: string[], opts?: IngestOptions, onResult?: (r: IngestResult, done: number, total: number) => void): Promise<IngestResult[]>;
}

/** Creates the pipeline. */
export function createIngestor(deps: IngestorDeps): Ingestor {
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
      warnings: parsed.warnings,
      embeddingModel: deps.embedder.model,
      status,
    };
  }

  async function run(file: { name: string; bytes: Uint8Array }, opts: IngestOptions, started: number): Promise<IngestResult> {
    const source = basename(file.name);
    const contentHash = createHash('sha256').update(file.bytes).digest('hex');
    const base = { source, document: null, parsed: null, replaces: null, reason: null, chunks: 0 };
    const existing = opts.dryRun ? null : await deps.store.findByHash(contentHash);
    if (existing && existing.status === 'active' && !opts.overrides) {
      return { ...base, outcome: 'skipped', document: existing, reason: 'đã có trong kho (same content)', durationMs: ms(started) };
    }
    const extracted = await extractText({ name: source, bytes: file.bytes }, deps.limits);
    if (!extracted.ok) throw new IngestError(source, extracted.reason);
    const note = ocrWarning(extracted);
    const parsed = parseDocument({ source, text: extracted.text, contentHash, extractionNotes: note ? [note] : [] }, opts.overrides);
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
      const reason = err instanceof IngestError ? err.reason : errorMessage(err);
      deps.logger.warn({ err, source: file.name }, 'ingest failed');
      result = { source: basename(file.name), outcome: 'failed', document: null, parsed: null, replaces: null, reason, chunks: 0, durationMs: ms(started) };
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
        const r = bytes ? await ingestFile({ name: path, bytes }, opts) : failedRead(path);
        results.push(r);
        onResult?.(r, results.length, files.length);
      }
      return results;
    },
  };
}

function failedRead(path: string): IngestResult {
  return { source: basename(path), outcome: 'failed', document: null, parsed: null, replaces: null, reason: 'Không đọc được tệp (cannot read file)', chunks: 0, durationMs: 0 };
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
