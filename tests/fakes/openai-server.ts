/**
 * A fake OpenAI-compatible Chat Completions endpoint on 127.0.0.1: a real node:http server answering
 * `POST /v1/chat/completions` in OpenAI's wire format, recording every request (body and Authorization header).
 * What it answers is scripted per test: a completion with given content (optionally after a delay), an HTTP
 * error, a raw body (non-JSON garbage), or no answer at all. A reply can be a function of the request, so a
 * fake "model" can read its prompt (e.g. obey an injection found in it).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat message as sent by the client. */
export interface WireMessage {
  role: string;
  content: unknown;
}

/** One request the server received. */
export interface RecordedChatRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** The parsed JSON body, or null when it was not JSON. */
  body: { model?: string; messages?: WireMessage[]; temperature?: number; [key: string]: unknown } | null;
  raw: string;
}

/** What the fake answers. */
export type FakeReply =
  | { content: string | null; delayMs?: number; finishReason?: string }
  | { status: number; body?: string; contentType?: string }
  | { raw: string; contentType?: string }
  | { hang: true };

export type FakeResponder = FakeReply | ((request: RecordedChatRequest) => FakeReply);

export interface FakeOpenAiServer {
  /** Base URL to give the client, ending in `/v1`. */
  baseUrl: string;
  requests: RecordedChatRequest[];
  /** Sets what every following request gets (until set again). */
  replyWith(responder: FakeResponder): void;
  /** Text of the messages of request `index` with the given role, joined. */
  messageText(index: number, role: string): string;
  close(): Promise<void>;
}

/** Starts the fake on a free port; by default it answers `KHÔNG CÓ`. */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: RecordedChatRequest[] = [];
  let responder: FakeResponder = { content: 'KHÔNG CÓ' };
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, JSON.stringify({ error: { message: 'fake server bug' } })));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const request: RecordedChatRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body: parseJson(raw),
      raw,
    };
    requests.push(request);
    if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
      return send(res, 404, JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
    }
    const reply = typeof responder === 'function' ? responder(request) : responder;
    if ('hang' in reply) return;
    if ('status' in reply) return send(res, reply.status, reply.body ?? JSON.stringify({ error: { message: `HTTP ${reply.status}`, type: 'server_error' } }), reply.contentType);
    if ('raw' in reply) return send(res, 200, reply.raw, reply.contentType);
    const payload = JSON.stringify(completion(request.body?.model ?? 'fake-model', reply.content, reply.finishReason));
    if (!reply.delayMs) return send(res, 200, payload);
    const timer = setTimeout(() => {
      timers.delete(timer);
      send(res, 200, payload);
    }, reply.delayMs);
    timers.add(timer);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    replyWith: (next) => void (responder = next),
    messageText(index, role) {
      const messages = requests[index]?.body?.messages ?? [];
      return messages
        .filter((m) => m.role === role)
        .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
        .join('\n');
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A Chat Completions response object as OpenAI sends it. */
function completion(model: string, content: string | null, finishReason = 'stop') {
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

function send(res: ServerResponse, status: number, body: string, contentType = 'application/json; charset=utf-8'): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): RecordedChatRequest['body'] {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as RecordedChatRequest['body']) : null;
  } catch {
    return null;
  }
}
