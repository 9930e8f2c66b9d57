/**
 * Builds the extractive answer: verbatim quotes of the selected sections, each with its citation, and the
 * plain-text rendering that `ask --json` prints. Also the fixed wordings of refusals and notices.
 */
import type { Answer, Citation, StoredDocument, StoredSection } from '../core/types.ts';
import type { QuestionUnits } from '../retrieval/coverage.ts';
import { citationLine } from './citation-label.ts';
import { citationForce } from './force-words.ts';
import { quoteFor } from './quote.ts';

/** The citation of a section, with its verbatim quote. */
export function citationFor(document: StoredDocument, section: StoredSection, quote: string): Citation {
  return {
    source: document.source,
    section: section.label,
    heading: section.heading,
    title: document.title,
    number: document.number,
    year: document.year,
    type: document.type,
    issuer: document.issuer,
    issuedOn: document.issuedOn,
    documentId: document.id,
    quote,
    ...citationForce(document),
  };
}

/** Text a section is quoted from: its own body, or its whole subtree when the body alone is thin. */
export function quotableText(section: StoredSection): string {
  const own = section.body.trim();
  return own.length >= 200 || section.fullText.trim() === '' ? own || section.headingLine : section.fullText;
}

/** Quotes `section` for the question within `maxChars`. */
export function quoteSection(section: StoredSection, units: QuestionUnits, maxChars: number): string {
  return quoteFor(quotableText(section), units, { maxChars });
}

/** Plain text of an answer: intro, then each quote followed by its source line, then the notice. */
export function renderPlain(intro: string, citations: Citation[], notice: string | null): string {
  const parts = [intro];
  for (const c of citations) parts.push(`${c.quote}\n(Nguồn: ${citationLine(c)})`);
  if (notice) parts.push(notice);
  return parts.filter((p) => p.trim() !== '').join('\n\n');
}

/** Answer skeleton; the engine fills latency. */
export function makeAnswer(fields: Pick<Answer, 'outcome' | 'intro' | 'citations' | 'notice'> & Partial<Answer>): Answer {
  return {
    mode: 'extractive',
    debug: { topScore: 0, retrieved: [] },
    latencyMs: 0,
    ...fields,
    text: fields.text ?? renderPlain(fields.intro, fields.citations, fields.notice),
  };
}

/** "2021, 2022 và 2023". */
export function listYears(years: number[]): string {
  if (years.length <= 1) return years.join('');
  return `${years.slice(0, -1).join(', ')} và ${years[years.length - 1]}`;
}

export const HINT =
  'Bạn có thể hỏi về nội dung các văn bản trong kho, ví dụ: "nội dung tuyên truyền trọng tâm năm 2023 là gì?", ' +
  '"Quy định 85-QĐ/TW được nhắc ở đâu?", "hình thức tuyên truyền năm 2022".';

/** Wording when nothing relevant was found. */
export function refusalText(): string {
  return `Xin lỗi, nội dung này không có trong văn bản trong kho. ${HINT}`;
}

/** Wording when the question names a place no document of the collection writes ("tỉnh Yên Bái"). */
export function placeNotHeldText(places: string[]): string {
  return `Kho chưa có văn bản nào về ${places.join(', ')}. ${HINT}`;
}

/** Wording when the question asks who holds an office now, which no directive says. */
export function officeholderText(): string {
  return `Xin lỗi, nội dung này không có trong văn bản trong kho: văn bản không cho biết ai đang giữ chức vụ hiện nay (chỉ ghi người ký lúc ban hành). ${HINT}`;
}

/** Wording when the question is about a year the collection has no document for. */
export function absentYearText(missing: number[], available: number[]): string {
  const have = available.length > 0 ? `Kho hiện có văn bản các năm ${listYears(available)}.` : 'Kho chưa có văn bản nào.';
  return `Chưa có văn bản năm ${listYears(missing)} trong kho. ${have}`;
}
