/**
 * Admin API insights: usage statistics (per day and channel, refusals, feedback, the unanswered questions) and
 * the "thử câu hỏi" box — an answer as users see it, plus the retrieved sections and scores behind it.
 * Trial questions are not recorded, so admins testing do not skew the statistics.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { citationLine } from '../answer/citation-label.ts';
import type { Answer } from '../core/types.ts';
import { toAskJson } from '../ask/ask-json.ts';
import type { AdminApiDeps } from './admin-deps.ts';
import { readQuestion, refusalError } from './ask-api.ts';
import { limitBody } from './request.ts';

/** The try-box body: the `ask --json` object plus what the admin needs to judge it. */
export function tryJson(answer: Answer) {
  const base = toAskJson(answer);
  return {
    ...base,
    outcome: answer.outcome,
    intro: answer.intro,
    notice: answer.notice,
    mode: answer.mode,
    citations: answer.citations.map((c, i) => ({ ...base.citations[i], documentId: c.documentId, line: citationLine(c) })),
    retrieved: answer.debug.retrieved,
    topScore: answer.debug.topScore,
    topCoverage: answer.debug.topCoverage ?? null,
  };
}

/** Registers `GET /stats` and `POST /try` on the admin API. */
export function registerInsights(app: Hono, deps: AdminApiDeps): void {
  app.get('/stats', async (c) => {
    const stats = await deps.admin.stats();
    const refusalRate = stats.questions === 0 ? 0 : Math.round((stats.refusals / stats.questions) * 1000) / 1000;
    return c.json({ ...stats, refusalRate });
  });

  app.post('/try', limitBody(deps.limits.jsonBytes), async (c) => {
    const { question } = await readQuestion(c);
    const request = { text: question, conversationId: `admin-try:${randomUUID()}`, channel: 'api', userId: 'admin', trial: true } as const;
    const result = await deps.askService.ask({ ...request, log: deps.logger });
    if (!result.ok) throw refusalError(result);
    return c.json(tryJson(result.answer));
  });
}
