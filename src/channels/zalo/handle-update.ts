/**
 * Handles one Zalo update, whatever it is: de-duplicates it, routes text to commands and questions, answers
 * media and unsupported events briefly, stays silent in groups unless addressed, and turns every failure into a
 * short apology for the user and the whole error for the log. It never throws.
 */
import type { Logger } from 'pino';
import type { Activity } from '../../core/services.ts';
import { cleanUserText, foldedView } from '../../text/normalize.ts';
import type { ZaloMessage, ZaloUpdate } from './api-types.ts';
import type { ZaloClient } from './client.ts';
import { parseCommand } from './commands.ts';
import * as say from './replies.ts';
import type { createTextHandler, TextMessage } from './text-handler.ts';

/** Zalo's retry policy is undocumented; OpenClaw drops repeats within 5 minutes, we keep ids a little longer. */
const DEDUPE_TTL_SECONDS = 15 * 60;

/** Replies to non-text events, in private chats only (groups are not spammed). */
const MEDIA_REPLIES: Record<string, string> = {
  'message.image.received': say.IMAGE_REPLY,
  'message.sticker.received': say.STICKER_REPLY,
  'message.voice.received': say.VOICE_REPLY,
  'message.unsupported.received': say.UNSUPPORTED_REPLY,
};

/** What the update handler needs. */
export interface UpdateHandlerDeps {
  client: Pick<ZaloClient, 'sendMessage'>;
  activity: Pick<Activity, 'firstSeen' | 'allowRequest'>;
  runText: ReturnType<typeof createTextHandler>;
  adminIds: string[];
  rateLimitPerMinute: number;
  botName: () => string | null;
}

/** Creates `handle(update, log)`, which resolves when the update is fully answered (or dropped). */
export function createUpdateHandler(deps: UpdateHandlerDeps) {
  async function send(chatId: string, messages: string[]): Promise<void> {
    for (const text of messages) await deps.client.sendMessage({ chat_id: chatId, text });
  }

  async function onText(message: ZaloMessage, log: Logger): Promise<void> {
    const chatId = message.chat.id;
    const userId = message.from?.id ?? chatId;
    let text = cleanUserText(message.text ?? '').trim();
    if (isGroup(message)) {
      const addressed = addressedText(text, deps.botName(), message);
      if (addressed === null) return log.debug('group message not addressed to the bot');
      text = addressed;
    }
    if (!(await deps.activity.allowRequest(`zalo:${userId}`, deps.rateLimitPerMinute, 60))) {
      log.info('zalo user over the rate limit');
      return send(chatId, [say.RATE_LIMITED]);
    }
    const command = parseCommand(text);
    log.debug({ text, command: command.kind }, 'zalo text received');
    const m: TextMessage = {
      chatId,
      userId,
      userName: message.from?.display_name ?? message.from?.name,
      isAdmin: deps.adminIds.includes(userId),
      text,
      log,
      reply: (messages) => send(chatId, messages),
    };
    await deps.runText(command, m);
  }

  async function dispatch(update: ZaloUpdate, log: Logger): Promise<void> {
    const message = update.message;
    if (!message) return log.info('zalo event without a message ignored');
    if (!(await deps.activity.firstSeen(`zalo:${message.message_id}`, DEDUPE_TTL_SECONDS))) {
      return log.info('duplicate zalo update dropped');
    }
    if (update.event_name === 'message.text.received' && message.text !== undefined) return onText(message, log);
    const reply = MEDIA_REPLIES[update.event_name] ?? (update.event_name === 'message.text.received' ? say.UNSUPPORTED_REPLY : undefined);
    if (reply === undefined) return log.debug('zalo event ignored');
    if (isGroup(message)) return log.debug('zalo media in a group ignored');
    await send(message.chat.id, [reply]);
  }

  return async function handle(update: ZaloUpdate, parentLog: Logger): Promise<void> {
    const message = update.message;
    const log = parentLog.child({
      event: update.event_name,
      messageId: message?.message_id,
      chatId: message?.chat.id,
      userId: message?.from?.id,
    });
    try {
      await dispatch(update, log);
    } catch (err) {
      log.error({ err }, 'zalo update handling failed');
      if (message) await send(message.chat.id, [say.APOLOGY]).catch((e: unknown) => log.error({ err: e }, 'could not send apology'));
    }
  };
}

/** Group chats are `chat_type: "GROUP"`; anything else (including a missing type) is treated as private. */
export function isGroup(message: ZaloMessage): boolean {
  return (message.chat.chat_type ?? '').toUpperCase() === 'GROUP';
}

/**
 * In a group, the text addressed to the bot with the mention removed, or null when not addressed.
 * Zalo says a group bot only receives messages that @mention it or reply to it, but the mention format is not
 * documented, so we are lenient: the bot's name anywhere, a leading `@`, or a reply field all count.
 */
export function addressedText(text: string, botName: string | null, message: ZaloMessage): string | null {
  if (botName) {
    const at = foldedView(text).indexOf(foldedView(botName));
    // foldedView keeps one character per NFC character for Vietnamese, so positions carry over.
    if (at >= 0 && foldedView(text).length === text.length) {
      const before = text.slice(0, at).replace(/@\s*$/, '');
      return `${before} ${text.slice(at + botName.length)}`.replace(/^[\s,:]+/, '').trim();
    }
  }
  if (text.startsWith('@')) return text.replace(/^@\S+[\s,:]*/, '').trim();
  const replyField = ['reply_to_message', 'quote', 'reply_to', 'quote_msg_id'].some((k) => k in message);
  return replyField ? text : null;
}
