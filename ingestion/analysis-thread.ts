/**
 * The body of an analysis thread: analyses the documents the pool posts, one after another, in the order they
 * came, and posts each result back. The thread's analyzer and embedder are made from `workerData`, the same
 * ones the parent uses (see analysis-pool.ts).
 *
 * Output first `{ ready: true }` once loaded. Input: `{ id, job: AnalysisJob }`. Output: `{ id, ok: true, analysed }` or `{ id, ok: false, reason, internal }`,
 * `internal` false when the file's text is the problem (an `IngestError` with that reason).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { IngestError } from '../src/core/errors.ts';
import { embedderFromRecipe } from '../src/embeddings/recipe.ts';
import { loadAbbreviations } from '../src/text/abbreviations.ts';
import { createAnalyzer } from '../src/text/analyze.ts';
import { analyseText, type AnalysisJob } from './analyse.ts';
import type { AnalysisThreadData } from './analysis-pool.ts';

const data = workerData as AnalysisThreadData;
const tools = {
  analyzer: createAnalyzer(loadAbbreviations(data.abbreviationsPath)),
  embedder: data.embedder ? embedderFromRecipe(data.embedder) : null,
  chunkChars: data.chunkChars,
};

// Loaded: from now on a death of this thread is a document's doing, not a thread that cannot run here.
parentPort?.postMessage({ ready: true });

// Jobs are analysed one at a time, in order: a chain, so that a message arriving mid-analysis waits its turn.
let chain = Promise.resolve();
parentPort?.on('message', (message: { id: number; job: AnalysisJob }) => {
  chain = chain.then(async () => {
    try {
      parentPort?.postMessage({ id: message.id, ok: true, analysed: await analyseText(message.job, tools) });
    } catch (err) {
      const known = err instanceof IngestError;
      parentPort?.postMessage({ id: message.id, ok: false, internal: !known, reason: known ? err.reason : String((err as Error)?.message ?? err) });
    }
  });
});
