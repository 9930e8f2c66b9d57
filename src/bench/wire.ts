/**
 * Postgres over the wire for the benchmark: a `pglite://` folder opened in this process and served on
 * 127.0.0.1 (a free port) by @electric-sql/pglite-socket, so the product's `pg` driver path can be measured
 * without a Postgres server. The socket server runs one query at a time, like PGlite itself.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** A served database: the URL to give `openCore`, and how to stop it. */
export interface WireServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the PGlite database in `dataDir` on loopback. */
export async function serveOverWire(dataDir: string): Promise<WireServer> {
  const pglite = await PGlite.create({ dataDir, extensions: { vector } });
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async close() {
      await server.stop();
      await pglite.close();
    },
  };
}
