/**
 * `POST /api/ask` for integrations: `{"question": "…"}` → the `ask --json` object. Bearer API_TOKEN when set.
 * Questions asked here are recorded in the activity log (channel `api`) like any channel's.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Activity, AnswerEngine } from '../core/services.ts';
import type { Question } from '../core/types.ts';
import { toAskJson } from '../cli/ask-json.ts';
import { ApiError, renderError } from './api-error.ts';
import { requireBearer } from './auth.ts';
import { limitBody, readJson } from './request.ts';

/** What the ask endpoint needs. */
export interface AskApiDeps {
  engine: AnswerEngine;
  activity: Pick<Activity, 'recordQuestion'>;
  logger: Logger;
  /** API_TOKEN; when undefined the endpoint is open. */
  token?: string;
  limits: { jsonBytes: number; questionChars: number };
}

const askBody = z.object({
  question: z.string().optional(),
  /** Optional: the same id on consecutive calls lets follow-up questions ("còn năm 2022?") resolve. */
  conversation_id: z.string().trim().min(1).max(100).optional(),
});

/** Reads `{question}`: 400 when it is missing, blank or longer than `maxChars`. */
export async function readQuestion(c: Context, maxChars: number): Promise<{ question: string; conversationId?: string }> {
  const body = await readJson(c, askBody);
  const question = body.question?.trim() ?? '';
  if (question === '') {
    throw new ApiError(400, 'missing_question', 'Thiếu câu hỏi (trường "question")', 'missing "question"');
  }
  if (question.length > maxChars) {
    throw new ApiError(
      400,
      'question_too_long',
      `Câu hỏi quá dài (${question.length} ký tự, tối đa ${maxChars})`,
      `question too long (${question.length} characters, at most ${maxChars})`,
    );
  }
  return { question, conversationId: body.conversation_id };
}

/** Builds the ask API; mount it at `/api`. */
export function createAskApi(deps: AskApiDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => renderError(err, c, deps.logger));
  if (deps.token) app.use('*', requireBearer(deps.token));
  app.post('/ask', limitBody(deps.limits.jsonBytes), async (c) => {
    const { question, conversationId } = await readQuestion(c, deps.limits.questionChars);
    const q: Question = { text: question, conversationId: `api:${conversationId ?? randomUUID()}`, channel: 'api', userId: 'api' };
    const answer = await deps.engine.ask(q);
    await deps.activity.recordQuestion(q, answer).catch((err: unknown) => deps.logger.warn({ err }, 'could not record an api question'));
    deps.logger.info({ channel: 'api', outcome: answer.outcome, latencyMs: answer.latencyMs, topScore: answer.debug.topScore }, 'answered');
    deps.logger.debug({ question }, 'api question');
    return c.json(toAskJson(answer));
  });
  return app;
}
