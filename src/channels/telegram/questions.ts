/**
 * Text messages are questions: the adapter turns an update into a `Question`, asks the engine, renders the
 * `Answer` as HTML with buttons, and records it. In groups it only answers when mentioned or replied to.
 */
import type { Message, MessageEntity } from 'grammy/types';
import type { Question } from '../../core/types.ts';
import { conversationId, sendHtml, withTyping, type BotContext, type HandlerDeps } from './context.ts';
import { answerKeyboard } from './keyboards.ts';
import { renderAnswer, renderText } from './render.ts';

/** Shown to a user who asks faster than the configured rate. */
export const RATE_LIMITED = 'Bạn gửi hơi nhiều câu hỏi trong một phút. Vui lòng chờ một chút rồi hỏi tiếp nhé.';

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
 * Shared guard for anything that calls the engine: per-user rate limit, then size limit.
 * Replies politely and returns false when the request must not go on.
 */
export async function admitRequest(deps: HandlerDeps, ctx: BotContext, text: string): Promise<boolean> {
  const user = ctx.from?.id ?? ctx.chat?.id ?? 0;
  const allowed = await deps.activity.allowRequest(`telegram:${user}`, deps.config.rateLimitPerMinute, 60);
  if (!allowed) {
    ctx.log.info({ outcome: 'rate_limited' }, 'request refused');
    await sendHtml(ctx, renderText(RATE_LIMITED));
    return false;
  }
  if (text.length > deps.config.maxQuestionChars) {
    ctx.log.info({ outcome: 'too_long', chars: text.length }, 'request refused');
    await sendHtml(ctx, renderText(tooLongText(deps.config.maxQuestionChars)));
    return false;
  }
  return true;
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
    if (text.trim() === '') {
      await sendHtml(ctx, renderText('Bạn muốn hỏi gì? Ví dụ: "nội dung trọng tâm năm 2023 là gì?"'));
      return;
    }
    if (!(await admitRequest(deps, ctx, text))) return;
    await answerQuestion(deps, ctx, text.trim());
  };
}

async function answerQuestion(deps: HandlerDeps, ctx: BotContext, text: string): Promise<void> {
  const question: Question = { text, conversationId: conversationId(ctx), channel: 'telegram', userId: String(ctx.from?.id ?? '') };
  ctx.log.debug({ question: text }, 'question');
  const answer = await withTyping(ctx, () => deps.engine.ask(question));
  const chatId = ctx.chat?.id ?? 0;
  const keyboard = answerKeyboard(answer, deps.callbacks, chatId, deps.questions.remember(chatId, { question: text }));
  await sendHtml(ctx, renderAnswer(answer), keyboard);
  ctx.log.info(
    { outcome: answer.outcome, latencyMs: answer.latencyMs, topScore: answer.debug.topScore, citations: answer.citations.length, mode: answer.mode },
    'answered',
  );
  await deps.activity.recordQuestion(question, answer).catch((err: unknown) => ctx.log.warn({ err }, 'recordQuestion failed'));
}
