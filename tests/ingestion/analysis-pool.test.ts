/**
 * Documents analysed in worker threads (ingestion/analysis-pool.ts): the same result as in this thread, the
 * file's own errors kept as such, a document that kills its thread failing alone, and threads that cannot
 * start falling back to this thread.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisInThisThread, type AnalysisJob, type DocumentAnalysis } from '../../ingestion/analyse.ts';
import { createAnalysisPool, type AnalysisPoolOptions } from '../../ingestion/analysis-pool.ts';
import { IngestError } from '../../src/core/errors.ts';
import { hashingEmbedderWithRecipe } from '../../src/embeddings/recipe.ts';
import { loadAbbreviations } from '../../src/text/abbreviations.ts';
import { createAnalyzer } from '../../src/text/analyze.ts';

const abbreviationsPath = join(process.cwd(), 'data', 'abbreviations.json');
const { embedder, recipe } = hashingEmbedderWithRecipe();
const here = analysisInThisThread({ analyzer: createAnalyzer(loadAbbreviations(abbreviationsPath)), embedder, chunkChars: 1000 });
const pools: DocumentAnalysis[] = [];

function pool(options: Partial<AnalysisPoolOptions> = {}): DocumentAnalysis {
  const created = createAnalysisPool({
    abbreviationsPath, embedder: recipe, chunkChars: 1000, fallback: here, logger: pino({ level: 'silent' }), ...options,
  });
  pools.push(created);
  return created;
}

async function corpusJobs(): Promise<AnalysisJob[]> {
  const folder = join(process.cwd(), 'data', 'documents');
  const names = (await readdir(folder)).sort();
  return Promise.all(
    names.map(async (source) => ({ source, text: await readFile(join(folder, source), 'utf8'), contentHash: `hash-of-${source}`, extractionNotes: [] })),
  );
}

const directive = (n: number) => `HUYỆN ỦY PHÚ LỘC\nSố ${n}-KH/HU\nKẾ HOẠCH\ntuyên truyền năm 2024\n\nI. MỤC ĐÍCH\n- Nâng cao nhận thức ${n}.\n`;

afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

describe('analysis in worker threads', () => {
  it('gives every bundled document exactly the parse, chunks, terms and vectors this thread gives', async () => {
    const threads = pool({ threads: 2 });
    const jobs = await corpusJobs();
    const [there, local] = await Promise.all([Promise.all(jobs.map((j) => threads.analyse(j))), Promise.all(jobs.map((j) => here.analyse(j)))]);
    expect(there.length).toBe(5);
    expect(there.every((a) => a.chunks.length > 5 && a.embeddingModel === embedder.model)).toBe(true);
    expect(there).toEqual(local);
  });

  it('rejects a text with nothing readable with the reason this thread gives', async () => {
    const job = { source: 'rong.txt', text: ' \n\n ', contentHash: 'h', extractionNotes: [] };
    const local = await here.analyse(job).catch((err: unknown) => err);
    const there = await pool().analyse(job).catch((err: unknown) => err);
    expect(local).toBeInstanceOf(IngestError);
    expect(there).toBeInstanceOf(IngestError);
    expect((there as IngestError).reason).toBe((local as IngestError).reason);
  });

  it('leaves vectors to the caller when the embedder cannot be made in a thread', async () => {
    const analysed = await pool({ embedder: null }).analyse({ source: 'a.txt', text: directive(1), contentHash: 'h', extractionNotes: [] });
    expect(analysed.embeddingModel).toBeNull();
    expect(analysed.chunks.length).toBeGreaterThan(0);
    expect(analysed.chunks.every((c) => c.embedding.length === 0 && c.termCounts.size > 0)).toBe(true);
  });

  it('fails only the document that kills its thread; the documents queued behind it are analysed', async () => {
    const threads = pool({ threads: 1, heapMb: 96 });
    const job = (source: string, text: string) => ({ source, text, contentHash: source, extractionNotes: [] });
    await threads.analyse(job('warm.txt', directive(1))); // loaded: a death from now on is a document's doing
    const huge = `${directive(2)}\n${'- Tuyên truyền sâu rộng trong cán bộ, đảng viên và nhân dân về mọi mặt. '.repeat(300_000)}`;
    const outcomes = await Promise.allSettled([threads.analyse(job('huge.txt', huge)), threads.analyse(job('after.txt', directive(3)))]);
    expect(outcomes[0].status).toBe('rejected');
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(IngestError);
    expect(outcomes[1].status).toBe('fulfilled');
    expect((outcomes[1] as PromiseFulfilledResult<{ parsed: { metadata: { number: string | null } } }>).value.parsed.metadata.number).toBe('3-KH/HU');
  }, 60_000);

  it('analyses in this thread when threads cannot start', async () => {
    const broken = pool({ abbreviationsPath: join(process.cwd(), 'no-such-file.json') });
    const job = { source: 'a.txt', text: directive(4), contentHash: 'h', extractionNotes: [] };
    expect(await broken.analyse(job)).toEqual(await here.analyse(job));
  });
});
