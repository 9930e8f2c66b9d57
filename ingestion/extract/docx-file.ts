/**
 * .docx to plain text: the zip is opened with jszip and checked against the decompressed-size limit, then mammoth
 * extracts the raw text (paragraphs separated by blank lines, formatting such as bold dropped).
 */

import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { ExtractLimits } from './limits.ts';
import type { ExtractResult } from './extract-result.ts';
import { refuse } from './extract-result.ts';
import { reasons } from './reasons.ts';
import { checkUnzippedSize } from './zip-size-guard.ts';

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
  const { value } = await mammoth.extractRawText({ buffer });
  return { ok: true, text: value, format: 'docx' };
}
