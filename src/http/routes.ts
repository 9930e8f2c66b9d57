/**
 * The optional HTTP route groups, assembled from the configuration: the admin API and page (only when an admin
 * token is set) and the ask endpoint for integrations (always; token-protected when API_TOKEN is set).
 */
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Clock, DocumentStore } from '../core/ports.ts';
import type { Admin, AskService, Units } from '../core/services.ts';
import { createAdminApi } from './admin-api.ts';
import { createAdminPageRoutes, loadAdminPage } from './admin-page.ts';
import { createAskApi } from './ask-api.ts';

/**
 * JSON bodies carry a question or a few metadata fields; 64 KB is far above any valid one (a 1000-character
 * question is at most ~4 KB of UTF-8) while keeping a flood of junk out of memory.
 */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

/** A Hono app mounted under a path prefix. */
export interface RouteGroup {
  path: string;
  app: Hono;
}

/** What the route groups need; tokens come from ADMIN_API_TOKEN and API_TOKEN. */
export interface ApiRoutesDeps {
  adminToken?: string;
  apiToken?: string;
  admin: Admin;
  store: AdminStore;
  askService: AskService;
  /** The `organisation` of `POST /api/ask` (without it the field is ignored). */
  units?: Units;
  logger: Logger;
  maxUploadBytes: number;
  /** Dates the outlines (`/api/outline.docx`, `/admin/api/outline.docx`); the system clock by default. */
  clock?: Clock;
  /** Folder of the admin page's files (defaults to src/http/admin-page). */
  pageDir?: string;
}

type AdminStore = Pick<DocumentStore, 'getDocument' | 'listDocuments' | 'getSections' | 'getReferences' | 'findReferences'>;

/** Builds the route groups; reads the admin page's files when the admin side is on. */
export async function createApiRoutes(deps: ApiRoutesDeps): Promise<RouteGroup[]> {
  const limits = { jsonBytes: JSON_BODY_LIMIT_BYTES };
  const groups: RouteGroup[] = [
    {
      path: '/api',
      app: createAskApi({
        askService: deps.askService,
        units: deps.units,
        logger: deps.logger.child({ route: 'api' }),
        token: deps.apiToken,
        limits,
        clock: deps.clock,
      }),
    },
  ];
  if (!deps.adminToken) return groups;
  const logger = deps.logger.child({ route: 'admin' });
  const adminApi = createAdminApi({
    token: deps.adminToken,
    admin: deps.admin,
    store: deps.store,
    askService: deps.askService,
    logger,
    clock: deps.clock,
    limits: { ...limits, uploadBytes: deps.maxUploadBytes },
  });
  groups.push({ path: '/admin/api', app: adminApi });
  groups.push({ path: '/admin', app: createAdminPageRoutes(await loadAdminPage(deps.pageDir)) });
  return groups;
}
