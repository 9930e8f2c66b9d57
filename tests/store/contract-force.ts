/**
 * Contract cases for statements of force: stored with their document in one transaction (a draft's too), read
 * by status or document, relinked by an admin and back to automatic linking, unlinked when the linked document
 * is deleted.
 */
import { expect, it } from 'vitest';
import type { ForceStatement } from '../../src/core/force.ts';
import { defaultChunks, makeDocument } from './fixtures.ts';
import type { ContractContext } from './store-contract.ts';

const REPLACES: ForceStatement = {
  kind: 'replaces',
  target: { type: 'Quy định', number: '05-QĐ/TU', date: '2019-09-12', issuer: 'Ban Thường vụ Tỉnh ủy' },
  date: null,
  fromSigning: false,
  text: 'Quy định này có hiệu lực kể từ ngày ký, thay thế Quy định số 05-QĐ/TU, ngày 12/9/2019.',
  sectionLabel: 'II',
};
const EFFECTIVE: ForceStatement = { kind: 'effective', target: null, date: null, fromSigning: true, text: REPLACES.text, sectionLabel: 'II' };

/** Registers the force cases. */
export function forceCases(ctx: ContractContext): void {
  it('stores statements of force with the document and reads them by status or by document', async () => {
    const store = ctx.store();
    const old = await store.saveDocument(makeDocument({ source: 'qd-05.txt', number: '05-QĐ/TU', chunks: defaultChunks('cu') }));
    const fresh = await store.saveDocument({ ...makeDocument({ source: 'qd-12.txt', number: '12-QĐ/TU', chunks: defaultChunks('moi') }), force: [EFFECTIVE, REPLACES] });
    const draft = await store.saveDocument({ ...makeDocument({ source: 'qd-15.txt', number: '15-QĐ/TU', status: 'draft', chunks: defaultChunks('nhap') }), force: [REPLACES] });
    const active = await store.forceStatements();
    expect(active.map((s) => [s.documentId, s.kind])).toEqual([
      [fresh.id, 'effective'],
      [fresh.id, 'replaces'],
    ]);
    expect(active[1]).toMatchObject({ ...REPLACES, linkSource: 'auto', linkedId: null });
    expect(active[0]).toMatchObject({ target: null, fromSigning: true });
    const withDraft = await store.forceStatements({ statuses: ['active'], documentIds: [draft.id] });
    expect(withDraft.map((s) => s.documentId)).toEqual([fresh.id, fresh.id, draft.id]);
    expect((await store.forceStatements({ documentIds: [draft.id] })).map((s) => s.documentId)).toEqual([draft.id]);
    expect(old.status).toBe('active');
  });

  it('relinks a statement to a document or to none, back to automatic, and unlinks a deleted document', async () => {
    const store = ctx.store();
    const target = await store.saveDocument(makeDocument({ source: 'hd-07.txt', number: '07-HD/TU', chunks: defaultChunks('cu') }));
    await store.saveDocument({ ...makeDocument({ source: 'qd-12.txt', number: '12-QĐ/TU', chunks: defaultChunks('moi') }), force: [REPLACES] });
    const [statement] = await store.forceStatements();
    const linked = await store.setForceLink(statement!.id, { documentId: target.id });
    expect(linked).toMatchObject({ id: statement!.id, linkSource: 'admin', linkedId: target.id });
    expect(await store.setForceLink(statement!.id, { documentId: null })).toMatchObject({ linkSource: 'admin', linkedId: null });
    expect(await store.setForceLink(statement!.id, 'auto')).toMatchObject({ linkSource: 'auto', linkedId: null });
    await store.setForceLink(statement!.id, { documentId: target.id });
    await store.deleteDocument(target.id);
    expect((await store.forceStatements())[0]).toMatchObject({ linkSource: 'admin', linkedId: null });
    expect(await store.setForceLink(999_999, 'auto')).toBeNull();
  });

  it('deletes the statements with their document', async () => {
    const store = ctx.store();
    const doc = await store.saveDocument({ ...makeDocument({ source: 'qd-12.txt', number: '12-QĐ/TU' }), force: [REPLACES] });
    await store.deleteDocument(doc.id);
    expect(await ctx.db().query('SELECT 1 FROM force_statements')).toEqual([]);
  });
}
