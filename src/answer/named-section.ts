/**
 * A question that names an article or clause ("Điều 10 quy định những gì?", "khoản 2 Điều 11 nói gì?") has few
 * words of its own to rank by, and may be refused for it. When ranking does not answer it from the named section,
 * the section is opened directly, in the document the question names, or else in the one document among the best
 * candidates that has it. Two documents that both have an "Điều 10" and no name to choose between them: no guess.
 * Follow-ups ("mục 2 thì sao?") open sections the same way.
 */
import type { DocumentStore } from '../core/ports.ts';
import type { Answer, StoredSection } from '../core/types.ts';
import type { Catalog } from '../retrieval/catalog.ts';
import type { RankedSection } from '../retrieval/search.ts';
import { labelInWords } from './citation-label.ts';
import { citationFor, makeAnswer } from './compose.ts';

/** How many of the best-ranked candidates' documents are looked into for the named section. */
const LOOK_INTO = 5;

/** The section is one of the named articles or clauses, or a part of one. */
export function within(label: string, refs: string[]): boolean {
  return refs.some((ref) => label === ref || label.startsWith(`${ref}.`));
}

/**
 * The section to open instead of the ranked answer, or null when the ranked answer already comes from a named
 * section (`answered`: it would not be refused) or no single document has it.
 */
export async function namedSectionToOpen(
  refs: string[],
  namedDocumentIds: string[],
  ranked: RankedSection[],
  answered: boolean,
  sectionsOf: (documentId: string) => Promise<StoredSection[]>,
): Promise<{ documentId: string; label: string } | null> {
  if (refs.length === 0) return null;
  if (answered && ranked.some((r) => within(r.section.label, refs))) return null;
  const documents = namedDocumentIds.length === 1 ? namedDocumentIds : [...new Set(ranked.map((r) => r.document.id))].slice(0, LOOK_INTO);
  const holders: Array<{ documentId: string; label: string }> = [];
  for (const documentId of documents) {
    const labels = new Set((await sectionsOf(documentId)).map((s) => s.label));
    const ref = refs.find((r) => labels.has(r));
    if (ref) holders.push({ documentId, label: ref });
  }
  return holders.length === 1 ? (holders[0] as { documentId: string; label: string }) : null;
}

/** The whole text of one section of a document, cited; null when the document or the section is not there. */
export async function openSection(deps: { catalog: Pick<Catalog, 'get'>; store: Pick<DocumentStore, 'getSections'> }, documentId: string, label: string): Promise<Answer | null> {
  const entry = await deps.catalog.get(documentId);
  const section = (await deps.store.getSections(documentId)).find((s) => s.label === label);
  if (!entry || !section) return null;
  const quote = section.fullText.trim() || section.headingLine;
  const citation = citationFor(entry.document, section, quote);
  return makeAnswer({ outcome: 'answered', intro: `Toàn văn ${labelInWords(label)}:`, citations: [citation], notice: null });
}

/** "mục 7 thì sao?" where the document has no such part: say so and list its parts, rather than guess. */
export async function noSuchSection(store: Pick<DocumentStore, 'getSections'>, documentId: string, label: string): Promise<Answer> {
  const parts = (await store.getSections(documentId)).filter((s) => s.level === 1).map((s) => s.label);
  const listed = parts.length > 0 ? ` Các phần của văn bản: ${parts.join(', ')}.` : '';
  return makeAnswer({ outcome: 'refused', intro: `Văn bản vừa trích không có mục ${label}.${listed}`, citations: [], notice: null });
}
