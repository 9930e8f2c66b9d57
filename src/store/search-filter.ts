/**
 * Search filters as SQL parameters. An absent or empty list means "no restriction" (the engine passes the
 * conversation's `years: []` when the question names no year).
 */
import type { SearchFilter } from '../core/ports.ts';
import { isUuid } from './sql-values.ts';

/** Parameter values for `cardinality($n) = 0 OR … = ANY($n)`; null when the filter can match nothing. */
export function searchFilterValues(filter: SearchFilter): { years: number[]; documentIds: string[] } | null {
  const years = (filter.years ?? []).filter((y) => Number.isInteger(y));
  const requested = filter.documentIds ?? [];
  const documentIds = requested.filter(isUuid);
  // Ids were asked for but none is well-formed: nothing can match (not "everything").
  if (requested.length > 0 && documentIds.length === 0) return null;
  return { years, documentIds };
}

/**
 * The SQL condition of the year filter on documents `d`, with the years in parameter `$n`: a document answers for
 * the year it is for and the year it was issued (src/core/document-years.ts).
 */
export function yearCondition(n: number): string {
  return `(cardinality($${n}::int[]) = 0 OR d.year = ANY($${n}::int[]) OR EXTRACT(YEAR FROM d.issued_on)::int = ANY($${n}::int[]))`;
}
