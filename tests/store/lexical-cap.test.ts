/**
 * BM25 search scores a bounded number of candidates (src/store/lexical-index.ts): when more chunks than that hold
 * the question's words (near-copies), the ones the collection received first are scored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DocumentStore } from '../../src/core/ports.ts';
import { lexicalSearch } from '../../src/store/lexical-index.ts';
import { chunk, makeDocument, openMemoryStore, terms } from './fixtures.ts';

let db: Db;
let store: DocumentStore;
const ids: string[] = [];

beforeAll(async () => {
  ({ db, store } = await openMemoryStore());
  // Eight plans, each copying the same paragraph, saved one after another.
  for (let i = 0; i < 8; i++) {
    const words = `tuyen truyen mieng nghi quyet dai hoi ban ${i}`;
    const saved = await store.saveDocument(makeDocument({ source: `copy-${i}.txt`, number: `${i + 1}-KH/TU`, chunks: [chunk(2, 0, words, [1, 0, 0, 0])] }));
    ids.push(saved.id);
  }
});

afterAll(async () => {
  await db.close();
});

describe('lexicalSearch, bounded scoring', () => {
  it('scores every candidate while there are fewer than the bound', async () => {
    const hits = await lexicalSearch(db, terms('tuyen truyen mieng'), {}, 20);
    expect(new Set(hits.map((h) => h.documentId))).toEqual(new Set(ids));
  });

  it('scores only the first candidates the collection received when more hold the words', async () => {
    const hits = await lexicalSearch(db, terms('tuyen truyen mieng'), {}, 20, 3);
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((h) => h.documentId))).toEqual(new Set(ids.slice(0, 3)));
  });
});
