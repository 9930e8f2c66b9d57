/**
 * The HTTP admin API under `/admin/api`: bearer-token auth, then the document routes (upload, review, edit,
 * publish, cancel, retire, restore, delete, list, detail, correcting a link of force) and the insight routes (statistics, try a question).
 * Mounted only when ADMIN_API_TOKEN is set; every write goes through the admin service, which audits it.
 */
import { Hono } from 'hono';
import { apiErrors, renderError } from './api-error.ts';
import type { AdminApiDeps } from './admin-deps.ts';
import { requireBearer } from './auth.ts';
import { registerDocumentWrites } from './admin-documents.ts';
import { registerDocumentReads } from './admin-document-reads.ts';
import { registerInsights } from './admin-insights.ts';
import { registerOutlineRoute } from './outline-api.ts';
import { systemTime } from './ask-api.ts';
import { registerForceRoutes } from './admin-force.ts';

export type { AdminApiDeps } from './admin-deps.ts';

/** Builds the admin API; mount it at `/admin/api`. */
export function createAdminApi(deps: AdminApiDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => renderError(err, c, deps.logger));
  app.use('*', requireBearer(deps.token));
  registerDocumentWrites(app, deps);
  registerDocumentReads(app, deps);
  registerForceRoutes(app, deps);
  registerInsights(app, deps);
  registerOutlineRoute(app, { askService: deps.askService, logger: deps.logger, clock: deps.clock ?? systemTime, caller: 'admin' });
  // After auth, so an unknown admin route does not reveal itself to a caller without the token.
  app.all('*', () => {
    throw apiErrors.notFound();
  });
  return app;
}
