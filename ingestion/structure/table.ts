/**
 * Tables in an appendix, as the extractors write them: one row per line, cells separated by `|` (plain-text
 * tables as typed, docx and HTML tables converted by the extractors). The header row names the columns
 * (`STT | Nội dung công việc | Cơ quan chủ trì | …`); each row whose first cell is its number (STT) is a section.
 */

const ROW = /^\|?\s*(\d{1,3})\s*\|(.*)$/u;
const HEADER = /^\|?\s*(?:STT|TT|Số\s*TT|Số\s+thứ\s+tự)\s*\|/iu;

/** One table row: its number (STT) and its cells after the number. */
export interface TableRow {
  number: string;
  cells: string[];
}

/** Splits a `|` row into trimmed cells, dropping the empty cells a leading or trailing `|` leaves. */
export function splitCells(line: string): string[] {
  const cells = line.split('|').map((cell) => cell.trim());
  if (cells[0] === '' && line.trimStart().startsWith('|')) cells.shift();
  if (cells[cells.length - 1] === '' && line.trimEnd().endsWith('|')) cells.pop();
  return cells;
}

/** Reads a numbered table row (`3 | Quán triệt … | Các đảng ủy … | Quý I/2025`); null for any other line. */
export function tableRow(line: string): TableRow | null {
  const m = ROW.exec(line);
  if (!m) return null;
  const cells = splitCells(line).slice(1);
  return cells.some((cell) => cell !== '') ? { number: String(Number(m[1])), cells } : null;
}

/** True for a table's header row (`STT | Nội dung | …`). */
export function isHeaderRow(line: string): boolean {
  return HEADER.test(line);
}

/** Column names of a header row, without the STT column. */
export function columnNames(headerLine: string): string[] {
  return splitCells(headerLine).slice(1);
}

/**
 * The row as search text: each cell after its column name, `Nội dung công việc: …; Cơ quan chủ trì: …;
 * Thời gian hoàn thành: …`, so a question naming a column ("ai chủ trì", "hạn khi nào") meets the row.
 * Cells without a column name keep their text alone.
 */
export function rowFields(row: TableRow, columns: string[]): string {
  return row.cells
    .map((cell, i) => (columns[i] && cell ? `${columns[i]}: ${cell}` : cell))
    .filter((text) => text !== '')
    .join('; ');
}

/** The header row found in a body (an appendix's title lines and header), or null. */
export function headerIn(body: string): string | null {
  return body.split('\n').find((line) => isHeaderRow(line.trim()))?.trim() ?? null;
}
