/**
 * The Telegram channel: a grammY bot wired to the application services. `createTelegramBot` builds the bot
 * and its middleware; `start()` registers commands and either sets the webhook (the caller mounts
 * `webhook.handle` on its HTTP server) or deletes it and long-polls with @grammyjs/runner.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, webhookCallback } from 'grammy';
import { errorMessage } from '../../core/errors.ts';
import { ADMIN_COMMANDS, createUploadHandler, registerAdminCommands } from './admin.ts';
import { createCallbackCodec, createShortKeyStore, type CallbackAction } from './callback-data.ts';
import { registerCallbacks } from './callbacks.ts';
import { registerUserCommands, USER_COMMANDS } from './commands.ts';
import { APOLOGY, type AskedQuestion, type BotContext, type HandlerDeps, type TelegramBotDeps } from './context.ts';
import { DEFAULT_API_ROOT } from './download.ts';
import { createQuestionHandler } from './questions.ts';
import { registerOutlineCommand } from './outline.ts';
import { registerNoticeCommands } from './notices.ts';
import { registerUnitCommand } from './unit.ts';

export type { TelegramBotConfig, TelegramBotDeps } from './context.ts';

/** What the composition root gets back. */
export interface TelegramBot {
  bot: Bot<BotContext>;
  /** Registers commands, then sets the webhook or starts long polling. */
  start(): Promise<void>;
  /** Stops long polling after in-flight updates finish; a no-op in webhook mode. */
  stop(): Promise<void>;
  /** Webhook mode only: the route path (the URL's path) and a Web-standard handler to mount on it. */
  webhook: { path: string; handle(req: Request): Promise<Response> } | null;
}

/**
 * Auto-retry bounds: a 429 or 5xx is retried a few times, never for longer than Telegram's update timeout.
 * Network failures (grammY's HttpError) are not retried: auto-retry retries those without counting attempts,
 * backing off up to an hour, so an unreachable Bot API would keep every update's handler waiting for ever.
 */
const RETRY = { maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true };

/** Default bound on one Bot API call; getUpdates long-polls for 30 s, so this must stay above that. */
const API_TIMEOUT_SECONDS = 60;

/** Remembered update ids expire after a day; Telegram stops redelivering long before. */
const DEDUPE_TTL_SECONDS = 24 * 60 * 60;

/**
 * The webhook answers Telegram within this time even if the answer is still being prepared (the update
 * keeps running); otherwise Telegram would redeliver it. Duplicates are dropped by update id anyway.
 */
const WEBHOOK_ACK_MS = 8_000;

/** Builds the bot. No network traffic happens until `start()` (or the first webhook request). */
export function createTelegramBot(deps: TelegramBotDeps): TelegramBot {
  const apiRoot = deps.apiRoot ?? DEFAULT_API_ROOT;
  const bot = new Bot<BotContext>(deps.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    client: { apiRoot, timeoutSeconds: deps.apiTimeoutSeconds ?? API_TIMEOUT_SECONDS },
  });
  bot.api.config.use(autoRetry(RETRY));
  const shared = (namespace: string) =>
    deps.chatMemory
      ? { memory: deps.chatMemory, namespace, onError: (err: unknown) => deps.logger.warn({ err }, 'could not share button data') }
      : undefined;
  const handlerDeps: HandlerDeps = {
    ...deps,
    apiRoot,
    callbacks: createCallbackCodec(createShortKeyStore<CallbackAction>(10_000, shared('tg:button'))),
    questions: createShortKeyStore<AskedQuestion>(10_000, shared('tg:question')),
  };
  installMiddleware(bot, handlerDeps);
  bot.catch((err) => {
    deps.logger.error({ err: err.error, updateId: err.ctx.update.update_id }, 'unhandled error in update');
  });

  let runner: RunnerHandle | null = null;
  const webhook = deps.config.webhook ? createWebhook(bot, deps, deps.config.webhook) : null;

  return {
    bot,
    webhook,
    async start() {
      await bot.init();
      await registerCommands(bot, deps);
      if (deps.config.webhook) {
        await bot.api.setWebhook(deps.config.webhook.url, { secret_token: deps.config.webhook.secret });
        deps.logger.info({ path: webhook?.path, bot: bot.botInfo.username }, 'telegram webhook set');
      } else {
        await bot.api.deleteWebhook();
        runner = run(bot);
        deps.logger.info({ bot: bot.botInfo.username }, 'telegram long polling started');
      }
    },
    async stop() {
      if (runner?.isRunning()) await runner.stop();
      runner = null;
    },
  };
}

function installMiddleware(bot: Bot<BotContext>, deps: HandlerDeps): void {
  // One chat's updates are handled in order; different chats run concurrently under the runner.
  bot.use(sequentialize((ctx: BotContext) => ctx.chat?.id.toString()));
  bot.use(async (ctx, next) => {
    ctx.log = deps.logger.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id, userId: ctx.from?.id });
    await next();
  });
  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      ctx.log.error({ err }, 'update failed');
      await apologize(ctx);
    }
  });
  bot.use(async (ctx, next) => {
    if (await firstDelivery(deps, ctx)) await next();
    else ctx.log.info('duplicate update ignored');
  });
  registerUserCommands(bot, deps);
  registerOutlineCommand(bot, deps);
  registerNoticeCommands(bot, deps);
  registerUnitCommand(bot, deps);
  registerAdminCommands(bot, deps);
  registerCallbacks(bot, deps);
  bot.on('message:document', createUploadHandler(deps));
  bot.on('message:text', createQuestionHandler(deps));
}

async function firstDelivery(deps: HandlerDeps, ctx: BotContext): Promise<boolean> {
  try {
    return await deps.activity.firstSeen(`telegram:update:${ctx.update.update_id}`, DEDUPE_TTL_SECONDS);
  } catch (err) {
    // Better to risk a duplicate answer than to go silent while the activity store is down.
    ctx.log.warn({ err }, 'update de-duplication unavailable');
    return true;
  }
}

async function apologize(ctx: BotContext): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: APOLOGY }).catch(() => undefined);
  }
  if (!ctx.chat) return;
  await ctx.reply(APOLOGY).catch((err: unknown) => ctx.log.warn({ err: errorMessage(err) }, 'apology not delivered'));
}

async function registerCommands(bot: Bot<BotContext>, deps: TelegramBotDeps): Promise<void> {
  await bot.api.setMyCommands(USER_COMMANDS);
  for (const adminId of deps.config.adminIds) {
    // The admin's private chat id equals their user id; this fails if they never opened the bot, which is fine.
    await bot.api
      .setMyCommands([...USER_COMMANDS, ...ADMIN_COMMANDS], { scope: { type: 'chat', chat_id: adminId } })
      .catch((err: unknown) => deps.logger.warn({ adminId, err: errorMessage(err) }, 'admin commands not registered'));
  }
}

function createWebhook(bot: Bot<BotContext>, deps: TelegramBotDeps, config: { url: string; secret: string }): NonNullable<TelegramBot['webhook']> {
  const callback = webhookCallback(bot, 'std/http', {
    secretToken: config.secret,
    onTimeout: 'return',
    timeoutMilliseconds: WEBHOOK_ACK_MS,
  });
  return {
    path: new URL(config.url).pathname,
    async handle(req) {
      try {
        return await callback(req);
      } catch (err) {
        deps.logger.error({ err }, 'telegram webhook request failed');
        return new Response('error', { status: 500 });
      }
    },
  };
}
