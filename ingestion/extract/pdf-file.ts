/**
 * PDF to plain text. The text layer is read with unpdf (pdf.js) in a worker thread (see pdf-worker.mjs for why);
 * the page count is checked before any page is read; pages are joined with a blank line. A PDF whose pages carry
 * no text is a scan: it is read with OCR (ocr-pdf.ts) when Tesseract and pdftoppm are installed, under its own
 * page and time limits, and refused with what to install otherwise.
 */

import { Worker } from 'node:worker_threads';
import type { ExtractLimits } from './limits.ts';
import type { ExtractResult } from './extract-result.ts';
import { refuse, refuseOverLimit } from './extract-result.ts';
import { missingOcrTools, ocrPdf } from './ocr-pdf.ts';
import { reasons } from './reasons.ts';
import { runWithTimeout } from './with-timeout.ts';

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
    // Transferred to the worker, so it must be a copy: `slice()` of a Node Buffer is a view, and transferring its
    // memory would detach the caller's bytes (which the OCR of a scan reads afterwards).
    const copy = new Uint8Array(bytes);
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

/** The text layer's outcome, or the page count of a PDF whose pages carry no text. */
function toResult(report: WorkerReport, limits: ExtractLimits): ExtractResult | { scanned: number } {
  const { maxPages } = limits;
  if (report === undefined) return refuse(reasons.corruptPdf());
  if (report.kind === 'out-of-memory') return refuseOverLimit(reasons.parseMemory(limits.maxParseMemoryMb));
  if (report.kind === 'failed') return refuse(report.password ? reasons.encryptedPdf() : reasons.corruptPdf());
  if (report.kind === 'too-many-pages') return refuseOverLimit(reasons.tooManyPages(report.numPages, maxPages));
  const pages = report.pages.map((page) => page.replace(/\s+$/u, ''));
  if (pages.every((page) => page.trim() === '')) return { scanned: report.numPages };
  return { ok: true, text: pages.join('\n\n'), format: 'pdf', pages: report.numPages };
}

/** OCR of a scan, under the OCR page and time limits; a refusal says what is missing or what went wrong. */
async function readScan(bytes: Uint8Array, pages: number, limits: ExtractLimits): Promise<ExtractResult> {
  const missing = await missingOcrTools();
  if (missing) return refuse(reasons.scannedPdf(missing));
  if (pages > limits.maxOcrPages) return refuse(reasons.tooManyOcrPages(pages, limits.maxOcrPages));
  let outcome;
  try {
    outcome = await runWithTimeout((signal) => ocrPdf(bytes, pages, signal), limits.ocrTimeoutMs);
  } catch {
    return refuse(reasons.ocrFailed());
  }
  if (!outcome.done) return refuse(reasons.ocrTimeout());
  const { text, confidence } = outcome.value;
  if (text.trim() === '') return refuse(reasons.scannedPdfUnread());
  return { ok: true, text, format: 'pdf', pages, ocr: { pages, confidence } };
}

/**
 * Extracts the text of a PDF within the limits: the text layer within `timeoutMs` (the worker is terminated on
 * timeout, so a runaway parse stops using CPU and memory), then, for a scan, OCR within `maxOcrPages` and
 * `ocrTimeoutMs`. Encrypted, unreadable and over-long files are refused.
 */
export async function extractPdf(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractResult> {
  const layer = await runWithTimeout((signal) => runPdfWorker(bytes, limits, signal), limits.timeoutMs);
  if (!layer.done) return refuse(reasons.timeout(limits.timeoutMs));
  const result = toResult(layer.value, limits);
  return 'scanned' in result ? readScan(bytes, result.scanned, limits) : result;
}
