/**
 * Inline keyboards: under an answer (open cited sections, open the outline, 👍/👎), the 👎 reasons,
 * the admin's publish/cancel and retire confirmations.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Answer, Citation } from '../../core/types.ts';
import { documentName } from '../citation-label.ts';
import { FEEDBACK_REASONS, isFeedbackData, type CallbackAction, type CallbackCodec, type ReasonCode } from './callback-data.ts';

/** At most this many "open section" buttons under an answer. */
export const MAX_SECTION_BUTTONS = 3;

type Encode = (action: CallbackAction) => string;

function button(text: string, encode: Encode, action: CallbackAction): InlineKeyboardButton {
  return { text, callback_data: encode(action) };
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function distinct<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Buttons under an answer; `feedbackKey` remembers the question the feedback is about. */
export function answerKeyboard(answer: Answer, codec: CallbackCodec, chatId: number, feedbackKey: string): InlineKeyboardMarkup {
  const encode: Encode = (action) => codec.encode(chatId, action);
  const sections = distinct(answer.citations, (c) => `${c.documentId}\u0000${c.section}`).slice(0, MAX_SECTION_BUTTONS);
  const documents = distinct(answer.citations, (c) => c.documentId).slice(0, 2);
  const rows: InlineKeyboardButton[][] = sections.map((c) => [
    button(`📖 ${sectionButtonText(c)}`, encode, { kind: 'section', documentId: c.documentId, label: c.section }),
  ]);
  for (const d of documents) {
    const label = documents.length > 1 ? `🗂 Dàn ý: ${shorten(documentName(d), 40)}` : '🗂 Dàn ý văn bản';
    rows.push([button(label, encode, { kind: 'outline', documentId: d.documentId })]);
  }
  rows.push(voteRow(encode, feedbackKey));
  return { inline_keyboard: rows };
}

function sectionButtonText(c: Citation): string {
  const where = c.section === '' ? 'Phần mở đầu' : `Mục ${c.section}`;
  return shorten(c.heading ? `${where}: ${c.heading}` : `Xem toàn văn ${where.toLowerCase()}`, 60);
}

function voteRow(encode: Encode, key: string): InlineKeyboardButton[] {
  return [
    button('👍 Hữu ích', encode, { kind: 'vote', helpful: true, key }),
    button('👎 Chưa đúng', encode, { kind: 'vote', helpful: false, key }),
  ];
}

/** The keyboard with its feedback rows removed (after a vote). */
export function withoutFeedback(markup: InlineKeyboardMarkup | undefined): InlineKeyboardMarkup {
  const rows = (markup?.inline_keyboard ?? []).filter(
    (row) => !row.some((b) => 'callback_data' in b && isFeedbackData(b.callback_data)),
  );
  return { inline_keyboard: rows };
}

/** The keyboard with 👍/👎 replaced by the three 👎 reasons. */
export function withReasons(markup: InlineKeyboardMarkup | undefined, codec: CallbackCodec, chatId: number, key: string): InlineKeyboardMarkup {
  const reasons = (Object.keys(FEEDBACK_REASONS) as ReasonCode[]).map((reason) => [
    { text: FEEDBACK_REASONS[reason].label, callback_data: codec.encode(chatId, { kind: 'reason', reason, key }) },
  ]);
  return { inline_keyboard: [...withoutFeedback(markup).inline_keyboard, ...reasons] };
}

/** Đăng / Huỷ under a draft review. */
export function reviewKeyboard(codec: CallbackCodec, chatId: number, documentId: string): InlineKeyboardMarkup {
  const encode: Encode = (action) => codec.encode(chatId, action);
  return {
    inline_keyboard: [
      [button('✅ Đăng', encode, { kind: 'publish', documentId }), button('✖️ Huỷ', encode, { kind: 'cancel', documentId })],
    ],
  };
}

/** Gỡ / Giữ lại under a `/xoa` confirmation. */
export function retireKeyboard(codec: CallbackCodec, chatId: number, documentId: string): InlineKeyboardMarkup {
  const encode: Encode = (action) => codec.encode(chatId, action);
  return {
    inline_keyboard: [[button('🗑 Gỡ văn bản', encode, { kind: 'retire', documentId }), button('Giữ lại', encode, { kind: 'keep' })]],
  };
}
