/**
 * Planner statistics follow the collection's size: embedded PGlite has no autovacuum, so the store runs
 * VACUUM ANALYZE itself when the chunk count grew by a quarter (or shrank by a fifth); without it the planner
 * takes every table for empty and picks per-document index probes that are ten times slower at 1,000 documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DocumentStore } from '../../src/core/ports.ts';
import { getSetting } from '../../src/store/lexical-rebuild.ts';
import { boundWriteAheadLog, refreshPlannerStats, statsAreStale } from '../../src/store/planner-stats.ts';
import { chunk, makeDocument, openMemoryStore } from './fixtures.ts';

let db: Db;
let store: DocumentStore;

beforeAll(async () => {
  ({ db, store } = await openMemoryStore());
});

afterAll(async () => {
  await db.close();
});

/** What the planner believes the chunks table holds. */
async function plannerChunks(): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'chunks'`);
  return rows[0]?.n ?? NaN;
}

function manyChunks(n: number, word: string) {
  return Array.from({ length: n }, (_, i) => chunk(1, i, `${word} đoạn ${i}`, [1, 0, 0, i % 2]));
}

describe('planner statistics', () => {
  it('decides staleness by growth and shrinkage, not by every save', () => {
    expect(statsAreStale(null, 0)).toBe(false);
    expect(statsAreStale(null, 3)).toBe(true);
    expect(statsAreStale(1000, 1100)).toBe(false);
    expect(statsAreStale(1000, 1250)).toBe(true);
    expect(statsAreStale(10, 150)).toBe(false);
    expect(statsAreStale(10, 210)).toBe(true);
    expect(statsAreStale(1000, 790)).toBe(true);
    expect(statsAreStale(1000, 900)).toBe(false);
  });

  it('are gathered by the first save, refreshed after growth and after a large delete', async () => {
    expect(await refreshPlannerStats(db)).toBe(false);
    await store.saveDocument(makeDocument({ source: 'first.txt', chunks: manyChunks(3, 'một') }));
    expect(await getSetting(db, 'analyzed_chunk_count')).toBe('3');
    expect(await plannerChunks()).toBe(3);

    await store.saveDocument(makeDocument({ source: 'small.txt', chunks: manyChunks(2, 'hai') }));
    expect(await getSetting(db, 'analyzed_chunk_count')).toBe('3');

    const big = await store.saveDocument(makeDocument({ source: 'big.txt', chunks: manyChunks(300, 'ba') }));
    expect(await getSetting(db, 'analyzed_chunk_count')).toBe('305');
    expect(await plannerChunks()).toBe(305);

    await store.deleteDocument(big.id);
    expect(await getSetting(db, 'analyzed_chunk_count')).toBe('5');
    expect(await plannerChunks()).toBe(5);
    expect(await refreshPlannerStats(db)).toBe(false);
  });
});

describe('write-ahead log of an embedded store', () => {
  async function redo(): Promise<string> {
    const rows = await db.query<{ lsn: string }>('SELECT redo_lsn::text AS lsn FROM pg_control_checkpoint()');
    return rows[0]?.lsn ?? '';
  }

  it('checkpoints once the log has grown past the bound, and not before', async () => {
    await store.saveDocument(makeDocument({ source: 'wal.txt', chunks: manyChunks(50, 'nhật ký') }));
    const before = await redo();
    expect(await boundWriteAheadLog(db, 1024 ** 3)).toBe(false);
    expect(await redo()).toBe(before);
    expect(await boundWriteAheadLog(db, 1)).toBe(true);
    expect(await redo()).not.toBe(before);
  });
});
