/**
 * The parts of a directive that are not sections: the title block (header, number, type line, trích yếu) before
 * the body, and the closing block (wrap-up sentence, recipients, signature) after it. An appendix (`PHỤ LỤC`)
 * or a text issued with the document (`QUY CHẾ` … `(Ban hành kèm theo …)`) after the signature is body again:
 * the closing block ends where it starts, and a signature after it closes that part in turn.
 */
import { DOCUMENT_TYPES, type DocumentType } from '../../src/core/types.ts';
import { headingMarker } from './markers.ts';

const OPENING = /^(Thực hiện|Căn cứ)(?!\p{L})/u;
const CLOSING = new RegExp(
  [
    String.raw`^(?:Nơi nhận|Gửi bản điện tử)(?!\p{L})`,
    String.raw`^(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.)\s*\p{Lu}`,
    // A law's or resolution's passing formula: "Luật này đã được Quốc hội … thông qua ngày …".
    String.raw`^(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết) này (?:đã )?được (?:Quốc hội|Ủy ban [Tt]hường vụ Quốc hội|Uỷ ban [Tt]hường vụ Quốc hội)`,
    String.raw`^XÁC THỰC VĂN BẢN HỢP NHẤT`,
  ].join('|'),
  'u',
);
const WRAP_UP = /^Trên đây(?!\p{L})/u;
const RULE_LINE = /^[-–—_*=.\s]+$/u;
/** Longest trích yếu, in characters: past this the paragraph is body text. */
const MAX_ABSTRACT = 300;

/** Type names longest first, so `BỘ LUẬT` is not read as `LUẬT` and `CHƯƠNG TRÌNH HÀNH ĐỘNG` wins over `CHƯƠNG TRÌNH`. */
const TYPES_LONGEST_FIRST = [...DOCUMENT_TYPES].sort((a, b) => b.length - a.length);

/** True for the opening sentence of a directive (`Thực hiện …`, `Căn cứ …`). */
export function isOpeningLine(line: string): boolean {
  return OPENING.test(line);
}

/** True for the first line of the closing block (`Nơi nhận:`, `T/M …`, `K/T …`, a law's passing formula). */
export function isClosingLine(line: string): boolean {
  return CLOSING.test(line);
}

/** The document type named by a capitalised title line (`KẾ HOẠCH` → Kế hoạch, `LUẬT` → Luật); null otherwise. */
export function typeOfTitleLine(line: string): DocumentType | null {
  if (!/\p{Lu}/u.test(line) || line !== line.toUpperCase()) return null;
  for (const type of TYPES_LONGEST_FIRST) {
    const upper = type.toUpperCase();
    if (line.startsWith(upper) && !/^\p{L}/u.test(line.slice(upper.length))) return type;
  }
  return null;
}

/** Index of the first line from `from` that passes `test`, or `lines.length`. */
export function firstIndex(lines: string[], from: number, test: (line: string) => boolean): number {
  for (let i = from; i < lines.length; i += 1) if (test(lines[i] as string)) return i;
  return lines.length;
}

/** End (exclusive) of the trích yếu paragraph after the type line, or the line after the type line. */
function endOfAbstract(lines: string[], start: number, limit: number): number {
  let i = start;
  while (i < limit && !lines[i]) i += 1;
  let j = i;
  while (j < limit && lines[j] && !(j > i && isOpeningLine(lines[j] as string))) j += 1;
  const paragraph = lines.slice(i, j).join(' ');
  if (i >= limit || paragraph.endsWith(':') || paragraph.length > MAX_ABSTRACT) return start;
  let end = j;
  for (let k = j; k < limit && (!lines[k] || RULE_LINE.test(lines[k] as string)); k += 1) {
    if (lines[k]) end = k + 1;
  }
  return end;
}

/** End (exclusive) of the header and title block. */
export function findTitleEnd(lines: string[]): number {
  const limit = firstIndex(lines, 0, (l) => headingMarker(l) !== null);
  const typeLine = firstIndex(lines, 0, (l) => typeOfTitleLine(l) !== null);
  if (typeLine < limit) return endOfAbstract(lines, typeLine + 1, limit);
  const opening = firstIndex(lines, 0, isOpeningLine);
  return opening < limit ? opening : 0;
}

/** Start of the closing block, including a final `Trên đây là …` wrap-up paragraph; `lines.length` when none. */
export function findClosingStart(lines: string[], from: number): number {
  const marker = firstIndex(lines, from, isClosingLine);
  let previous = marker - 1;
  while (previous >= from && !lines[previous]) previous -= 1;
  return previous >= from && WRAP_UP.test(lines[previous] as string) ? previous : marker;
}

/**
 * End (exclusive) of the closing block: the first appendix title after it, or the first line `startsText` says
 * opens a text issued with this one (attached.ts), else the end of the text.
 */
export function findClosingEnd(lines: string[], closingStart: number, startsText: (i: number) => boolean = () => false): number {
  for (let i = closingStart; i < lines.length; i += 1) if (headingMarker(lines[i] as string)?.kind === 'appendix' || startsText(i)) return i;
  return lines.length;
}
