/**
 * A fake Telegram Bot API on 127.0.0.1, reached by grammY over real HTTP (`apiRoot`), for tests that need the
 * whole HTTP path — error responses, bodies and failing connections — rather than grammY's transformer seam.
 * It answers `POST /bot<token>/<method>` in the Bot API envelope and can fail the next calls of a method; it
 * serves files for getFile and the file endpoint, and refuses chats that "blocked the bot" with 403.
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
  /** A file the bot may fetch: getFile answers for `fileId`, and `<apiRoot>/file/bot<token>/<path>` serves it. */
  addFile(fileId: string, text: string): void;
  /** From now on sendMessage to this chat fails as Telegram fails it for a user who blocked the bot (403). */
  blockChat(chatId: number): void;
  /** Texts of the successful sendMessage calls to a chat, in order. */
  sentTexts(chatId: number): string[];
  close(): Promise<void>;
}

/** Starts the fake for `token` on a free port. */
export async function startFakeTelegramHttp(token: string): Promise<FakeTelegramHttp> {
  const calls: FakeTelegramHttp['calls'] = [];
  const failures = new Map<string, TelegramFailure[]>();
  const stalls = new Map<string, number[]>();
  const updates: Array<Record<string, unknown> & { update_id: number }> = [];
  const files = new Map<string, string>();
  const blocked = new Set<number>();
  const delivered: Array<{ chatId: number; text: string }> = [];
  let messageId = 100;

  const server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? '');
    if (download) {
      const text = decodeURIComponent(download[1] ?? '') === token ? files.get(download[2] ?? '') : undefined;
      res.writeHead(text === undefined ? 404 : 200, { 'content-type': 'application/octet-stream' });
      return void res.end(text ?? '');
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const method = match?.[2] ?? '';
    const body = parseBody(raw);
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
    if (method === 'getFile') {
      const path = `documents/${String(body.file_id)}.txt`;
      if (!files.has(path)) return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
      return send(res, 200, { ok: true, result: { file_id: body.file_id, file_unique_id: `u-${String(body.file_id)}`, file_size: files.get(path)?.length, file_path: path } });
    }
    if (method === 'sendMessage') {
      if (blocked.has(Number(body.chat_id))) return send(res, 403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
      delivered.push({ chatId: Number(body.chat_id), text: String(body.text) });
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
    addFile(fileId, text) {
      files.set(`documents/${fileId}.txt`, text);
    },
    blockChat(chatId) {
      blocked.add(chatId);
    },
    sentTexts(chatId) {
      return delivered.filter((d) => d.chatId === chatId).map((d) => d.text);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A JSON body; anything else (a multipart upload) is recorded as empty. */
function parseBody(raw: string): Record<string, unknown> {
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}
