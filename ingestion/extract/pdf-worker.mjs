// @ts-check
/**
 * Worker thread that reads a PDF with unpdf (pdf.js) and posts back its page count and the text of each page.
 *
 * Why a worker: pdf.js leaves some of its internal promises without a handler; on a corrupt file they reject
 * after the document has been opened and closed (seen with pdf.js 5.6 in the fuzz test). In the main thread that
 * is an unhandled rejection, which stops a Node process. Here it is confined to a thread that exists for this one
 * file, so it is ignored on purpose. A worker can also be terminated on timeout even while pdf.js computes, and
 * its heap is capped by the caller.
 *
 * Plain JavaScript because worker threads start without the TypeScript loader; the logic (limits, refusals) lives
 * in pdf-file.ts, this file only runs pdf.js.
 *
 * Input (workerData): { bytes: Uint8Array, maxPages: number }.
 * Output (one message): { kind: 'pages', numPages, pages: string[] } | { kind: 'too-many-pages', numPages }
 *   | { kind: 'failed', password: boolean }.
 */

import process from 'node:process';
import { parentPort, workerData } from 'node:worker_threads';

// pdf.js log level 0 = errors only: its warnings about broken files would otherwise reach the console.
const PDFJS_ERRORS_ONLY = 0;

process.on('unhandledRejection', () => {
  // Deliberately ignored: see the file comment. The outcome is what the awaited calls below return or throw.
});

/** @param {Uint8Array} bytes @param {number} maxPages */
async function readPdf(bytes, maxPages) {
  const { getDocumentProxy, extractText } = await import('unpdf');
  const pdf = await getDocumentProxy(bytes, { verbosity: PDFJS_ERRORS_ONLY });
  try {
    if (pdf.numPages > maxPages) return { kind: 'too-many-pages', numPages: pdf.numPages };
    const { text } = await extractText(pdf, { mergePages: false });
    return { kind: 'pages', numPages: pdf.numPages, pages: text };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

try {
  parentPort?.postMessage(await readPdf(workerData.bytes, workerData.maxPages));
} catch (error) {
  const password = error instanceof Error && error.name === 'PasswordException';
  parentPort?.postMessage({ kind: 'failed', password });
}
