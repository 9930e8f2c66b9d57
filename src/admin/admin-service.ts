/**
 * Admin operations shared by the Telegram admin commands, the CLI and (later) the HTTP admin API:
 * upload → draft with what the parser understood → publish (replacing the old version atomically) or
 * cancel; retire, remove, history and statistics; what a document replaces or amends, and the correction of a
 * wrong link (src/admin/force-admin.ts). Every write is recorded in the audit log.
 */
import type { Clock, DocumentStore } from '../core/ports.ts';
import type { Activity, Actor, Admin, DraftReview } from '../core/services.ts';
import type { StoredDocument } from '../core/types.ts';
import { StoreError } from '../core/errors.ts';
import type { Ingestor } from '../../ingestion/pipeline.ts';
import { sourceName } from '../../ingestion/source-name.ts';

/** How much of an uploaded file's original name the audit log keeps (a hostile one can be very long). */
const MAX_AUDITED_NAME_CHARS = 1000;

const STATUS_WORDS: Record<StoredDocument['status'], string> = {
  draft: 'bản nháp',
  active: 'đang hiệu lực',
  replaced: 'đã được thay thế',
  retired: 'đã gỡ',
};
import type { Catalog } from '../retrieval/catalog.ts';
import { createForceAdmin } from './force-admin.ts';

export interface AdminDeps {
  store: DocumentStore;
  ingestor: Ingestor;
  activity: Activity;
  catalog: Catalog;
  /** "Today" for effective dates in the force review; the system clock when absent. */
  clock?: Clock;
}

/** Creates the admin service. */
export function createAdminService(deps: AdminDeps): Admin {
  const { store, activity, catalog } = deps;
  const forces = createForceAdmin({ store, activity, catalog, clock: deps.clock ?? { now: () => new Date() } });

  async function review(document: StoredDocument): Promise<DraftReview> {
    const sections = await store.getSections(document.id);
    const replaces = await store.findReplaceable({ number: document.number, issuer: document.issuer, source: document.source });
    return {
      document,
      outline: sections.map((s) => ({ label: s.label, heading: s.heading, level: s.level })),
      replaces: replaces && replaces.id !== document.id ? replaces : null,
      warnings: document.warnings,
      force: await forces.review(document),
    };
  }

  async function requireDoc(id: string): Promise<StoredDocument> {
    const doc = await store.getDocument(id);
    if (!doc) throw new StoreError(`document ${id} not found`);
    return doc;
  }

  return {
    async upload(file, actor) {
      const result = await deps.ingestor.ingestFile(file, { status: 'draft' });
      const detail = { source: result.source, outcome: result.outcome, reason: result.reason, ...originalName(file.name) };
      await activity.recordAdminAction(actor, 'upload', detail);
      if (result.outcome === 'failed') return { refused: true, reason: `${result.source}: ${result.reason}`, ...(result.overLimit ? { overLimit: true } : {}) };
      if (!result.document) return { refused: true, reason: `${result.source}: ${result.reason ?? 'không lưu được'}` };
      if (result.outcome !== 'skipped') return review(result.document);
      const existing = await review(result.document);
      return { ...existing, warnings: [sameContentWarning(result.document), ...existing.warnings], sameContent: true };
    },
    async updateDraft(id, patch, actor) {
      const doc = await store.updateMetadata(id, patch);
      await activity.recordAdminAction(actor, 'update', { documentId: id, patch });
      // An active document's metadata (year, issuer …) drives retrieval, so answers must see the edit now.
      if (doc.status === 'active') catalog.invalidate();
      return review(doc);
    },
    async publish(id, actor) {
      const draft = await requireDoc(id);
      const replaces = await store.findReplaceable({ number: draft.number, issuer: draft.issuer, source: draft.source });
      const published = await store.publish(id, { replaces: replaces && replaces.id !== id ? replaces.id : undefined });
      await activity.recordAdminAction(actor, 'publish', { documentId: id, replaces: replaces?.id ?? null });
      catalog.invalidate();
      return published;
    },
    async cancel(id, actor) {
      const doc = await requireDoc(id);
      if (doc.status === 'draft') await store.deleteDocument(id);
      await activity.recordAdminAction(actor, 'cancel', { documentId: id });
    },
    async retire(id, actor) {
      await store.setStatus(id, 'retired');
      await activity.recordAdminAction(actor, 'retire', { documentId: id });
      catalog.invalidate();
    },
    async restore(id, actor) {
      const doc = await requireDoc(id);
      if (doc.status !== 'replaced' && doc.status !== 'retired') {
        throw new StoreError(`document ${id} is ${doc.status}; only a replaced or retired version can be restored`);
      }
      const current = (await store.history(id)).find((d) => d.status === 'active' && d.id !== id) ?? null;
      const restored = await store.publish(id, { replaces: current?.id });
      await activity.recordAdminAction(actor, 'restore', { documentId: id, replaces: current?.id ?? null });
      catalog.invalidate();
      return restored;
    },
    async remove(id, actor) {
      await store.deleteDocument(id);
      await activity.recordAdminAction(actor, 'delete', { documentId: id });
      catalog.invalidate();
    },
    history: (id) => store.history(id),
    stats: () => activity.stats(),
    force: (id) => forces.reviewById(id),
    relinkForce: (id, statementId, target, actor) => forces.relink(id, statementId, target, actor),
  };
}

/** The warning shown when an upload has the same bytes as a stored draft or document. */
export function sameContentWarning(doc: StoredDocument): string {
  return `Tệp giống hệt văn bản đã có trong kho (${STATUS_WORDS[doc.status]}, tệp "${doc.source}"): không tạo bản nháp mới`;
}

/** The name the file was sent with, for the audit log, when it differs from the name it is stored under. */
function originalName(name: string): { originalName?: string; originalNameChars?: number } {
  if (name === sourceName(name)) return {};
  const kept = name.slice(0, MAX_AUDITED_NAME_CHARS);
  return kept.length === name.length ? { originalName: name } : { originalName: kept, originalNameChars: name.length };
}

/** The actor for admin actions taken from the command line. */
export const CLI_ACTOR: Actor = { channel: 'cli', userId: 'cli' };
