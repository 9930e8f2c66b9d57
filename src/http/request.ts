/**
 * Request checks shared by the API routes: body size limits (413), content types (415), JSON parsing and zod
 * validation (400), each answered with the API error body.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ApiError, apiErrors } from './api-error.ts';

/** Middleware refusing bodies over `maxBytes` with 413 (checked on Content-Length and while streaming). */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({ maxSize: maxBytes, onError: (c) => c.json(apiErrors.tooLarge(maxBytes).body(), 413) });
}

/** Throws 415 unless the request's media type is `expected` (parameters such as charset are ignored). */
export function requireContentType(c: Context, expected: string): void {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== expected) throw apiErrors.unsupportedMedia(expected);
}

/** Reads a JSON body and validates it: 415 for another content type, 400 for bad JSON or invalid fields. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  requireContentType(c, 'application/json');
  // Read outside the try: an over-limit body throws here and must reach the body-limit middleware (413).
  const text = await c.req.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, 'invalid_json', 'Nội dung JSON không hợp lệ', 'request body is not valid JSON', { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  throw new ApiError(400, 'invalid_request', `Dữ liệu gửi lên không hợp lệ — ${details}`, `invalid request — ${details}`);
}
