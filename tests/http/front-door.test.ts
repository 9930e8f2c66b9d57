/**
 * The HTTP front door on 127.0.0.1: a worker thread owns the socket and hands requests to a Hono app on this
 * thread. Asserted: requests arrive whole (method, path, query, headers, body, the client's address), responses
 * come back whole (status, headers, cookies, bytes), bodies over the cap are refused before the app, and /healthz
 * is answered by the worker: fast while this thread is busy, 503 once this thread has been stuck past `stallMs`.
 */
import { Worker } from 'node:worker_threads';
import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type HttpListener } from '../../src/http/front-door.ts';

/** Blocks this thread, as a long synchronous task would. */
function blockFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy on purpose
  }
}

/** Whether `url` answers 200 within `tries` checks made `everyMs` apart. */
async function healthyWithin(url: string, tries: number, everyMs: number): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if ((await fetch(url)).status === 200) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}

/** Times `/healthz` from another thread while this one may be blocked: [status, ms] per check. */
function probeFromWorker(url: string, checks: number, everyMs: number): Promise<Array<[number, number]>> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const out = [];
      for (let i = 0; i < workerData.checks; i++) {
        const started = performance.now();
        const status = await fetch(workerData.url).then((r) => r.arrayBuffer().then(() => r.status), () => 0);
        out.push([status, performance.now() - started]);
        await new Promise((r) => setTimeout(r, workerData.everyMs));
      }
      parentPort.postMessage(out);
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { url, checks, everyMs } });
  return new Promise((resolve, reject) => {
    worker.once('message', (out: Array<[number, number]>) => void worker.terminate().then(() => resolve(out)));
    worker.once('error', reject);
  });
}

describe('front door', () => {
  let server: HttpListener;
  let base: string;
  const app = new Hono();
  app.post('/echo', async (c) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    c.header('set-cookie', 'a=1; Path=/', { append: true });
    c.header('set-cookie', 'b=2; Path=/', { append: true });
    return c.json({ query: c.req.query('q'), method: c.req.method, type: c.req.header('content-type'), bytes: body.length, sum: body.reduce((a, b) => a + b, 0), from: getConnInfo(c).remote.address });
  });
  app.get('/block', (c) => {
    blockFor(Number(c.req.query('ms')));
    return c.text('done');
  });
  app.get('/binary', () => new Response(new Uint8Array([0, 255, 1, 254]), { headers: { 'content-type': 'application/octet-stream' } }));

  beforeAll(async () => {
    server = await listen(app, 0, { hostname: '127.0.0.1', maxBodyBytes: 64 * 1024, stallMs: 1000 });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('hands the request to the app whole and sends its response back whole', async () => {
    const payload = new Uint8Array(50_000).map((_, i) => i % 251);
    const res = await fetch(`${base}/echo?q=trọng%20tâm`, { method: 'POST', headers: { 'content-type': 'application/x-test' }, body: payload });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    const seen = (await res.json()) as { query: string; method: string; type: string; bytes: number; sum: number; from: string };
    expect(seen).toEqual({ query: 'trọng tâm', method: 'POST', type: 'application/x-test', bytes: 50_000, sum: payload.reduce((a, b) => a + b, 0), from: '127.0.0.1' });
    const binary = new Uint8Array(await (await fetch(`${base}/binary`)).arrayBuffer());
    expect([...binary]).toEqual([0, 255, 1, 254]);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('refuses a body over the cap with 413 before the app reads it', async () => {
    const res = await fetch(`${base}/echo`, { method: 'POST', body: new Uint8Array(65 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('answers /healthz from its own thread while this one is busy, and 503 once it is stuck past stallMs', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // Busy but alive (tasks of 400 ms, timers run between them): /healthz answers at once, 200, not after the task.
    const busy = probeFromWorker(`${base}/healthz`, 6, 50);
    const until = Date.now() + 1600;
    while (Date.now() < until) {
      blockFor(400);
      await new Promise((r) => setImmediate(r));
    }
    const whileBusy = await busy;
    expect(whileBusy.every(([status]) => status === 200)).toBe(true);
    expect(Math.max(...whileBusy.map(([, ms]) => ms))).toBeLessThan(300);
    // Stuck for 2.5 s in one task: the checks made after the first second of it get 503.
    const stuck = probeFromWorker(`${base}/healthz`, 10, 150);
    await new Promise((r) => setTimeout(r, 50));
    blockFor(2500);
    const whileStuck = await stuck;
    expect(whileStuck.some(([status]) => status === 503)).toBe(true);
    expect(whileStuck.every(([status]) => status === 200 || status === 503)).toBe(true);
    // Free again: healthy as soon as this thread has renewed its heartbeat (its timer may not have run yet when the
    // first check arrives, so a few checks 50 ms apart are allowed).
    expect(await healthyWithin(`${base}/healthz`, 10, 50)).toBe(true);
  });
});
