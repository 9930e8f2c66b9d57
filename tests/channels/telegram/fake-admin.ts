/**
 * A deterministic in-memory Admin service for the Telegram channel tests. Uploads become drafts that
 * replace FAKE_DOC; files named `*.bin` or empty files are refused as the real service would.
 */
import type { Actor, Admin, DraftReview, ForceReview, UploadRefusal, UsageStats } from '../../../src/core/services.ts';
import type { StoredDocument } from '../../../src/core/types.ts';
import { FAKE_DOC, FAKE_SECTIONS } from '../../fakes/fake-services.ts';

export interface AdminCall {
  method: string;
  documentId?: string;
  actor?: Actor;
  file?: { name: string; text: string };
}

/** A draft id as long as a UUID, so callback data sizes are tested at their worst. */
export const DRAFT_ID = '3f2b8c9e-1d4a-4b7e-9c2f-8a6d5e4f3b21';

/** The draft states that it replaces Quy định số 05-QĐ/TU, which the collection holds as FAKE_DOC. */
export function fakeForceReview(linked = true): ForceReview {
  const target = { type: 'Quy định' as const, number: '05-QĐ/TU', date: '2019-09-12', issuer: 'Ban Thường vụ Tỉnh ủy' };
  const statement = { id: 7, kind: 'replaces' as const, text: 'Quy định này thay thế Quy định số 05-QĐ/TU, ngày 12/9/2019.', sectionLabel: 'Điều 7', target };
  const other = linked ? { documentId: FAKE_DOC.id, ...target, title: FAKE_DOC.title } : { documentId: null, ...target, title: null };
  return {
    force: {
      state: 'in_force',
      by: null,
      effectiveOn: null,
      expiresOn: null,
      ownStatement: null,
      affects: [{ kind: 'replaces', other, since: null, applied: true, statementId: 7, statingDocumentId: DRAFT_ID, sectionLabel: 'Điều 7', text: statement.text }],
      affectedBy: [],
    },
    statements: [{ ...statement, linkSource: linked ? 'auto' : 'admin', linked: linked ? FAKE_DOC : null }],
  };
}

export function createFakeAdmin() {
  const calls: AdminCall[] = [];
  const draft = (name: string): StoredDocument => ({
    ...FAKE_DOC,
    id: DRAFT_ID,
    source: name,
    number: '12-KH/ĐU',
    title: 'tuyên truyền <kỷ niệm> & học tập năm 2023',
    status: 'draft',
    version: 2,
    warnings: ['Không tìm thấy ngày ban hành'],
  });
  const admin: Admin & { calls: AdminCall[] } = {
    calls,
    async upload(file, actor): Promise<DraftReview | UploadRefusal> {
      const text = new TextDecoder().decode(file.bytes);
      calls.push({ method: 'upload', actor, file: { name: file.name, text } });
      if (file.bytes.byteLength === 0) return { refused: true, reason: 'tệp rỗng' };
      return {
        document: draft(file.name),
        outline: FAKE_SECTIONS.map((s) => ({ label: s.label, heading: s.heading, level: s.level })),
        replaces: FAKE_DOC,
        warnings: ['Năm lấy từ tiêu đề'],
        force: fakeForceReview(),
      };
    },
    async updateDraft(documentId, _patch, actor) {
      calls.push({ method: 'updateDraft', documentId, actor });
      throw new Error('not used by the Telegram channel');
    },
    async publish(documentId, actor) {
      calls.push({ method: 'publish', documentId, actor });
      return { ...draft('published.txt'), id: documentId, status: 'active' };
    },
    async cancel(documentId, actor) {
      calls.push({ method: 'cancel', documentId, actor });
    },
    async retire(documentId, actor) {
      calls.push({ method: 'retire', documentId, actor });
    },
    async restore(documentId, actor) {
      calls.push({ method: 'restore', documentId, actor });
      return { ...draft('restored.txt'), id: documentId, status: 'active' };
    },
    async remove(documentId, actor) {
      calls.push({ method: 'remove', documentId, actor });
    },
    async history(documentId) {
      calls.push({ method: 'history', documentId });
      return [
        { ...FAKE_DOC, version: 2, status: 'active' },
        { ...FAKE_DOC, version: 1, status: 'replaced', createdAt: new Date('2025-06-01T00:00:00Z') },
      ];
    },
    async force(documentId) {
      calls.push({ method: 'force', documentId });
      return fakeForceReview();
    },
    async relinkForce(documentId, statementId, target, actor) {
      calls.push({ method: `relinkForce:${statementId}:${target}`, documentId, actor });
      return fakeForceReview(target !== null);
    },
    async stats(): Promise<UsageStats> {
      calls.push({ method: 'stats' });
      return {
        questions: 120,
        refusals: 14,
        byChannel: { telegram: 80, zalo: 40 },
        feedback: { up: 30, down: 5, reasons: { wrong_source: 3, off_topic: 2 } },
        unanswered: [
          { question: 'giá vàng hôm nay <bao nhiêu>?', count: 6 },
          { question: 'kế hoạch năm 2025', count: 4 },
        ],
        daily: [],
      };
    },
  };
  return admin;
}
