/**
 * The Zalo webhook as a Web-standard handler (`Request` → `Response`), mounted by the shared HTTP server.
 * It checks the secret in constant time before reading anything, requires JSON, caps the body, accepts both
 * body shapes seen in the wild, and answers 200 at once: the update is handled in the background.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { updateSchema, type ZaloUpdate } from './api-types.ts';

/** Zalo sends one small JSON update per request; 1 MB is far above any real one. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** Options of the webhook handler. */
export interface WebhookOptions {
  /** The `secret_token` given to setWebhook. */
  secret: string;
  /** Path of the webhook URL, where the shared server mounts the handler. */
  path: string;
  /** Receives each accepted update; must return quickly (queue the work). */
  onUpdate(update: ZaloUpdate): void;
  logger: Logger;
  maxBodyBytes?: number;
  /** False while the bot is stopping: answer 503 so Zalo delivers the update again later. */
  accepting?: () => boolean;
}

/** A webhook route. */
export interface ZaloWebhook {
  path: string;
  handle(req: Request): Promise<Response>;
}

/** Creates the webhook route. */
export function createZaloWebhook(options: WebhookOptions): ZaloWebhook {
  const maxBytes = options.maxBodyBytes ?? MAX_WEBHOOK_BODY_BYTES;
  const log = options.logger;
  return {
    path: options.path,
    async handle(req) {
      if (req.method !== 'POST') return plain(405, 'method not allowed');
      if (options.accepting && !options.accepting()) return plain(503, 'shutting down');
      if (!secretMatches(req.headers.get('x-bot-api-secret-token'), options.secret)) {
        log.warn('zalo webhook call with a wrong or missing secret token');
        return plain(401, 'secret token is wrong');
      }
      if (!/^application\/json\s*(;|$)/i.test(req.headers.get('content-type') ?? '')) return plain(415, 'expected application/json');
      if (Number(req.headers.get('content-length') ?? 0) > maxBytes) return plain(413, 'body too large');
      const raw = await readCapped(req, maxBytes);
      if (raw === null) return plain(413, 'body too large');
      const update = parseWebhookBody(parseJson(raw));
      if (!update) {
        log.warn('zalo webhook body is not an update');
        return plain(400, 'not a Zalo update');
      }
      options.onUpdate(update);
      return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  };
}

/**
 * The update in a webhook body: the documented wrapper `{ ok: true, result: { event_name, message } }` or the
 * flat `{ event_name, message }` seen in live traffic. Null when it is neither.
 */
export function parseWebhookBody(body: unknown): ZaloUpdate | null {
  const wrapped = body !== null && typeof body === 'object' && (body as { ok?: unknown }).ok === true;
  const candidate = wrapped ? (body as { result?: unknown }).result : body;
  const parsed = updateSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** Constant-time comparison: both sides are hashed first so neither length nor content leaks through timing. */
function secretMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Reads the body as UTF-8, or returns null as soon as it grows past `maxBytes`. */
async function readCapped(req: Request, maxBytes: number): Promise<string | null> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
