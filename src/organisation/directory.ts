/**
 * The hierarchy of bodies a collection knows: every active document's issuer read as a body (with its place),
 * and every body above it that its name implies (a `Huyện ủy … tỉnh X` implies `Tỉnh ủy X` even when the
 * collection holds no document of it). Built from the catalog once per refresh; a user's unit is matched
 * against it and a unit's chain (own body, then the bodies above) read from it.
 */
import type { StoredDocument } from '../core/types.ts';
import { CENTRAL, type Body } from './body.ts';
import { parseBody } from './body-name.ts';

/** A body of a user's chain and how close it is to the user's own (1 own body, less for each step above). */
export interface ChainLink {
  body: Body;
  /** Steps above the user's body: 0 own, 1 parent …; a department of a committee of the chain half a step more. */
  distance: number;
}

/** The hierarchy of one collection. */
export interface BodyDirectory {
  /** Every known body by key. */
  bodies: ReadonlyMap<string, Body>;
  /** The body that issued a document; null when the document names no issuer. */
  bodyOf(documentId: string): Body | null;
  /** Active documents issued by a body. */
  documentsOf(bodyKey: string): string[];
  /** The body, then the bodies above it (their departments too, a half step further), then every central body. */
  chain(bodyKey: string): ChainLink[];
  /** The body and every body above it, self first: `Đảng ủy xã X › Huyện ủy Y › Tỉnh ủy Z › Trung ương`. */
  ancestors(bodyKey: string): Body[];
}

/** Reads issuer names, remembering each (issuer, place) pair: 10,000 documents have a few hundred issuers. */
export type BodyReader = (issuer: string, place: string | null) => Body[];

/** Creates a reader with its own memory (one per process, kept across catalog refreshes). */
export function createBodyReader(): BodyReader {
  const memo = new Map<string, Body[]>();
  return (issuer, place) => {
    const key = `${issuer}\u0000${place ?? ''}`;
    let bodies = memo.get(key);
    if (!bodies) {
      bodies = parseBody(issuer, place);
      memo.set(key, bodies);
    }
    return bodies;
  };
}

/** A department or other organ of a committee (under it) is read a half step further than the committee. */
const DEPARTMENT_STEP = 0.5;

/** Builds the directory of `documents` (the catalog's active documents). */
export function buildDirectory(documents: StoredDocument[], read: BodyReader = parseBody): BodyDirectory {
  const bodies = new Map<string, Body>([[CENTRAL.key, CENTRAL]]);
  const byDocument = new Map<string, Body>();
  const documentsOf = new Map<string, string[]>();
  const children = new Map<string, Body[]>();
  for (const d of documents) {
    if (!d.issuer) continue;
    const chain = read(d.issuer, d.place);
    const own = chain[0];
    if (!own) continue;
    for (const b of chain) if (!bodies.has(b.key)) bodies.set(b.key, b);
    byDocument.set(d.id, bodies.get(own.key) as Body);
    const issued = documentsOf.get(own.key);
    if (issued) issued.push(d.id);
    else documentsOf.set(own.key, [d.id]);
  }
  for (const b of bodies.values()) {
    if (!b.parentKey) continue;
    const siblings = children.get(b.parentKey);
    if (siblings) siblings.push(b);
    else children.set(b.parentKey, [b]);
  }

  function ancestors(bodyKey: string): Body[] {
    const out: Body[] = [];
    for (let b = bodies.get(bodyKey); b && !out.includes(b); b = b.parentKey ? bodies.get(b.parentKey) : undefined) out.push(b);
    return out;
  }

  function chain(bodyKey: string): ChainLink[] {
    const links = new Map<string, ChainLink>();
    const add = (body: Body, distance: number) => {
      const known = links.get(body.key);
      if (!known || known.distance > distance) links.set(body.key, { body, distance });
    };
    const above = ancestors(bodyKey);
    above.forEach((body, distance) => {
      add(body, distance);
      // The Ban Tuyên giáo of the Tỉnh ủy above guides its districts too; a committee's own bodies do not rank above it.
      if (distance > 0 || body.kind === 'committee') {
        for (const child of children.get(body.key) ?? []) if (child.kind === 'department') add(child, distance + DEPARTMENT_STEP);
      }
    });
    const root = above.findIndex((b) => b.key === CENTRAL.key);
    if (root >= 0) for (const child of children.get(CENTRAL.key) ?? []) if (child.kind === 'central') add(child, root);
    return [...links.values()].sort((a, b) => a.distance - b.distance);
  }

  return {
    bodies,
    bodyOf: (id) => byDocument.get(id) ?? null,
    documentsOf: (key) => documentsOf.get(key) ?? [],
    chain,
    ancestors,
  };
}

/** `Đảng ủy xã X › Huyện ủy Y › Tỉnh ủy Z`: a body and the bodies above it, for confirmations (Trung ương left out). */
export function chainText(directory: BodyDirectory, bodyKey: string): string {
  return directory
    .ancestors(bodyKey)
    .filter((b) => b.key !== CENTRAL.key)
    .map((b) => b.name)
    .join(' › ');
}
