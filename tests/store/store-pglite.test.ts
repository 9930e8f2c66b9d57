/**
 * The store contract on embedded, in-memory PGlite.
 */
import { createPgliteDb } from '../../src/store/db-pglite.ts';
import { storeContract } from './store-contract.ts';

storeContract('PGlite in memory', async () => ({ db: await createPgliteDb() }));
