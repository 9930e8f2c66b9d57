/**
 * Which directive is in force: what documents say about their own force and about other documents
 * ("Quy định này có hiệu lực kể từ ngày ký, thay thế Quy định số 05-QĐ/TU, ngày 12/9/2019 …", "bãi bỏ …",
 * "sửa đổi, bổ sung …", "… hết hiệu lực", "… được tiếp tục thực hiện"), and the status each document has once
 * those statements are applied to the collection. Plain data; nothing here reads a clock or a database.
 */
import type { DocumentType } from './types.ts';

/**
 * What a statement does. `replaces`, `abolishes`, `amends`, `continues` name another document; `expires` names
 * another document ("Quy định số 05 … hết hiệu lực") or, without a target, the document itself; `effective`
 * always speaks of the document itself ("Quy định này có hiệu lực kể từ ngày ký").
 */
export const FORCE_KINDS = ['replaces', 'abolishes', 'amends', 'continues', 'expires', 'effective'] as const;
export type ForceKind = (typeof FORCE_KINDS)[number];

/** The document a statement names, as the statement writes it (like a reference). */
export interface ForceTarget {
  type: DocumentType | null;
  /** Canonical number (`05-QĐ/TU`). */
  number: string;
  /** ISO date when the statement gives one. */
  date: string | null;
  issuer: string | null;
}

/** One statement of force found in a document at ingestion. */
export interface ForceStatement {
  kind: ForceKind;
  /** The document named; null when the statement is about the document itself. */
  target: ForceTarget | null;
  /** ISO date the statement itself gives ("có hiệu lực từ ngày 01/7/2024", "hết hiệu lực từ ngày …"). */
  date: string | null;
  /** "có hiệu lực kể từ ngày ký / ban hành": the document's own date. */
  fromSigning: boolean;
  /** The sentence, verbatim (repaired, single-spaced), so it can be quoted. */
  text: string;
  /** Label of the section it stands in (`""` for the title or the opening). */
  sectionLabel: string;
}

/** A statement as stored: where it comes from and how its target is linked. */
export interface StoredForceStatement extends ForceStatement {
  id: number;
  /** The document that makes the statement. */
  documentId: string;
  /**
   * `auto`: the target is found by number, date, issuer and place among the documents present now (so a
   * document that arrives later is linked then). `admin`: an admin set the link to `linkedId` (null: the
   * statement names no document of the collection).
   */
  linkSource: 'auto' | 'admin';
  linkedId: string | null;
}

/** Where a document stands once the statements of the collection are applied, as of a day. */
export type ForceState = 'in_force' | 'not_yet' | 'amended' | 'replaced' | 'abolished' | 'expired';

/** The document on the other side of a relation, as a citation names it. */
export interface ForceParty {
  /** Its id when the collection holds it. */
  documentId: string | null;
  type: DocumentType | null;
  number: string | null;
  /** ISO date of the document (its own, or the one the statement gives). */
  date: string | null;
  title: string | null;
  issuer: string | null;
}

/** One relation seen from one of its two documents. */
export interface ForceLink {
  kind: Exclude<ForceKind, 'effective'>;
  /** The other document: the one named (in `affects`) or the one making the statement (in `affectedBy`). */
  other: ForceParty;
  /** ISO day from which the relation holds (the stating document's effective date); null: from the start. */
  since: string | null;
  /** Whether `since` has come. */
  applied: boolean;
  statementId: number;
  /** The document that makes the statement, the section it stands in, and the sentence. */
  statingDocumentId: string;
  sectionLabel: string;
  text: string;
}

/** A document's force: its state, the relation that decided it, and its chain in both directions. */
export interface DocumentForce {
  state: ForceState;
  /** The relation behind `replaced`, `abolished`, `expired` (by another document) or the newest `amended`. */
  by: ForceLink | null;
  /** ISO day the document takes effect, when it says so (or its date when it says "kể từ ngày ký"). */
  effectiveOn: string | null;
  /** ISO day it expires by its own words ("hết hiệu lực …"), when it says so. */
  expiresOn: string | null;
  /** Where it states its own start or end ("Quy định này có hiệu lực kể từ ngày ký."), to quote. */
  ownStatement: { sectionLabel: string; text: string } | null;
  /** What this document does to others: replaces, abolishes, amends, continues, ends. */
  affects: ForceLink[];
  /** What other documents do to this one. */
  affectedBy: ForceLink[];
}

/** What a citation carries about its document's force (compact: it travels with every quote). */
export interface ForceNote {
  state: ForceState;
  by: ForceParty | null;
  since: string | null;
}
