/** Public API of text extraction from uploaded files. */

export { extractText } from './extract-text.ts';
export type { UploadedFile } from './extract-text.ts';
export type { ExtractFormat, ExtractResult, OcrInfo } from './extract-result.ts';
export { ocrWarning } from './extract-result.ts';
export { DEFAULT_EXTRACT_LIMITS } from './limits.ts';
export { createMarkupParser } from './markup-parser.ts';
export type { MarkupParser } from './markup-parser.ts';
export type { ExtractLimits } from './limits.ts';
