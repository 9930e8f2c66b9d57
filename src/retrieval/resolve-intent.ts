/**
 * The one place where a question's reading is settled against what the collection holds: a year written after
 * a document number dates that document when no document of that year exists; "Quy định 85-QĐ/TW nói gì?" is
 * about its content when the collection holds it and about where it is cited when it does not; "who issued X?"
 * about a document the collection only cites becomes "where is X cited". Everything after retrieval reads the
 * resolved intent and never re-derives it from the question's words.
 */
import type { QueryIntent } from './understand.ts';
import type { UnitChain } from '../organisation/organisations.ts';

/** What the collection holds that changes how a question is read. */
export interface CollectionFacts {
  /** Years that have at least one active document. */
  years: number[];
  /** Active documents whose number the question names. */
  namedDocumentIds: string[];
  /** The asker's unit and the documents of its chain, when a unit is set and names a known body. */
  unit?: UnitChain | null;
  /**
   * Years the collection dates the named numbers with (the held documents' own, the citations' dates); null when
   * a named number has no known date, or when the question names none.
   */
  numberYears?: number[] | null;
  /** Years the named held documents answer for (src/core/document-years.ts); empty when none is named. */
  namedDocumentYears?: number[];
}

/** The question's intent, settled. */
export interface ResolvedIntent extends QueryIntent {
  /** Years asked about that the collection has documents for (the retrieval filter). */
  presentYears: number[];
  /** Years asked about that the collection has no document for. */
  missingYears: number[];
  /** For "where is it mentioned": every place is wanted ("ở đâu", "những văn bản nào"), not just a few. */
  everyPlace: boolean;
  /** The documents the answer must come from (the question names them by number); empty when it names none. */
  documentIds: string[];
  /** "năm nay" with no document of this year: the newest year's documents answer instead (said in the answer). */
  newestInstead: number | null;
  /** The asker's unit: ranking prefers its chain's documents (the `chain` feature); null without one. */
  unit: UnitChain | null;
}

const EVERY_PLACE = /\b(o dau|nhung van ban nao|van ban nao)\b/;

/** Settles the intent of `asked` against the collection. */
export function resolveIntent(asked: QueryIntent, facts: CollectionFacts): ResolvedIntent {
  // "Chỉ thị 05 năm 2016" with no 2016 document in the store: 2016 dates the directive, it is no filter.
  const held = facts.namedDocumentIds.length > 0;
  // A year that dates a named document ("Chỉ thị 05 năm 2016", "Kế hoạch 12-KH/ĐU năm 2021") is no filter
  // when no document of that year exists, or when the named document is the one that answers. It is the year asked
  // about when the collection dates the named documents otherwise ("Kế hoạch thực hiện Đề án 17 năm 2024": the
  // Đề án is of 2020, the 2024 plan is not in).
  const datedOtherwise = (y: number) => (facts.numberYears ?? []).length > 0 && !(facts.numberYears ?? []).includes(y);
  // "Kết luận 21-KL/TW năm 2021 được nhắc ở đâu": the collection dates the cited Kết luận 2021, so 2021 is its
  // date even though 2021 plans are held.
  const datesCited = (y: number) => !held && (facts.numberYears ?? []).includes(y);
  const datesOnly = asked.citedYears.filter(
    (y) => (!facts.years.includes(y) && !datedOtherwise(y)) || (held && asked.shape !== 'comparison') || datesCited(y),
  );
  // A year the named held document is not of is a year it speaks of ("Chương trình 28-CTr/TU đặt ra chỉ tiêu gì
  // phải đạt vào năm 2026", "Kế hoạch 12-KH/ĐU nói gì về năm 2022"): the named document is the filter.
  const namedYears = facts.namedDocumentYears ?? [];
  const spokenOf = (y: number) => held && asked.shape !== 'comparison' && namedYears.length > 0 && !namedYears.includes(y);
  const years = asked.years.filter((y) => !datesOnly.includes(y) && !spokenOf(y));
  let shape = asked.shape;
  if (asked.shapeIfNamedInStore && held) shape = asked.shapeIfNamedInStore;
  // "Chỉ thị 05-CT/TW do ai ban hành?" when the collection only cites it: say where it is cited, never name
  // the citing document's issuer as its issuer.
  if (shape === 'issuer' && asked.numberKeys.length > 0 && !held) shape = 'mentions';
  const missing = years.filter((y) => !facts.years.includes(y));
  const newest = facts.years.length > 0 ? Math.max(...facts.years) : null;
  // "năm nay" before this year's plan is in: the newest plan answers, and the answer says so.
  const newestInstead = asked.relativeYear && missing.length === years.length && newest !== null && newest < Math.min(...years) ? newest : null;
  return {
    ...asked,
    years,
    shape,
    shapeIfNamedInStore: null,
    presentYears: newestInstead !== null ? [newestInstead] : years.filter((y) => facts.years.includes(y)),
    missingYears: missing,
    everyPlace: EVERY_PLACE.test(asked.folded),
    // A question naming a document by number is answered from that document, unless it asks where it is cited
    // or compares it with others.
    documentIds: held && shape !== 'mentions' && shape !== 'comparison' ? facts.namedDocumentIds : [],
    newestInstead,
    unit: facts.unit ?? null,
  };
}
