/**
 * New-document notices on Zalo: "theo dõi" subscribes the chat, "bỏ theo dõi" unsubscribes it, "văn bản mới"
 * lists what was published in the last 30 days; and the sender the notice dispatcher uses, in plain text.
 * A chat Zalo refuses with 403 is taken as one that blocked the bot: Zalo documents no "blocked" error (its
 * table labels 403 oddly, see shared/reference/chat-apis.md), and 403 is the only answer that names a refusal.
 */
import type { DocumentNotice, NoticeDesk, Publication } from '../../core/notices.ts';
import { RECENT_DAYS } from '../../core/notices.ts';
import { errorMessage } from '../../core/errors.ts';
import type { NoticeSender } from '../../notices/dispatcher.ts';
import { noticeDetails, noticeHeadline, publicationLine, purposeLead, recentHeading } from '../../notices/notice-words.ts';
import type { ZaloClient } from './client.ts';
import { ZaloApiError } from './errors.ts';
import { plainText, toMessages } from './render.ts';
import type { ChatContextStore } from './chat-context.ts';
import type { TextMessage } from './text-handler.ts';

export const SUBSCRIBED = '🔔 Đã đăng ký nhận thông báo văn bản mới. Khi có văn bản mới được đăng, bạn sẽ nhận một tin ngắn. Gõ "bỏ theo dõi" để thôi nhận.';
export const ALREADY_SUBSCRIBED = 'Bạn đã đăng ký nhận thông báo văn bản mới rồi. Gõ "bỏ theo dõi" để thôi nhận.';
export const UNSUBSCRIBED = '🔕 Đã thôi nhận thông báo văn bản mới. Gõ "theo dõi" để nhận lại.';
export const NOT_SUBSCRIBED = 'Bạn chưa đăng ký nhận thông báo. Gõ "theo dõi" để nhận thông báo khi có văn bản mới.';
const UNAVAILABLE = 'Chức năng thông báo văn bản mới chưa được bật.';

/** A notice as Zalo text: what was published, its purpose quoted, how to ask about it. */
export function renderNotice(n: DocumentNotice): string[] {
  const head = [`🆕 ${noticeHeadline(n)}`, noticeDetails(n)].filter(Boolean).join('\n');
  const purpose = n.purpose.length > 0 ? `${purposeLead(n)}\n${n.purpose.map((line) => `“${line}”`).join('\n')}` : '';
  const ask = `Hỏi về văn bản này: gõ "xem ${n.reference}" để xem dàn ý, hoặc hỏi, ví dụ: "${n.reference} có những nội dung gì?"\nGõ "bỏ theo dõi" để thôi nhận thông báo.`;
  return toMessages([plainText(head), plainText(purpose), ask]);
}

/** "văn bản mới": the documents published in the last days, newest first, numbered for "xem n". */
export function renderRecent(publications: Publication[], days: number): string[] {
  const lines = publications.map((p, i) => `${i + 1}. ${plainText(publicationLine(p))}`);
  const hint = publications.length > 0 ? 'Gõ "xem 1", "xem 2"… để xem dàn ý từng văn bản.' : 'Gõ "văn bản" để xem các văn bản đang có.';
  return toMessages([recentHeading(publications.length, days), ...lines, hint]);
}

/** The dispatcher's Zalo sender; 403 unsubscribes, 429 and 5xx were already retried by the client. */
export function createZaloNoticeSender(client: Pick<ZaloClient, 'sendMessage'>, perSecond: number): NoticeSender {
  return {
    channel: 'zalo',
    perSecond,
    async send(chatId, notice) {
      try {
        for (const text of renderNotice(notice)) await client.sendMessage({ chat_id: chatId, text });
        return { kind: 'sent' };
      } catch (err) {
        if (err instanceof ZaloApiError && (err.error_code === 403 || err.status === 403)) {
          return { kind: 'blocked', reason: `zalo ${err.error_code}: ${err.description}` };
        }
        return { kind: 'retry', error: errorMessage(err) };
      }
    },
  };
}

/** The typed notice commands of one chat. */
export function createNoticeCommands(desk: NoticeDesk | undefined, contexts: ChatContextStore) {
  return {
    async subscribe(m: TextMessage): Promise<void> {
      if (!desk) return m.reply([UNAVAILABLE]);
      const added = await desk.subscribe({ channel: 'zalo', chatId: m.chatId, userId: m.userId });
      m.log.info({ subscribed: added }, 'notices subscription');
      await m.reply([added ? SUBSCRIBED : ALREADY_SUBSCRIBED]);
    },
    async unsubscribe(m: TextMessage): Promise<void> {
      if (!desk) return m.reply([UNAVAILABLE]);
      const removed = await desk.unsubscribe('zalo', m.chatId);
      m.log.info({ unsubscribed: removed }, 'notices subscription');
      await m.reply([removed ? UNSUBSCRIBED : NOT_SUBSCRIBED]);
    },
    async recent(m: TextMessage): Promise<void> {
      if (!desk) return m.reply([UNAVAILABLE]);
      const publications = await desk.recent(RECENT_DAYS);
      if (publications.length > 0) await contexts.update(m.chatId, { items: publications.map((p) => ({ documentId: p.notice.documentId, label: null })) });
      await m.reply(renderRecent(publications, RECENT_DAYS));
    },
  };
}
