/**
 * The years a document answers for: the year it is for (its title's "năm 2025", else its date) and the year it
 * was issued. A Nghị quyết of 16/12/2024 "về nhiệm vụ năm 2025", or a Báo cáo of December 2024 on "kết quả năm
 * 2024, phương hướng năm 2025", is asked about as a 2024 document as well as a 2025 one. The store's year filter
 * reads the same two columns (`d.year`, `d.issued_on`).
 */
import type { StoredDocument } from './types.ts';

export function yearsOf(document: Pick<StoredDocument, 'year' | 'issuedOn'>): number[] {
  const issued = document.issuedOn ? Number(document.issuedOn.slice(0, 4)) : null;
  return [...new Set([document.year, issued].filter((y): y is number => y !== null && Number.isInteger(y)))];
}

/** The document answers for one of `years`. */
export function coversYear(document: Pick<StoredDocument, 'year' | 'issuedOn'>, years: number[]): boolean {
  return yearsOf(document).some((y) => years.includes(y));
}
