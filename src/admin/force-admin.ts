/**
 * The admin's view of statements of force: what a draft will replace, abolish or amend once published (and
 * whether a stored document already replaced it), a document's status and chain, and the correction of a wrong
 * link, recorded in the audit log. The same resolution as the catalog's (src/retrieval/force-status.ts), with the
 * document under review counted among the documents in force.
 */
import type { Clock, DocumentStore } from '../core/ports.ts';
import type { Activity, Actor, ForceReview } from '../core/services.ts';
import type { StoredDocument } from '../core/types.ts';
import { StoreError } from '../core/errors.ts';
import type { Catalog } from '../retrieval/catalog.ts';
import { resolveForce, vietnamDay } from '../retrieval/force-status.ts';

export interface ForceAdminDeps {
  store: DocumentStore;
  activity: Activity;
  catalog: Catalog;
  clock: Clock;
}

/** Creates the force part of the admin service. */
export function createForceAdmin(deps: ForceAdminDeps) {
  const { store } = deps;

  async function review(document: StoredDocument): Promise<ForceReview> {
    const active = await store.listDocuments({ status: 'active' });
    const documents = active.some((d) => d.id === document.id) ? active : [...active, document];
    const statements = await store.forceStatements({ statuses: ['active'], documentIds: [document.id] });
    const force = resolveForce(documents, statements, vietnamDay(deps.clock.now())).get(document.id);
    if (!force) throw new StoreError(`document ${document.id} missing from its own force review`);
    const byId = new Map(documents.map((d) => [d.id, d]));
    const views = statements.flatMap((s) => {
      if (s.documentId !== document.id || !s.target) return [];
      const link = force.affects.find((l) => l.statementId === s.id);
      const linked = link?.other.documentId ? (byId.get(link.other.documentId) ?? null) : null;
      return [{ id: s.id, kind: s.kind, text: s.text, sectionLabel: s.sectionLabel, target: s.target, linkSource: s.linkSource, linked }];
    });
    return { force, statements: views };
  }

  async function requireDocument(id: string): Promise<StoredDocument> {
    const doc = await store.getDocument(id);
    if (!doc) throw new StoreError(`document ${id} not found`);
    return doc;
  }

  return {
    review,
    async reviewById(id: string): Promise<ForceReview> {
      return review(await requireDocument(id));
    },
    /** Sets the link of one of the document's statements; the audit log keeps what it was and what it became. */
    async relink(documentId: string, statementId: number, target: string | null | 'auto', actor: Actor): Promise<ForceReview> {
      const doc = await requireDocument(documentId);
      const before = (await review(doc)).statements.find((s) => s.id === statementId);
      if (!before) throw new StoreError(`statement ${statementId} is not one of document ${documentId}`);
      if (target === documentId) throw new StoreError('a document cannot replace or amend itself');
      if (target !== null && target !== 'auto') await requireDocument(target);
      await store.setForceLink(statementId, target === 'auto' ? 'auto' : { documentId: target });
      await deps.activity.recordAdminAction(actor, 'relink-force', {
        documentId,
        statementId,
        kind: before.kind,
        named: before.target.number,
        from: before.linked?.id ?? null,
        to: target,
      });
      deps.catalog.invalidate();
      return review(doc);
    },
  };
}
