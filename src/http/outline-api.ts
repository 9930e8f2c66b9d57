/**
 * `GET /outline.docx?topic=…`: the đề cương tuyên truyền on a topic as a Word file. Mounted on the ask API
 * (`/api/outline.docx`, API_TOKEN like `POST /api/ask`) and on the admin API (`/admin/api/outline.docx`, for the
 * admin page's "Tải đề cương"; a trial, not recorded). A topic with nothing in the documents is a 404 in the
 * API error format, so a client never saves an empty outline.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Clock } from '../core/ports.ts';
import type { AskRequest, AskService } from '../core/services.ts';
import { buildOutlineDocx, DOCX_TYPE } from '../outline/outline-docx.ts';
import { ApiError } from './api-error.ts';
import { refusalError } from './ask-api.ts';

/** What the outline route needs. */
export interface OutlineRouteDeps {
  askService: AskService;
  logger: Logger;
  /** The outline's date. */
  clock: Clock;
  /** Who asks: the ask API (`api`), or an admin trying it out (`trial`, not recorded). */
  caller: 'api' | 'admin';
}

/** Registers `GET /outline.docx` on a route group (after its authentication). */
export function registerOutlineRoute(app: Hono, deps: OutlineRouteDeps): void {
  app.get('/outline.docx', async (c) => {
    const request: AskRequest = {
      text: c.req.query('topic') ?? '',
      conversationId: `${deps.caller}-outline:${randomUUID()}`,
      channel: 'api',
      userId: deps.caller,
      log: deps.logger,
      ...(deps.caller === 'admin' ? { trial: true } : {}),
    };
    const result = await deps.askService.talkingPoints(request);
    if (!result.ok) {
      if (result.reason === 'empty') throw new ApiError(400, 'missing_topic', 'Thiếu chủ đề (tham số "topic")', 'missing "topic"');
      if (result.reason === 'too_long') {
        throw new ApiError(400, 'topic_too_long', `Chủ đề quá dài (tối đa ${result.maxChars} ký tự)`, `topic too long (at most ${result.maxChars} characters)`);
      }
      // Over the client's rate limit or the process's answer queue: 429 / 503 with Retry-After, as for questions.
      throw refusalError(result);
    }
    if (result.points.refused || result.points.points.length === 0) {
      throw new ApiError(404, 'no_points', 'Chưa tìm thấy nội dung về chủ đề này trong các văn bản', 'nothing on this topic in the documents');
    }
    const file = await buildOutlineDocx(result.points, deps.clock.now());
    c.header('Content-Type', DOCX_TYPE);
    // RFC 6266: an ASCII name for old clients, the same name UTF-8 encoded for the rest.
    c.header('Content-Disposition', `attachment; filename="${file.name}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    c.header('Cache-Control', 'no-store');
    return c.body(file.bytes.slice().buffer);
  });
}
