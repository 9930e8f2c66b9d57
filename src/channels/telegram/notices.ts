/**
 * New-document notices on Telegram: `/theodoi` subscribes the chat, `/boqua` unsubscribes it, `/moi` lists what
 * was published in the last 30 days; and the sender the notice dispatcher uses, which words a notice as HTML and
 * tells a chat that blocked the bot (403) from a failure worth retrying.
 */
import { GrammyError, type Api, type Bot } from 'grammy';
import type { DocumentNotice, NoticeDesk, Publication } from '../../core/notices.ts';
import { RECENT_DAYS } from '../../core/notices.ts';
import { errorMessage } from '../../core/errors.ts';
import type { NoticeSender } from '../../notices/dispatcher.ts';
import { noticeDetails, noticeHeadline, publicationLine, purposeLead, recentHeading } from '../../notices/notice-words.ts';
import { sendHtml, type BotContext, type HandlerDeps } from './context.ts';
import { bold, code, italic, paragraph, quote, toHtmlMessages, type Block } from './format.ts';
import { renderText } from './render.ts';

export const SUBSCRIBED = '🔔 Đã đăng ký nhận thông báo văn bản mới. Khi quản trị viên đăng văn bản, bạn sẽ nhận một tin ngắn. Gõ /boqua để thôi nhận.';
export const ALREADY_SUBSCRIBED = 'Bạn đã đăng ký nhận thông báo văn bản mới rồi. Gõ /boqua để thôi nhận.';
export const UNSUBSCRIBED = '🔕 Đã thôi nhận thông báo văn bản mới. Gõ /theodoi để nhận lại.';
export const NOT_SUBSCRIBED = 'Bạn chưa đăng ký nhận thông báo. Gõ /theodoi để nhận thông báo khi có văn bản mới.';
const UNAVAILABLE = 'Chức năng thông báo văn bản mới chưa được bật.';

/** A notice as Telegram HTML: what was published, its purpose quoted, how to ask about it. */
export function renderNotice(n: DocumentNotice): string[] {
  const blocks: Block[] = [paragraph(bold(`🆕 ${noticeHeadline(n)}`))];
  const details = noticeDetails(n);
  if (details) blocks.push(paragraph(details));
  if (n.purpose.length > 0) blocks.push(paragraph(italic(purposeLead(n))), { ...quote(n.purpose.join('\n')), keepWithPrevious: true });
  blocks.push(paragraph('Hỏi về văn bản này: ', code(`/xem ${n.reference}`), ' để xem dàn ý, hoặc gửi câu hỏi, ví dụ: ', code(`${n.reference} có những nội dung gì?`)));
  blocks.push(paragraph(italic('Gõ /boqua để thôi nhận thông báo.')));
  return toHtmlMessages(blocks);
}

/** `/moi`: the documents published in the last days, newest first, each with the command that opens it. */
export function renderRecent(publications: Publication[], days: number): string[] {
  const blocks: Block[] = [paragraph(bold(recentHeading(publications.length, days)))];
  publications.forEach((p, i) => blocks.push(paragraph(`${i + 1}. ${publicationLine(p)}\n`, code(`/xem ${p.notice.reference}`))));
  return toHtmlMessages(blocks);
}

/** A Telegram chat id as the Bot API takes it: a number when it is one. */
function chatIdOf(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

/**
 * The dispatcher's Telegram sender. 403 ("bot was blocked by the user", "user is deactivated", "bot was kicked")
 * and 400 "chat not found" mean the chat is gone for good; 429 waits as long as Telegram says; anything else is
 * retried later.
 */
export function createTelegramNoticeSender(api: Api, perSecond: number): NoticeSender {
  return {
    channel: 'telegram',
    perSecond,
    async send(chatId, notice) {
      try {
        for (const text of renderNotice(notice)) {
          await api.sendMessage(chatIdOf(chatId), text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
        }
        return { kind: 'sent' };
      } catch (err) {
        if (!(err instanceof GrammyError)) return { kind: 'retry', error: errorMessage(err) };
        const error = `telegram ${err.error_code}: ${err.description}`;
        if (err.error_code === 403 || (err.error_code === 400 && /chat not found/i.test(err.description))) return { kind: 'blocked', reason: error };
        const retryAfter = err.parameters.retry_after;
        return retryAfter === undefined ? { kind: 'retry', error } : { kind: 'retry', error, afterMs: retryAfter * 1000 };
      }
    },
  };
}

function chatKey(ctx: BotContext): string {
  return String(ctx.chat?.id ?? ctx.from?.id ?? '');
}

/** Registers /theodoi, /boqua and /moi (they say the feature is off when no desk is wired). */
export function registerNoticeCommands(bot: Bot<BotContext>, deps: HandlerDeps): void {
  const desk: NoticeDesk | undefined = deps.notices;
  bot.command('theodoi', async (ctx) => {
    if (!desk) return sendHtml(ctx, renderText(UNAVAILABLE));
    const added = await desk.subscribe({ channel: 'telegram', chatId: chatKey(ctx), userId: String(ctx.from?.id ?? '') });
    ctx.log.info({ subscribed: added }, 'notices subscription');
    await sendHtml(ctx, renderText(added ? SUBSCRIBED : ALREADY_SUBSCRIBED));
  });
  bot.command('boqua', async (ctx) => {
    if (!desk) return sendHtml(ctx, renderText(UNAVAILABLE));
    const removed = await desk.unsubscribe('telegram', chatKey(ctx));
    ctx.log.info({ unsubscribed: removed }, 'notices subscription');
    await sendHtml(ctx, renderText(removed ? UNSUBSCRIBED : NOT_SUBSCRIBED));
  });
  bot.command('moi', async (ctx) => {
    if (!desk) return sendHtml(ctx, renderText(UNAVAILABLE));
    await sendHtml(ctx, renderRecent(await desk.recent(RECENT_DAYS), RECENT_DAYS));
  });
}
