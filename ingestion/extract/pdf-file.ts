/**
 * PDF to plain text with unpdf (pdf.js), run in a worker thread (see pdf-worker.mjs for why). The page count is
 * checked before any page is read; pages are joined with a blank line; a PDF whose pages carry no text is a scan.
 */

import { Worker } from 'node:worker_threads';
import type { ExtractLimits } from './limits.ts';
import type { ExtractResult } from './extract-result.ts';
import { refuse, refuseOverLimit } from './extract-result.ts';
import { reasons } from './reasons.ts';

/** What the worker reports; `undefined` when it died without reporting (crash, out of memory, terminated). */
type WorkerReport =
  | { kind: 'pages'; numPages: number; pages: string[] }
  | { kind: 'too-many-pages'; numPages: number }
  | { kind: 'failed'; password: boolean }
  | { kind: 'out-of-memory' }
  | undefined;

const WORKER_URL = new URL('./pdf-worker.mjs', import.meta.url);

/** Runs the worker on a copy of the bytes; terminates it when the signal fires or once it has reported. */
function runPdfWorker(bytes: Uint8Array, limits: ExtractLimits, signal: AbortSignal): Promise<WorkerReport> {
  return new Promise((resolve) => {
    const copy = bytes.slice(); // transferred to the worker; the caller's bytes stay untouched
    const worker = new Worker(WORKER_URL, {
      workerData: { bytes: copy, maxPages: limits.maxPages },
      transferList: [copy.buffer],
      // A 20 MB file with hundreds of pages fits the default 512 MB comfortably; a decompression trap does not.
      resourceLimits: { maxOldGenerationSizeMb: limits.maxParseMemoryMb },
      // The worker is plain JavaScript: it needs none of the parent's loaders (tsx, vitest), which slow its start.
      execArgv: [],
    });
    const stop = (): void => {
      worker.terminate().catch(() => undefined);
    };
    signal.addEventListener('abort', stop, { once: true });
    let finished = false;
    const finish = (report: WorkerReport): void => {
      if (finished) return;
      finished = true;
      signal.removeEventListener('abort', stop);
      stop();
      resolve(report);
    };
    // `on`, not `once`, for errors: an `error` event with no listener left would be thrown in this thread.
    worker.on('message', (report: WorkerReport) => finish(report));
    worker.on('error', (err: NodeJS.ErrnoException) => finish(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'out-of-memory' } : undefined));
    worker.on('exit', () => finish(undefined));
  });
}

function toResult(report: WorkerReport, limits: ExtractLimits): ExtractResult {
  const { maxPages } = limits;
  if (report === undefined) return refuse(reasons.corruptPdf());
  if (report.kind === 'out-of-memory') return refuseOverLimit(reasons.parseMemory(limits.maxParseMemoryMb));
  if (report.kind === 'failed') return refuse(report.password ? reasons.encryptedPdf() : reasons.corruptPdf());
  if (report.kind === 'too-many-pages') return refuseOverLimit(reasons.tooManyPages(report.numPages, maxPages));
  const pages = report.pages.map((page) => page.replace(/\s+$/u, ''));
  if (pages.every((page) => page.trim() === '')) return refuse(reasons.scannedPdf());
  return { ok: true, text: pages.join('\n\n'), format: 'pdf', pages: report.numPages };
}

/**
 * Extracts the text of a PDF. Encrypted, unreadable, text-less and over-long files are refused; on timeout the
 * worker is terminated, so a runaway parse stops using CPU and memory.
 */
export async function extractPdf(bytes: Uint8Array, limits: ExtractLimits, signal: AbortSignal): Promise<ExtractResult> {
  return toResult(await runPdfWorker(bytes, limits, signal), limits);
}
