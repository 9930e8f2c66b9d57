/**
 * The catalog reloads the collection only when it changed (or the day did): a reload and what is derived from it
 * (the hierarchy of bodies) are expensive at 10,000 documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DocumentStore } from '../../src/core/ports.ts';
import { createCatalog } from '../../src/retrieval/catalog.ts';
import { fixedClock } from '../fakes/clock.ts';
import { makeDocument, openMemoryStore } from '../store/fixtures.ts';

let db: Db;
let store: DocumentStore;

beforeAll(async () => {
  ({ db, store } = await openMemoryStore());
  await store.saveDocument(makeDocument({ source: 'one.txt', number: '1-KH/TU' }));
});

afterAll(async () => {
  await db.close();
});

describe('catalog refresh', () => {
  it('keeps what it derived while nothing changed, and sees a change made behind its back', async () => {
    const clock = fixedClock('2024-03-01T08:00:00Z');
    const catalog = createCatalog(store, clock, 1000);
    let builds = 0;
    const derive = () => catalog.derived('count', (entries) => ({ n: entries.length, build: ++builds }));
    expect(await derive()).toEqual({ n: 1, build: 1 });
    clock.advance(5000);
    expect(await derive()).toEqual({ n: 1, build: 1 });

    // Another replica (or the admin) saves a document: no invalidate() here.
    await store.saveDocument(makeDocument({ source: 'two.txt', number: '2-KH/TU' }));
    expect(await derive()).toEqual({ n: 1, build: 1 }); // within the time to live
    clock.advance(5000);
    expect(await derive()).toEqual({ n: 2, build: 2 });
    expect((await catalog.entries()).map((e) => e.document.source).sort()).toEqual(['one.txt', 'two.txt']);
  });

  it('reloads when the day changes, since force is as of today', async () => {
    const clock = fixedClock('2024-03-01T08:00:00Z');
    const catalog = createCatalog(store, clock, 1000);
    let builds = 0;
    const derive = () => catalog.derived('builds', () => ++builds);
    expect(await derive()).toBe(1);
    clock.advance(2000);
    expect(await derive()).toBe(1);
    clock.set('2024-03-02T08:00:00Z');
    expect(await derive()).toBe(2);
  });

  it('sees a retired document once the time to live has passed', async () => {
    const clock = fixedClock('2024-03-01T08:00:00Z');
    const catalog = createCatalog(store, clock, 1000);
    const before = (await catalog.entries()).length;
    const doc = await store.saveDocument(makeDocument({ source: 'three.txt', number: '3-KH/TU' }));
    clock.advance(2000);
    expect((await catalog.entries()).length).toBe(before + 1);
    await store.setStatus(doc.id, 'retired');
    clock.advance(2000);
    expect((await catalog.entries()).length).toBe(before);
  });
});
