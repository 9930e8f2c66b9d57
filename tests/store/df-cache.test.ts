/**
 * Term frequencies cached between questions (src/store/df-cache.ts): what the store itself writes is seen at once;
 * what another writer (a replica) changes is seen once the generation is read again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DocumentStore } from '../../src/core/ports.ts';
import { cachedDf, uncachedDf } from '../../src/store/df-cache.ts';
import { addLexicalStats } from '../../src/store/lexical-index.ts';
import { termId } from '../../src/store/lexical.ts';
import { chunk, makeDocument, openMemoryStore } from './fixtures.ts';

let db: Db;
let store: DocumentStore;

beforeAll(async () => {
  ({ db, store } = await openMemoryStore());
  await store.saveDocument(makeDocument({ source: 'a.txt', number: '1-KH/TU', chunks: [chunk(2, 0, 'alpha beta', [1, 0, 0, 0])] }));
});

afterAll(async () => {
  await db.close();
});

describe('cached term frequencies', () => {
  it('reads what the database holds, unseen terms as absent', async () => {
    const ids = [termId('alpha'), termId('beta'), termId('gamma')];
    const cached = await cachedDf(db).read(ids);
    expect(cached).toEqual(await uncachedDf(db).read(ids));
    expect(cached.df.get(termId('alpha'))).toBe(1);
    expect(cached.df.has(termId('gamma'))).toBe(false);
  });

  it("sees the store's own save at once, even for a term it had cached as unseen", async () => {
    expect((await store.termFrequencies(['delta'])).df.get('delta')).toBe(0);
    await store.saveDocument(makeDocument({ source: 'b.txt', number: '2-KH/TU', chunks: [chunk(2, 0, 'alpha delta', [0, 1, 0, 0])] }));
    const after = await store.termFrequencies(['alpha', 'delta']);
    expect(after.df.get('delta')).toBe(1);
    expect(after.df.get('alpha')).toBe(2);
    const hits = await store.lexicalSearch(new Map([['delta', 1]]), {}, 5);
    expect(hits).toHaveLength(1);
  });

  it("sees another writer's change once the generation is read again", async () => {
    let now = 0;
    const reader = cachedDf(db, { recheckMs: 1000, now: () => now });
    const id = termId('epsilon');
    expect((await reader.read([id])).df.has(id)).toBe(false);
    // A replica saves a chunk holding the term: frequencies and generation change in the database.
    await db.transaction((tx) => addLexicalStats(tx, new Map([[id, 1]]), 1, 2));
    now = 500;
    expect((await reader.read([id])).df.has(id)).toBe(false);
    now = 1500;
    const seen = await reader.read([id]);
    expect(seen.df.get(id)).toBe(1);
    // A term not cached yet makes the lookup read the generation at once.
    const other = termId('zeta');
    await db.transaction((tx) => addLexicalStats(tx, new Map([[id, 1], [other, 1]]), 1, 2));
    const both = await reader.read([id, other]);
    expect(both.df.get(id)).toBe(2);
    expect(both.df.get(other)).toBe(1);
  });
});
