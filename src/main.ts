/**
 * The composition root and `npm start`: one process that opens the store (filling an empty one from
 * data/documents), starts every channel whose token is set, serves webhooks, /healthz and /readyz, and —
 * with no channel configured and an interactive terminal — opens a chat in the terminal.
 */
import pino, { type Logger } from 'pino';
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './app/logger.ts';
import { embedMissing, openCore, seedIfEmpty, type Core } from './app/open-core.ts';
import { createAdminService } from './admin/admin-service.ts';
import { createHttpApp, type WebhookRoute } from './http/server.ts';
import { listen } from './http/front-door.ts';
import { createApiRoutes } from './http/routes.ts';
import type { Admin, AskService } from './core/services.ts';
import { createTelegramBot } from './channels/telegram/bot.ts';
import { createZaloBot } from './channels/zalo/bot.ts';
import { createZaloClient } from './channels/zalo/client.ts';
import { createSharedChatContexts } from './channels/zalo/chat-context.ts';
import { createQuestionRetention } from './store/question-retention.ts';
import { runTerminalChat } from './channels/terminal/terminal-chat.ts';
import { fstatSync } from 'node:fs';
import { errorMessage } from './core/errors.ts';
import type { NoticeDesk } from './core/notices.ts';
import { createPublicationNotices, withPublicationNotices } from './notices/announce.ts';
import { chainAudience } from './organisation/notice-audience.ts';
import { createNoticeDispatcher, type NoticeSender } from './notices/dispatcher.ts';
import { createPgNoticeDesk } from './store/notice-subscriptions.ts';
import { createTelegramNoticeSender } from './channels/telegram/notices.ts';
import { createZaloNoticeSender } from './channels/zalo/notices.ts';

/** Room for a multipart form's boundaries and fields around an upload of MAX_UPLOAD_MB (the front door's body cap). */
const UPLOAD_FORM_OVERHEAD_BYTES = 1024 * 1024;

/** How often old question history is pruned. */
const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

interface Channel {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  webhook: WebhookRoute | null;
  /** How the notice dispatcher sends new-document notices on this channel. */
  noticeSender: NoticeSender;
}

/** The password in a postgres:// URL, if any, so the logger can remove it wherever it shows up. */
function databasePassword(url: string | undefined): string | undefined {
  if (!url?.startsWith('postgres')) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

function pathOf(url: string): string {
  return new URL(url).pathname || '/';
}

function buildChannels(config: Config, core: Core, logger: Logger, admin: Admin, askService: AskService, notices: NoticeDesk): Channel[] {
  const channels: Channel[] = [];
  const common = { askService, library: core.library, activity: core.activity, notices, units: core.units };
  if (config.TELEGRAM_BOT_TOKEN) {
    const webhook = config.TELEGRAM_WEBHOOK_URL ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET ?? '' } : undefined;
    const tg = createTelegramBot({
      ...common,
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      admin,
      // Button data and asked questions in the database, so a button reaching another replica still works.
      chatMemory: core.chatMemory,
      logger: logger.child({ channel: 'telegram' }),
      clock: core.clock,
      config: {
        adminIds: config.ADMIN_TELEGRAM_IDS.map(Number),
        webhook,
        rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
        maxUploadBytes: config.MAX_UPLOAD_MB * 1024 * 1024,
      },
    });
    const route = tg.webhook && webhook ? { path: pathOf(webhook.url), handle: tg.webhook.handle } : null;
    const noticeSender = createTelegramNoticeSender(tg.bot.api, config.TELEGRAM_NOTICES_PER_SECOND);
    channels.push({ name: 'telegram', start: tg.start, stop: tg.stop, webhook: route, noticeSender });
  }
  if (config.ZALO_BOT_TOKEN) {
    const webhook = config.ZALO_WEBHOOK_URL ? { url: config.ZALO_WEBHOOK_URL, secret: config.ZALO_WEBHOOK_SECRET ?? '' } : undefined;
    const zaloLogger = logger.child({ channel: 'zalo' });
    const client = createZaloClient({ token: config.ZALO_BOT_TOKEN, baseUrl: config.ZALO_API_BASE, logger: zaloLogger });
    const zalo = createZaloBot({
      ...common,
      client,
      admin,
      // In the database, so `xem 2` or `đúng` reaching another replica than the question still works.
      contexts: createSharedChatContexts(core.chatMemory),
      logger: zaloLogger,
      config: { adminIds: config.ADMIN_ZALO_IDS, webhook, rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE },
    });
    const route = zalo.webhook && webhook ? { path: pathOf(webhook.url), handle: zalo.webhook.handle } : null;
    const noticeSender = createZaloNoticeSender(client, config.ZALO_NOTICES_PER_SECOND);
    channels.push({ name: 'zalo', start: zalo.start, stop: zalo.stop, webhook: route, noticeSender });
  }
  return channels;
}

/**
 * Starts a channel, retrying with a growing pause when its API cannot be reached or rejects the token, so one
 * failing channel never keeps the other (or the HTTP server) down. Resolves false when shutting down first.
 */
async function startWithRetry(channel: Channel, logger: Logger, stopping: () => boolean): Promise<boolean> {
  for (let attempt = 0; !stopping(); attempt++) {
    try {
      await channel.start();
      logger.info({ channel: channel.name }, 'channel started');
      return true;
    } catch (err) {
      const delayMs = Math.min(60_000, 2_000 * 2 ** attempt);
      logger.error({ err, channel: channel.name, retryInMs: delayMs }, 'channel failed to start');
      await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
    }
  }
  return false;
}

