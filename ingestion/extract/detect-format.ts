/**
 * Format detection: the extension decides which parser to use, and a look at the first bytes confirms the content
 * agrees, so a `.docx` that is not a zip or a `.txt` that is really a PDF is refused with a clear reason instead of
 * producing garbage or a confusing parser error.
 */

import type { ExtractFormat, ExtractRefusal } from './extract-result.ts';
import { refuse } from './extract-result.ts';
import { reasons } from './reasons.ts';

const FORMAT_BY_EXTENSION: Readonly<Record<string, ExtractFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
};

/** What the first bytes say a file is. `other` means no known container signature (text, or unknown binary). */
export type SniffedKind = 'pdf' | 'zip' | 'ole' | 'other';

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // local file header: any non-empty zip
  [0x50, 0x4b, 0x05, 0x06], // end of central directory first: an empty zip
];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Word 97-2003 .doc and friends
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
// pdf.js accepts the header anywhere in the first 1024 bytes (some generators prepend junk); so do we.
const PDF_HEADER_WINDOW = 1024;

const KIND_LABEL: Readonly<Record<SniffedKind, string>> = {
  pdf: 'PDF',
  zip: 'tệp nén zip hoặc .docx',
  ole: 'tệp Word cũ (.doc)',
  other: 'văn bản hoặc tệp không rõ loại',
};

/** The lower-case extension of a file name (`.docx`), or `''` when there is none. Folders in the name are ignored. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The format a file name asks for, or `undefined` for an unsupported extension. */
export function formatFromExtension(extension: string): ExtractFormat | undefined {
  return Object.hasOwn(FORMAT_BY_EXTENSION, extension) ? FORMAT_BY_EXTENSION[extension] : undefined;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const last = Math.min(bytes.length - PDF_SIGNATURE.length, PDF_HEADER_WINDOW);
  for (let at = 0; at <= last; at++) {
    if (startsWith(bytes, PDF_SIGNATURE, at)) return true;
  }
  return false;
}

/** Classifies a file by its leading bytes. */
export function sniffContent(bytes: Uint8Array): SniffedKind {
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return 'zip';
  if (startsWith(bytes, OLE_SIGNATURE)) return 'ole';
  if (startsWith(bytes, PDF_SIGNATURE)) return 'pdf';
  return 'other';
}

/**
 * Confirms the content matches the format chosen from the extension; returns a refusal when it does not.
 * Text formats only refuse known containers here; other binary content is caught by the text decoder.
 */
export function checkContentMatches(
  format: ExtractFormat,
  extension: string,
  bytes: Uint8Array,
): ExtractRefusal | undefined {
  const kind = sniffContent(bytes);
  if (format === 'pdf') {
    return hasPdfHeader(bytes) ? undefined : refuse(reasons.mismatch(extension, KIND_LABEL[kind]));
  }
  if (format === 'docx') {
    if (kind === 'zip') return undefined;
    return kind === 'ole' ? refuse(reasons.legacyDoc()) : refuse(reasons.mismatch(extension, KIND_LABEL[kind]));
  }
  return kind === 'other' ? undefined : refuse(reasons.mismatch(extension, KIND_LABEL[kind]));
}
