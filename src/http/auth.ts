/**
 * Bearer-token checks for the admin API and the ask endpoint. Tokens are compared in constant time: both sides
 * are hashed to 32 bytes first, so neither the content nor the length of the secret leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { apiErrors } from './api-error.ts';

/** True when `given` equals `expected`, compared in constant time. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Middleware that answers 401 unless the request carries `Bearer <token>`. */
export function requireBearer(token: string): MiddlewareHandler {
  return async (c, next) => {
    const given = bearerToken(c.req.header('authorization'));
    if (given === null || !tokensEqual(given, token)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw apiErrors.unauthorized();
    }
    await next();
  };
}
