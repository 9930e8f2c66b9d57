/**
 * Runs typed commands and questions for one text message: command → services → render → send.
 * No SQL, prompts or model calls here; everything goes through the ask service, Library, Activity and Admin ports.
 */
import type { Logger } from 'pino';
import type { Activity, Admin, AskRefusal, AskRequest, AskService, Library, Units } from '../../core/services.ts';
import { unitChoiceText, unitClearedText } from '../../organisation/unit-words.ts';
import type { Citation, StoredDocument } from '../../core/types.ts';
import { documentLine } from '../citation-label.ts';
import type { ZaloClient } from './client.ts';
import type { ChatContextStore } from './chat-context.ts';
import type { ZaloCommand } from './commands.ts';
import { renderAnswer, renderSection, renderTalkingPoints, renderTalkOutline } from './render.ts';
import { createNoticeCommands } from './notices.ts';
import type { NoticeDesk } from '../../core/notices.ts';
import { renderDocumentList, renderOutline, renderStats, renderYear } from './render-library.ts';
import * as say from './replies.ts';

/** How long an admin's `xoá …` waits for `xác nhận xoá`. */
const RETIRE_CONFIRM_MS = 2 * 60 * 1000;

/** Services the text handler uses. */
export interface TextHandlerDeps {
  client: Pick<ZaloClient, 'sendChatAction'>;
  askService: AskService;
  library: Library;
  activity: Activity;
  contexts: ChatContextStore;
  admin?: Pick<Admin, 'stats' | 'retire' | 'history'>;
  /** New-document notices ("theo dõi", "bỏ theo dõi", "văn bản mới"); they say the feature is off without it. */
  notices?: NoticeDesk;
  /** The chat's unit ("đơn vị <tên>"); it says the feature is off without it. */
  units?: Units;
  botName: () => string | null;
}

/** How the unit command is written in replies. */
export const UNIT_COMMAND = '"đơn vị <tên đơn vị>"';

/** One incoming text message, with a way to answer it. */
export interface TextMessage {
  chatId: string;
  userId: string;
  userName?: string;
  isAdmin: boolean;
  /** The text with any @mention of the bot removed. */
  text: string;
  log: Logger;
  reply(messages: string[]): Promise<void>;
}

