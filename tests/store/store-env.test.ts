/**
 * The store contract against a real Postgres server (with pgvector) when TEST_DATABASE_URL is set.
 * Each run gets its own schema, dropped afterwards, so a shared database is left as it was.
 */
import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
import { createPostgresDb } from '../../src/store/db-postgres.ts';
import { storeContract } from './store-contract.ts';

const url = process.env.TEST_DATABASE_URL;

if (url) {
  storeContract('Postgres server (TEST_DATABASE_URL)', async () => {
    const schema = `store_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = createPostgresDb(url, { max: 1 });
    await admin.query('CREATE EXTENSION IF NOT EXISTS vector');
    await admin.query(`CREATE SCHEMA ${schema}`);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema},public`);
    return {
      db: createPostgresDb(scoped.toString(), { max: 4 }),
      dispose: async () => {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      },
    };
  });
} else {
  describe.skip('store contract: Postgres server (TEST_DATABASE_URL not set)', () => {
    it('runs only when TEST_DATABASE_URL is set', () => undefined);
  });
}
