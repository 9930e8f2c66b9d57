/**
 * `POST /api/ask` for integrations: `{"question": "…"}` → the `ask --json` object, and `GET /api/outline.docx?topic=…`
 * (the đề cương as a Word file, src/http/outline-api.ts). Bearer API_TOKEN when set.
 * Questions asked here go through the ask service like any channel's (recorded with channel `api`).
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AskRefusal, AskService } from '../core/services.ts';
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
});

/** Reads `{question, conversation_id?}` (400 for a malformed body); the ask service checks the question itself. */
export async function readQuestion(c: Context): Promise<{ question: string; conversationId?: string }> {
  const body = await readJson(c, askBody);
  return { question: body.question ?? '', conversationId: body.conversation_id };
}

/** The 400 for a question the ask service refused. */
export function refusalError(refusal: AskRefusal): ApiError {
  if (refusal.reason === 'empty') {
    return new ApiError(400, 'missing_question', 'Thiếu câu hỏi (trường "question")', 'missing "question"');
  }
  const { chars, maxChars } = refusal;
  return new ApiError(
    400,
    'question_too_long',
    `Câu hỏi quá dài (${chars} ký tự, tối đa ${maxChars})`,
    `question too long (${chars} characters, at most ${maxChars})`,
  );
}

/** Builds the ask API; mount it at `/api`. */
export function createAskApi(deps: AskApiDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => renderError(err, c, deps.logger));
  if (deps.token) app.use('*', requireBearer(deps.token));
  app.post('/ask', limitBody(deps.limits.jsonBytes), async (c) => {
    const { question, conversationId } = await readQuestion(c);
    const conversation = `api:${conversationId ?? randomUUID()}`;
    const result = await deps.askService.ask({ text: question, conversationId: conversation, channel: 'api', userId: 'api', log: deps.logger });
    if (!result.ok) throw refusalError(result);
    return c.json(toAskJson(result.answer));
  });
  registerOutlineRoute(app, { askService: deps.askService, logger: deps.logger, clock: deps.clock ?? systemTime, caller: 'api' });
  return app;
}
