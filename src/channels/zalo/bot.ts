/**
 * The Zalo channel: a thin adapter from Zalo updates to the answer engine and back.
 * With `config.webhook` it registers the webhook at start and exposes `webhook.handle` for the shared HTTP
 * server; otherwise it deletes any webhook and long-polls. Either way updates are handled in the background,
 * in order per chat, and `stop()` waits for the ones in flight.
 */
import type { Logger } from 'pino';
import { ConfigError } from '../../core/errors.ts';
import type { Activity, Admin, AskService, Library, Units } from '../../core/services.ts';
import type { NoticeDesk } from '../../core/notices.ts';
import type { ZaloUpdate } from './api-types.ts';
import type { ZaloClient } from './client.ts';
import { createMemoryChatContexts, type ChatContextStore } from './chat-context.ts';
import { createChatQueue } from './chat-queue.ts';
import { createUpdateHandler } from './handle-update.ts';
import { startPolling, type Poller } from './polling.ts';
import { createTextHandler } from './text-handler.ts';
import { createZaloWebhook, type ZaloWebhook } from './webhook.ts';

/** Settings of the Zalo bot (parsed from env by the config module). */
export interface ZaloBotConfig {
  /** Zalo user ids (`from.id`) allowed to use `thống kê` and `xoá`. From ADMIN_ZALO_IDS. */
  adminIds: string[];
  /** ZALO_WEBHOOK_URL (public HTTPS) and ZALO_WEBHOOK_SECRET (8–256 characters); absent → long polling. */
  webhook?: { url: string; secret: string };
  rateLimitPerMinute: number;
  /** Name users mention in groups; defaults to getMe's `account_name`. */
  botName?: string;
  /** Long-poll window in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** First pause after a failed poll (default 1000 ms, doubling up to 30 s). */
  pollErrorDelayMs?: number;
}

/** What the Zalo bot is built from. */
export interface ZaloBotDeps {
  client: ZaloClient;
  /** Questions and talking points go through it (checks, engine, activity log, summary line). */
  askService: AskService;
  library: Library;
  activity: Activity;
  /** Used as given: the composition root binds `channel: 'zalo'` once, for the client and the bot. */
  logger: Logger;
  config: ZaloBotConfig;
  admin?: Pick<Admin, 'stats' | 'retire' | 'history'>;
  /** Per-chat follow-up memory; in-process by default (one replica). */
  contexts?: ChatContextStore;
  /** New-document notices ("theo dõi", "bỏ theo dõi", "văn bản mới"). */
  notices?: NoticeDesk;
  /** The chat's unit ("đơn vị <tên>"). */
  units?: Units;
}

/** A running (or ready) Zalo bot. */
export interface ZaloBot {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The route to mount on the shared HTTP server, when a webhook is configured. */
  webhook: ZaloWebhook | null;
}

/** Creates the Zalo bot. Nothing touches the network until `start()`. */
export function createZaloBot(deps: ZaloBotDeps): ZaloBot {
  const { client, config } = deps;
  const log = deps.logger;
  let botName = config.botName ?? null;
  let poller: Poller | null = null;
  let stopping = false;

  const runText = createTextHandler({
    client,
    askService: deps.askService,
    library: deps.library,
    activity: deps.activity,
    contexts: deps.contexts ?? createMemoryChatContexts(),
    admin: deps.admin,
    notices: deps.notices,
    units: deps.units,
    botName: () => botName,
  });
  const handle = createUpdateHandler({
    client,
    activity: deps.activity,
    runText,
    adminIds: config.adminIds,
    rateLimitPerMinute: config.rateLimitPerMinute,
    botName: () => botName,
  });
  const queue = createChatQueue((err) => log.error({ err }, 'zalo update escaped its handler'));
  const enqueue = (update: ZaloUpdate) => queue.run(update.message?.chat.id ?? '', () => handle(update, log));

  const webhook = config.webhook
    ? createZaloWebhook({
        secret: config.webhook.secret,
        path: checkedWebhookPath(config.webhook),
        onUpdate: enqueue,
        logger: log,
        accepting: () => !stopping,
      })
    : null;

  return {
    webhook,
    async start() {
      stopping = false;
      const me = await client.getMe();
      botName ??= me.account_name;
      log.info({ botId: me.id, botName }, 'zalo bot identified');
      if (config.webhook) {
        await client.setWebhook({ url: config.webhook.url, secret_token: config.webhook.secret });
        log.info({ path: webhook?.path }, 'zalo webhook registered');
        return;
      }
      await client.deleteWebhook();
      const { pollTimeoutSeconds = 30, pollErrorDelayMs = 1000 } = config;
      poller = startPolling({ client, onUpdate: enqueue, logger: log, timeoutSeconds: pollTimeoutSeconds, errorDelayMs: pollErrorDelayMs });
      log.info('zalo long polling started');
    },
    async stop() {
      stopping = true;
      await poller?.stop();
      poller = null;
      await queue.idle();
      log.info('zalo bot stopped');
    },
  };
}

/** The path of the webhook URL, after checking what Zalo would refuse, so a bad setting fails at once. */
function checkedWebhookPath({ url, secret }: { url: string; secret: string }): string {
  if (secret.length < 8 || secret.length > 256) throw new ConfigError('ZALO_WEBHOOK_SECRET must be 8–256 characters');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (err) {
    throw new ConfigError('ZALO_WEBHOOK_URL must be an absolute https:// URL', { cause: err });
  }
  if (parsed.protocol !== 'https:') throw new ConfigError('ZALO_WEBHOOK_URL must use https (Zalo refuses plain http)');
  return parsed.pathname;
}
