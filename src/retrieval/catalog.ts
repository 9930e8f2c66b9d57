/**
 * A short-lived cache of the active documents, with their force (src/retrieval/force-status.ts), and their
 * profiles (type, number, title, issuer, signer, opening part). Retrieval uses it for year availability, document affinity ("Bắc Kạn", "Huyện ủy") and
 * citation metadata without a query per question. After `ttlMs` it asks the store whether the collection changed
 * (`collectionStamp`, one small query) and reloads only if it did, or if the day changed (force is as of today),
 * or on `invalidate()`. At 10,000 documents a reload and the hierarchy built from it took a question's ranking
 * from ~50 ms to ~600 ms every ten seconds.
 */
import { yearsOf } from '../core/document-years.ts';
import type { Clock, DocumentStore } from '../core/ports.ts';
import type { StoredDocument } from '../core/types.ts';
import { profileOf, type TextProfile } from './coverage.ts';
import { vietnamDay, withForce } from './force-status.ts';

export interface CatalogEntry {
  document: StoredDocument;
  /** Profile of its type, number, title, issuer, signer, place and opening part. */
  profile: TextProfile;
}

export interface Catalog {
  entries(): Promise<CatalogEntry[]>;
  get(documentId: string): Promise<CatalogEntry | undefined>;
  /** Years that have at least one active document, ascending. */
  years(): Promise<number[]>;
  /**
   * A value computed from the entries once per refresh, by name (the hierarchy of bodies): computed on first
   * use after each refresh, shared by every question until the next.
   */
  derived<T>(name: string, build: (entries: CatalogEntry[]) => T): Promise<T>;
  invalidate(): void;
}

/** Creates the catalog over the store. */
export function createCatalog(store: DocumentStore, clock: Clock, ttlMs = 10_000): Catalog {
  let loadedAt = -Infinity;
  let cache: Promise<Map<string, CatalogEntry>> | null = null;
  // What the loaded map was read from: the store's stamp and the day its force was computed for.
  let loadedStamp: string | null = null;
  // Values derived from one load, dropped with it.
  let derivedFrom: Map<string, CatalogEntry> | null = null;
  let derived = new Map<string, unknown>();
  // Profiles by document id, kept across refreshes: a document's opening never changes (a new version is a
  // new id), so a refresh only reads and profiles documents it has not seen or whose metadata changed.
  // Without this, every refresh read every document's sections, which does not scale to 10,000 documents.
  let profiles = new Map<string, { profile: string; opening: string; entry: CatalogEntry }>();

  async function load(): Promise<Map<string, CatalogEntry>> {
    // Each document carries its force as of today (replaced, abolished, amended …): ranking and citations read it.
    const docs = withForce(await store.listDocuments({ status: 'active' }), await store.forceStatements(), vietnamDay(clock.now()));
    const openings = await store.getOpeningTexts(docs.filter((d) => !profiles.has(d.id)).map((d) => d.id));
    const map = new Map<string, CatalogEntry>();
    const next = new Map<string, { profile: string; opening: string; entry: CatalogEntry }>();
    for (const d of docs) {
      const known = profiles.get(d.id);
      const opening = known ? known.opening : (openings.get(d.id) ?? '');
      const profile = [d.type, d.number, d.title, d.issuer, d.signer, d.place, opening].filter(Boolean).join('\n');
      const entry =
        known && known.profile === profile
          ? { ...known.entry, document: d }
          : { document: d, profile: profileOf(profile) };
      map.set(d.id, entry);
      next.set(d.id, { profile, opening, entry });
    }
    profiles = next;
    return map;
  }

  /** Reloads unless the collection and the day are what `previous` was loaded from. */
  async function refresh(previous: Promise<Map<string, CatalogEntry>> | null): Promise<Map<string, CatalogEntry>> {
    const stamp = `${await store.collectionStamp()}|${vietnamDay(clock.now())}`;
    if (previous && stamp === loadedStamp) return previous;
    const map = await load();
    loadedStamp = stamp;
    return map;
  }

  async function current(): Promise<Map<string, CatalogEntry>> {
    const now = clock.now().getTime();
    if (!cache || now - loadedAt > ttlMs) {
      loadedAt = now;
      cache = refresh(cache).catch((err: unknown) => {
        cache = null;
        throw err;
      });
    }
    return cache;
  }

  return {
    async entries() {
      return [...(await current()).values()];
    },
    async get(id) {
      return (await current()).get(id);
    },
    async years() {
      const ys = new Set<number>();
      for (const e of (await current()).values()) for (const y of yearsOf(e.document)) ys.add(y);
      return [...ys].sort((a, b) => a - b);
    },
    async derived<T>(name: string, build: (entries: CatalogEntry[]) => T): Promise<T> {
      const map = await current();
      if (derivedFrom !== map) {
        derivedFrom = map;
        derived = new Map();
      }
      if (!derived.has(name)) derived.set(name, build([...map.values()]));
      return derived.get(name) as T;
    },
    invalidate() {
      cache = null;
    },
  };
}
