/**
 * What a document's text becomes before the store sees it: the parsed document (structure, metadata, references,
 * force), its chunks, and each chunk's search terms and vector. Nothing here reads or writes the store, so the
 * work can run in this thread (a few files, an upload) or in worker threads (a folder, an archive: see
 * analysis-pool.ts), where it is about a third of the CPU a load takes.
 */
import type { ChunkToStore, Embedder } from '../src/core/ports.ts';
import type { DocumentMetadata, ParsedDocument } from '../src/core/types.ts';
import type { Analyzer } from '../src/text/analyze.ts';
import { hashTerms } from '../src/store/lexical.ts';
import { parseDocument } from './parse-document.ts';
import { chunkSections } from './chunk.ts';
import { titleFromSource } from './source-name.ts';

/** One document's text, as extracted from its file. */
export interface AnalysisJob {
  source: string;
  /** The extracted text, already storable (no NUL). */
  text: string;
  contentHash: string;
  extractionNotes: string[];
  overrides?: Partial<DocumentMetadata>;
}

/** The document worked out. */
export interface Analysed {
  parsed: ParsedDocument;
  chunks: ChunkToStore[];
  /** The model of the chunks' vectors, or null when none were computed here (every `embedding` is empty). */
  embeddingModel: string | null;
}

/** Where documents are analysed. */
export interface DocumentAnalysis {
  /** Rejects with an `IngestError` when the file's text is the problem (nothing readable in it). */
  analyse(job: AnalysisJob): Promise<Analysed>;
  /** Ends any thread it runs; later jobs start new ones. */
  close(): Promise<void>;
}

/** What the analysis needs; without an embedder, vectors are left to the caller. */
export interface AnalysisTools {
  analyzer: Analyzer;
  embedder: Embedder | null;
  chunkChars: number;
}

/** Parses, chunks, and gives each chunk its terms and (with an embedder) its vector. */
export async function analyseText(job: AnalysisJob, tools: AnalysisTools): Promise<Analysed> {
  const parsed = withTitle(
    parseDocument({ source: job.source, text: job.text, contentHash: job.contentHash, extractionNotes: job.extractionNotes }, job.overrides),
  );
  const drafts = chunkSections(parsed, { maxChars: tools.chunkChars });
  const vectors = tools.embedder ? await tools.embedder.embed(drafts.map((c) => c.searchText)) : [];
  const chunks = drafts.map((c, i) => ({ ...c, termCounts: hashTerms(tools.analyzer.indexTerms(c.searchText)), embedding: vectors[i] ?? [] }));
  return { parsed, chunks, embeddingModel: tools.embedder?.model ?? null };
}

/** Analysis in the calling thread. */
export function analysisInThisThread(tools: AnalysisTools): DocumentAnalysis {
  return { analyse: (job) => analyseText(job, tools), close: async () => undefined };
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
