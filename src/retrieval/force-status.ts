/**
 * Applies the collection's statements of force to its documents, as of a day: which document is in force, which
 * was replaced, abolished, ended or amended, by which one and from when, and the chain both ways. Pure.
 *
 * A statement names its document by number (like the reference index); it is linked here, when read, to the
 * document of the collection with that number key whose date, issuer and place fit, so a document that arrives
 * after the one replacing it is marked replaced as soon as it is there. An admin's link wins. Nothing is inferred
 * from years or titles: a yearly plan is replaced by next year's plan only when one of them says so.
 */
import type { DocumentForce, ForceLink, ForceParty, ForceState, StoredForceStatement } from '../core/force.ts';
import type { StoredDocument } from '../core/types.ts';
import { docNumberParts } from '../text/doc-number.ts';
import { numberKey } from '../text/number-key.ts';
import { foldedView, syllables } from '../text/normalize.ts';

/** Vietnam's offset from UTC: a directive "có hiệu lực kể từ ngày ký" takes effect on the local day. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The ISO day (`YYYY-MM-DD`) in Vietnam at `now`. */
export function vietnamDay(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The document as the other side of a relation names it. */
export function partyOf(d: StoredDocument): ForceParty {
  return { documentId: d.id, type: d.type, number: d.number, date: d.issuedOn, title: d.title || null, issuer: d.issuer };
}

function partyOfTarget(s: StoredForceStatement): ForceParty {
  const t = s.target;
  return { documentId: null, type: t?.type ?? null, number: t?.number ?? null, date: t?.date ?? null, title: null, issuer: t?.issuer ?? null };
}

/** Share of the issuer the statement writes that the document's issuer has ("Ban Thường vụ Tỉnh ủy" ~ "Tỉnh ủy Lâm Giang"). */
function issuerFit(written: string | null, issuer: string | null): number {
  if (!written || !issuer) return 0;
  const have = new Set(syllables(foldedView(issuer)));
  const want = syllables(foldedView(written));
  return want.length === 0 ? 0 : want.filter((w) => have.has(w)).length / want.length;
}

/** Words that only say what kind of place it is: "TP. Bắc Kạn" and "Bắc Kạn" are one place. */
const PLACE_KIND = /^(?:tp|thanh pho|tinh|huyen|thi xa|quan|xa|phuong)\.?\s+/u;

/** Two place names of one place ("Lâm Giang" and "TP. Lâm Giang"), or unknown: only a known difference separates. */
function samePlace(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const [x, y] = [a, b].map((p) => foldedView(p).trim().replace(PLACE_KIND, ''));
  return x === y || (x as string).includes(y as string) || (y as string).includes(x as string);
}

/**
 * The document a statement names, among the collection's documents with its number key: not the stating
 * document, not a later one (a document cannot replace what did not exist), of the date the statement gives,
 * and — for numbers whose issuer code every province uses (`TU`, `HU`, `ĐU` …) — of the stating document's place.
 */
function linkedDocument(s: StoredForceStatement, stating: StoredDocument, byKey: Map<string, StoredDocument[]>, byId: Map<string, StoredDocument>): StoredDocument | null {
  if (s.linkSource === 'admin') return s.linkedId ? (byId.get(s.linkedId) ?? null) : null;
  if (!s.target) return null;
  const parts = docNumberParts(s.target.number);
  const local = parts?.style === 'party' && parts.issuerCode !== 'TW';
  const fits = (byKey.get(numberKey(s.target.number)) ?? []).filter(
    (d) =>
      d.id !== stating.id &&
      !(s.target?.date && d.issuedOn && d.issuedOn !== s.target.date) &&
      !(stating.issuedOn && d.issuedOn && d.issuedOn > stating.issuedOn) &&
      !(local && !samePlace(stating.place, d.place)),
  );
  fits.sort((a, b) => issuerFit(s.target?.issuer ?? null, b.issuer) - issuerFit(s.target?.issuer ?? null, a.issuer) || (b.issuedOn ?? '').localeCompare(a.issuedOn ?? ''));
  return fits[0] ?? null;
}

type OwnDates = Pick<DocumentForce, 'effectiveOn' | 'expiresOn' | 'ownStatement'>;

/** A document's own start and end, from what it says of itself. */
function ownDates(d: StoredDocument, own: StoredForceStatement[]): OwnDates {
  const start = own.find((s) => s.kind === 'effective' && (s.date || s.fromSigning));
  const end = own.find((s) => s.kind === 'expires' && !s.target && s.date);
  const said = start ?? end;
  return {
    effectiveOn: start ? (start.date ?? d.issuedOn) : null,
    expiresOn: end?.date ?? null,
    ownStatement: said ? { sectionLabel: said.sectionLabel, text: said.text } : null,
  };
}

const ENDING: Record<string, ForceState> = { replaces: 'replaced', abolishes: 'abolished', expires: 'expired', continues: 'in_force' };

/** Orders relations by the day they hold from (undated first), then by the order they were stored. */
function bySince(a: ForceLink, b: ForceLink): number {
  return (a.since ?? '').localeCompare(b.since ?? '') || a.statementId - b.statementId;
}

/**
 * The state from the relations applied by `today`: the latest of replaced / abolished / ended / continued decides
 * (a later "được tiếp tục thực hiện" revives, a later replacement ends); otherwise amended when amended.
 */
function stateOf(own: OwnDates, affectedBy: ForceLink[], today: string): { state: ForceState; by: ForceLink | null } {
  if (own.effectiveOn && own.effectiveOn > today) return { state: 'not_yet', by: null };
  const applied = affectedBy.filter((l) => l.applied).sort(bySince);
  const decisive = applied.filter((l) => l.kind in ENDING).pop();
  if (decisive && decisive.kind !== 'continues') return { state: ENDING[decisive.kind] as ForceState, by: decisive };
  if (own.expiresOn && own.expiresOn <= today) return { state: 'expired', by: null };
  const amended = applied.filter((l) => l.kind === 'amends').pop();
  return amended ? { state: 'amended', by: amended } : { state: 'in_force', by: null };
}

/**
 * The force of every document in `documents` on `today` (ISO day), from the statements of those documents.
 * Statements of documents outside `documents` (drafts, retired ones) are ignored.
 */
export function resolveForce(documents: StoredDocument[], statements: StoredForceStatement[], today: string): Map<string, DocumentForce> {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const byKey = new Map<string, StoredDocument[]>();
  for (const d of documents) if (d.number) byKey.set(numberKey(d.number), [...(byKey.get(numberKey(d.number)) ?? []), d]);
  const mine = new Map<string, StoredForceStatement[]>();
  for (const s of statements) if (byId.has(s.documentId)) mine.set(s.documentId, [...(mine.get(s.documentId) ?? []), s]);
  const dates = new Map(documents.map((d) => [d.id, ownDates(d, mine.get(d.id) ?? [])]));
  const affects = new Map<string, ForceLink[]>(documents.map((d) => [d.id, []]));
  const affectedBy = new Map<string, ForceLink[]>(documents.map((d) => [d.id, []]));
  for (const s of statements) {
    const stating = byId.get(s.documentId);
    if (!stating || s.kind === 'effective' || !s.target) continue;
    const target = linkedDocument(s, stating, byKey, byId);
    const since = (s.kind === 'expires' ? s.date : null) ?? dates.get(stating.id)?.effectiveOn ?? stating.issuedOn ?? null;
    const base = { kind: s.kind, since, applied: since === null || since <= today, statementId: s.id, statingDocumentId: stating.id, sectionLabel: s.sectionLabel, text: s.text };
    affects.get(stating.id)?.push({ ...base, other: target ? partyOf(target) : partyOfTarget(s) });
    if (target) affectedBy.get(target.id)?.push({ ...base, other: partyOf(stating) });
  }
  const out = new Map<string, DocumentForce>();
  for (const d of documents) {
    const own = dates.get(d.id) ?? { effectiveOn: null, expiresOn: null, ownStatement: null };
    const incoming = (affectedBy.get(d.id) ?? []).sort(bySince);
    out.set(d.id, { ...stateOf(own, incoming, today), ...own, affects: affects.get(d.id) ?? [], affectedBy: incoming });
  }
  return out;
}

/** The documents with their force set (see {@link resolveForce}). */
export function withForce(documents: StoredDocument[], statements: StoredForceStatement[], today: string): StoredDocument[] {
  const force = resolveForce(documents, statements, today);
  return documents.map((d) => ({ ...d, force: force.get(d.id) }));
}

/** Replaced, abolished or ended by the day: answers should prefer another document. */
export function isSuperseded(d: Pick<StoredDocument, 'force'>): boolean {
  const state = d.force?.state;
  return state === 'replaced' || state === 'abolished' || state === 'expired';
}
