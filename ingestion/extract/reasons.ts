/**
 * Refusal messages shown to admins: a short Vietnamese sentence, then an English gloss in parentheses so logs and
 * tests can match on a stable tag. The caller prefixes the file name.
 */

const KB = 1024;
const MB = 1024 * KB;

/** Human size with one decimal, trailing `.0` dropped: `52.4 MB`, `20 MB`, `900 KB`, `12 B`. */
export function formatSize(bytes: number): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, 'MB'] : bytes >= KB ? [bytes / KB, 'KB'] : [bytes, 'B'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

/** `500.000`, as Vietnamese writes thousands. */
function count(n: number): string {
  return n.toLocaleString('vi-VN');
}

/** `30 giây`, `1,5 giây`, `200 ms`. */
function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây`;
}

/** The extensions we accept, as listed to the admin. */
export const SUPPORTED_EXTENSIONS_TEXT = '.txt, .md, .docx, .pdf, .html';

/** All refusal reasons produced by text extraction. */
export const reasons = {
  empty: (): string => 'Tệp rỗng (empty file)',
  tooLarge: (size: number, limit: number): string =>
    `Tệp quá lớn: ${formatSize(size)}, giới hạn ${formatSize(limit)} (file too large)`,
  unsupported: (extension: string): string =>
    `Định dạng không hỗ trợ: ${extension || '(không có đuôi)'}; hỗ trợ ${SUPPORTED_EXTENSIONS_TEXT} (unsupported type)`,
  binary: (): string => 'Tệp nhị phân, không phải văn bản (binary file)',
  encoding: (): string =>
    'Tệp không phải văn bản UTF-8 hoặc UTF-16, hãy lưu lại với mã UTF-8 (unsupported text encoding)',
  mismatch: (extension: string, actual: string): string =>
    `Nội dung tệp không khớp đuôi ${extension}: thực chất là ${actual} (content does not match extension)`,
  legacyDoc: (): string => 'Tệp Word cũ (.doc) không hỗ trợ, hãy lưu lại thành .docx (legacy .doc file)',
  corruptDocx: (): string => 'Tệp .docx bị hỏng hoặc không đọc được (corrupt docx)',
  unzippedTooLarge: (limit: number): string =>
    `Tệp .docx khi giải nén vượt quá ${formatSize(limit)}, có thể là zip bomb (decompressed size too large)`,
  corruptPdf: (): string => 'Tệp .pdf bị hỏng hoặc không đọc được (corrupt pdf)',
  encryptedPdf: (): string => 'PDF được đặt mật khẩu, không đọc được (encrypted pdf)',
  scannedPdf: (missing: string): string =>
    `PDF không có lớp chữ, có thể là bản quét; để nhận dạng chữ (OCR) cần cài ${missing} (scanned PDF without a text layer)`,
  scannedPdfUnread: (): string =>
    'PDF không có lớp chữ và nhận dạng chữ (OCR) không đọc được chữ nào (scanned PDF without a text layer, OCR found no text)',
  tooManyOcrPages: (pages: number, limit: number): string =>
    `PDF quét có ${pages} trang, giới hạn nhận dạng chữ (OCR) ${limit} trang (too many pages to OCR)`,
  ocrTimeout: (): string => 'Quá thời gian nhận dạng chữ (OCR) bản quét (OCR timeout)',
  ocrFailed: (): string => 'Nhận dạng chữ (OCR) bản quét bị lỗi (OCR failed)',
  tooManyPages: (pages: number, limit: number): string =>
    `PDF có ${pages} trang, giới hạn ${limit} trang (too many pages)`,
  tooManyElements: (limit: number): string =>
    `Tệp có quá nhiều thành phần XML/HTML, vượt giới hạn ${count(limit)} (too many elements, limit ${limit})`,
  textTooLong: (limit: number): string =>
    `Văn bản trong tệp dài quá ${count(limit)} ký tự (text too long, limit ${limit} characters)`,
  parseMemory: (limitMb: number): string =>
    `Đọc tệp cần quá ${limitMb} MB bộ nhớ (parse memory limit ${limitMb} MB)`,
  corruptHtml: (): string => 'Tệp .html không đọc được (unreadable html)',
  timeout: (ms: number): string => `Quá thời gian đọc tệp: hơn ${seconds(ms)} (parse timeout, limit ${ms} ms)`,
  unreadable: (): string => 'Không đọc được tệp (unreadable file)',
} as const;
