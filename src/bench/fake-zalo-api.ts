/**
 * A minimal stand-in for the Zalo Bot API on 127.0.0.1, enough for the webhook benchmark: `getMe`,
 * `setWebhook` and `sendMessage` answer as the real API does (`{ ok, result }`), and replies are counted with
 * the time of the last one, so end-to-end answering can be measured. The tests have a fuller fake with fault
 * injection (tests/fakes); the benchmark needs only the happy path.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The running fake. */
export interface FakeZaloApi {
  baseUrl: string;
  token: string;
  /** Replies received (`sendMessage` calls). */
  replies(): number;
  /** performance.now() of the last reply (0 before any). */
  lastReplyAt(): number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Starts the fake on a free loopback port. */
export async function startFakeZaloApi(token = '4242:bench-token'): Promise<FakeZaloApi> {
  let replies = 0;
  let last = 0;
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (!(req.url ?? '').startsWith(`/bot${token}/`)) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      if (method === 'getMe') return send(200, { ok: true, result: { id: '4242', account_name: 'bench-bot' } });
      if (method === 'setWebhook') return send(200, { ok: true, result: { url: String(body.url ?? ''), updated_at: Date.now() } });
      if (method === 'sendMessage' || method === 'sendChatAction') {
        if (method === 'sendMessage') {
          replies++;
          last = performance.now();
        }
        return send(200, { ok: true, result: { message_id: `m${replies}`, date: Date.now() } });
      }
      return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    replies: () => replies,
    lastReplyAt: () => last,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
