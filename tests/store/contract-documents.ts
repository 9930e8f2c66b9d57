/**
 * Contract cases for storing, reading, replacing and deleting documents.
 */
import { expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.ts';
import type { Db } from '../../src/core/ports.ts';
import { chunk, defaultChunks, makeDocument, reference } from './fixtures.ts';
import type { ContractContext } from './store-contract.ts';

/** Row counts and lexical statistics, to prove a failed save or a delete leaves no trace. */
export async function snapshot(db: Db): Promise<Record<string, number>> {
  const rows = await db.query<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM documents) AS documents,
    (SELECT count(*)::int FROM sections) AS sections,
    (SELECT count(*)::int FROM chunks) AS chunks,
    (SELECT count(*)::int FROM chunk_embeddings) AS embeddings,
    (SELECT count(*)::int FROM doc_references) AS refs,
    (SELECT count(*)::int FROM lexical_df) AS df_terms,
    (SELECT coalesce(sum(df), 0)::int FROM lexical_df) AS df_sum,
    (SELECT chunk_count::int FROM lexical_stats) AS stat_chunks,
    (SELECT total_length::int FROM lexical_stats) AS stat_length`);
  return rows[0]!;
}

/** Registers the document cases. */
export function documentCases(ctx: ContractContext): void {
  it('saves a document and reads it back with sections and full text', async () => {
    const saved = await ctx.store().saveDocument(makeDocument({ references: [reference('85-QĐ/TW')] }));
    expect(saved).toMatchObject({
      source: 'ke-hoach.txt', type: 'Kế hoạch', number: '12-KH/ĐU', issuer: 'Đảng ủy Khu kinh tế', year: 2023,
      yearSource: 'title', issuedOn: '2023-03-15', status: 'active', version: 1, replacedBy: null,
      sectionCount: 5, chunkCount: 4, warnings: ['không thấy ngày ban hành'], signerRole: 'T/M BAN THƯỜNG VỤ – BÍ THƯ',
    });
    expect(saved.createdAt).toBeInstanceOf(Date);
    expect(await ctx.store().getDocument(saved.id)).toEqual(saved);
    const sections = await ctx.store().getSections(saved.id);
    expect(sections.map((s) => s.label)).toEqual(['', 'I', 'I.1', 'I.1.a', 'II']);
    const partOne = sections[1]!;
    expect(partOne.fullText).toBe('Thân I.\n1. Nội dung\nThân I.1.\na) Chi tiết\nThân a.');
    expect(sections[0]!.fullText).toBe('Căn cứ Quy định.');
    expect(sections[3]!).toMatchObject({ parentLabel: 'I.1', level: 3, headingLine: 'a) Chi tiết' });
    const byIds = await ctx.store().getSectionsByIds([sections[4]!.id, 'not-a-uuid', sections[1]!.id]);
    expect(byIds.map((s) => s.label)).toEqual(['II', 'I']);
    expect(await ctx.store().getReferences(saved.id)).toEqual([reference('85-QĐ/TW')]);
    expect(await ctx.store().countActiveChunks()).toBe(4);
    expect(await ctx.store().getDocument('nope')).toBeNull();
  });

  it('lists documents by year, type, issuer and status', async () => {
    const a = await ctx.store().saveDocument(makeDocument({ source: 'a.txt', number: '1-KH/TU', year: 2022 }));
    const b = await ctx.store().saveDocument(
      makeDocument({ source: 'b.txt', number: '2-HD/TU', year: 2023, issuer: 'Thành ủy Bắc Kạn', status: 'draft' }),
    );
    const all = await ctx.store().listDocuments();
    expect(all.map((d) => d.id)).toEqual([b.id, a.id]);
    expect((await ctx.store().listDocuments({ year: 2022 })).map((d) => d.id)).toEqual([a.id]);
    expect((await ctx.store().listDocuments({ issuer: 'bắc kạn' })).map((d) => d.id)).toEqual([b.id]);
    expect((await ctx.store().listDocuments({ status: 'active' })).map((d) => d.id)).toEqual([a.id]);
    expect(await ctx.store().listDocuments({ status: ['active', 'draft'], type: 'Kế hoạch' })).toHaveLength(2);
    expect(await ctx.store().listDocuments({ type: 'Chỉ thị' })).toEqual([]);
  });

  it('finds by hash and finds what a new version would replace', async () => {
    const doc = makeDocument();
    const saved = await ctx.store().saveDocument(doc);
    expect((await ctx.store().findByHash(doc.contentHash))?.id).toBe(saved.id);
    expect(await ctx.store().findByHash('0'.repeat(64))).toBeNull();
    const byNumber = { number: '12 - KH/DU', issuer: 'ĐẢNG ỦY KHU KINH TẾ', source: 'other.docx' };
    expect((await ctx.store().findReplaceable(byNumber))?.id).toBe(saved.id);
    const bySource = { number: null, issuer: null, source: 'ke-hoach.txt' };
    expect((await ctx.store().findReplaceable(bySource))?.id).toBe(saved.id);
    const otherIssuer = { number: '12-KH/ĐU', issuer: 'Huyện ủy', source: 'x.txt' };
    expect(await ctx.store().findReplaceable(otherIssuer)).toBeNull();
  });

  it('replaces a version atomically and keeps the history', async () => {
    const v1 = await ctx.store().saveDocument(makeDocument({ chunks: defaultChunks('cu') }));
    const v2 = await ctx.store().saveDocument(makeDocument({ chunks: defaultChunks('moi') }), { replaces: v1.id });
    expect(v2).toMatchObject({ status: 'active', version: 2 });
    expect(await ctx.store().getDocument(v1.id)).toMatchObject({ status: 'replaced', replacedBy: v2.id });
    expect((await ctx.store().history(v1.id)).map((d) => [d.id, d.version])).toEqual([
      [v2.id, 2],
      [v1.id, 1],
    ]);
    expect(await ctx.store().countActiveChunks()).toBe(4);
    const draft = await ctx.store().saveDocument(makeDocument({ chunks: defaultChunks('ba'), status: 'draft' }), {
      replaces: v2.id,
    });
    expect((await ctx.store().getDocument(v2.id))?.status).toBe('active');
    const published = await ctx.store().publish(draft.id, { replaces: v2.id });
    expect(published).toMatchObject({ status: 'active', version: 3 });
    expect(await ctx.store().getDocument(v2.id)).toMatchObject({ status: 'replaced', replacedBy: draft.id });
    expect(await ctx.store().history(v1.id)).toHaveLength(3);
  });

  it('leaves no trace of a document whose save fails half-way', async () => {
    await ctx.store().saveDocument(makeDocument({ source: 'good.txt', number: '1-KH/TU' }));
    const before = await snapshot(ctx.db());
    const missingSection = makeDocument({ source: 'bad.txt', chunks: [...defaultChunks('x'), chunk(99, 0, 'mo coi', [])] });
    await expect(ctx.store().saveDocument(missingSection)).rejects.toBeInstanceOf(StoreError);
    const nanVector = makeDocument({ source: 'nan.txt', chunks: [chunk(1, 0, 'hiem co', [NaN, 0, 0, 1])] });
    await expect(ctx.store().saveDocument(nanVector)).rejects.toBeInstanceOf(StoreError);
    const replaceMissing = makeDocument({ source: 'r.txt' });
    const missingId = '00000000-0000-4000-8000-000000000000';
    await expect(ctx.store().saveDocument(replaceMissing, { replaces: missingId })).rejects.toBeInstanceOf(StoreError);
    expect(await snapshot(ctx.db())).toEqual(before);
    expect(await ctx.store().findByHash(nanVector.contentHash)).toBeNull();
  });

  it('deletes a document with everything under it and its lexical statistics', async () => {
    await ctx.store().saveDocument(makeDocument({ source: 'keep.txt', number: '1-KH/TU' }));
    const before = await snapshot(ctx.db());
    const gone = await ctx.store().saveDocument(
      makeDocument({ source: 'gone.txt', chunks: defaultChunks('beta'), references: [reference('85-QĐ/TW')] }),
    );
    expect((await snapshot(ctx.db())).documents).toBe(2);
    await ctx.store().deleteDocument(gone.id);
    expect(await snapshot(ctx.db())).toEqual(before);
    expect(await ctx.store().getDocument(gone.id)).toBeNull();
    await ctx.store().deleteDocument('not-a-uuid');
  });

  it('matches references across spellings of a number, in active documents only', async () => {
    const doc = await ctx.store().saveDocument(makeDocument({ references: [reference('85-QĐ/TW')] }));
    await ctx.store().saveDocument(
      makeDocument({ source: 'draft.txt', number: null, status: 'draft', references: [reference('85-QĐ/TW')] }),
    );
    const sectionII = (await ctx.store().getSections(doc.id)).find((s) => s.label === 'II');
    expect(sectionII).toBeDefined();
    for (const spelling of ['85-QĐ/TW', '85 - QĐ/TW', '85-QD/TW', '85-qđ/tw']) {
      const hits = await ctx.store().findReferences(spelling);
      expect(hits, spelling).toEqual([
        {
          documentId: doc.id, sectionLabel: 'II', sectionId: sectionII?.id, number: '85-QĐ/TW', type: 'Quy định',
          date: '2022-06-01', text: reference('85-QĐ/TW').text,
        },
      ]);
    }
    expect(await ctx.store().findReferences('86-QĐ/TW')).toEqual([]);
    expect(await ctx.store().findReferences('85-QĐ/TW', 0)).toEqual([]);
    expect(await ctx.store().findReferences('85-QĐ/TW', undefined, ['00000000-0000-4000-8000-000000000000'])).toEqual([]);
    expect((await ctx.store().findReferences('85-QĐ/TW', 10, [doc.id])).map((h) => h.documentId)).toEqual([doc.id]);
  });

  it('updates metadata and status', async () => {
    const doc = await ctx.store().saveDocument(makeDocument());
    const updated = await ctx.store().updateMetadata(doc.id, { number: '13 - KH/ĐU', year: 2024, issuedOn: null });
    expect(updated).toMatchObject({ number: '13 - KH/ĐU', year: 2024, issuedOn: null, title: doc.title });
    const q = { number: '13-KH/DU', issuer: doc.issuer, source: 'z.txt' };
    expect((await ctx.store().findReplaceable(q))?.id).toBe(doc.id);
    await ctx.store().setStatus(doc.id, 'retired');
    expect((await ctx.store().getDocument(doc.id))?.status).toBe('retired');
    expect(await ctx.store().countActiveChunks()).toBe(0);
    await expect(ctx.store().setStatus('00000000-0000-4000-8000-000000000000', 'active')).rejects.toBeInstanceOf(
      StoreError,
    );
  });

  it('logs ingestions, newest first', async () => {
    await ctx.store().logIngestion({
      source: 'a.txt', contentHash: 'h1', outcome: 'stored', documentId: null, message: 'ok', durationMs: 12.4,
    });
    await ctx.store().logIngestion({
      source: 'b.pdf', contentHash: null, outcome: 'failed', documentId: null, message: 'no text', durationMs: 3,
    });
    const log = await ctx.store().recentIngestions(10);
    expect(log.map((l) => [l.source, l.outcome, l.durationMs])).toEqual([
      ['b.pdf', 'failed', 3],
      ['a.txt', 'stored', 12],
    ]);
    expect(log[0]!.at).toBeInstanceOf(Date);
  });
}
