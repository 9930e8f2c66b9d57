/**
 * Plain text and Markdown: decoded and returned unchanged (the ingestion parser strips Markdown emphasis and repairs
 * page-break damage; doing it here would hide what the admin actually uploaded).
 */

import { decodeText } from './decode-text.ts';
import type { ExtractResult } from './extract-result.ts';

/** Extracts the text of a `.txt` or `.md` file. */
export function extractPlainText(bytes: Uint8Array, format: 'txt' | 'md'): ExtractResult {
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, text: decoded.text, format } : decoded;
}
