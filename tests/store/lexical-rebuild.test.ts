/**
 * Rebuilding the lexical index from the chunks' search text (what happens at start when the analyzer version
 * changed): the rebuilt index ranks exactly as one written at save time, and stale terms are gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DocumentStore } from '../../src/core/ports.ts';
import { getSetting, rebuildLexicalIndex, setSetting } from '../../src/store/lexical-rebuild.ts';
import { createPgDocumentStore } from '../../src/store/document-store.ts';
import { chunk, makeDocument, openMemoryStore, terms } from './fixtures.ts';

let db: Db;
let store: DocumentStore;

beforeAll(async () => {
  ({ db, store } = await openMemoryStore());
  await store.saveDocument(makeDocument({ source: 'a.txt', chunks: [chunk(1, 0, 'tuyên truyền miệng báo cáo viên', [1, 0, 0, 0]), chunk(2, 0, 'cổ động trực quan pa nô', [0, 1, 0, 0])] }));
  await store.saveDocument(makeDocument({ source: 'b.txt', chunks: [chunk(1, 0, 'tuyên truyền trên mạng xã hội', [0, 0, 1, 0])] }));
});

afterAll(async () => {
  await db.close();
});

// A rebuild runs when the service starts, before its store answers: each ranking reads through a store opened anew.
const ranking = async (q: string) => (await createPgDocumentStore(db).lexicalSearch(terms(q), {}, 10)).map((h) => [h.text, h.score.toFixed(6)]);

describe('lexical index rebuild', () => {
  it('reproduces the index written at save time', async () => {
    const before = await ranking('tuyên truyền miệng');
    const count = await rebuildLexicalIndex(db, terms);
    expect(count).toBe(3);
    expect(await ranking('tuyên truyền miệng')).toEqual(before);
  });

  it('replaces stale terms with the ones the current analyzer produces', async () => {
    await rebuildLexicalIndex(db, (text) => terms(text.toUpperCase()));
    expect(await ranking('pa nô')).toEqual([]);
    expect((await ranking('PA NÔ')).length).toBe(1);
    await rebuildLexicalIndex(db, terms);
    expect((await ranking('pa nô')).length).toBe(1);
  });

  it('keeps settings', async () => {
    expect(await getSetting(db, 'analyzer_version')).toBeNull();
    await setSetting(db, 'analyzer_version', '1');
    await setSetting(db, 'analyzer_version', '2');
    expect(await getSetting(db, 'analyzer_version')).toBe('2');
  });
});
