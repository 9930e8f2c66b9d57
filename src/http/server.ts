/**
 * The shared HTTP server: liveness (`/healthz`), readiness (`/readyz`: store reachable, channels started)
 * and the channels' webhook routes, each a Web-standard Request → Response handler.
 */
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { Logger } from 'pino';

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
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((err, c) => {
    deps.logger.error({ err }, 'http handler failed');
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}

/** Starts listening; resolves with the server once bound. */
export function listen(app: Hono, port: number): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port }, () => resolve(server));
  });
}
