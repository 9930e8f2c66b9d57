/**
 * The shared HTTP server in-process (`app.request`, no port): liveness, readiness against a real store,
 * webhook dispatch, unknown routes and failing handlers.
 */
import pino from 'pino';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type WebhookRoute } from '../../src/http/server.ts';
import { createPgliteDb } from '../../src/store/db-pglite.ts';
import { migrate } from '../../src/store/migrations.ts';
import { createPgDocumentStore } from '../../src/store/document-store.ts';
import type { Db, DocumentStore } from '../../src/core/ports.ts';

const logger = pino({ level: 'silent' });
let db: Db;
let store: DocumentStore;

beforeAll(async () => {
  db = await createPgliteDb();
  await migrate(db);
  store = createPgDocumentStore(db);
});

afterAll(async () => {
  await db?.close().catch(() => undefined);
});

/** A webhook route that records what it received. */
function recordingRoute(path: string, status = 200): WebhookRoute & { received: Array<{ body: string; secret: string | null }> } {
  const received: Array<{ body: string; secret: string | null }> = [];
  return {
    path,
    received,
    async handle(req) {
      received.push({ body: await req.text(), secret: req.headers.get('x-telegram-bot-api-secret-token') });
      return new Response('ok', { status });
    },
  };
}

describe('liveness and readiness', () => {
  it('/healthz answers 200 without touching the store', async () => {
    const app = createHttpApp({ logger, ping: () => Promise.reject(new Error('down')), channelsReady: () => false, webhooks: [] });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('/readyz answers 200 when the store pings and channels are ready', async () => {
    const app = createHttpApp({ logger, ping: () => store.ping(), channelsReady: () => true, webhooks: [] });
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, store: true, channels: true });
  });

  it('/readyz answers 503 while channels are starting', async () => {
    let started = false;
    const app = createHttpApp({ logger, ping: () => store.ping(), channelsReady: () => started, webhooks: [] });
    const before = await app.request('/readyz');
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ ok: false, store: true, channels: false });
    started = true;
    expect((await app.request('/readyz')).status).toBe(200);
  });

  it('/readyz answers 503 when the store is gone', async () => {
    const other = await createPgliteDb();
    await migrate(other);
    const otherStore = createPgDocumentStore(other);
    const app = createHttpApp({ logger, ping: () => otherStore.ping(), channelsReady: () => true, webhooks: [] });
    expect((await app.request('/readyz')).status).toBe(200);
    await other.close();
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, store: false, channels: true });
  });
});

describe('readiness under load', () => {
  it('/readyz answers 503 while the answer queue is full, /healthz stays 200', async () => {
    let load = { inFlight: 4, queued: 63, maxInFlight: 4, maxQueued: 64, full: false, retryAfterSeconds: 2 };
    const app = createHttpApp({ logger, ping: () => store.ping(), channelsReady: () => true, answering: () => load, webhooks: [] });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, store: true, channels: true, answers: { inFlight: 4, queued: 63, maxInFlight: 4, maxQueued: 64, full: false } });
    load = { ...load, queued: 64, full: true };
    const full = await app.request('/readyz');
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({ ok: false, answers: { full: true } });
    expect((await app.request('/healthz')).status).toBe(200);
  });
});

describe('routes', () => {
  it('dispatches each webhook to its handler with the raw request', async () => {
    const telegram = recordingRoute('/webhook/telegram');
    const zalo = recordingRoute('/webhook/zalo', 202);
    const app = createHttpApp({ logger, ping: () => store.ping(), channelsReady: () => true, webhooks: [telegram, zalo] });
    const res = await app.request('/webhook/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 's3cret' },
      body: '{"update_id":1}',
    });
    expect(res.status).toBe(200);
    expect(telegram.received).toEqual([{ body: '{"update_id":1}', secret: 's3cret' }]);
    expect(zalo.received).toEqual([]);
    expect((await app.request('/webhook/zalo', { method: 'POST', body: '{}' })).status).toBe(202);
    expect(zalo.received).toHaveLength(1);
  });

  it('answers 404 for unknown routes and for GET on a webhook', async () => {
    const telegram = recordingRoute('/webhook/telegram');
    const app = createHttpApp({ logger, ping: () => store.ping(), channelsReady: () => true, webhooks: [telegram] });
    expect((await app.request('/nope')).status).toBe(404);
    expect((await app.request('/webhook/telegram')).status).toBe(404);
    expect(telegram.received).toEqual([]);
  });

  it('answers 500 without internals when a handler throws', async () => {
    const failing: WebhookRoute = { path: '/webhook/x', handle: () => Promise.reject(new Error('secret internals at /srv/app')) };
    const app = createHttpApp({ logger, ping: () => store.ping(), channelsReady: () => true, webhooks: [failing] });
    const res = await app.request('/webhook/x', { method: 'POST', body: '{}' });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('secret internals');
  });

  it('mounts extra route groups', async () => {
    const group = new Hono();
    group.get('/ping', (c) => c.json({ pong: true }));
    const app = createHttpApp({ logger, ping: () => store.ping(), channelsReady: () => true, webhooks: [], routes: [{ path: '/api', app: group }] });
    expect(await (await app.request('/api/ping')).json()).toEqual({ pong: true });
  });
});
