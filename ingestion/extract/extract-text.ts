/**
 * Entry point of text extraction: picks the parser from the file name, confirms it against the content, enforces
 * the upload limits, and turns every failure into a refusal value. It never throws for bad input and logs nothing;
 * the caller names the file and logs the outcome. .docx, HTML and PDF are parsed in worker threads with a heap
 * cap, so a hostile file can neither block the event loop nor take the process's memory.
 */

import { checkContentMatches, extensionOf, formatFromExtension } from './detect-format.ts';
import type { ExtractFormat, ExtractResult } from './extract-result.ts';
import { refuse, refuseOverLimit } from './extract-result.ts';
import type { ExtractLimits } from './limits.ts';
import { extractDocx, extractHtml } from './markup-file.ts';
import { createMarkupParser, type MarkupParser } from './markup-parser.ts';
import { resolveLimits } from './limits.ts';
import { extractPdf } from './pdf-file.ts';
import { reasons } from './reasons.ts';
import { extractPlainText } from './text-file.ts';
import { runWithTimeout } from './with-timeout.ts';

/** An uploaded file: its name (for the extension) and its content. */
export type UploadedFile = { name: string; bytes: Uint8Array };

// The refusal for an unexpected parser exception, by format.
const CORRUPT_REASON: Readonly<Record<ExtractFormat, () => string>> = {
  txt: reasons.unreadable,
  md: reasons.unreadable,
  html: reasons.corruptHtml,
  docx: reasons.corruptDocx,
  pdf: reasons.corruptPdf,
};

// Whitespace, plus the invisible characters editors leave in "empty" documents.
const BLANK = /^[\s\u200b-\u200d\u2060]*$/u;

function parse(format: Exclude<ExtractFormat, 'pdf'>, bytes: Uint8Array, limits: ExtractLimits, markup: MarkupParser, signal: AbortSignal): Promise<ExtractResult> {
  switch (format) {
    case 'txt':
    case 'md':
      return Promise.resolve(extractPlainText(bytes, format));
    case 'html':
      return extractHtml(bytes, limits, markup, signal);
    case 'docx':
      return extractDocx(bytes, limits, markup, signal);
  }
}

/**
 * Runs the parser under the time limit, mapping a timeout or an exception to a refusal. A PDF bounds itself: its
 * text layer gets the same limit, a scan's OCR its own (see pdf-file.ts).
 */
async function parseBounded(format: ExtractFormat, bytes: Uint8Array, limits: ExtractLimits, markup: MarkupParser): Promise<ExtractResult> {
  try {
    if (format === 'pdf') return await extractPdf(bytes, limits);
    const outcome = await runWithTimeout((signal) => parse(format, bytes, limits, markup, signal), limits.timeoutMs);
    return outcome.done ? outcome.value : refuse(reasons.timeout(limits.timeoutMs));
  } catch {
    return refuse(CORRUPT_REASON[format]());
  }
}

async function extractChecked(file: UploadedFile, limits: ExtractLimits, markup: MarkupParser): Promise<ExtractResult> {
  const { bytes } = file;
  if (!(bytes instanceof Uint8Array)) return refuse(reasons.unreadable());
  const extension = extensionOf(file.name);
  const format = formatFromExtension(extension);
  if (!format) return refuse(reasons.unsupported(extension));
  if (bytes.length === 0) return refuse(reasons.empty());
  if (bytes.length > limits.maxBytes) return refuseOverLimit(reasons.tooLarge(bytes.length, limits.maxBytes));
  const mismatch = checkContentMatches(format, extension, bytes);
  if (mismatch) return mismatch;
  const result = await parseBounded(format, bytes, limits, markup);
  if (!result.ok) return result;
  // A PDF without text is read by OCR or refused as a scan inside the PDF reader; for the other formats nothing to
  // read is empty.
  if (BLANK.test(result.text)) return refuse(reasons.empty());
  return result.text.length > limits.maxTextChars ? refuseOverLimit(reasons.textTooLong(limits.maxTextChars)) : result;
}

/**
 * Extracts the plain text of an uploaded `.txt`, `.md`, `.docx`, `.pdf` or `.html`/`.htm` file.
 *
 * Resolves to `{ ok: true, text, format, pages?, ocr? }` (`ocr` when a scanned PDF was read by OCR), or to
 * `{ ok: false, reason, overLimit? }` for an empty, binary, oversize, corrupt, encrypted, mismatched or unsupported
 * file, a scan that cannot be read (no OCR tools, too many pages, no text found), a zip bomb, a file with too many
 * elements or too much text, a parse that needed more memory or time than allowed. Limits default to
 * `DEFAULT_EXTRACT_LIMITS`; pass any subset to override. `markup` is the worker that reads .docx and HTML (the
 * ingestor keeps one); without it, one is started for this call and ended after it.
 */
export async function extractText(file: UploadedFile, limits?: Partial<ExtractLimits>, markup?: MarkupParser): Promise<ExtractResult> {
  const parser = markup ?? createMarkupParser();
  try {
    return await extractChecked(file, resolveLimits(limits), parser);
  } catch {
    // Defensive: the steps above return values for every bad input we know of; a surprise is still not a crash.
    return refuse(reasons.unreadable());
  } finally {
    if (!markup) await parser.close();
  }
}
