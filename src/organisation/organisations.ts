/**
 * The collection's hierarchy of bodies, kept with the catalog (rebuilt when the catalog refreshes), and what a
 * unit means for ranking: how close each document's issuer is to the asker's body.
 */
import type { Catalog } from '../retrieval/catalog.ts';
import type { Body } from './body.ts';
import { buildDirectory, createBodyReader, type BodyDirectory } from './directory.ts';
import { resolveUnit } from './match-unit.ts';

/** Where the engine and the unit service read the hierarchy from. */
export interface Organisations {
  directory(): Promise<BodyDirectory>;
}

/** The hierarchy over the catalog's active documents. */
export function createOrganisations(catalog: Catalog): Organisations {
  const read = createBodyReader();
  return {
    directory: () => catalog.derived('bodies', (entries) => buildDirectory(entries.map((e) => e.document), read)),
  };
}

/** The asker's unit as ranking reads it. */
export interface UnitChain {
  body: Body;
  /** Closeness of each document of the chain (0..1]: 1 for the unit's own body, less for each step above. */
  closeness: Map<string, number>;
  /** Whether a body is the unit's own or above it, by key. */
  relation: Map<string, 'own' | 'above'>;
}

/** How much each step up the chain lowers a document's closeness: 1, 0.67, 0.5, 0.4 … */
const STEP = 0.5;

/** The chain of the unit `name` names in `directory`; null when it names no known body. */
export function unitChain(directory: BodyDirectory, name: string): UnitChain | null {
  const body = resolveUnit(directory, name);
  if (!body) return null;
  const closeness = new Map<string, number>();
  const relation = new Map<string, 'own' | 'above'>();
  for (const link of directory.chain(body.key)) {
    relation.set(link.body.key, link.distance === 0 ? 'own' : 'above');
    for (const id of directory.documentsOf(link.body.key)) closeness.set(id, 1 / (1 + STEP * link.distance));
  }
  return { body, closeness, relation };
}
