/**
 * Ingesting many files (a folder, a province's archive): the documents are saved in batches, one transaction
 * each, so that the statements, the update of the lexical statistics and the commit are paid once per batch
 * rather than once per document. Results still come one per file, in the order of the files.
 *
 * A file that might be a copy or a new version of a document still waiting in the batch (same bytes, same file
 * name or same number) has the batch saved first, so that the store's look-ups see it. A load that adds many
 * chunks against those the collection holds runs as a bulk load: the search indexes are built once at the end
 * instead of being kept up row by row (`DocumentStore.bulkLoad`).
 *
 * In a run analysed in worker threads, files are read and analysed up to `lookahead` files ahead of the one being
 * taken, so that the next batch is ready while this one is being saved; the look-ups, the order and the batches
 * stay those of a run taken file by file.
 */
import type { Logger } from 'pino';
import type { DocumentStore } from '../src/core/ports.ts';
import { numberKey } from '../src/store/sql-values.ts';
import {
  isPrepared,
  type Begun,
  type FileSource,
  type IngestManyOptions,
  type IngestResult,
  type LookupKeys,
  type OnResult,
  type Prepared,
  type Settle,
} from './ingest-types.ts';

/** Documents per transaction… */
const BATCH_DOCUMENTS = 25;
/** …or chunks, whichever comes first (a few very long documents make a batch of their own). */
const BATCH_CHUNKS = 1000;
/** Fewer files than this are never a bulk load. */
const BULK_MIN_FILES = 100;
/**
 * Building an HNSW index once costs about a fifth of inserting the same vectors one by one, so rebuilding pays
 * off once a load adds more than a quarter of the chunks the collection already has; a third leaves a margin
 * (searches run slower while the indexes are missing).
 */
const BULK_SHARE = 1 / 3;

export interface BatchRun {
  files: FileSource[];
  opts: IngestManyOptions;
  onResult?: OnResult;
  /** Reads a file ahead of its turn; `early`: start analysing it too. Never rejects. */
  begin(file: FileSource, early: boolean): Promise<Begun>;
  /** How many files are begun ahead of the one being taken (0: each when its turn comes). */
  lookahead: number;
  prepareFile(file: Begun, opts: IngestManyOptions, settle: Settle): Promise<IngestResult | Prepared>;
  /** Saves a batch; never throws (a document that could not be saved comes back failed). */
  save(batch: Prepared[]): Promise<IngestResult[]>;
  logResult(r: IngestResult): Promise<void>;
  store: Pick<DocumentStore, 'bulkLoad' | 'countActiveChunks'>;
  logger: Logger;
}

/** Whether a document waiting in the batch could be what a look-up with `keys` finds. */
function collides(p: Prepared, keys: LookupKeys): boolean {
  if (p.doc.contentHash === keys.contentHash || p.doc.source === keys.source) return true;
  const key = numberKey(keys.number);
  return key !== null && numberKey(p.doc.metadata.number) === key;
}

/** Runs the files through the pipeline in batches; returns a result per file, in order. */
export async function runBatches(run: BatchRun): Promise<IngestResult[]> {
  const { files, opts } = run;
  const results: IngestResult[] = [];
  // Files read but not yet reported, in order: results already known, and documents waiting to be saved.
  const queue: Array<IngestResult | Prepared> = [];
  let next = 0;

  const waiting = () => queue.filter(isPrepared);
  const full = () => {
    const batch = waiting();
    return batch.length >= BATCH_DOCUMENTS || batch.reduce((n, p) => n + p.doc.chunks.length, 0) >= BATCH_CHUNKS;
  };
  const flush = async () => {
    const saved = await run.save(waiting());
    let k = 0;
    for (const item of queue.splice(0)) {
      const result = isPrepared(item) ? saved[k++]! : item;
      if (!opts.dryRun) await run.logResult(result);
      results.push(result);
      run.onResult?.(result, results.length, files.length);
    }
  };
  const settle: Settle = async (keys) => {
    if (waiting().some((p) => collides(p, keys))) await flush();
  };
  // Files begun ahead of their turn (files[next], files[next + 1], …). Their analyses start early only while
  // files are being stored: a run over files the store already has skips them, and analysing them is waste.
  const ahead: Array<Promise<Begun>> = [];
  let storing = true;
  const begun = (): Promise<Begun> => {
    while (ahead.length < Math.max(1, run.lookahead + 1) && next + ahead.length < files.length) {
      ahead.push(run.begin(files[next + ahead.length]!, run.lookahead > 0 && storing));
    }
    next++;
    return ahead.shift()!;
  };
  /** Takes files until the batch is full (then saves it, or with `untilFull` stops) or none are left. */
  const take = async (untilFull: boolean) => {
    while (next < files.length && !opts.signal?.aborted) {
      const item = await run.prepareFile(await begun(), opts, settle);
      storing = isPrepared(item) || item.outcome !== 'skipped';
      queue.push(item);
      if (waiting().length === 0) await flush();
      else if (full()) {
        if (untilFull) return;
        await flush();
      }
    }
  };
  const rest = async () => {
    await take(false);
    await flush();
  };

  await take(true);
  if (await worthBulkLoading(run, waiting(), files.length - next)) {
    let loading = false;
    try {
      await run.store.bulkLoad(() => {
        loading = true;
        return rest();
      });
    } catch (err) {
      // Only a failure to drop or rebuild the indexes gets here (saving never throws); the files are not lost.
      run.logger.warn({ err }, 'bulk load: the search indexes could not be dropped or rebuilt');
      if (!loading) await rest();
    }
  } else {
    await rest();
  }
  return results;
}

/** Whether the files left (the first batch waiting, `left` more) add enough chunks to rebuild the indexes. */
async function worthBulkLoading(run: BatchRun, batch: Prepared[], left: number): Promise<boolean> {
  if (run.opts.dryRun || run.files.length < BULK_MIN_FILES || batch.length === 0) return false;
  const perDocument = batch.reduce((n, p) => n + p.doc.chunks.length, 0) / batch.length;
  const existing = await run.store.countActiveChunks().catch(() => Number.POSITIVE_INFINITY);
  return perDocument * (batch.length + left) >= existing * BULK_SHARE;
}
