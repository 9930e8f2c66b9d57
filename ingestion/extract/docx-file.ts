/**
 * .docx to plain text: the zip is opened with jszip and checked against the decompressed-size limit, then mammoth
 * reads the document tree and docx-text.ts writes its text (paragraphs separated by blank lines, formatting such as
 * bold dropped, tables as ` | ` rows).
 */

import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { ExtractLimits } from './limits.ts';
import type { ExtractResult } from './extract-result.ts';
import { refuse } from './extract-result.ts';
import { reasons } from './reasons.ts';
import { checkUnzippedSize } from './zip-size-guard.ts';
import { elementText, type DocxElement } from './docx-text.ts';

/**
 * Reads the document tree through mammoth's public `transformDocument` hook (its raw-text mode flattens tables
 * cell by cell), then hands mammoth an empty document so that no HTML is built.
 */
async function readDocxText(buffer: Buffer): Promise<string> {
  let text = '';
  await mammoth.convertToHtml(
    { buffer },
    {
      transformDocument: (document: DocxElement) => {
        text = elementText(document);
        return { ...document, children: [] };
      },
    },
  );
  return text;
}

/**
 * Extracts the text of a .docx file. A file that is not a readable zip is refused here; exceptions from mammoth
 * (missing parts, broken XML) are left to the caller, which refuses them as a corrupt .docx.
 */
export async function extractDocx(bytes: Uint8Array, limits: ExtractLimits, signal: AbortSignal): Promise<ExtractResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return refuse(reasons.corruptDocx());
  }
  const tooLarge = await checkUnzippedSize(zip, limits.maxUnzippedBytes, signal);
  if (tooLarge) return tooLarge;
  if (signal.aborted) return refuse(reasons.timeout());
  // A Buffer view over the same memory; mammoth only reads it.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { ok: true, text: await readDocxText(buffer), format: 'docx' };
}
