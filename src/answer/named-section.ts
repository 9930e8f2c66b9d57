/**
 * A question that names an article or clause ("Điều 10 quy định những gì?", "khoản 2 Điều 11 nói gì?") has few
 * words of its own to rank by, and may be refused for it. When ranking does not answer it from the named section,
 * the section is opened directly, in the document the question names, or else in the one document among the best
 * candidates that has it. Two documents that both have an "Điều 10" and no name to choose between them: no guess.
 */
import type { StoredSection } from '../core/types.ts';
import type { RankedSection } from '../retrieval/search.ts';

/** How many of the best-ranked candidates' documents are looked into for the named section. */
const LOOK_INTO = 5;

function within(label: string, refs: string[]): boolean {
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
