/**
 * Runs .docx and HTML parsing in a worker thread (markup-worker.mjs) with a heap cap, so that no upload can
 * block the event loop or take the process's memory. One worker serves the jobs one after another (starting a
 * worker for every file would cost more than most parses); a job that times out or runs the worker out of
 * memory ends that worker, and the next job gets a fresh one. An idle worker is ended after a while.
 */
import { Worker } from 'node:worker_threads';

/** Limits the worker enforces while reading. */
export interface MarkupLimits {
  maxUnzippedBytes: number;
  maxElements: number;
  maxTextChars: number;
  /** Heap cap of the worker, in MB. */
  maxParseMemoryMb: number;
}

/** One file to parse: the bytes of a .docx, or the decoded source of an HTML page. */
export type MarkupJob = { format: 'docx'; bytes: Uint8Array } | { format: 'html'; text: string };

/** Why the worker refused a file, or how it ended. */
export type MarkupRefusalKind = 'corrupt' | 'unzipped-too-large' | 'too-many-elements' | 'text-too-long' | 'out-of-memory' | 'timeout';

/** The text, or what refused it. */
export type MarkupOutcome = { ok: true; text: string } | { ok: false; kind: MarkupRefusalKind };

/** Parses markup off the main thread. */
export interface MarkupParser {
  /** Resolves with the outcome; the signal (a timeout) ends the job and its worker. Never rejects. */
  parse(job: MarkupJob, limits: MarkupLimits, signal: AbortSignal): Promise<MarkupOutcome>;
  /** Ends the worker; later jobs start a new one. */
  close(): Promise<void>;
}

const WORKER_URL = new URL('./markup-worker.mjs', import.meta.url);
/** An idle worker is ended after this long: it holds some tens of MB for nothing between uploads. */
const DEFAULT_IDLE_MS = 30_000;

interface Pending {
  id: number;
  job: MarkupJob;
  limits: MarkupLimits;
  signal: AbortSignal;
  resolve(outcome: MarkupOutcome): void;
}

/** Creates the parser; no worker starts until the first job. */
export function createMarkupParser(options: { idleMs?: number } = {}): MarkupParser {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const queue: Pending[] = [];
  let worker: { thread: Worker; heapMb: number } | null = null;
  let running: Pending | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 0;

  function end(): void {
    const thread = worker?.thread;
    worker = null;
    void thread?.terminate().catch(() => undefined);
  }

  function finish(outcome: MarkupOutcome): void {
    const job = running;
    running = null;
    job?.resolve(outcome);
    startNext();
  }

  function spawn(heapMb: number): Worker {
    const thread = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      // The worker is plain JavaScript: it needs none of the parent's loaders (tsx, vitest), which slow its start.
      execArgv: [],
    });
    thread.unref(); // an idle parser never keeps the process alive
    thread.on('message', (message: { id: number; result: MarkupOutcome }) => {
      if (running?.id === message.id) finish(message.result);
    });
    // `on`, not `once`: an `error` event with no listener left would be thrown in this thread.
    thread.on('error', (err: NodeJS.ErrnoException) => {
      if (worker?.thread === thread) worker = null;
      if (running) finish({ ok: false, kind: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'corrupt' });
    });
    thread.on('exit', () => {
      if (worker?.thread !== thread) return;
      worker = null;
      if (running) finish({ ok: false, kind: 'corrupt' });
    });
    return thread;
  }

  function startNext(): void {
    clearTimeout(idleTimer);
    if (running) return;
    let next = queue.shift();
    while (next?.signal.aborted) {
      next.resolve({ ok: false, kind: 'timeout' });
      next = queue.shift();
    }
    if (!next) {
      idleTimer = setTimeout(end, idleMs);
      idleTimer.unref();
      return;
    }
    if (worker && worker.heapMb !== next.limits.maxParseMemoryMb) end();
    worker ??= { thread: spawn(next.limits.maxParseMemoryMb), heapMb: next.limits.maxParseMemoryMb };
    running = next;
    const { maxUnzippedBytes, maxElements, maxTextChars } = next.limits;
    const limits = { maxUnzippedBytes, maxElements, maxTextChars };
    if (next.job.format === 'docx') {
      const copy = next.job.bytes.slice(); // transferred to the worker; the caller's bytes stay untouched
      worker.thread.postMessage({ id: next.id, format: 'docx', bytes: copy, limits }, [copy.buffer]);
    } else {
      worker.thread.postMessage({ id: next.id, format: 'html', text: next.job.text, limits });
    }
  }

  return {
    parse(job, limits, signal) {
      return new Promise((resolve) => {
        const pending: Pending = { id: ++nextId, job, limits, signal, resolve };
        signal.addEventListener(
          'abort',
          () => {
            // A running job can only be stopped with its worker; a queued one is just dropped.
            if (running === pending) {
              end();
              finish({ ok: false, kind: 'timeout' });
            } else if (queue.includes(pending)) {
              queue.splice(queue.indexOf(pending), 1);
              resolve({ ok: false, kind: 'timeout' });
            }
          },
          { once: true },
        );
        queue.push(pending);
        startNext();
      });
    },
    async close() {
      clearTimeout(idleTimer);
      const thread = worker?.thread;
      worker = null;
      await thread?.terminate().catch(() => undefined);
    },
  };
}
