/**
 * The error body every HTTP API route answers with: `{"error": {"code", "message_vi", "message_en"}}`.
 * Handlers throw `ApiError` for expected 4xx outcomes; the route group's error handler renders it, and
 * renders anything else as a logged 500 without internals.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { AppError } from '../core/errors.ts';

/** The JSON error body of the HTTP APIs. */
export interface ApiErrorBody {
  error: { code: string; message_vi: string; message_en: string };
}

/** An expected client error (4xx) with a stable code and a Vietnamese and English message. */
export class ApiError extends AppError {
  /** Response headers that go with it (`Retry-After` on 429 and 503). */
  readonly headers: Record<string, string>;

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(`${status} ${code}: ${messageEn}`, options);
    this.headers = options?.headers ?? {};
  }

  /** The JSON body for this error. */
  body(): ApiErrorBody {
    return { error: { code: this.code, message_vi: this.messageVi, message_en: this.messageEn } };
  }
}

/** Common errors, one place for their wording. */
export const apiErrors = {
  notFound: (what = 'Không tìm thấy', en = 'not found') => new ApiError(404, 'not_found', what, en),
  unauthorized: () =>
    new ApiError(401, 'unauthorized', 'Thiếu hoặc sai mã truy cập (token)', 'missing or wrong bearer token'),
  unsupportedMedia: (expected: string) =>
    new ApiError(415, 'unsupported_media_type', `Sai kiểu nội dung, cần ${expected}`, `content type must be ${expected}`),
  tooLarge: (limitBytes: number) =>
    new ApiError(
      413,
      'payload_too_large',
      `Nội dung gửi lên quá lớn (giới hạn ${formatBytes(limitBytes)})`,
      `request body too large (limit ${formatBytes(limitBytes)})`,
    ),
  invalidJson: () => new ApiError(400, 'invalid_json', 'Nội dung JSON không hợp lệ', 'request body is not valid JSON'),
  conflict: (vi: string, en: string) => new ApiError(409, 'conflict', vi, en),
} as const;

/** `20 MB`, `64 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

/**
 * Renders an `ApiError`, passes on the response a Hono middleware prepared (`HTTPException`, e.g. bearerAuth's
 * 401 in our format), or logs anything else and answers a generic 500.
 */
export function renderError(err: Error, c: Context, logger: Logger): Response {
  if (err instanceof ApiError) return c.json(err.body(), err.status, err.headers);
  if (err instanceof HTTPException) return err.getResponse();
  logger.error({ err, path: c.req.path, method: c.req.method }, 'http api handler failed');
  const body: ApiErrorBody = {
    error: { code: 'internal_error', message_vi: 'Lỗi hệ thống, vui lòng thử lại sau', message_en: 'internal error' },
  };
  return c.json(body, 500);
}
