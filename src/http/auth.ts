/**
 * Bearer-token checks for the admin API and the ask endpoint: Hono's `bearerAuth` reads the header, and our
 * comparison decides. Tokens are compared in constant time: both sides are hashed to 32 bytes first, so
 * neither the content nor the length of the secret leaks through timing. Every refusal — no header, a
 * malformed one, a wrong token — is the same 401 in the API error format. (`bearerAuth` accepts only the
 * RFC 6750 token characters; the configuration refuses ADMIN_API_TOKEN and API_TOKEN outside them.)
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { apiErrors } from './api-error.ts';

/** True when `given` equals `expected`, compared in constant time. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** Middleware that answers 401 unless the request carries `Authorization: Bearer <token>`. */
export function requireBearer(token: string): MiddlewareHandler {
  const refuse = (c: Context) => c.json(apiErrors.unauthorized().body(), 401);
  return bearerAuth({
    verifyToken: (given) => tokensEqual(given, token),
    noAuthenticationHeader: { message: refuse },
    invalidAuthenticationHeader: { message: refuse },
    invalidToken: { message: refuse },
  });
}
