/**
 * The words that state force in a directive, found in one sentence: "thay thế", "bãi bỏ", "sửa đổi, bổ sung"
 * (the document acts on the one named after them), "được thay thế", "hết hiệu lực", "được tiếp tục thực hiện"
 * (the document named before them is acted on), and "có hiệu lực kể từ ngày …" (the document's own start).
 */
import type { ForceKind } from '../src/core/force.ts';
import { isoDate } from './references.ts';

/** Whether the documents a cue acts on stand after it (`active`) or before it (`passive`), or it is about itself. */
export type CueVoice = 'active' | 'passive' | 'self';

/** One cue in a sentence. */
export interface Cue {
  kind: ForceKind;
  voice: CueVoice;
  start: number;
  end: number;
  /** A date given right after the cue ("từ ngày 01/7/2024"). */
  date: string | null;
  /** "kể từ ngày ký / ban hành". */
  fromSigning: boolean;
}

const W = String.raw`\s+`;
/** "được"/"bị" before a verb makes it passive: the document it acts on was named before. */
const PASSIVE = String.raw`(?:được|bị|đã được|đã bị)${W}`;

interface CuePattern {
  kind: ForceKind;
  voice: CueVoice;
  re: RegExp;
}

/**
 * Longest and passive forms first: a position taken by one cue is not matched again by a shorter one
 * ("được thay thế" is not also "thay thế").
 */
const PATTERNS: CuePattern[] = [
  { kind: 'replaces', voice: 'passive', re: new RegExp(`${PASSIVE}thay${W}thế`, 'giu') },
  { kind: 'abolishes', voice: 'passive', re: new RegExp(`${PASSIVE}bãi${W}bỏ`, 'giu') },
  { kind: 'amends', voice: 'passive', re: new RegExp(`${PASSIVE}sửa${W}đổi(?:,?${W}(?:và${W})?bổ${W}sung)?`, 'giu') },
  {
    kind: 'continues',
    voice: 'passive',
    re: new RegExp(`(?:(?:được|vẫn)${W}(?:tiếp${W}tục${W}thực${W}hiện|tiếp${W}tục${W}có${W}hiệu${W}lực|còn${W}hiệu${W}lực)|tiếp${W}tục${W}có${W}hiệu${W}lực)`, 'giu'),
  },
  { kind: 'expires', voice: 'passive', re: new RegExp(`hết${W}hiệu${W}lực(?:${W}thi${W}hành)?`, 'giu') },
  { kind: 'effective', voice: 'self', re: new RegExp(`có${W}hiệu${W}lực(?:${W}thi${W}hành)?(?=${W}(?:kể${W})?từ${W}ngày)`, 'giu') },
  { kind: 'replaces', voice: 'active', re: new RegExp(`thay${W}thế(?:${W}cho)?`, 'giu') },
  { kind: 'abolishes', voice: 'active', re: new RegExp(`bãi${W}bỏ`, 'giu') },
  { kind: 'amends', voice: 'active', re: new RegExp(`sửa${W}đổi(?:,?${W}(?:và${W})?bổ${W}sung)?`, 'giu') },
];

/**
 * Words that make a cue a task or a plan rather than a statement of force ("nghiên cứu sửa đổi, bổ sung Quy định
 * số 05", "tham mưu thay thế …", "đề xuất bãi bỏ …"): they stand just before the cue.
 */
const HEDGE_BEFORE = /(?:nghiên cứu|rà soát|đề xuất|đề nghị|tham mưu|xem xét|kiến nghị|chuẩn bị|xây dựng|dự thảo|việc|để|nhằm|cần|phải|sẽ|chưa|không|tiến tới|hướng tới)[\s,]*$/iu;

const NUMERIC_DATE = /^\s*(?:kể\s+)?(?:từ|đến hết|đến|vào|sau)?\s*ngày\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4})/iu;
const WORDED_DATE = /^\s*(?:kể\s+)?(?:từ|đến hết|đến|vào|sau)?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const FROM_SIGNING = /^\s*(?:kể\s+)?từ\s+ngày\s+(?:ký|ban hành)/iu;

/** The date right after a cue, and whether it is "the day of signing". */
function dateAfter(text: string): { date: string | null; fromSigning: boolean } {
  if (FROM_SIGNING.test(text)) return { date: null, fromSigning: true };
  const m = NUMERIC_DATE.exec(text) ?? WORDED_DATE.exec(text);
  return { date: m ? isoDate(m[1] as string, m[2] as string, m[3] as string) : null, fromSigning: false };
}

/** Every cue of force in one sentence, in reading order. */
export function findCues(sentence: string): Cue[] {
  const taken: Array<[number, number]> = [];
  const cues: Cue[] = [];
  for (const p of PATTERNS) {
    for (const m of sentence.matchAll(p.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      if (p.voice !== 'self' && HEDGE_BEFORE.test(sentence.slice(Math.max(0, start - 30), start))) continue;
      cues.push({ kind: p.kind, voice: p.voice, start, end, ...dateAfter(sentence.slice(end, end + 60)) });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** A sentence that names parts of a document ("khoản 2 Điều 5 của", "một số nội dung của"): the act is partial. */
export const PARTIAL = /(?:^|\s)(?:điều|khoản|điểm|mục|phần|chương|phụ lục|một số|nội dung|tiết)(?:\s|$)/iu;
