/**
 * A PGlite database served over the Postgres wire protocol on 127.0.0.1 by @electric-sql/pglite-socket, so
 * the product reaches it with the `pg` driver exactly as it would reach a Postgres server. The socket server
 * can be stopped and started again on the same port while the PGlite instance (and its data) lives on: that
 * is "the database server went away and came back" as the product sees it.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * pglite-socket multiplexes many connections onto the one PGlite session (queries are queued, and a connection
 * inside a transaction keeps the session until it ends), so several `pg` pools can share it. Each replica's
 * pool opens up to 10 connections (openDb's default); 64 leaves room for two or three replicas and readiness
 * pings. Beyond `maxConnections` the server answers "Too many connections" and hangs up.
 */
export const SOCKET_MAX_CONNECTIONS = 64;

/** The served database. */
export interface SocketDatabase {
  /** `postgres://…` URL for DATABASE_URL. */
  url: string;
  pglite: PGlite;
  /** Stops the socket server: open connections are closed, new ones refused. The data stays. */
  stopServer(): Promise<void>;
  /** Starts the socket server again on the same port. */
  startServer(): Promise<void>;
  /** Stops the server (if running) and closes PGlite. */
  close(): Promise<void>;
}

/** Creates an in-memory PGlite with pgvector and serves it on a free port. */
export async function startSocketDatabase(): Promise<SocketDatabase> {
  const pglite = await PGlite.create({ extensions: { vector } });
  let server: PGLiteSocketServer | null = null;
  let port = 0;

  async function startServer(): Promise<void> {
    if (server) return;
    const next = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: SOCKET_MAX_CONNECTIONS });
    await next.start();
    port = Number(next.getServerConn().split(':').pop());
    server = next;
  }

  async function stopServer(): Promise<void> {
    const running = server;
    server = null;
    await running?.stop();
  }

  await startServer();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    pglite,
    stopServer,
    startServer,
    async close() {
      await stopServer();
      await pglite.close();
    },
  };
}
