/**
 * A fake Zalo Bot Platform API on 127.0.0.1: a real node:http server that speaks the documented wire format
 * (POST + JSON to /bot<token>/<method>, `{ ok, result | error_code, description }`), records every call, and
 * rejects what Zalo rejects: a wrong token (401), text that is empty or over 2000 characters, a webhook secret
 * outside 8–256 characters, a non-HTTPS webhook URL, and getUpdates while a webhook is set.
 * getUpdates serves queued updates one per call with a 408 ("no update") between them, as Zalo's long poll does.
 * Failures can be injected per method: an HTTP status, `ok:false` with HTTP 200, or a response that never comes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** HTTP status answered (0 while a hanging response is pending). */
  status: number;
}

/** What to do instead of answering normally. */
export type InjectedFailure =
  | { status: number; errorCode?: number; description?: string; plainText?: boolean; retryAfter?: string }
  | { okFalse: number; description?: string }
  | { hang: true };

export interface FakeZaloServer {
  baseUrl: string;
  token: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Texts accepted by sendMessage, optionally for one chat, in order. */
  sentTexts(chatId?: string): string[];
  pushUpdate(update: unknown): void;
  /** The next `times` calls of `method` fail as described. */
  failNext(method: string, failure: InjectedFailure, times?: number): void;
  /** From now on sendMessage to this chat is refused with Zalo's 403 (a user who blocked the bot). */
  blockChat(chatId: string): void;
  webhook: { url: string; secret_token: string } | null;
  /** Resolves when `predicate` holds, polling every 5 ms; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const METHODS = ['getMe', 'getUpdates', 'setWebhook', 'deleteWebhook', 'getWebhookInfo', 'sendMessage', 'sendPhoto', 'sendSticker', 'sendChatAction'];

/** Starts the fake on a free port. `pollHoldMs` is how long an empty getUpdates waits before its 408. */
export async function startFakeZaloServer(
  options: { token?: string; botName?: string; pollHoldMs?: number } = {},
): Promise<FakeZaloServer> {
  const token = options.token ?? '1234567890:fake-secret-TOKEN-value';
  const pollHoldMs = options.pollHoldMs ?? 20;
  const updates: unknown[] = [];
  const failures = new Map<string, InjectedFailure[]>();
  const calls: RecordedCall[] = [];
  const blocked = new Set<string>();
  let previousPollHadUpdate = false;

  const state: FakeZaloServer = {
    baseUrl: '',
    token,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    sentTexts: (chatId) =>
      calls
        .filter((c) => c.method === 'sendMessage' && c.status === 200 && (chatId === undefined || c.body.chat_id === chatId))
        .map((c) => String(c.body.text)),
    pushUpdate: (update) => void updates.push(update),
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    blockChat(chatId) {
      blocked.add(chatId);
    },
    webhook: null,
    async waitFor(predicate, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('fake Zalo server: condition not met in time');
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => reply(res, 500, { ok: false, error_code: 500, description: 'fake server bug' }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    const method = match?.[2] ?? '';
    const body = parseJson(raw);
    const call: RecordedCall = { method, body: body ?? {}, status: 0 };
    calls.push(call);
    const send = (status: number, payload: unknown, plain = false, headers: Record<string, string> = {}) => {
      call.status = status;
      reply(res, status, payload, plain, headers);
    };
    if (!match || decodeURIComponent(match[1] ?? '') !== token) {
      return send(401, { ok: false, error_code: 401, description: 'Unauthorized: invalid bot token' });
    }
    if (!METHODS.includes(method)) return send(404, { ok: false, error_code: 404, description: 'Method not found' });
    if (req.method !== 'POST' || !String(req.headers['content-type']).includes('application/json') || !body) {
      return send(400, { ok: false, error_code: 400, description: 'Bad request: expected a JSON body' });
    }
    const failure = failures.get(method)?.shift();
    if (failure) return fail(failure, send);
    if (method === 'getUpdates') return poll(body, send);
    if (method === 'sendMessage' && blocked.has(String(body.chat_id))) {
      return send(403, { ok: false, error_code: 403, description: 'Forbidden: the user has blocked this bot' });
    }
    const [status, payload] = answer(method, body);
    send(status, payload);
  }

  function fail(failure: InjectedFailure, send: (s: number, p: unknown, plain?: boolean, h?: Record<string, string>) => void) {
    if ('hang' in failure) return;
    if ('okFalse' in failure) {
      return send(200, { ok: false, error_code: failure.okFalse, description: failure.description ?? 'error' });
    }
    const description = failure.description ?? `HTTP ${failure.status}`;
    const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
    if (failure.plainText) return send(failure.status, description, true, headers);
    send(failure.status, { ok: false, error_code: failure.errorCode ?? failure.status, description }, false, headers);
  }

  async function poll(body: Record<string, unknown>, send: (s: number, p: unknown) => void) {
    if (state.webhook) return send(400, { ok: false, error_code: 400, description: 'Webhook is active; call deleteWebhook first' });
    if (updates.length > 0 && !previousPollHadUpdate) {
      previousPollHadUpdate = true;
      return send(200, { ok: true, result: updates.shift() });
    }
    previousPollHadUpdate = false;
    const seconds = Number(body.timeout ?? 30);
    await new Promise((r) => setTimeout(r, Math.min(pollHoldMs, seconds * 1000)));
    send(200, { ok: false, error_code: 408, description: 'Request timeout' });
  }

  function answer(method: string, body: Record<string, unknown>): [number, unknown] {
    const bad = (description: string): [number, unknown] => [400, { ok: false, error_code: 400, description }];
    const sent = (): [number, unknown] => [200, { ok: true, result: { message_id: randomBytes(8).toString('hex'), date: Date.now() } }];
    const chatOk = typeof body.chat_id === 'string' && body.chat_id !== '';
    switch (method) {
      case 'getMe':
        return [200, { ok: true, result: { id: '42', account_name: options.botName ?? 'Trợ lý Văn bản', account_type: 'BASIC', can_join_groups: true } }];
      case 'setWebhook': {
        const secret = body.secret_token;
        if (typeof body.url !== 'string' || !body.url.startsWith('https://')) return bad('url must be HTTPS');
        if (typeof secret !== 'string' || secret.length < 8 || secret.length > 256) return bad('secret_token must be 8-256 characters');
        state.webhook = { url: body.url, secret_token: secret };
        return [200, { ok: true, result: { url: body.url, updated_at: Date.now() } }];
      }
      case 'deleteWebhook':
        state.webhook = null;
        return [200, { ok: true, result: { url: '', updated_at: Date.now() } }];
      case 'getWebhookInfo':
        return [200, { ok: true, result: { url: state.webhook?.url ?? '', updated_at: Date.now() } }];
      case 'sendMessage': {
        const text = body.text;
        if (!chatOk) return bad('chat_id is required');
        if (typeof text !== 'string' || text.length < 1 || text.length > 2000) return bad('text must be 1-2000 characters');
        return sent();
      }
      case 'sendPhoto':
        if (!chatOk || typeof body.photo !== 'string' || !/^https?:\/\//.test(body.photo)) return bad('photo must be a URL');
        if (typeof body.caption === 'string' && body.caption.length > 2000) return bad('caption too long');
        return sent();
      case 'sendSticker':
        return chatOk && typeof body.sticker === 'string' && body.sticker !== '' ? sent() : bad('sticker is required');
      default: // sendChatAction
        return chatOk && body.action === 'typing' ? [200, { ok: true, result: true }] : bad('action must be typing');
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function reply(res: ServerResponse, status: number, payload: unknown, plain = false, headers: Record<string, string> = {}) {
  if (res.writableEnded || res.destroyed) return;
  const text = plain ? String(payload) : JSON.stringify(payload);
  res.writeHead(status, { 'content-type': plain ? 'text/plain' : 'application/json; charset=utf-8', ...headers });
  res.end(text);
}
