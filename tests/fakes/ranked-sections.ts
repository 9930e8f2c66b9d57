/** Ranked candidates for selection tests: what retrieval hands `selectSections`, reduced to what it reads. */
import type { StoredDocument, StoredSection } from '../../src/core/types.ts';
import type { RankedSection } from '../../src/retrieval/search.ts';

/** A section of `document` with the given label, body and score (coverage 0.9 unless given), placed nowhere. */
export function rankedSection(document: StoredDocument, label: string, body: string, score: number, coverage = 0.9): RankedSection {
  return {
    section: { id: label, documentId: document.id, label, heading: '', body } as StoredSection,
    document,
    score,
    coverage,
    citesNumber: false,
    features: { facetOwn: 0, facetClash: 0 },
    place: null,
  } as unknown as RankedSection;
}
