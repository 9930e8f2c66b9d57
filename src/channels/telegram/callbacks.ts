/**
 * Inline button presses: open a cited section, open an outline, 👍/👎 with a reason, and the admin's
 * publish / cancel / retire. Every press is answered (a final catch-all answers anything left).
 */
import type { Bot, CallbackQueryContext } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { documentLine } from '../citation-label.ts';
import { FEEDBACK_REASONS, type CallbackAction } from './callback-data.ts';
import { actorOf, conversationId, isAdmin, sendHtml, type BotContext, type HandlerDeps } from './context.ts';
import { withoutFeedback, withReasons } from './keyboards.ts';
import { renderText } from './render.ts';
import { renderOutline, renderSection } from './render-library.ts';
import { ADMIN_ONLY } from './admin.ts';

type Press = CallbackQueryContext<BotContext>;

/** Told when a button's remembered action is gone (restart) or its document no longer exists. */
export const EXPIRED = 'Nút này đã hết hạn. Bạn vui lòng hỏi lại nhé.';

function currentMarkup(ctx: Press): InlineKeyboardMarkup | undefined {
  const message = ctx.callbackQuery.message;
  return message && 'reply_markup' in message ? message.reply_markup : undefined;
}

async function setMarkup(ctx: Press, markup: InlineKeyboardMarkup): Promise<void> {
  await ctx.editMessageReplyMarkup({ reply_markup: markup }).catch((err: unknown) => ctx.log.warn({ err }, 'editMessageReplyMarkup failed'));
}

async function openSection(deps: HandlerDeps, ctx: Press, documentId: string, label: string): Promise<void> {
  const [doc, section] = await Promise.all([deps.library.findDocument(documentId), deps.library.section(documentId, label)]);
  if (!doc || !section) {
    await ctx.answerCallbackQuery({ text: EXPIRED, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await sendHtml(ctx, renderSection(doc, section));
}

async function openOutline(deps: HandlerDeps, ctx: Press, documentId: string): Promise<void> {
  const doc = await deps.library.findDocument(documentId);
  if (!doc) {
    await ctx.answerCallbackQuery({ text: EXPIRED, show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await sendHtml(ctx, renderOutline(doc, await deps.library.outline(doc.id)));
}

async function recordFeedback(deps: HandlerDeps, ctx: Press, key: string, helpful: boolean, reason?: string): Promise<void> {
  const asked = await deps.questions.recall(ctx.chat?.id ?? 0, key);
  await deps.activity.recordFeedback({
    conversationId: conversationId(ctx),
    channel: 'telegram',
    userId: String(ctx.from.id),
    helpful,
    ...(reason ? { reason } : {}),
    ...(asked ? { question: asked.question } : {}),
  });
  ctx.log.info({ helpful, reason }, 'feedback');
  await ctx.answerCallbackQuery({ text: 'Cảm ơn bạn đã góp ý!' });
  await setMarkup(ctx, withoutFeedback(currentMarkup(ctx)));
}

async function adminAction(deps: HandlerDeps, ctx: Press, action: CallbackAction): Promise<void> {
  if (!isAdmin(deps, ctx)) {
    await ctx.answerCallbackQuery({ text: ADMIN_ONLY, show_alert: true });
    return;
  }
  // Remove the buttons first so a second tap cannot publish or retire twice.
  await setMarkup(ctx, { inline_keyboard: [] });
  const actor = actorOf(ctx);
  if (action.kind === 'publish') {
    const doc = await deps.admin.publish(action.documentId, actor);
    await ctx.answerCallbackQuery({ text: 'Đã đăng' });
    await sendHtml(ctx, renderText(`✅ Đã đăng: ${documentLine(doc)}. Người dùng có thể hỏi ngay.`));
  } else if (action.kind === 'cancel') {
    await deps.admin.cancel(action.documentId, actor);
    await ctx.answerCallbackQuery({ text: 'Đã huỷ' });
    await sendHtml(ctx, renderText('Đã huỷ bản nháp; văn bản không được đăng.'));
  } else if (action.kind === 'retire') {
    await deps.admin.retire(action.documentId, actor);
    await ctx.answerCallbackQuery({ text: 'Đã gỡ' });
    await sendHtml(ctx, renderText('🗑 Đã gỡ văn bản khỏi kho tra cứu.'));
  } else {
    await ctx.answerCallbackQuery({ text: 'Đã giữ nguyên văn bản' });
  }
}

async function dispatch(deps: HandlerDeps, ctx: Press, action: CallbackAction): Promise<void> {
  switch (action.kind) {
    case 'section':
      return openSection(deps, ctx, action.documentId, action.label);
    case 'outline':
      return openOutline(deps, ctx, action.documentId);
    case 'vote':
      if (action.helpful) return recordFeedback(deps, ctx, action.key, true);
      await ctx.answerCallbackQuery({ text: 'Câu trả lời chưa tốt ở điểm nào?' });
      return setMarkup(ctx, withReasons(currentMarkup(ctx), deps.callbacks, ctx.chat?.id ?? 0, action.key));
    case 'reason':
      return recordFeedback(deps, ctx, action.key, false, FEEDBACK_REASONS[action.reason].value);
    default:
      return adminAction(deps, ctx, action);
  }
}

/** Registers the button handler and the final catch-all that answers any other callback query. */
export function registerCallbacks(bot: Bot<BotContext>, deps: HandlerDeps): void {
  bot.on('callback_query:data', async (ctx) => {
    const action = await deps.callbacks.decode(ctx.chat?.id ?? 0, ctx.callbackQuery.data);
    if (!action) {
      await ctx.answerCallbackQuery({ text: EXPIRED });
      return;
    }
    await dispatch(deps, ctx as Press, action);
  });
  bot.on('callback_query', (ctx) => ctx.answerCallbackQuery());
}

