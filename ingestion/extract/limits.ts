/**
 * Upload limits for text extraction. Every limit is checked before or while parsing so that a hostile file
 * (huge, many pages, zip bomb, parser trap) costs bounded memory and time.
 */

const MB = 1024 * 1024;

/** Limits applied by `extractText`; all configurable per call. */
export type ExtractLimits = {
  /** Largest accepted file, in bytes, checked before any parsing. */
  maxBytes: number;
  /** Largest accepted PDF page count, checked before any page is read. */
  maxPages: number;
  /** Largest total decompressed size of a .docx (zip bomb guard), in bytes. */
  maxUnzippedBytes: number;
  /** Most elements in a .docx's XML parts or an HTML page, counted while reading (a parser trap guard). */
  maxElements: number;
  /** Longest text a file may yield, in characters (every format). */
  maxTextChars: number;
  /** Heap of the worker thread that parses a .docx, an HTML page or a PDF, in MB. */
  maxParseMemoryMb: number;
  /** Longest time a single file may take to parse, in milliseconds. */
  timeoutMs: number;
  /** Largest page count of a scanned PDF that is read with OCR (a few seconds per page). */
  maxOcrPages: number;
  /** Longest time the OCR of one scanned PDF may take, in milliseconds (on top of `timeoutMs`). */
  ocrTimeoutMs: number;
};

/**
 * Defaults sized for real directives: a few hundred KB of text, tens of pages. A 100-page .docx has some tens of
 * thousands of XML elements and a few hundred thousand characters; the limits leave ten times that, while a
 * 147 KB .docx of 48 MB one-letter paragraphs (5 million elements) is refused after reading a tenth of it.
 */
export const DEFAULT_EXTRACT_LIMITS: Readonly<ExtractLimits> = Object.freeze({
  maxBytes: 20 * MB,
  maxPages: 300,
  maxUnzippedBytes: 50 * MB,
  maxElements: 500_000,
  maxTextChars: 3_000_000,
  maxParseMemoryMb: 512,
  timeoutMs: 30_000,
  // About 3–6 s per page on one core at 300 dpi: 50 pages fit in the 5 minutes with two cores.
  maxOcrPages: 50,
  ocrTimeoutMs: 300_000,
});

/**
 * Merges caller overrides over the defaults. A value that is not a positive number (NaN, 0, negative, a string
 * from untyped config) falls back to the default rather than disabling the limit.
 */
export function resolveLimits(overrides: Partial<ExtractLimits> = {}): ExtractLimits {
  const pick = (key: keyof ExtractLimits): number => {
    const value = overrides[key];
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_EXTRACT_LIMITS[key];
  };
  return {
    maxBytes: pick('maxBytes'),
    maxPages: pick('maxPages'),
    maxUnzippedBytes: pick('maxUnzippedBytes'),
    maxElements: pick('maxElements'),
    maxTextChars: pick('maxTextChars'),
    maxParseMemoryMb: pick('maxParseMemoryMb'),
    timeoutMs: pick('timeoutMs'),
    maxOcrPages: pick('maxOcrPages'),
    ocrTimeoutMs: pick('ocrTimeoutMs'),
  };
}
