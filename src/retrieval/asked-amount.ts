/**
 * The kind of answer a question asks for when it asks for an amount, and whether a text states one of that kind:
 * "mấy ngày" is answered by "trong thời hạn 05 ngày làm việc", "mấy giờ" by "từ 22 giờ", "bao nhiêu tiền" by
 * "3.000.000 đồng", "mấy lần" by "02 lần". A clause that states the amount asked is a better answer than its
 * neighbour that shares the question's words and states none; the ranking reads it as a feature (`amountStated`).
 */
import { exactView, foldedView } from '../text/normalize.ts';
import { asksMoney, namesMoney } from './question-shape.ts';

export type AmountKind = 'money' | 'percent' | 'clock' | 'duration' | 'frequency' | 'date' | 'count';

export interface AskedAmount {
  kind: AmountKind;
  /** The unit named ("ngày" of "mấy ngày", "lần" of "bao nhiêu lần"), folded; null when any unit of the kind will do. */
  unit: string | null;
}

const DURATION_UNITS = ['ngay', 'thang', 'nam', 'tuan', 'gio', 'tieng', 'phut'];

/** Words after "bao nhiêu" / "mấy" that end the question rather than name a unit ("phạt tối đa bao nhiêu vậy?"). */
const NO_UNIT = new Set(['a', 'ah', 'vay', 'z', 'the', 'ha', 'nhi', 'nhe', 'khong', 'ko', 'k', 'la', 'thi', 'va', 'hay', 'con', 'so', 'cho', 'de', 'moi', 'mot', 'nua', 'roi', 'duoc', 'dc', 'ca', 'loai', 'muc', 'phan']);

const CLOCK_ASKED = /\b(?:may gio|gio nao|may h)\b/;
/** "mấy ngày", "bao nhiêu tháng"; not "mấy năm nay" (for some years now), which tells the asker's story. */
const DURATION_ASKED = new RegExp(String.raw`\b(?:bao nhieu|may|bn) (${DURATION_UNITS.join('|')})\b(?! nay| qua| truoc| gan day)`);
/** "bao lâu một lần", "mấy tháng 1 lần": how often, answered by "hằng tháng", "mỗi quý", "định kỳ 6 tháng". */
const HOW_OFTEN = /\b(?:bao lau|(?:bao nhieu|may|bn) (?:ngay|tuan|thang|nam)) (?:mot|1) lan\b|\bdinh ky bao lau\b/;
const LONG_ASKED = /\bbao lau\b/;
const PERCENT_ASKED = /\b(?:(?:bao nhieu|may|bn) phan tram|ty le|ti le)\b/;
const FEE_ASKED = /\b(?:muc phat|le phi|ton phi|phi|phat|gia|tien \S+)(?: \S+){0,6} (?:bao nhieu|bn|la may)\b|\b(?:phat|ton|mat|tra|dong|nop) (?:bao nhieu|bn|nhieu)\b/;
const DATE_ASKED = /\b(?:khi nao|nam nao|bao gio|ngay nao|thang nao|han chot|thoi diem nao|luc nao|hom nao|tu ngay nao|den ngay nao|truoc ngay nao)\b/;
/** "bao nhiêu học sinh", "mấy lần", read with the accents the question has ("máy đo" is a machine, not a count). */
const COUNT_ASKED = /(?:^|\s)(?:bao nhiêu|bao nhieu|mấy|bn)\s+(\p{L}+)(?!\p{L}|\s+(?:nay|qua|trước|truoc)(?!\p{L}))/u;

/** What amount a question asks for, if any; the first kind that matches wins (a clock time before a duration). */
export function askedAmount(text: string): AskedAmount | null {
  const folded = foldedView(text);
  if (CLOCK_ASKED.test(folded)) return { kind: 'clock', unit: null };
  if (HOW_OFTEN.test(folded)) return { kind: 'frequency', unit: null };
  const during = DURATION_ASKED.exec(folded);
  if (during) return { kind: 'duration', unit: during[1] as string };
  if (LONG_ASKED.test(folded)) return { kind: 'duration', unit: null };
  if (PERCENT_ASKED.test(folded)) return { kind: 'percent', unit: null };
  if (asksMoney(text) || FEE_ASKED.test(folded)) return { kind: 'money', unit: null };
  if (DATE_ASKED.test(folded)) return { kind: 'date', unit: null };
  const counted = COUNT_ASKED.exec(exactView(text).toLowerCase());
  const unit = counted ? foldedView(counted[1] as string) : null;
  if (unit && !NO_UNIT.has(unit)) return { kind: 'count', unit };
  return null;
}

/** Dates are no durations: "ngày 01 tháng 7 năm 2026", "01/7/2026", "tháng 7", "năm 2026" are taken out first. */
const DATE = String.raw`\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\bngay \d{1,2} thang \d{1,2}(?: nam \d{4})?|\bthang \d{1,2}(?: nam \d{4})?|\bnam \d{4}\b`;
const DATES = new RegExp(DATE, 'g');
const A_DATE = new RegExp(DATE);
const NUMBER = String.raw`\b\d+(?:[.,]\d+)*`;
const DURATION = new RegExp(`${NUMBER} (?:${DURATION_UNITS.join('|')})\\b`);
const CLOCK = /\b\d{1,2} ?(?:gio|h)\b|\b\d{1,2}:\d{2}\b/;
const FREQUENCY = /\b(?:hang|moi|dinh ky) (?:ngay|tuan|thang|quy|nam|\d+ (?:ngay|tuan|thang|nam))\b|\b(?:ngay|tuan|thang|quy|nam) (?:mot|1) lan\b|\blan\/(?:ngay|tuan|thang|quy|nam)\b/;
const PERCENT = /\d ?%|\b\d+(?:[.,]\d+)? phan tram\b/;

/** "05 ngày", "02 lần": a number written before the unit, one pattern per unit, made once. */
const byUnit = new Map<string, RegExp>();
function numberOf(unit: string): RegExp {
  let pattern = byUnit.get(unit);
  if (!pattern) {
    pattern = new RegExp(`${NUMBER} ${unit}\\b`);
    if (byUnit.size >= 1000) byUnit.clear();
    byUnit.set(unit, pattern);
  }
  return pattern;
}

/** Whether `text` states an amount of the kind asked (and of its unit, when one is named). */
export function statesAmount(text: string, asked: AskedAmount): boolean {
  const folded = foldedView(text);
  switch (asked.kind) {
    case 'money':
      return namesMoney(text);
    case 'percent':
      return PERCENT.test(folded);
    case 'clock':
      return CLOCK.test(folded);
    case 'duration': {
      const undated = folded.replace(DATES, ' ');
      return (asked.unit === null ? DURATION : numberOf(asked.unit)).test(undated);
    }
    case 'frequency':
      return FREQUENCY.test(folded);
    case 'date':
      return A_DATE.test(folded) || DURATION.test(folded.replace(DATES, ' '));
    case 'count':
      return asked.unit !== null && numberOf(asked.unit).test(folded);
  }
}
