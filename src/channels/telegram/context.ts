/**
 * What every Telegram handler shares: the context type (grammY's plus a per-update logger), the bot's
 * dependencies, and small helpers for replying with HTML, showing "typing…" and checking admins.
 */
import type { Context } from 'grammy';
import type { InlineKeyboardMarkup, UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import type { ChatMemory, Clock } from '../../core/ports.ts';
import type { NoticeDesk } from '../../core/notices.ts';
import type { Actor, Activity, Admin, AskService, Library, Units } from '../../core/services.ts';
import type { CallbackCodec, ShortKeyStore } from './callback-data.ts';

/** grammY's context with one pino child logger per update. */
export type BotContext = Context & { log: Logger };

/** Settings the composition root parses from the environment. */
export interface TelegramBotConfig {
  /** Telegram user ids allowed to upload, publish and retire documents. */
  adminIds: number[];
  /** Webhook mode when set; long polling otherwise. */
  webhook?: { url: string; secret: string };
  /** Questions (and talking-point requests) per user per minute. */
  rateLimitPerMinute: number;
  /** Largest upload accepted; the Bot API itself caps downloads at 20 MB. */
  maxUploadBytes: number;
}

/** Dependencies of `createTelegramBot`. */
export interface TelegramBotDeps {
  token: string;
  /** Bot API root without trailing slash (self-hosted Bot API server, or a local test server). */
  apiRoot?: string;
  /**
   * Seconds before a Bot API call is abandoned (default 60, above the 30 s long-polling wait): a Bot API that
   * accepts the request and never answers must not hold an update's handler for grammY's default 500 s.
   */
  apiTimeoutSeconds?: number;
  /** Skips `getMe` (tests). */
  botInfo?: UserFromGetMe;
  /** Questions and talking points go through it (checks, engine, activity log, summary line). */
  askService: AskService;
  library: Library;
  activity: Activity;
  admin: Admin;
  logger: Logger;
  /** "/nam nay" is this clock's year. */
  clock: Clock;
  config: TelegramBotConfig;
  /** Shares remembered button data between replicas; in process only without it. */
  chatMemory?: ChatMemory;
  /** New-document notices: /theodoi, /boqua, /moi (they say the feature is off without it). */
  notices?: NoticeDesk;
  /** The chat's unit: /donvi (it says the feature is off without it). */
  units?: Units;
}

/** A remembered question, so feedback can say what it was about. */
export interface AskedQuestion {
  question: string;
}

/** What handlers receive: the bot's deps plus the per-bot callback memory. */
export interface HandlerDeps extends TelegramBotDeps {
  callbacks: CallbackCodec;
  questions: ShortKeyStore<AskedQuestion>;
  apiRoot: string;
}

/** The one apology users see when anything fails. */
export const APOLOGY = 'Xin lỗi, hệ thống đang bận, vui lòng thử lại sau.';

/** Telegram repeats "typing…" for 5 seconds; refresh a little before it lapses. */
const TYPING_REFRESH_MS = 4_000;

/** Sends HTML messages in order, buttons under the last one, link previews off, replying in groups. */
export async function sendHtml(ctx: BotContext, messages: string[], keyboard?: InlineKeyboardMarkup): Promise<void> {
  const replyTo = ctx.chat?.type !== 'private' && ctx.msg?.message_id !== undefined ? ctx.msg.message_id : undefined;
  for (const [index, text] of messages.entries()) {
    const last = index === messages.length - 1;
    await ctx.reply(text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
      ...(index === 0 && replyTo !== undefined && !ctx.callbackQuery
        ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
        : {}),
    });
  }
}

/** Runs `work` while the chat shows "typing…"; a failed chat action is logged, never fatal. */
export async function withTyping<T>(ctx: BotContext, work: () => Promise<T>): Promise<T> {
  const send = () => ctx.replyWithChatAction('typing').catch((err: unknown) => ctx.log.warn({ err }, 'sendChatAction failed'));
  await send(); // awaited so "typing…" can never arrive after a fast answer
  const timer = setInterval(() => void send(), TYPING_REFRESH_MS);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** True when the sender is one of the configured admins. */
export function isAdmin(deps: TelegramBotDeps, ctx: BotContext): boolean {
  return ctx.from !== undefined && deps.config.adminIds.includes(ctx.from.id);
}

/** The audit-log identity of the sender. */
export function actorOf(ctx: BotContext): Actor {
  const from = ctx.from;
  return { channel: 'telegram', userId: String(from?.id ?? 'unknown'), name: from?.username ?? from?.first_name };
}

/** The conversation id the engine and the activity log use for this chat. */
export function conversationId(ctx: BotContext): string {
  return `telegram:${ctx.chat?.id ?? ctx.from?.id ?? 'unknown'}`;
}
