/**
 * Whole clauses of a section's text, verbatim, for talking points and notices: a point must never stop inside a
 * phrase. A paragraph is cut into sentences (a full stop, `!` or `?` before a capital letter); a long sentence
 * into its `;`-separated clauses, or, when it enumerates inline (`(1) … (2) …`), into its numbered items. Cuts
 * are made only outside parentheses and quotation marks, so "các quy định … (Quy định số 101-QĐ/TW …; Quy định
 * số 55-QĐ/TW …)" stays one clause. Every clause is a substring of the text (bullets, item numbers and the
 * closing `;` aside), so it stands verbatim in the document.
 */
import { foldedView, syllables } from '../text/normalize.ts';
import { paragraphsOf } from './quote.ts';

/** One clause or sentence of a section. */
export interface Clause {
  /** The words as written, single-spaced, without a leading bullet or `(n)` and without the closing `;`/`.`. */
  text: string;
  /** Paragraph index within the text, then position within the paragraph: document order. */
  paragraph: number;
  index: number;
  /** It opens its sentence (otherwise the sentence began before it). */
  startsSentence: boolean;
  /** It closes its sentence. */
  endsSentence: boolean;
}

/** A sentence at most this long is kept whole even when it has `;` clauses (it reads as one point). */
const WHOLE_SENTENCE_CHARS = 320;
/** Shorter pieces are not points on their own ("Ban Tuyên giáo", "năm 2022"). */
const MIN_CLAUSE_SYLLABLES = 5;

const BULLET = /^\s*[-+•*]\s*/u;
const ITEM_NUMBER = /^\(\d{1,2}\)\s*/u;
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '“': '”', '«': '»' };

/** Positions (indexes of the separator) where `text` may be cut, outside brackets and quotes. */
function topLevelCuts(text: string, isCut: (text: string, i: number) => boolean): number[] {
  const cuts: number[] = [];
  const stack: string[] = [];
  let straightQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') straightQuote = !straightQuote;
    else if (OPENERS[ch]) stack.push(OPENERS[ch] as string);
    else if (stack.length > 0 && ch === stack[stack.length - 1]) stack.pop();
    else if (stack.length === 0 && !straightQuote && isCut(text, i)) cuts.push(i);
  }
  // An unbalanced bracket (a page break ate the closing one) must not swallow the rest of the paragraph.
  return stack.length > 0 || straightQuote ? [] : cuts;
}

/** A full stop, `!` or `?` followed by a space and a capital letter or an opening quote: a sentence ends. */
function sentenceEnd(text: string, i: number): boolean {
  if (!/[.!?]/u.test(text[i] as string)) return false;
  const after = text.slice(i + 1, i + 4);
  // "TP. Bắc Kạn", "v.v. Các" are rare enough in directives; numbers ("1.1.") have no space after the dot.
  return /^\s+[\p{Lu}“"(]/u.test(after);
}

function splitAt(text: string, cuts: number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    out.push(text.slice(from, cut + 1));
    from = cut + 1;
  }
  out.push(text.slice(from));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** `(1) …; (2) …` items of a sentence: the lead before `(1)` and each item, or null when it does not enumerate. */
function enumerated(sentence: string): string[] | null {
  const markers = [...sentence.matchAll(/(?:^|[\s:;,])\((\d{1,2})\)\s/gu)];
  if (markers.length < 2 || markers[0]?.[1] !== '1') return null;
  const starts = markers.map((m) => (m.index ?? 0) + m[0].indexOf('('));
  // Cut just before each `(n)`, so every item begins with its number (removed later).
  return splitAt(sentence, starts.map((s) => s - 1).filter((s) => s >= 0));
}

/** The pieces a sentence is quoted by: itself when short, else its items or its top-level `;` clauses. */
function piecesOf(sentence: string): string[] {
  if (sentence.length <= WHOLE_SENTENCE_CHARS) return [sentence];
  const items = enumerated(sentence);
  if (items) return items;
  return splitAt(sentence, topLevelCuts(sentence, (t, i) => t[i] === ';'));
}

/** A piece without its bullet, item number and closing punctuation, single-spaced. */
function clean(piece: string): string {
  return piece
    .replace(BULLET, '')
    .replace(ITEM_NUMBER, '')
    .replace(/\s+/gu, ' ')
    .replace(/[\s;:,]+$/u, '')
    .replace(/(?<!\.)\.$/u, '')
    .trim();
}

/** The clauses of a section text, in document order. */
export function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  paragraphsOf(text).forEach((raw, paragraph) => {
    const body = raw.replace(BULLET, '').replace(/\s+/gu, ' ').trim();
    let index = 0;
    for (const sentence of splitAt(body, topLevelCuts(body, sentenceEnd))) {
      const pieces = piecesOf(sentence);
      pieces.forEach((piece, k) => {
        const words = clean(piece);
        if (syllables(words).length < MIN_CLAUSE_SYLLABLES) return;
        out.push({ text: words, paragraph, index: index++, startsSentence: k === 0, endsSentence: k === pieces.length - 1 });
      });
    }
  });
  return out;
}

const CITED = 'ke hoach|huong dan|nghi quyet|chi thi|ket luan|quy dinh|quyet dinh|chuong trinh|de an|cong van|thong bao|thong tri|dieu le|luat|nghi dinh|thong tu|van ban|y kien chi dao';

/**
 * An opening line, not a point: "Thực hiện Hướng dẫn số 81…", "Căn cứ Điều lệ Đảng…", "Triển khai Kế hoạch…",
 * "Thực hiện chỉ đạo của …". (A task such as "Thực hiện tốt công tác …" is not one.)
 */
export function isOpeningLine(text: string): boolean {
  const folded = foldedView(text).trim();
  if (/^can cu\b/u.test(folded)) return true;
  return new RegExp(`^(?:thuc hien|trien khai|quan triet|theo)\\s+(?:(?:${CITED})\\b|(?:su )?chi dao (?:cua|tai))`, 'u').test(folded);
}

/**
 * Administrative lines every plan ends with, not points: "Trong quá trình tổ chức thực hiện, nếu có vướng mắc …
 * đề nghị phản ánh …", contact addresses and telephone numbers.
 */
export function isBoilerplate(text: string): boolean {
  const folded = foldedView(text);
  return /@|\b(?:vuong mac|email|e-mail|dien thoai|fax)\b/u.test(folded) || /^trong qua trinh (?:to chuc )?(?:trien khai|thuc hien)\b/u.test(folded);
}