/** Prunes question history now and then hourly (QUESTION_RETENTION_DAYS); returns the function that stops it. */
function scheduleRetention(core: Core, days: number, logger: Logger): () => void {
  if (days === 0) return () => undefined;
  const retention = createQuestionRetention(core.db, core.clock, days);
  const run = () =>
    retention.prune().then(
      (deleted) => {
        if (deleted.questions + deleted.feedback > 0) logger.info({ ...deleted, days }, 'old question history deleted');
      },
      (err: unknown) => logger.warn({ err }, 'question history pruning failed; retrying in an hour'),
    );
  void run();
  const timer = setInterval(() => void run(), RETENTION_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The root logger: JSON on stderr, or — when the terminal chat runs — into TERMINAL_LOG_FILE, so log lines never
 * land between the chat's `>` prompt and its answers (LOG_LEVEL applies either way).
 */
function rootLogger(config: Config, terminalChat: boolean): Logger {
  const secrets = [
    config.TELEGRAM_BOT_TOKEN, config.ZALO_BOT_TOKEN, config.OPENAI_API_KEY, config.ADMIN_API_TOKEN, config.API_TOKEN,
    config.TELEGRAM_WEBHOOK_SECRET, config.ZALO_WEBHOOK_SECRET, databasePassword(config.DATABASE_URL),
  ];
  if (!terminalChat) return createLogger(config.LOG_LEVEL, { secrets });
  process.stderr.write(`(nhật ký / logs: ${config.TERMINAL_LOG_FILE})\n`);
  return createLogger(config.LOG_LEVEL, { secrets, destination: pino.destination({ dest: config.TERMINAL_LOG_FILE, mkdir: true, sync: true }) });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const terminalChat = !config.TELEGRAM_BOT_TOKEN && !config.ZALO_BOT_TOKEN && questionsOnStdin();
  const logger = rootLogger(config, terminalChat);
  const core = await openCore({ config, logger });
  const seeded = await seedIfEmpty(core, config.DOCUMENTS_DIR, logger);
  await embedMissing(core, logger);
  logger.info({ seeded, backend: core.db.kind, embedder: core.embedder.model }, 'store ready');
  // Every publish (Telegram, admin page, CLI) announces the document to subscribers through the outbox.
  const noticeLog = logger.child({ module: 'notices' });
  // A subscriber with a unit hears of its chain's documents and Trung ương's (src/organisation/notice-audience.ts).
  const audience = chainAudience(core.units, core.organisations);
  const notices = createPublicationNotices({ db: core.db, store: core.store, clock: core.clock, logger: noticeLog, audience });
  const admin = withPublicationNotices(
    createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog, clock: core.clock }),
    notices,
    noticeLog,
  );
  // One ask service for every channel and the HTTP API: one place for the checks and the activity log.
  const { askService } = core;
  const channels = buildChannels(config, core, logger, admin, askService, createPgNoticeDesk(core.db, core.clock));
  const dispatcher = createNoticeDispatcher({ db: core.db, senders: channels.map((c) => c.noticeSender), logger: noticeLog });
  notices.onQueued(dispatcher.wake);
  const routes = await createApiRoutes({
    adminToken: config.ADMIN_API_TOKEN,
    apiToken: config.API_TOKEN,
    admin,
    store: core.store,
    askService,
    units: core.units,
    logger,
    maxUploadBytes: config.MAX_UPLOAD_MB * 1024 * 1024,
    clock: core.clock,
  });
  let started = false;
  const app = createHttpApp({
    logger,
    ping: () => core.store.ping(),
    channelsReady: () => started,
    answering: () => askService.load(),
    webhooks: channels.flatMap((c) => (c.webhook ? [c.webhook] : [])),
    routes,
  });
  const server = await listen(app, config.PORT, { maxBodyBytes: config.MAX_UPLOAD_MB * 1024 * 1024 + UPLOAD_FORM_OVERHEAD_BYTES, logger, ...(config.HOST ? { hostname: config.HOST } : {}) });
  logger.info({ host: config.HOST ?? 'all interfaces', port: config.PORT, admin: Boolean(config.ADMIN_API_TOKEN) }, 'http server listening (/healthz, /readyz, /api/ask, /admin when ADMIN_API_TOKEN is set)');
  const pending = new Set(channels.map((c) => c.name));
  let stopping = false;
  for (const channel of channels) {
    void startWithRetry(channel, logger, () => stopping).then((ok) => {
      if (ok) pending.delete(channel.name);
      started = pending.size === 0;
    });
  }
  started = pending.size === 0;
  const stopRetention = scheduleRetention(core, config.QUESTION_RETENTION_DAYS, logger);
  dispatcher.start();

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stopRetention();
    await Promise.allSettled([dispatcher.stop(), ...channels.map((c) => c.stop())]);
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (channels.length === 0) {
    if (terminalChat) {
      await runTerminalChat({ askService, library: core.library, units: core.units, input: process.stdin, output: process.stdout });
      await shutdown('terminal closed');
    } else {
      logger.warn('no channel configured: set TELEGRAM_BOT_TOKEN and/or ZALO_BOT_TOKEN (see .env.example); serving /healthz and /readyz only');
    }
  }
}

/**
 * Whether to chat on stdin: a terminal, or questions piped or redirected in (`echo "…" | npm start`, answered
 * then the process ends). Not when stdin is /dev/null or absent, as under Docker or systemd, where the process
 * must keep serving HTTP.
 */
function questionsOnStdin(): boolean {
  if (process.stdin.isTTY) return true;
  try {
    const stat = fstatSync(0);
    // A shell pipe is a FIFO; a parent process's pipe (Node's child_process) is a socket.
    return stat.isFIFO() || stat.isFile() || stat.isSocket();
  } catch {
    return false;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`start: ${errorMessage(err)}\n`);
  process.exit(1);
});
