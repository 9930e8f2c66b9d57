/**
 * Follow-up questions within one conversation: "còn năm 2022 thì sao?" re-asks the previous question for
 * another year; "mục 2 thì sao?" opens section 2 next to the one cited last (or `II.2` as written).
 */
import type { ConversationState } from './conversation-memory.ts';
import { foldedView } from '../text/normalize.ts';
import { detectYears } from '../retrieval/understand.ts';

export type FollowUp =
  | { kind: 'none'; question: string }
  | { kind: 'rewrite'; question: string }
  | { kind: 'section'; documentId: string; label: string }
  /** A follow-up with nothing before it to follow ("mục 2 thì sao?" as the first message): ask what is meant. */
  | { kind: 'clarify'; reply: string };

const YEAR_ONLY = /^(?:(?:the |vay |con |the con |vay con )*)(?:nam (?:\d{4}|nay|ngoai|truoc|toi|sau)|\d{4})(?:\s*(?:thi sao|the nao|thi the nao|ra sao|sao))?\s*\??$/;
const SECTION_REF = /^(?:(?:the |vay |con |the con )*)(?:muc|phan|diem)\s+([ivxlc]+(?:\.\d+)*|\d+(?:\.\d+)*)\b(?:.*)?$/;
/** Nothing but a section label ("mục 2 thì sao?"): with no conversation before it, it cannot be answered. */
const SECTION_ONLY = /^(?:(?:the |vay |con |the con )*)(?:muc|phan|diem)\s+(?:[ivxlc]+(?:\.\d+)*|\d+(?:\.\d+)*)(?:\s*(?:thi sao|the nao|thi the nao|ra sao|noi gi))?\s*\??$/;

function replaceYears(previous: string, years: number[]): string {
  const stripped = previous.replace(/\s*(?:năm\s+)?(?:19|20)\d{2}/gi, '').replace(/\s*năm (?:nay|ngoái|trước|tới|sau)/gi, '');
  const clean = stripped.replace(/\s*\?\s*$/, '');
  return `${clean} năm ${years.join(' và năm ')}?`;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function siblingLabel(last: string, typed: string): string {
  if (/^[ivxlc]+/i.test(typed)) return typed.toUpperCase();
  // After the opening part, "mục 2" is the second part: parts are numbered I, II, III.
  if (last === '' && /^\d+$/.test(typed)) return ROMAN[Number(typed) - 1] ?? typed;
  const parts = last.split('.');
  if (parts.length <= 1) return `${last}.${typed}`.replace(/^\./, '');
  return [...parts.slice(0, -1), typed].join('.');
}

/** Works out whether `text` continues the conversation in `state`. */
export function resolveFollowUp(text: string, state: ConversationState | null, currentYear: number): FollowUp {
  const folded = foldedView(text).trim();
  if (YEAR_ONLY.test(folded)) {
    const years = detectYears(folded, currentYear);
    if (years.length > 0 && state?.lastQuestion) return { kind: 'rewrite', question: replaceYears(state.lastQuestion, years) };
    if (years.length > 0) {
      return { kind: 'clarify', reply: `Bạn muốn hỏi gì về năm ${years.join(', ')}? Ví dụ: "nội dung tuyên truyền trọng tâm năm ${years[0]} là gì?"` };
    }
  }
  const m = SECTION_REF.exec(folded);
  const last = state?.citedSections[0];
  if (m && last && folded.length < 40) {
    return { kind: 'section', documentId: last.documentId, label: siblingLabel(last.label, m[1] as string) };
  }
  if (!last && SECTION_ONLY.test(folded)) {
    const label = /^\S+\s+\S+/u.exec(text.trim().replace(/^(?:thế |vậy |còn |the |vay |con )+/iu, ''))?.[0] ?? 'mục đó';
    return {
      kind: 'clarify',
      reply: `Bạn muốn xem ${label} của văn bản nào? Hãy hỏi một câu về nội dung trước, rồi hỏi tiếp "mục 2 thì sao?" để mở mục bên cạnh.`,
    };
  }
  return { kind: 'none', question: text };
}
