/**
 * The store contract through the `pg` driver over a real wire connection: a PGlite database served on
 * 127.0.0.1 (a free port) by @electric-sql/pglite-socket, started and stopped here.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { createPostgresDb } from '../../src/store/db-postgres.ts';
import { storeContract } from './store-contract.ts';

storeContract('pg driver over the wire (pglite-socket)', async () => {
  const pglite = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const db = createPostgresDb(`postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`, { max: 4 });
  return {
    db,
    dispose: async () => {
      await server.stop();
      await pglite.close();
    },
  };
});
