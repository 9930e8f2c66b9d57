/**
 * The shared HTTP server: liveness (`/healthz`), readiness (`/readyz`: store reachable, channels started)
 * the channels' webhook routes, each a Web-standard Request → Response handler, and extra route groups (the
 * admin API and page, the ask API). Unknown paths and failures answer in the API error format.
 */
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { Logger } from 'pino';
import { apiErrors, renderError } from './api-error.ts';

export interface WebhookRoute {
  path: string;
  handle(req: Request): Promise<Response>;
}

export interface HttpDeps {
  logger: Logger;
  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;
  /** Whether every configured channel has started. */
  channelsReady(): boolean;
  webhooks: WebhookRoute[];
  /** Extra route groups mounted under their path (admin API and page, ask API). */
  routes?: Array<{ path: string; app: Hono }>;
}

/** Builds the Hono app (tested in-process with `app.request`). */
export function createHttpApp(deps: HttpDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const store = await deps.ping().then(
      () => true,
      (err: unknown) => (deps.logger.warn({ err }, 'readiness: store unreachable'), false),
    );
    const channels = deps.channelsReady();
    return c.json({ ok: store && channels, store, channels }, store && channels ? 200 : 503);
  });
  for (const route of deps.webhooks) app.post(route.path, (c) => route.handle(c.req.raw));
  for (const group of deps.routes ?? []) app.route(group.path, group.app);
  app.notFound((c) => c.json(apiErrors.notFound().body(), 404));
  app.onError((err, c) => renderError(err, c, deps.logger));
  return app;
}

/** Starts listening (on every interface unless `hostname` is given); resolves with the server once bound. */
export function listen(app: Hono, port: number, hostname?: string): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, ...(hostname ? { hostname } : {}) }, () => resolve(server));
  });
}
