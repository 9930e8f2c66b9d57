/**
 * The years the collection dates a question's document numbers with: a held document's own year and issue date,
 * and the dates its citations give ("Đề án số 17-ĐA/TU ngày 11/12/2020"). A year written after a number that
 * none of them has is not that document's date but the year asked about (src/retrieval/resolve-intent.ts).
 */
import type { DocumentStore } from '../core/ports.ts';
import type { StoredDocument } from '../core/types.ts';

/** Citations read per number: their dates agree, a few suffice. */
const CITATIONS_READ = 20;

/**
 * Years for `keys` (null when one of them has no known date). `held` are the active documents the numbers
 * name; only questions writing a year after a number (`citedYears`) need this.
 */
export async function numberYears(
  store: Pick<DocumentStore, 'findReferences'>,
  keys: string[],
  held: StoredDocument[],
): Promise<number[] | null> {
  const years = new Set<number>();
  for (const d of held) {
    if (d.year !== null) years.add(d.year);
    if (d.issuedOn) years.add(Number(d.issuedOn.slice(0, 4)));
  }
  for (const key of keys) {
    const dated = (await store.findReferences(key, CITATIONS_READ)).filter((h) => h.date !== null);
    if (dated.length === 0 && held.length === 0) return null;
    for (const h of dated) years.add(Number((h.date as string).slice(0, 4)));
  }
  return years.size > 0 ? [...years] : null;
}
