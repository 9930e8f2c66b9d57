/**
 * A fake Telegram Bot API on 127.0.0.1, reached by grammY over real HTTP (`apiRoot`), for tests that need the
 * whole HTTP path — error responses, bodies and failing connections — rather than grammY's transformer seam.
 * It answers `POST /bot<token>/<method>` in the Bot API envelope and can fail the next calls of a method.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted failure: the Bot API's error envelope with this code and description. */
export interface TelegramFailure {
  code: number;
  description: string;
  retryAfter?: number;
}

export interface FakeTelegramHttp {
  apiRoot: string;
  /** Methods called, in order, with their JSON bodies. */
  calls: Array<{ method: string; body: Record<string, unknown> }>;
  failNext(method: string, failure: TelegramFailure, times?: number): void;
  /** The next call of `method` gets no answer for `ms` (a Bot API that hangs). */
  stallNext(method: string, ms: number): void;
  /** Queues an update for getUpdates (long polling), which returns those at or after its `offset`. */
  queueUpdate(update: Record<string, unknown> & { update_id: number }): void;
  close(): Promise<void>;
}

/** Starts the fake for `token` on a free port. */
export async function startFakeTelegramHttp(token: string): Promise<FakeTelegramHttp> {
  const calls: FakeTelegramHttp['calls'] = [];
  const failures = new Map<string, TelegramFailure[]>();
  const stalls = new Map<string, number[]>();
  const updates: Array<Record<string, unknown> & { update_id: number }> = [];
  let messageId = 100;

  const server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const method = match?.[2] ?? '';
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    calls.push({ method, body });
    if (!match || decodeURIComponent(match[1] ?? '') !== token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const stall = stalls.get(method)?.shift();
    if (stall !== undefined) await new Promise((resolve) => setTimeout(resolve, stall));
    if (res.destroyed) return;
    const failure = failures.get(method)?.shift();
    if (failure) {
      const parameters = failure.retryAfter === undefined ? {} : { parameters: { retry_after: failure.retryAfter } };
      return send(res, failure.code, { ok: false, error_code: failure.code, description: failure.description, ...parameters });
    }
    if (method === 'getUpdates') {
      const offset = typeof body.offset === 'number' ? body.offset : 0;
      const ready = updates.filter((u) => u.update_id >= offset);
      // Long polling, shortened: wait a little when there is nothing, so the runner does not spin.
      if (ready.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      return send(res, 200, { ok: true, result: ready });
    }
    if (method === 'sendMessage') {
      return send(res, 200, { ok: true, result: { message_id: ++messageId, date: 1_700_000_000, chat: { id: body.chat_id, type: 'private' }, text: body.text } });
    }
    send(res, 200, { ok: true, result: true });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    stallNext(method, ms) {
      stalls.set(method, [...(stalls.get(method) ?? []), ms]);
    },
    queueUpdate(update) {
      updates.push(update);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}
