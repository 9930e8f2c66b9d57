/**
 * Documents analysed in worker threads (analysis-thread.ts), so that a load of many files parses, chunks and
 * embeds the next documents while this thread writes the previous ones to the store: on two cores that is most
 * of the analysis hidden behind the database's work.
 *
 * Jobs are posted as soon as they come, so a thread never waits for this one (which is busy inside the database
 * for tens of milliseconds at a time); each thread answers in order. A thread that dies (out of memory on some
 * pathological file) fails the job it was running, and its other jobs go to a fresh thread. When threads cannot
 * start at all, the jobs are analysed in this thread instead, and the log says so. Idle threads end after a while.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { IngestError } from '../src/core/errors.ts';
import type { EmbedderRecipe } from '../src/embeddings/recipe.ts';
import type { Analysed, AnalysisJob, DocumentAnalysis } from './analyse.ts';

/** What a thread makes its analyzer and embedder from (the parent's own, described). */
export interface AnalysisThreadData {
  abbreviationsPath: string;
  /** Null: the thread leaves vectors to the parent (a remote model). */
  embedder: EmbedderRecipe | null;
  chunkChars: number;
}

export interface AnalysisPoolOptions extends AnalysisThreadData {
  /** Used when no thread can start. */
  fallback: DocumentAnalysis;
  logger: Logger;
  /** Default: one less than the cores, at least one, at most four. */
  threads?: number;
  idleMs?: number;
  /** Heap cap of each thread, in MB. */
  heapMb?: number;
}

/** What a thread answers. */
type Reply = { ready: true } | { id: number; ok: true; analysed: Analysed } | { id: number; ok: false; internal: boolean; reason: string };

interface Job {
  id: number;
  job: AnalysisJob;
  resolve(analysed: Analysed): void;
  reject(err: Error): void;
}

interface Thread {
  worker: Worker;
  /** Posted and not answered, in the order posted (the first is the one running). */
  pending: Job[];
  /** Loaded (it said so): a death after this is the doing of the document it was running. */
  ready: boolean;
}

const WORKER_URL = new URL('./analysis-worker.mjs', import.meta.url);
const DEFAULT_IDLE_MS = 30_000;
/** Heap cap of a thread: far above any document under the upload limit, below the machine's memory. */
const THREAD_HEAP_MB = 2048;
/** Why a file that killed its thread failed. */
const ANALYSIS_CRASHED = 'không phân tích được văn bản, tệp quá phức tạp (analysis ran out of resources)';

export function defaultAnalysisThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** Creates the pool; no thread starts until the first job. */
export function createAnalysisPool(options: AnalysisPoolOptions): DocumentAnalysis {
  const size = options.threads ?? defaultAnalysisThreads();
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const heapMb = options.heapMb ?? THREAD_HEAP_MB;
  const data: AnalysisThreadData = { abbreviationsPath: options.abbreviationsPath, embedder: options.embedder, chunkChars: options.chunkChars };
  const threads: Thread[] = [];
  let nextId = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let broken = false;

  function spawn(): Thread {
    const worker = new Worker(WORKER_URL, { workerData: data, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    const thread: Thread = { worker, pending: [], ready: false };
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        thread.ready = true;
        return;
      }
      const at = thread.pending.findIndex((j) => j.id === reply.id);
      if (at < 0) return;
      const [job] = thread.pending.splice(at, 1);
      if (reply.ok) job!.resolve(reply.analysed);
      else job!.reject(reply.internal ? new Error(reply.reason) : new IngestError(job!.job.source, reply.reason));
      settled(thread);
    });
    // `on`, not `once`: an `error` event with no listener left would be thrown in this thread.
    worker.on('error', (err) => died(thread, err));
    worker.on('exit', (code) => died(thread, new Error(`analysis thread exited with code ${code}`)));
    threads.push(thread);
    return thread;
  }

  function died(thread: Thread, err: Error): void {
    const at = threads.indexOf(thread);
    if (at < 0) return;
    threads.splice(at, 1);
    void thread.worker.terminate().catch(() => undefined);
    const [running, ...rest] = thread.pending.splice(0);
    if (!thread.ready) {
      // It never loaded: threads cannot run here (a missing loader, no memory); this thread does the work.
      broken = true;
      options.logger.warn({ err }, 'analysis threads cannot start; documents are analysed in the main thread');
      for (const job of [running, ...rest]) if (job) runHere(job);
      return;
    }
    options.logger.warn({ err, source: running?.job.source }, 'an analysis thread died on a document');
    running?.reject(new IngestError(running.job.source, ANALYSIS_CRASHED, { cause: err }));
    for (const job of rest) post(job);
    refreshIdle();
  }

  function runHere(job: Job): void {
    options.fallback.analyse(job.job).then(job.resolve, job.reject);
  }

  function post(job: Job): void {
    if (broken) return runHere(job);
    clearTimeout(idleTimer);
    const free = threads.find((t) => t.pending.length === 0);
    const thread = free ?? (threads.length < size ? spawn() : threads.reduce((a, b) => (b.pending.length < a.pending.length ? b : a)));
    thread.pending.push(job);
    thread.worker.ref(); // a thread with work keeps the process alive until the work is done
    thread.worker.postMessage({ id: job.id, job: job.job });
  }

  function settled(thread: Thread): void {
    if (thread.pending.length === 0) thread.worker.unref();
    refreshIdle();
  }

  function refreshIdle(): void {
    clearTimeout(idleTimer);
    if (threads.some((t) => t.pending.length > 0)) return;
    idleTimer = setTimeout(() => void endAll(), idleMs);
    idleTimer.unref();
  }

  async function endAll(): Promise<void> {
    clearTimeout(idleTimer);
    const ending = threads.splice(0);
    await Promise.all(ending.map((t) => t.worker.terminate().catch(() => undefined)));
    for (const t of ending) for (const job of t.pending) job.reject(new Error('the analysis pool was closed'));
  }

  return {
    analyse: (job) => new Promise<Analysed>((resolve, reject) => post({ id: ++nextId, job, resolve, reject })),
    close: endAll,
  };
}
