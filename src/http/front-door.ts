/**
 * Listening through the front door: a worker thread (front-door-worker.mjs) owns the socket, accepts and reads
 * requests, answers `/healthz` itself and hands everything else to the Hono app on this thread. The main thread
 * computes answers with embedded PGlite on its own event loop, and Node accepts one new connection per turn of a
 * busy loop: under a burst of 500 asks, a new health-check connection waited 1–3 s to be accepted here. In the
 * worker it is accepted at once. Liveness still means this thread: it renews a heartbeat the worker reads, and a
 * thread stuck in one task for `stallMs` makes `/healthz` answer 503.
 */
import { Worker } from 'node:worker_threads';
import type { Hono } from 'hono';
import type { Logger } from 'pino';

/** A listening server. */
export interface HttpListener {
  /** The port bound (the one asked for, or the kernel's pick for 0). */
  port: number;
  /** Stops accepting, lets requests in progress finish, ends the worker. */
  close(): Promise<void>;
}

/** Options of {@link listen}. */
export interface ListenOptions {
  /** The listen address (HOST); every interface when absent. */
  hostname?: string;
  /** The largest request body the front door reads (bigger: 413 before the app sees it). */
  maxBodyBytes: number;
  /** The main thread stuck this long in one task makes /healthz answer 503. */
  stallMs?: number;
  logger?: Logger;
}

/**
 * Pending connections the kernel may hold for us (capped by its somaxconn). With Node's default of 511, a burst of
 * 500 new connections filled the queue: a health check connecting then had its SYN dropped and retried after 1 s.
 */
const LISTEN_BACKLOG = 4096;
/** How often this thread renews its heartbeat. */
const HEARTBEAT_MS = 200;
/** One minute in one task: longer than any query or parse this process runs on its main thread. */
const DEFAULT_STALL_MS = 60_000;

const WORKER_URL = new URL('./front-door-worker.mjs', import.meta.url);

type FromWorker =
  | { type: 'listening'; port: number }
  | { type: 'error'; message: string; code?: string }
  | { type: 'closed' }
  | { type: 'request'; id: number; method: string; url: string; headers: Array<[string, string]>; remote: { address?: string; port?: number; family?: string }; body: ArrayBuffer };

/** Answers one request handed over by the worker, with the app; the socket's address goes to the app as Node's would. */
async function respond(app: Hono, message: Extract<FromWorker, { type: 'request' }>, logger?: Logger): Promise<{ status: number; headers: Array<[string, string]>; body: ArrayBuffer }> {
  try {
    const headers = new Headers();
    for (const [name, value] of message.headers) headers.append(name, value);
    const url = new URL(message.url, `http://${headers.get('host') ?? 'localhost'}`);
    const hasBody = message.method !== 'GET' && message.method !== 'HEAD';
    const request = new Request(url, { method: message.method, headers, ...(hasBody ? { body: message.body } : {}) });
    const res = await app.fetch(request, { incoming: { socket: { remoteAddress: message.remote.address, remotePort: message.remote.port, remoteFamily: message.remote.family } } });
    const out: Array<[string, string]> = [];
    res.headers.forEach((value, name) => {
      if (name !== 'set-cookie') out.push([name, value]);
    });
    for (const cookie of res.headers.getSetCookie()) out.push(['set-cookie', cookie]);
    return { status: res.status, headers: out, body: await res.arrayBuffer() };
  } catch (err) {
    // Only a request the Web API cannot represent gets here (a malformed Host, say): the app never saw it.
    logger?.warn({ err, url: message.url }, 'front door: request not handed to the app');
    const body = new TextEncoder().encode(JSON.stringify({ error: { code: 'bad_request', message_vi: 'Yêu cầu không hợp lệ', message_en: 'malformed request' } }));
    return { status: 400, headers: [['content-type', 'application/json']], body: body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) };
  }
}

/** Starts the front door on `port` for `app`; resolves once the socket is bound. */
export function listen(app: Hono, port: number, options: ListenOptions): Promise<HttpListener> {
  const heartbeat = new BigInt64Array(new SharedArrayBuffer(8));
  const beat = () => Atomics.store(heartbeat, 0, BigInt(Date.now()));
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();
  const worker = new Worker(WORKER_URL, {
    workerData: { port, host: options.hostname, backlog: LISTEN_BACKLOG, maxBodyBytes: options.maxBodyBytes, stallMs: options.stallMs ?? DEFAULT_STALL_MS, heartbeat: heartbeat.buffer },
    execArgv: [], // plain JavaScript: none of the parent's loaders
  });
  let closed: (() => void) | null = null;
  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'listening':
          resolve({
            port: message.port,
            close: () =>
              new Promise<void>((done) => {
                closed = done;
                worker.postMessage({ type: 'close' });
              }),
          });
          return;
        case 'error':
          clearInterval(timer);
          void worker.terminate();
          reject(Object.assign(new Error(`http server: ${message.message}`), { code: message.code }));
          return;
        case 'closed':
          clearInterval(timer);
          void worker.terminate().then(() => closed?.());
          return;
        case 'request':
          void respond(app, message, options.logger).then((res) => worker.postMessage({ type: 'response', id: message.id, ...res }, [res.body]));
          return;
      }
    });
    worker.on('error', (err) => {
      options.logger?.error({ err }, 'http front door failed');
      reject(err);
    });
  });
}
