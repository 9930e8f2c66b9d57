/**
 * The store contract: one suite every backend must pass (in-memory PGlite, `pg` over a wire connection,
 * and a real server when TEST_DATABASE_URL is set). Each backend file calls `storeContract` with a factory.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.ts';
import type { Clock, Db, DocumentStore } from '../../src/core/ports.ts';
import { createPgDocumentStore } from '../../src/store/document-store.ts';
import { migrate } from '../../src/store/migrations.ts';
import { MIGRATIONS } from '../../src/store/migration-list.ts';
import { activityCases } from './contract-activity.ts';
import { documentCases } from './contract-documents.ts';
import { forceCases } from './contract-force.ts';
import { searchCases } from './contract-search.ts';

/** A migrated database opened by a backend factory, and how to dispose of it. */
export interface OpenedBackend {
  db: Db;
  dispose?: () => Promise<void>;
}

/** A clock tests can move. */
export interface TestClock extends Clock {
  advance(seconds: number): void;
}

/** What the case files get: accessors valid inside tests. */
export interface ContractContext {
  db(): Db;
  store(): DocumentStore;
  clock: TestClock;
}

function createTestClock(start: Date): TestClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (seconds) => {
      now += seconds * 1000;
    },
  };
}

/** Empties every data table between tests (schema and per-model indexes stay). */
async function resetData(db: Db): Promise<void> {
  await db.query(`TRUNCATE documents, lexical_df, embedding_models, ingestion_log, chat_states, questions,
    feedback, audit_log, rate_limits, seen_updates CASCADE`);
  await db.query('UPDATE lexical_stats SET chunk_count = 0, total_length = 0 WHERE id = 1');
}

/** Registers the whole contract for one backend. */
export function storeContract(name: string, open: () => Promise<OpenedBackend>): void {
  describe(`store contract: ${name}`, () => {
    let backend: OpenedBackend | undefined;
    let store: DocumentStore | undefined;
    const ctx: ContractContext = {
      db: () => backend!.db,
      store: () => store!,
      clock: createTestClock(new Date('2024-05-01T08:00:00Z')),
    };

    beforeAll(async () => {
      backend = await open();
      await migrate(backend.db);
      store = createPgDocumentStore(backend.db);
    });
    afterAll(async () => {
      await backend?.db.close();
      await backend?.dispose?.();
    });
    beforeEach(async () => {
      await resetData(backend!.db);
    });

    it('applies migrations once and nothing on a second start', async () => {
      const again = await migrate(ctx.db());
      expect(again.applied).toEqual([]);
      const versions = await ctx.db().query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY 1');
      expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('wraps driver errors in StoreError with the cause', async () => {
      const err = await ctx.db().query('SELECT * FROM no_such_table').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).cause).toBeDefined();
      expect((err as StoreError).message).toMatch(/no_such_table/);
    });

    it('rolls back a transaction when the callback throws', async () => {
      await expect(
        ctx.db().transaction(async (tx) => {
          await tx.query(`INSERT INTO seen_updates (key, expires_at) VALUES ('k', now())`);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await ctx.db().query('SELECT 1 FROM seen_updates')).toHaveLength(0);
      await ctx.store().ping();
    });

    documentCases(ctx);
    searchCases(ctx);
    activityCases(ctx);
    forceCases(ctx);
  });
}
