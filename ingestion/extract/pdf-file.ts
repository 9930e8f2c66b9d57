/**
 * PDF to plain text with unpdf (pdf.js): the page count is checked before any page is read, then the text layer of
 * each page is extracted and pages are joined with a blank line. A PDF whose pages carry no text is a scan.
 */

import { extractText as extractPdfText, getDocumentProxy } from 'unpdf';
import type { ExtractLimits } from './limits.ts';
import type { ExtractResult } from './extract-result.ts';
import { refuse } from './extract-result.ts';
import { reasons } from './reasons.ts';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

// pdf.js log levels: 0 = errors only. Its warnings about odd fonts or broken xref tables would go to the console;
// this module logs nothing, the caller logs the outcome.
const PDFJS_ERRORS_ONLY = 0;

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && error.name === 'PasswordException';
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument | ExtractResult> {
  try {
    // pdf.js may take ownership of (detach) the buffer it is given, so it gets a copy, not the caller's bytes.
    return await getDocumentProxy(bytes.slice(), { verbosity: PDFJS_ERRORS_ONLY });
  } catch (error) {
    return refuse(isPasswordError(error) ? reasons.encryptedPdf() : reasons.corruptPdf());
  }
}

/** Reads the text of every page of an open document; refuses too many pages and text-less (scanned) files. */
async function readPages(pdf: PdfDocument, limits: ExtractLimits): Promise<ExtractResult> {
  if (pdf.numPages > limits.maxPages) return refuse(reasons.tooManyPages(pdf.numPages, limits.maxPages));
  const { text } = await extractPdfText(pdf, { mergePages: false });
  const pages = text.map((page) => page.replace(/\s+$/u, ''));
  if (pages.every((page) => page.trim() === '')) return refuse(reasons.scannedPdf());
  return { ok: true, text: pages.join('\n\n'), format: 'pdf', pages: pdf.numPages };
}

/**
 * Extracts the text of a PDF. Encrypted and unreadable files are refused; the document is destroyed when done or
 * when the signal fires, so a timed-out parse stops working and frees its memory.
 */
export async function extractPdf(bytes: Uint8Array, limits: ExtractLimits, signal: AbortSignal): Promise<ExtractResult> {
  const opened = await openPdf(bytes);
  if ('ok' in opened) return opened;
  let destroyed = false;
  const release = (): void => {
    if (destroyed) return;
    destroyed = true;
    opened.destroy().catch(() => undefined);
  };
  if (signal.aborted) {
    release();
    return refuse(reasons.timeout());
  }
  signal.addEventListener('abort', release, { once: true });
  try {
    return await readPages(opened, limits);
  } catch (error) {
    return refuse(isPasswordError(error) ? reasons.encryptedPdf() : reasons.corruptPdf());
  } finally {
    signal.removeEventListener('abort', release);
    release();
  }
}
