/**
 * The outcome of extracting text from an uploaded file. A refused file is an expected outcome, so it is a value
 * (`ok: false` with a reason), never an exception.
 */

/** The formats we read; `.htm` files report `html`. */
export type ExtractFormat = 'txt' | 'md' | 'docx' | 'pdf' | 'html';

/**
 * Either the extracted text, or why the file was refused. `reason` is a short Vietnamese sentence followed by an
 * English gloss in parentheses, e.g. `Tệp rỗng (empty file)`; the caller prefixes the file name.
 */
export type ExtractResult =
  | { ok: true; text: string; format: ExtractFormat; pages?: number; ocr?: OcrInfo }
  | { ok: false; reason: string; overLimit?: true };

/** Set when the text was read from page images by OCR: how many pages, and the mean word confidence (0–100). */
export interface OcrInfo {
  pages: number;
  confidence: number;
}

/**
 * The admin's note for a text that came from OCR, e.g. `Văn bản từ OCR, độ tin cậy 87%: …`; null otherwise.
 * It travels as a warning of the parsed document, which the admin review shows before publishing.
 */
export function ocrWarning(result: ExtractResult): string | null {
  if (!result.ok || !result.ocr) return null;
  return `Văn bản từ OCR, độ tin cậy ${Math.round(result.ocr.confidence)}%: đối chiếu với bản quét trước khi công bố`;
}

/** A refusal value. */
export type ExtractRefusal = Extract<ExtractResult, { ok: false }>;

/** Builds a refusal value. */
export function refuse(reason: string): ExtractRefusal {
  return { ok: false, reason };
}

/**
 * A refusal because the file is over a limit on its size or the work it takes (bytes, pages, elements, text,
 * memory): the HTTP API answers these 413, other refusals 422.
 */
export function refuseOverLimit(reason: string): ExtractRefusal {
  return { ok: false, reason, overLimit: true };
}
