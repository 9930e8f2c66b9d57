/**
 * A place the question names that no document writes ("tỉnh Yên Bái" asked of Lào Cai's plans): told, not answered
 * from another place's document. The words the index holds are checked when the question is read
 * (src/retrieval/unknown-words.ts); a document's header (its issuer, place and date line) is not indexed, so the
 * names the catalog gives each document are checked here.
 */
import type { StoredDocument } from '../core/types.ts';
import { foldedView } from '../text/normalize.ts';

/** The places (as `unknownPlaces` gives them: level words, then the name) that no document's names hold. */
export function placesNotHeld(places: string[], documents: StoredDocument[]): string[] {
  if (places.length === 0) return [];
  const names = documents.map((d) => ` ${foldedView([d.issuer, d.place, d.title, d.number].filter(Boolean).join(' ')).replace(/[^a-z0-9]+/g, ' ')} `);
  return places.filter((place) => {
    const name = foldedView(place).split(/\s+/).slice(-2).join(' ');
    return !names.some((n) => n.includes(` ${name} `));
  });
}