/** Creates the function that answers one parsed command. */
export function createTextHandler(deps: TextHandlerDeps) {
  const { askService, library, activity, contexts } = deps;
  const notices = createNoticeCommands(deps.notices, contexts);

  /** The ask-service request for `text` from this message's chat and user, showing "typing" while answering. */
  function request(m: TextMessage, text: string): AskRequest {
    return {
      text,
      conversationId: `zalo:${m.chatId}`,
      channel: 'zalo',
      userId: m.userId,
      log: m.log,
      whileAnswering: async (work) => {
        // Best effort: a failed typing indicator must not cost the user the answer.
        await deps.client.sendChatAction({ chat_id: m.chatId, action: 'typing' }).catch((err: unknown) => m.log.debug({ err }, 'typing failed'));
        return work();
      },
    };
  }

  function refusal(r: AskRefusal, empty: string): string {
    switch (r.reason) {
      case 'empty':
        return empty;
      case 'too_long':
        return say.TOO_LONG(r.maxChars);
      case 'busy':
        return say.APOLOGY;
      case 'rate_limited':
        return say.RATE_LIMITED;
    }
  }

  async function ask(m: TextMessage, text: string): Promise<void> {
    const result = await askService.ask(request(m, text));
    if (!result.ok) return m.reply([refusal(result, say.helpText(deps.botName()))]);
    const { answer } = result;
    await contexts.update(m.chatId, { question: text, items: answer.citations.map(itemOf), documentId: answer.citations[0]?.documentId ?? null });
    await m.reply(renderAnswer(answer));
  }

  async function showDocuments(m: TextMessage, heading: string, docs: StoredDocument[]): Promise<void> {
    if (docs.length === 0) return m.reply([say.NO_DOCUMENTS]);
    await contexts.update(m.chatId, { items: docs.map((d) => ({ documentId: d.id, label: null })) });
    await m.reply(renderDocumentList(heading, docs));
  }

  async function openDocument(m: TextMessage, doc: StoredDocument, label: string | null): Promise<void> {
    await contexts.update(m.chatId, { documentId: doc.id });
    if (label === null) return m.reply(renderOutline(doc, await library.outline(doc.id)));
    const section = await library.section(doc.id, label);
    await m.reply(section ? renderSection(doc, section) : [say.SECTION_NOT_FOUND(label)]);
  }

  async function openItem(m: TextMessage, index: number): Promise<void> {
    const { items } = await contexts.get(m.chatId);
    const item = items[index - 1];
    if (!item) return m.reply([say.NO_SUCH_ITEM(index, items.length)]);
    const doc = await library.findDocument(item.documentId);
    if (!doc) return m.reply([say.DOCUMENT_NOT_FOUND(item.documentId)]);
    await openDocument(m, doc, item.label);
  }

  async function open(m: TextMessage, ref: string, label: string | null): Promise<void> {
    const documentId = ref === '' ? (await contexts.get(m.chatId)).documentId : null;
    if (ref === '' && (documentId === null || label === null)) return m.reply([say.WHICH_DOCUMENT]);
    const doc = await library.findDocument(documentId ?? ref);
    // "xem <words>" that names no document is most likely a question ("xem nội dung … năm 2023").
    if (!doc) return label === null ? ask(m, m.text) : m.reply([say.DOCUMENT_NOT_FOUND(ref)]);
    await openDocument(m, doc, label);
  }

  /** Talking points (`điểm tin`) or the outline as text (`đề cương`); their sources numbered for `xem n`. */
  async function talkingPoints(m: TextMessage, topic: string, outline = false): Promise<void> {
    const result = await askService.talkingPoints(request(m, topic));
    if (!result.ok) return m.reply([refusal(result, outline ? say.OUTLINE_TOPIC_MISSING : say.TOPIC_MISSING)]);
    const cited = result.points.points.flatMap((p) => p.citations);
    await contexts.update(m.chatId, { question: `${outline ? 'đề cương' : 'điểm tin'} ${topic}`, items: cited.map(itemOf) });
    await m.reply(outline ? renderTalkOutline(result.points) : renderTalkingPoints(result.points));
  }

  async function feedback(m: TextMessage, helpful: boolean): Promise<void> {
    const { question } = await contexts.get(m.chatId);
    if (question === null) return m.reply([say.NOTHING_TO_RATE]);
    await activity.recordFeedback({ conversationId: `zalo:${m.chatId}`, channel: 'zalo', userId: m.userId, helpful, question });
    await m.reply([helpful ? say.THANKS_UP : say.THANKS_DOWN]);
  }

  async function retire(m: TextMessage, ref: string): Promise<void> {
    if (!deps.admin) return m.reply([say.ADMIN_UNAVAILABLE]);
    const doc = ref.trim() === '' ? null : await library.findDocument(ref);
    if (!doc) return m.reply([say.DOCUMENT_NOT_FOUND(ref)]);
    const pendingRetire = { documentId: doc.id, userId: m.userId, expiresAt: Date.now() + RETIRE_CONFIRM_MS };
    await contexts.update(m.chatId, { pendingRetire });
    await m.reply([say.CONFIRM_RETIRE(documentLine(doc))]);
  }

  async function confirmRetire(m: TextMessage): Promise<void> {
    if (!deps.admin) return m.reply([say.ADMIN_UNAVAILABLE]);
    const { pendingRetire } = await contexts.get(m.chatId);
    if (!pendingRetire || pendingRetire.userId !== m.userId || pendingRetire.expiresAt < Date.now()) {
      return m.reply([say.NOTHING_TO_CONFIRM]);
    }
    const doc = await library.findDocument(pendingRetire.documentId);
    await deps.admin.retire(pendingRetire.documentId, { channel: 'zalo', userId: m.userId, name: m.userName });
    await contexts.update(m.chatId, { pendingRetire: null });
    m.log.info({ documentId: pendingRetire.documentId, admin: m.userId }, 'zalo admin retired a document');
    await m.reply([say.RETIRED(doc ? documentLine(doc) : pendingRetire.documentId)]);
  }

  async function stats(m: TextMessage): Promise<void> {
    await m.reply(renderStats(await (deps.admin ?? activity).stats()));
  }

  /** Answers one command. Admin commands from non-admins are treated as questions, so nothing is revealed. */
  return async function run(command: ZaloCommand, m: TextMessage): Promise<void> {
    const adminOnly = command.kind === 'stats' || command.kind === 'retire' || command.kind === 'confirm-retire';
    if (adminOnly && !m.isAdmin) return ask(m, m.text);
    switch (command.kind) {
      case 'help':
        return m.reply([say.helpText(deps.botName())]);
      case 'documents':
        return showDocuments(m, 'Các văn bản trong kho:', await library.listDocuments());
      case 'year': {
        const result = await library.year(command.year);
        if (result.documents.length > 0) await contexts.update(m.chatId, { items: result.documents.map((d) => ({ documentId: d.id, label: null })) });
        return m.reply(renderYear(command.year, result));
      }
      case 'open-item':
        return openItem(m, command.index);
      case 'open':
        return open(m, command.ref, command.section);
      case 'talking-points':
        return talkingPoints(m, command.topic);
      case 'outline':
        return talkingPoints(m, command.topic, true);
      case 'subscribe':
        return notices.subscribe(m);
      case 'unsubscribe':
        return notices.unsubscribe(m);
      case 'new-documents':
        return notices.recent(m);
      case 'feedback':
        return feedback(m, command.helpful);
      case 'stats':
        return stats(m);
      case 'retire':
        return retire(m, command.ref);
      case 'confirm-retire':
        return confirmRetire(m);
      case 'unit':
        return unit(m, command.name);
      case 'question':
        return ask(m, command.text);
    }
  };

  /** `đơn vị <tên>` sets the chat's unit (one known body) or says which bodies it could mean; `đơn vị` clears it. */
  async function unit(m: TextMessage, name: string): Promise<void> {
    if (!deps.units) return m.reply(['Chức năng đơn vị chưa được bật trên máy chủ này.']);
    const key = `zalo:${m.chatId}`;
    if (name.trim() === '') {
      const cleared = await deps.units.clear(key);
      m.log.info({ cleared: cleared.previous !== null }, 'unit cleared');
      return m.reply([unitClearedText(cleared, UNIT_COMMAND)]);
    }
    const choice = await deps.units.set(key, name);
    m.log.info({ outcome: choice.kind }, 'unit set');
    return m.reply([unitChoiceText(choice, UNIT_COMMAND)]);
  }
}

function itemOf(c: Citation) {
  return { documentId: c.documentId, label: c.section };
}
