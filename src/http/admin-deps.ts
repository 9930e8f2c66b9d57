/**
 * The dependencies of the admin API route groups, and the audit actor of a request.
 */
import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Clock, DocumentStore } from '../core/ports.ts';
import type { Actor, Admin, AskService } from '../core/services.ts';

/** What the admin API needs. */
export interface AdminApiDeps {
  /** The bearer token admins send (ADMIN_API_TOKEN). */
  token: string;
  admin: Admin;
  store: Pick<DocumentStore, 'getDocument' | 'listDocuments' | 'getSections' | 'getReferences' | 'findReferences'>;
  /** The try box asks through it (trial requests: answered, not recorded). */
  askService: AskService;
  logger: Logger;
  /** Dates the outlines of `GET /outline.docx` (default: the system clock). */
  clock?: Clock;
  limits: {
    /** Largest accepted file (MAX_UPLOAD_MB); the multipart body may be a little larger. */
    uploadBytes: number;
    /** Largest JSON body. */
    jsonBytes: number;
  };
}

/**
 * Who acts, for the audit log: the admin API with the optional `X-Admin-Name` the page sends. Header values
 * are bytes, so a Vietnamese name arrives percent-encoded (UTF-8).
 */
export function actorOf(c: Context): Actor {
  const raw = c.req.header('x-admin-name') ?? '';
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded after all: keep it as sent.
  }
  name = name.trim().slice(0, 80);
  return name ? { channel: 'admin-api', userId: 'admin-token', name } : { channel: 'admin-api', userId: 'admin-token' };
}

