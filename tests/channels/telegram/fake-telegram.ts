/**
 * Fakes Telegram at grammY's seam: an API transformer records every call and answers like the Bot API,
 * rejecting (HTTP 400, as Telegram does) what Telegram would reject: invalid HTML, text over 4096 characters
 * after entity parsing, callback_data over 64 bytes, bad commands and webhook secrets.
 * Also builds the updates Telegram would send.
 */
import type { Bot, Context } from 'grammy';
import type { Chat, InlineKeyboardMarkup, Message, MessageEntity, Update, UserFromGetMe } from 'grammy/types';
import { checkTelegramHtml } from './telegram-html.ts';

// Test payloads are loosely typed on purpose: we inspect what grammY would put on the wire.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Payload = Record<string, any>;

/** grammY hands transformers its own AbortSignal type; this is the part the fake uses. */
interface Abortable {
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

export interface ApiCall {
  method: string;
  payload: Payload;
}

export const TOKEN = '123456:TEST-token-never-logged';

export const BOT_INFO: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: 'Trợ lý văn bản',
  username: 'vanban_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export const ADMIN_ID = 1001;
export const USER_ID = 2002;

/** What the fake answers to getFile. */
export interface FakeFile {
  path: string;
  size: number;
}

function validate(method: string, p: Payload): string | null {
  if (method === 'sendMessage' || method === 'editMessageText') {
    const parsed = p.parse_mode === 'HTML' ? checkTelegramHtml(String(p.text)) : { ok: true as const, text: String(p.text) };
    if (!parsed.ok) return `can't parse entities: ${parsed.error}`;
    if (parsed.text.trim().length === 0) return 'message text is empty';
    if (parsed.text.length > 4096) return `message is too long (${parsed.text.length})`;
  }
  for (const row of (p.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? []) {
    for (const b of row) {
      const data = 'callback_data' in b ? b.callback_data : undefined;
      if (data !== undefined && (Buffer.byteLength(data) < 1 || Buffer.byteLength(data) > 64)) return `BUTTON_DATA_INVALID: ${data}`;
    }
  }
  if (method === 'answerCallbackQuery' && p.text !== undefined && String(p.text).length > 200) return 'callback answer too long';
  if (method === 'setMyCommands') {
    for (const c of p.commands as Array<{ command: string; description: string }>) {
      if (!/^[a-z0-9_]{1,32}$/.test(c.command) || c.description.length < 1 || c.description.length > 256) return `bad command ${c.command}`;
    }
  }
  if (method === 'setWebhook' && p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(p.secret_token)) return 'bad secret_token';
  return null;
}

/** Installs the fake on a bot; `files` answers getFile, `updates` feeds getUpdates (polling tests). */
export function installFakeTelegram<C extends Context>(bot: Bot<C>, options: { file?: FakeFile; updates?: Update[] } = {}) {
  const calls: ApiCall[] = [];
  const violations: string[] = [];
  let messageId = 500;
  const pendingUpdates = [...(options.updates ?? [])];
  bot.api.config.use(async (_prev, method, payload, signal) => {
    const p = (payload ?? {}) as Payload;
    calls.push({ method, payload: p });
    const violation = validate(method, p);
    if (violation) {
      violations.push(`${method}: ${violation}`);
      return { ok: false, error_code: 400, description: `Bad Request: ${violation}` } as never;
    }
    return { ok: true, result: await result(method, p, signal) } as never;
  });

  async function result(method: string, p: Payload, signal?: Abortable): Promise<unknown> {
    switch (method) {
      case 'sendMessage':
        return { message_id: ++messageId, date: 1_700_000_000, chat: { id: p.chat_id, type: 'private' }, text: p.text };
      case 'getFile':
        return { file_id: p.file_id, file_unique_id: 'uniq', file_size: options.file?.size, file_path: options.file?.path };
      case 'getUpdates':
        return pendingUpdates.length > 0 ? pendingUpdates.splice(0) : waitForAbort(signal);
      default:
        return true;
    }
  }

  return {
    calls,
    violations,
    methods: () => calls.map((c) => c.method),
    sent: () => calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload),
    texts: () => calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text)),
    reset: () => calls.splice(0),
  };
}

/** Long polling waits until the runner stops; then the request is aborted like a real fetch. */
function waitForAbort(signal?: Abortable): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (!signal) return;
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
}

let updateId = 1;
let incomingId = 1;

export function privateChat(userId = USER_ID): Chat.PrivateChat {
  return { id: userId, type: 'private', first_name: `user${userId}` };
}

export const GROUP: Chat.SupergroupChat = { id: -100777, type: 'supergroup', title: 'Chi bộ' };

function message(text: string, chat: Chat, from: number, extra: Partial<Message> = {}): Message {
  return {
    message_id: incomingId++,
    date: 1_700_000_000,
    chat,
    from: { id: from, is_bot: false, first_name: `user${from}`, username: `user${from}` },
    text,
    ...extra,
  } as Message;
}

/** A text message (a question, or a command when it starts with "/"). */
export function textUpdate(text: string, opts: { from?: number; chat?: Chat; entities?: MessageEntity[]; replyTo?: Message } = {}): Update {
  const from = opts.from ?? USER_ID;
  const command = /^\/\S+/.exec(text);
  const entities = opts.entities ?? (command ? [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] : undefined);
  const extra = { ...(entities ? { entities } : {}), ...(opts.replyTo ? { reply_to_message: opts.replyTo } : {}) } as Partial<Message>;
  return { update_id: updateId++, message: message(text, opts.chat ?? privateChat(from), from, extra) } as Update;
}

/** A document message. */
export function documentUpdate(doc: { name: string; size?: number }, from = ADMIN_ID, chat?: Chat): Update {
  const m = message('', chat ?? privateChat(from), from);
  delete (m as Partial<Message>).text;
  const document = { file_id: 'file-1', file_unique_id: 'uniq-1', file_name: doc.name, file_size: doc.size, mime_type: 'text/plain' };
  return { update_id: updateId++, message: { ...m, document } } as Update;
}

/** A button press on a message the bot sent (as recorded by the fake). */
export function callbackUpdate(data: string, sent: Payload, from = USER_ID): Update {
  const chat = sent.chat_id === from ? privateChat(from) : { id: sent.chat_id, type: 'supergroup', title: 'Chi bộ' };
  const botMessage = {
    message_id: 900,
    date: 1_700_000_000,
    chat,
    from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name },
    text: sent.text,
    ...(sent.reply_markup ? { reply_markup: sent.reply_markup } : {}),
  };
  return {
    update_id: updateId++,
    callback_query: {
      id: `cb-${updateId}`,
      from: { id: from, is_bot: false, first_name: `user${from}` },
      chat_instance: 'ci',
      message: botMessage,
      data,
    },
  } as Update;
}

/** Every callback_data on a sent message's keyboard. */
export function buttons(sent: Payload): Array<{ text: string; data: string }> {
  const rows = (sent.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [];
  return rows.flat().map((b) => ({ text: b.text, data: 'callback_data' in b ? (b.callback_data ?? '') : '' }));
}
