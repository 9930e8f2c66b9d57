// @ts-check
/**
 * The HTTP front door, run in its own worker thread (see front-door.ts): it owns the listening socket, accepts
 * and reads every request, answers `/healthz` itself, and hands every other request to the main thread, where
 * the Hono app runs, then writes the app's response back. Why: the main thread runs the answers and embedded
 * PGlite, and Node accepts one new connection per turn of a busy event loop, so a burst of 500 connections took
 * one to three seconds to accept there and a new health check waited behind all of them. Here the loop has nothing
 * else to do. Plain JavaScript because worker threads start without the TypeScript loader.
 *
 * workerData: { port, host?, backlog, maxBodyBytes, stallMs, heartbeat: SharedArrayBuffer (BigInt64, the main
 * thread's Date.now(), renewed several times a second) }.
 * To the main thread: { type: 'listening', port } | { type: 'error', message } | { type: 'request', id, method,
 * url, headers: [name, value][], remote: { address, port, family }, body: ArrayBuffer } | { type: 'closed' }.
 * From it: { type: 'response', id, status, headers: [name, value][], body: ArrayBuffer } | { type: 'close' }.
 */

import { Buffer } from 'node:buffer';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('front-door-worker.mjs runs as a worker thread');

/** @type {{ port: number, host?: string, backlog: number, maxBodyBytes: number, stallMs: number, heartbeat: SharedArrayBuffer }} */
const options = workerData;
const heartbeat = new BigInt64Array(options.heartbeat);

/** Requests handed to the main thread, by id, until their response comes back. */
/** @type {Map<number, http.ServerResponse>} */
const waiting = new Map();
let nextId = 0;

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Liveness: the process answers, and its main thread is not stuck. The main thread renews the heartbeat several
 * times a second even when every answer slot is busy (its timers still run between queries); only a thread stuck
 * in one task for `stallMs` lets it go stale.
 * @param {http.ServerResponse} res
 */
function health(res) {
  const stalledMs = Date.now() - Number(Atomics.load(heartbeat, 0));
  if (stalledMs < options.stallMs) json(res, 200, { ok: true });
  else json(res, 503, { ok: false, stalledMs });
}

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function forward(req, res) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let refused = false;
  req.on('data', (/** @type {Buffer} */ chunk) => {
    if (refused) return;
    size += chunk.length;
    if (size > options.maxBodyBytes) {
      refused = true;
      const mb = Math.round(options.maxBodyBytes / 1024 / 1024);
      json(res, 413, { error: { code: 'payload_too_large', message_vi: `Nội dung gửi lên quá lớn (giới hạn ${mb} MB)`, message_en: `request body too large (limit ${mb} MB)` } }, { connection: 'close' });
      req.resume();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    const joined = Buffer.concat(chunks);
    const body = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
    const id = nextId++;
    waiting.set(id, res);
    res.on('close', () => waiting.delete(id));
    /** @type {Array<[string, string]>} */
    const headers = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
    const socket = req.socket;
    const remote = { address: socket.remoteAddress, port: socket.remotePort, family: socket.remoteFamily };
    port?.postMessage({ type: 'request', id, method: req.method, url: req.url, headers, remote, body }, [body]);
  });
}

const server = http.createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) health(res);
  else forward(req, res);
});

port.on('message', (/** @type {any} */ message) => {
  if (message.type === 'response') {
    const res = waiting.get(message.id);
    if (!res) return;
    waiting.delete(message.id);
    /** @type {Record<string, string[]>} */
    const headers = {};
    for (const [name, value] of message.headers) (headers[name] ??= []).push(value);
    res.writeHead(message.status, headers);
    res.end(Buffer.from(message.body));
  } else if (message.type === 'close') {
    server.close(() => port.postMessage({ type: 'closed' }));
    server.closeIdleConnections();
  }
});

server.on('error', (err) => port.postMessage({ type: 'error', message: err.message, code: /** @type {NodeJS.ErrnoException} */ (err).code }));
server.listen({ port: options.port, ...(options.host ? { host: options.host } : {}), backlog: options.backlog }, () => {
  const address = server.address();
  port.postMessage({ type: 'listening', port: typeof address === 'object' && address ? address.port : options.port });
});
