/**
 * The shared HTTP app: liveness (`/healthz`: the process answers; nothing else is checked, so it stays fast
 * under any load; a listening server's front door answers it before the app, see front-door.ts), readiness
 * (`/readyz`: store reachable, channels started, and room in the answer queue), the channels' webhook routes,
 * each a Web-standard Request → Response handler, and extra route groups (the admin API and page, the ask API). Unknown paths and failures answer in the API error format.
 */
import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { AskLoad } from '../core/services.ts';
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
  /** Answers in flight and queued: a full queue makes the process unready until it drains. */
  answering?(): AskLoad;
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
    const load = deps.answering?.();
    // Under a burst, a process whose answer queue is full is unready: a balancer sends new traffic elsewhere
    // until the queue drains. Liveness (/healthz) is not affected: the process is busy, not broken.
    const ok = store && channels && !load?.full;
    const answers = load ? { answers: { inFlight: load.inFlight, queued: load.queued, maxInFlight: load.maxInFlight, maxQueued: load.maxQueued, full: load.full } } : {};
    return c.json({ ok, store, channels, ...answers }, ok ? 200 : 503);
  });
  for (const route of deps.webhooks) app.post(route.path, (c) => route.handle(c.req.raw));
  for (const group of deps.routes ?? []) app.route(group.path, group.app);
  app.notFound((c) => c.json(apiErrors.notFound().body(), 404));
  app.onError((err, c) => renderError(err, c, deps.logger));
  return app;
}
