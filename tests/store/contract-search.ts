/**
 * Contract cases for BM25 lexical search and pgvector search.
 */
import { expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.ts';
import { chunk, defaultChunks, makeDocument } from './fixtures.ts';
import type { ContractContext } from './store-contract.ts';

const q = (...words: string[]) => new Map(words.map((w) => [w, 1]));

/** Registers the search cases. */
export function searchCases(ctx: ContractContext): void {
  /** A (2023): default chunks tagged alpha; B (2022): tagged beta plus one chunk with the rare "zeta". */
  async function seed() {
    const a = await ctx.store().saveDocument(makeDocument({ source: 'a.txt', number: '1-KH/TU', year: 2023 }));
    const b = await ctx.store().saveDocument(
      makeDocument({
        source: 'b.txt', number: '2-KH/TU', year: 2022,
        chunks: [...defaultChunks('beta'), chunk(3, 0, 'dang zeta chi tiet', [0.5, 0.5, 0, 0])],
      }),
    );
    return { a, b };
  }

  it('ranks the chunk with a rare exact term first', async () => {
    const { b } = await seed();
    const hits = await ctx.store().lexicalSearch(q('dang', 'zeta'), {}, 5);
    expect(hits[0]).toMatchObject({ documentId: b.id, sectionLabel: 'I.1.a', text: 'dang zeta chi tiet' });
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score * 5);
    const both = await ctx.store().lexicalSearch(q('noi', 'dung', 'alpha'), {}, 10);
    expect(both[0]).toMatchObject({ sectionLabel: 'I.1', text: 'dang noi dung tuyen truyen alpha' });
  });

  it('weights terms by IDF: a term in every chunk scores about zero', async () => {
    await seed();
    const common = await ctx.store().lexicalSearch(q('dang'), {}, 20);
    expect(common).toHaveLength(9);
    const rare = await ctx.store().lexicalSearch(q('zeta'), {}, 20);
    expect(rare).toHaveLength(1);
    for (const hit of common) expect(hit.score).toBeLessThan(rare[0]!.score * 0.1);
    const doubled = await ctx.store().lexicalSearch(new Map([['zeta', 2]]), {}, 1);
    expect(doubled[0]!.score).toBeCloseTo(rare[0]!.score * 2, 4);
    expect(await ctx.store().lexicalSearch(q('khong', 'co'), {}, 5)).toEqual([]);
    expect(await ctx.store().lexicalSearch(new Map(), {}, 5)).toEqual([]);
  });

  it('filters lexical search by year and document', async () => {
    const { a, b } = await seed();
    const in2022 = await ctx.store().lexicalSearch(q('noi', 'dung'), { years: [2022] }, 10);
    expect(in2022.map((h) => h.documentId)).toEqual([b.id]);
    const onlyA = await ctx.store().lexicalSearch(q('dang'), { documentIds: [a.id] }, 10);
    expect(new Set(onlyA.map((h) => h.documentId))).toEqual(new Set([a.id]));
    expect(await ctx.store().lexicalSearch(q('dang'), { documentIds: ['bogus'] }, 10)).toEqual([]);
    expect(await ctx.store().lexicalSearch(q('dang'), { years: [2030] }, 10)).toEqual([]);
  });

  it('finds a document issued in one year for the next under either year', async () => {
    const late = await ctx.store().saveDocument(
      makeDocument({ source: 'nq.txt', number: '27-NQ/HU', year: 2025, issuedOn: '2024-12-16', chunks: [chunk(1, 0, 'omega nhiem vu', [0, 0, 1, 0])] }),
    );
    for (const years of [[2024], [2025]]) {
      expect((await ctx.store().lexicalSearch(q('omega'), { years }, 5)).map((h) => h.documentId)).toEqual([late.id]);
      expect((await ctx.store().vectorSearch('test-4d', [0, 0, 1, 0], { years }, 5)).map((h) => h.documentId)).toEqual([late.id]);
    }
    expect(await ctx.store().lexicalSearch(q('omega'), { years: [2023] }, 5)).toEqual([]);
  });

  it('searches only active documents', async () => {
    const { b } = await seed();
    await ctx.store().saveDocument(makeDocument({ source: 'd.txt', number: null, status: 'draft', chunks: [chunk(1, 0, 'omega', [1, 1, 0, 0])] }));
    expect(await ctx.store().lexicalSearch(q('omega'), {}, 5)).toEqual([]);
    const v2 = await ctx.store().saveDocument(
      makeDocument({ source: 'b.txt', number: '2-KH/TU', year: 2022, chunks: [chunk(1, 0, 'zeta moi', [1, 0, 0, 0])] }),
      { replaces: b.id },
    );
    const afterReplace = await ctx.store().lexicalSearch(q('zeta'), {}, 5);
    expect(afterReplace.map((h) => h.documentId)).toEqual([v2.id]);
    await ctx.store().setStatus(v2.id, 'retired');
    expect(await ctx.store().lexicalSearch(q('zeta'), {}, 5)).toEqual([]);
    expect(await ctx.store().vectorSearch('test-4d', [1, 0, 0, 0], { documentIds: [v2.id] }, 5)).toEqual([]);
  });

  it('ranks the nearest vector first by cosine similarity', async () => {
    const { a } = await seed();
    const hits = await ctx.store().vectorSearch('test-4d', [0.1, 0.9, 0, 0], { years: [2023] }, 3);
    expect(hits[0]).toMatchObject({ documentId: a.id, sectionLabel: 'I' });
    expect(hits[0]!.score).toBeCloseTo(0.9 / Math.sqrt(0.82), 4);
    expect(hits[1]!.score).toBeLessThan(hits[0]!.score);
    const mixed = await ctx.store().vectorSearch('test-4d', [1, 1, 0, 0], {}, 1);
    expect(mixed[0]!.text).toBe('dang zeta chi tiet');
  });

  it('keeps models apart and refuses a vector of the wrong size', async () => {
    await seed();
    const other = await ctx.store().saveDocument(
      makeDocument({ source: 'o.txt', number: null, model: 'other-4d', chunks: [chunk(1, 0, 'khac', [0, 0, 0, 1])] }),
    );
    const hits = await ctx.store().vectorSearch('test-4d', [0, 0, 0, 1], {}, 20);
    expect(hits.every((h) => h.documentId !== other.id)).toBe(true);
    const own = await ctx.store().vectorSearch('other-4d', [0, 0, 0, 1], {}, 20);
    expect(own.map((h) => h.documentId)).toEqual([other.id]);
    expect(await ctx.store().vectorSearch('unknown-model', [1, 0, 0, 0], {}, 5)).toEqual([]);
    await expect(ctx.store().vectorSearch('test-4d', [1, 0, 0], {}, 5)).rejects.toBeInstanceOf(StoreError);
  });

  it('creates a partial HNSW index per model that the search expression can use', async () => {
    await seed();
    const defs = await ctx.db().query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'chunk_embeddings' AND indexdef LIKE '%hnsw%'`,
    );
    expect(defs.some((d) => d.indexdef.includes('vector(4)') && d.indexdef.includes("'test-4d'"))).toBe(true);
    const plan = await ctx.db().transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return tx.query<Record<string, string>>(
        `EXPLAIN SELECT chunk_id FROM chunk_embeddings e WHERE e.model = 'test-4d'
         ORDER BY (e.embedding::vector(4)) <=> '[1,0,0,0]'::vector(4) LIMIT 3`,
      );
    });
    expect(plan.map((r) => Object.values(r)[0]).join('\n')).toMatch(/Index Scan using chunk_embeddings_hnsw_test_4d/);
  });

  it('fills the limit through the HNSW index even when a year filter discards the nearest neighbours', async () => {
    // 1,500 chunks of 2022 point almost exactly along the query, the 80 chunks of 2023 well away from it: a
    // plain HNSW scan (ef_search 40) meets 2022 chunks only, and the year filter would leave next to nothing.
    const near = Array.from({ length: 1500 }, (_, i) => chunk(1, i, `gan ${i}`, [1, 0.01 * (i % 7), 0.0001 * i, 0]));
    const far = Array.from({ length: 80 }, (_, i) => chunk(1, i, `xa ${i}`, [1, 0.5, 0.3 + 0.001 * i, 0.2]));
    await ctx.store().saveDocument(makeDocument({ source: 'near.txt', number: '5-KH/TU', year: 2022, chunks: near }));
    const target = await ctx.store().saveDocument(makeDocument({ source: 'far.txt', number: '6-KH/TU', year: 2023, chunks: far }));
    // Force the index (the planner could pick an exact scan on so small a table, and the test would prove nothing).
    // Both backends here run one database session (pglite-socket serves every connection from one PGlite).
    await ctx.db().query('SET enable_seqscan = off');
    try {
      const hits = await ctx.store().vectorSearch('test-4d', [1, 0, 0, 0], { years: [2023] }, 60);
      expect(hits).toHaveLength(60);
      expect(hits.every((h) => h.documentId === target.id)).toBe(true);
      const unfiltered = await ctx.store().vectorSearch('test-4d', [1, 0, 0, 0], {}, 100);
      expect(unfiltered).toHaveLength(100);
    } finally {
      await ctx.db().query('RESET enable_seqscan');
    }
  });

  it('lists chunks missing a vector for a new model and stores them', async () => {
    await seed();
    await ctx.store().saveDocument(makeDocument({ source: 'd.txt', number: null, status: 'draft', chunks: [chunk(1, 0, 'nhap', [1, 0, 0, 0])] }));
    const missing = await ctx.store().chunksMissingEmbedding('next-3d', 100);
    expect(missing).toHaveLength(9);
    expect(missing.some((m) => m.searchText === 'nhap')).toBe(false);
    await ctx.store().saveEmbeddings(
      'next-3d',
      missing.map((m, i) => ({ chunkId: m.chunkId, embedding: [1, i, 0] })),
    );
    expect(await ctx.store().chunksMissingEmbedding('next-3d', 100)).toEqual([]);
    expect(await ctx.store().chunksMissingEmbedding('test-4d', 100)).toEqual([]);
    const hits = await ctx.store().vectorSearch('next-3d', [1, 0, 0], {}, 1);
    expect(hits[0]!.chunkId).toBe(missing[0]!.chunkId);
    await expect(
      ctx.store().saveEmbeddings('next-3d', [{ chunkId: missing[0]!.chunkId, embedding: [1, 0, 0, 0] }]),
    ).rejects.toBeInstanceOf(StoreError);
  });
}
