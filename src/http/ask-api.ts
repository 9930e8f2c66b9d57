/**
 * `POST /api/ask` for integrations: `{"question": "…"}` → the `ask --json` object, and `GET /api/outline.docx?topic=…`
 * (the đề cương as a Word file, src/http/outline-api.ts). Bearer API_TOKEN when set.
 * Questions asked here go through the ask service like any channel's (recorded with channel `api`).
 */
import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AskRefusal, AskService, Units } from '../core/services.ts';
import { unitChoiceText } from '../organisation/unit-words.ts';
import { toAskJson } from '../ask/ask-json.ts';
import { ApiError, renderError } from './api-error.ts';
import { requireBearer } from './auth.ts';
import { limitBody, readJson } from './request.ts';
import { registerOutlineRoute } from './outline-api.ts';
import type { Clock } from '../core/ports.ts';

/** The clock when none is given. */
export const systemTime: Clock = { now: () => new Date() };

/** What the ask endpoint needs. */
export interface AskApiDeps {
  askService: AskService;
  /** The `organisation` field: understood against the collection's bodies, remembered per `conversation_id`. */
  units?: Units;
  logger: Logger;
  /** API_TOKEN; when undefined the endpoint is open. */
  token?: string;
  limits: { jsonBytes: number };
  /** Dates the outlines of `GET /outline.docx` (default: the system clock). */
  clock?: Clock;
}

const askBody = z.object({
  question: z.string().optional(),
  /** Optional: the same id on consecutive calls lets follow-up questions ("còn năm 2022?") resolve. */
  conversation_id: z.string().trim().min(1).max(100).optional(),
  /**
   * Optional: the asker's unit ("Huyện ủy Chợ Mới"); answers prefer its documents and those of the bodies above.
   * With a `conversation_id` it is remembered for the conversation; `""` forgets it.
   */
  organisation: z.string().max(200).optional(),
});

/** Reads `{question, conversation_id?, organisation?}` (400 for a malformed body); the ask service checks the question. */
export async function readQuestion(c: Context): Promise<{ question: string; conversationId?: string; organisation?: string }> {
  const body = await readJson(c, askBody);
  return { question: body.question ?? '', conversationId: body.conversation_id, organisation: body.organisation };
}

/** The unit a request asks for: what to pass the ask service, and what to tell the caller when it fit no body. */
interface RequestUnit {
  /** `undefined`: the conversation's remembered unit (or the default) applies; `''`: none. */
  organisation?: string;
  note?: string;
  candidates?: string[];
}

async function requestUnit(units: Units | undefined, organisation: string | undefined, conversation: string, remembered: boolean): Promise<RequestUnit> {
  if (!units || organisation === undefined) return {};
  if (organisation.trim() === '') {
    if (remembered) await units.clear(conversation);
    return {};
  }
  const choice = remembered ? await units.set(conversation, organisation) : await units.understand(organisation);
  if (choice.kind === 'set') return { organisation: choice.name };
  const candidates = choice.kind === 'ambiguous' ? choice.candidates : choice.closest;
  return { organisation: '', note: unitChoiceText(choice, '"organisation"'), candidates };
}

/**
 * The error for a request the ask service refused: 400 for the question itself, 429 over the client's rate
 * limit, 503 when the process's answers and their queue are full; the last two with `Retry-After`.
 */
export function refusalError(refusal: AskRefusal): ApiError {
  switch (refusal.reason) {
    case 'empty':
      return new ApiError(400, 'missing_question', 'Thiếu câu hỏi (trường "question")', 'missing "question"');
    case 'too_long': {
      const { chars, maxChars } = refusal;
      const vi = `Câu hỏi quá dài (${chars} ký tự, tối đa ${maxChars})`;
      return new ApiError(400, 'question_too_long', vi, `question too long (${chars} characters, at most ${maxChars})`);
    }
    case 'rate_limited': {
      const headers = { 'Retry-After': String(refusal.retryAfterSeconds) };
      const vi = `Gửi quá nhiều câu hỏi trong một phút, hãy thử lại sau ${refusal.retryAfterSeconds} giây`;
      return new ApiError(429, 'rate_limited', vi, `too many questions this minute; retry in ${refusal.retryAfterSeconds} s`, { headers });
    }
    case 'busy': {
      const headers = { 'Retry-After': String(refusal.retryAfterSeconds) };
      const vi = `Hệ thống đang bận trả lời nhiều câu hỏi, hãy thử lại sau ${refusal.retryAfterSeconds} giây`;
      return new ApiError(503, 'busy', vi, `too many questions in progress; retry in ${refusal.retryAfterSeconds} s`, { headers });
    }
  }
}

/** The client's address as the server saw it (a reverse proxy's, behind one); `unknown` in-process. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Builds the ask API; mount it at `/api`. */
export function createAskApi(deps: AskApiDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => renderError(err, c, deps.logger));
  if (deps.token) app.use('*', requireBearer(deps.token));
  // Under a burst, what the answer queue cannot hold is turned away before its body is even read: the less work
  // a refused request costs, the sooner the process is back to answering health checks and queued questions.
  const shedWhenFull: MiddlewareHandler = async (_c, next) => {
    const load = deps.askService.load();
    if (load.full) throw refusalError({ ok: false, reason: 'busy', retryAfterSeconds: load.retryAfterSeconds });
    await next();
  };
  app.post('/ask', shedWhenFull, limitBody(deps.limits.jsonBytes), async (c) => {
    const { question, conversationId, organisation } = await readQuestion(c);
    const conversation = `api:${conversationId ?? randomUUID()}`;
    const { organisation: unit, ...told } = await requestUnit(deps.units, organisation, conversation, conversationId !== undefined);
    const request = { text: question, conversationId: conversation, channel: 'api', userId: 'api', ...(unit !== undefined ? { organisation: unit } : {}) } as const;
    const result = await deps.askService.ask({ ...request, rateLimitKey: `api:${clientAddress(c)}`, log: deps.logger });
    if (!result.ok) throw refusalError(result);
    return c.json({ ...toAskJson(result.answer), organisation: { unit: result.answer.unit ?? null, ...told } });
  });
  registerOutlineRoute(app, { askService: deps.askService, logger: deps.logger, clock: deps.clock ?? systemTime, caller: 'api' });
  return app;
}
