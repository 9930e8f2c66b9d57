/**
 * Text messages are questions: the adapter hands the text to the ask service (which checks it, asks the
 * engine and records it) and renders the `Answer` as HTML with buttons. In groups it only answers when
 * mentioned or replied to.
 */
import type { Message, MessageEntity } from 'grammy/types';
import type { AskRefusal } from '../../core/services.ts';
import { APOLOGY, conversationId, sendHtml, withTyping, type BotContext, type HandlerDeps } from './context.ts';
import { answerKeyboard } from './keyboards.ts';
import { renderAnswer, renderText } from './render.ts';

/** Shown to a user who asks faster than the configured rate. */
export const RATE_LIMITED = 'Bạn gửi hơi nhiều câu hỏi trong một phút. Vui lòng chờ một chút rồi hỏi tiếp nhé.';

/** Shown when a message addressed to the bot holds no question. */
export const EMPTY_QUESTION = 'Bạn muốn hỏi gì? Ví dụ: "nội dung trọng tâm năm 2023 là gì?"';

/** Shown when a question is longer than the configured limit. */
export function tooLongText(max: number): string {
  return `Câu hỏi dài quá (tối đa ${max} ký tự). Bạn vui lòng hỏi ngắn gọn hơn nhé.`;
}

function entityText(text: string, e: MessageEntity): string {
  return text.slice(e.offset, e.offset + e.length);
}

/**
 * The question addressed to the bot, or `null` when the message is not for it. Private chats: the whole
 * text. Groups: only when the message mentions the bot (the mention is removed) or replies to the bot.
 */
export function addressedText(msg: Message, me: { id: number; username: string }): string | null {
  const text = msg.text ?? '';
  if (msg.chat.type === 'private') return text;
  if (msg.chat.type === 'channel') return null;
  const entities = msg.entities ?? [];
  const mentions = entities.filter(
    (e) =>
      (e.type === 'mention' && entityText(text, e).toLowerCase() === `@${me.username.toLowerCase()}`) ||
      (e.type === 'text_mention' && e.user.id === me.id),
  );
  if (mentions.length > 0) {
    let stripped = text;
    for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) {
      stripped = stripped.slice(0, e.offset) + stripped.slice(e.offset + e.length);
    }
    return stripped.replace(/\s+/g, ' ').trim();
  }
  return msg.reply_to_message?.from?.id === me.id ? text : null;
}

/**
 * Shared guard for anything that calls the engine: the per-user rate limit. Replies politely and returns
 * false when the request must not go on.
 */
export async function withinRateLimit(deps: HandlerDeps, ctx: BotContext): Promise<boolean> {
  const user = ctx.from?.id ?? ctx.chat?.id ?? 0;
  if (await deps.activity.allowRequest(`telegram:${user}`, deps.config.rateLimitPerMinute, 60)) return true;
  ctx.log.info({ outcome: 'rate_limited' }, 'request refused');
  await sendHtml(ctx, renderText(RATE_LIMITED));
  return false;
}

/** The reply to a request the ask service refused. */
export function refusalText(refusal: AskRefusal): string {
  switch (refusal.reason) {
    case 'empty':
      return EMPTY_QUESTION;
    case 'too_long':
      return tooLongText(refusal.maxChars);
    case 'busy':
      return APOLOGY;
    case 'rate_limited':
      return RATE_LIMITED;
  }
}

/** Middleware for `message:text`: answers questions addressed to the bot. */
export function createQuestionHandler(deps: HandlerDeps) {
  return async (ctx: BotContext): Promise<void> => {
    const msg = ctx.message;
    if (!msg?.text) return;
    const text = addressedText(msg, ctx.me);
    if (text === null) return;
    if (text.startsWith('/')) {
      await sendHtml(ctx, renderText('Lệnh không rõ. Gõ /help để xem các lệnh và câu hỏi mẫu.'));
      return;
    }
    if (!(await withinRateLimit(deps, ctx))) return;
    await answerQuestion(deps, ctx, text);
  };
}

async function answerQuestion(deps: HandlerDeps, ctx: BotContext, text: string): Promise<void> {
  const result = await deps.askService.ask({
    text,
    conversationId: conversationId(ctx),
    channel: 'telegram',
    userId: String(ctx.from?.id ?? ''),
    log: ctx.log,
    whileAnswering: (work) => withTyping(ctx, work),
  });
  if (!result.ok) return sendHtml(ctx, renderText(refusalText(result)));
  const chatId = ctx.chat?.id ?? 0;
  const keyboard = answerKeyboard(result.answer, deps.callbacks, chatId, deps.questions.remember(chatId, { question: text.trim() }));
  await sendHtml(ctx, renderAnswer(result.answer), keyboard);
}
