/**
 * The database goes away mid-operation and comes back. The product reaches a PGlite database through the `pg`
 * driver over pglite-socket; stopping the socket server closes every connection and refuses new ones while
 * PGlite keeps its data, and starting it again on the same port is the database coming back. Through the real
 * Zalo bot (fake Zalo server) the user gets the short "busy" apology while it is down, nothing crashes, and the
 * next question after the restart is answered: the pg pool reconnects by itself. Readiness follows the same
 * path (503 while down, 200 after).
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import { APOLOGY } from '../../src/channels/zalo/replies.ts';
import { StoreError } from '../../src/core/errors.ts';
import { createHttpApp } from '../../src/http/server.ts';
import { createPostgresDb } from '../../src/store/db-postgres.ts';
import { startFakeZaloServer, type FakeZaloServer } from '../fakes/zalo-server.ts';
import { createZaloReplica, memoryLogger, openReplicaCore, zaloText, type ZaloReplica } from './replica.ts';
import { startSocketDatabase, type SocketDatabase } from './socket-database.ts';

/** Errors that reached the process level while a test ran: with a pg pool, an idle client's error would. */
function watchUncaught() {
  const seen: unknown[] = [];
  const record = (err: unknown) => void seen.push(err);
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  return {
    seen,
    stop() {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', record);
    },
  };
}

describe('the database goes away and comes back', () => {
  let database: SocketDatabase;
  let zalo: FakeZaloServer;
  let core: Core;
  let replica: ZaloReplica;
  const log = memoryLogger('info');

  beforeAll(async () => {
    database = await startSocketDatabase();
    zalo = await startFakeZaloServer();
    core = await openReplicaCore(database.url, { seed: true });
    replica = createZaloReplica(core, zalo, { logger: log.logger });
    await replica.bot.start();
  });

  afterAll(async () => {
    await replica?.bot.stop();
    await core?.close();
    await zalo?.close();
    await database?.close();
  });

  /** Delivers one question and waits until the bot has finished with it. */
  async function ask(text: string, userId: string): Promise<string[]> {
    const before = zalo.sentTexts(userId).length;
    const response = await replica.deliver(zaloText(text, { userId }));
    expect(response.status).toBe(200);
    await replica.bot.stop(); // waits for the update in flight
    await replica.bot.start();
    return zalo.sentTexts(userId).slice(before);
  }

  it('apologises while the database is down, answers again once it is back, and readiness follows', async () => {
    const uncaught = watchUncaught();
    const app = createHttpApp({ logger: log.logger, ping: () => core.store.ping(), channelsReady: () => true, webhooks: [] });
    try {
      // Warm: the pool now holds open, idle connections.
      expect((await ask('nội dung trọng tâm năm 2023 là gì?', 'u-before')).join('\n')).toContain('📄');
      expect((await app.request('/readyz')).status).toBe(200);

      await database.stopServer();
      expect(await ask('nội dung trọng tâm năm 2022 là gì?', 'u-down')).toEqual([APOLOGY]);
      const down = await app.request('/readyz');
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ok: false, store: false });

      await database.startServer();
      expect((await app.request('/readyz')).status).toBe(200);
      const after = await ask('nội dung trọng tâm năm 2022 là gì?', 'u-after');
      expect(after.join('\n')).toContain('📄');
      expect(after).not.toContain(APOLOGY);

      // Nothing corrupted: the bundled documents are all there, with their sections.
      const docs = await core.store.listDocuments({ status: 'active' });
      expect(docs).toHaveLength(5);
      for (const d of docs) expect(await core.store.getSections(d.id)).toHaveLength(d.sectionCount);
      expect(log.text()).toContain('zalo update handling failed');
    } finally {
      uncaught.stop();
    }
    expect(uncaught.seen).toEqual([]);
  });

  it('survives the server dropping idle pooled connections (no uncaught error) and reconnects', async () => {
    const uncaught = watchUncaught();
    const db = createPostgresDb(database.url, { max: 3 });
    try {
      await Promise.all([db.query('SELECT 1'), db.query('SELECT 2'), db.query('SELECT 3')]); // three idle clients
      await database.stopServer(); // closes them while idle: each emits 'error' on the pool
      await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(StoreError);
      await database.startServer();
      expect(await db.query<{ n: number }>('SELECT 42 AS n')).toEqual([{ n: 42 }]);
      expect(await db.transaction((tx) => tx.query<{ n: number }>('SELECT 7 AS n'))).toEqual([{ n: 7 }]);
    } finally {
      await db.close();
      uncaught.stop();
    }
    expect(uncaught.seen).toEqual([]);
  });
});

describe('a database that accepts connections but never answers', () => {
  let server: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts the TCP connection and says nothing: a hung server or a half-open network path.
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('fails the query with a StoreError after the connect timeout instead of waiting forever', async () => {
    const { port } = server.address() as AddressInfo;
    const db = createPostgresDb(`postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`, { connectTimeoutMs: 200 });
    try {
      await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(StoreError);
    } finally {
      await db.close();
    }
  });
});

describe('a database that stops answering in the middle of a session', () => {
  let database: SocketDatabase;
  let proxy: Server;
  let silent = false;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    database = await startSocketDatabase();
    const upstream = new URL(database.url);
    // Forwards both ways, but while `silent` drops what the server sends: queries reach it, answers never come.
    proxy = createServer((client) => {
      const server = connect(Number(upstream.port), upstream.hostname);
      for (const s of [client, server]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => (s === client ? server : client).destroy());
      }
      client.on('data', (chunk) => server.write(chunk));
      server.on('data', (chunk) => {
        if (!silent) client.write(chunk);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await database?.close();
  });

  it('fails a hung query with a StoreError after the query timeout, then works on a fresh connection', async () => {
    const { port } = proxy.address() as AddressInfo;
    const db = createPostgresDb(`postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`, { max: 2, queryTimeoutMs: 300, connectTimeoutMs: 300 });
    try {
      expect(await db.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
      silent = true;
      const started = Date.now();
      await expect(db.query('SELECT 2')).rejects.toBeInstanceOf(StoreError);
      await expect(db.transaction((tx) => tx.query('SELECT 3'))).rejects.toBeInstanceOf(StoreError);
      expect(Date.now() - started).toBeLessThan(10_000);
      silent = false;
      expect(await db.query<{ n: number }>('SELECT 4 AS n')).toEqual([{ n: 4 }]);
    } finally {
      silent = false;
      await db.close();
    }
  });
});
