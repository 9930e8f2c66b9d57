/**
 * Browsing the collection for channels: list documents, resolve what a user typed to a document
 * ("12-KH/ĐU", "kế hoạch 12", a file name, an id, words of a title or issuer), outlines and sections.
 */
import type { DocumentStore } from '../core/ports.ts';
import type { Library } from '../core/services.ts';
import type { StoredDocument } from '../core/types.ts';
import type { Catalog } from '../retrieval/catalog.ts';
import { profileOf, coverage, textUnits } from '../retrieval/coverage.ts';
import { findNumberKeys, numberKey } from '../text/number-key.ts';
import { foldedView } from '../text/normalize.ts';

function byYearThenTitle(a: StoredDocument, b: StoredDocument): number {
  return (b.year ?? 0) - (a.year ?? 0) || a.title.localeCompare(b.title, 'vi');
}

/** Creates the library over the store and the catalog of active documents. */
export function createLibrary(store: DocumentStore, catalog: Catalog): Library {
  async function findDocument(ref: string): Promise<StoredDocument | null> {
    const wanted = ref.trim();
    if (wanted === '') return null;
    const docs = (await catalog.entries()).map((e) => e.document);
    const exact = docs.find((d) => d.id === wanted || d.source === wanted || foldedView(d.source) === foldedView(wanted));
    if (exact) return exact;
    const keys = findNumberKeys(wanted);
    const byNumber = docs.find((d) => d.number && (keys.includes(numberKey(d.number)) || keys.some((k) => numberKey(d.number ?? '').startsWith(`${k}/`))));
    if (byNumber) return byNumber;
    const units = textUnits(wanted);
    let best: { doc: StoredDocument; score: number } | null = null;
    for (const d of docs) {
      const text = [d.type, d.title, d.issuer, d.year, d.source.replace(/[-_.]/g, ' ')].join(' ');
      const score = coverage(units, profileOf(text));
      if (!best || score > best.score) best = { doc: d, score };
    }
    return best && best.score >= 0.5 ? best.doc : null;
  }

  return {
    async listDocuments() {
      return (await catalog.entries()).map((e) => e.document).sort(byYearThenTitle);
    },
    findDocument,
    outline: (documentId) => store.getSections(documentId),
    async section(documentId, label) {
      const wanted = label.trim().replace(/\.$/, '').toUpperCase();
      return (await store.getSections(documentId)).find((s) => s.label.toUpperCase() === wanted) ?? null;
    },
    async year(year) {
      const docs = (await catalog.entries()).map((e) => e.document);
      return { documents: docs.filter((d) => d.year === year).sort(byYearThenTitle), years: await catalog.years() };
    },
  };
}
