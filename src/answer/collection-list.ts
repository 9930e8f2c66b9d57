/**
 * "Kho có những văn bản nào?", "trong kho có bao nhiêu văn bản năm 2022?": the collection itself, filtered by the
 * years and kinds of document asked, newest first. Each document is named in the list (kind, number, year,
 * issuer, title) and cited by its opening part, whose header gives the number, the place and the date verbatim.
 */
import type { Answer, Citation, DocumentType, StoredDocument, StoredSection } from '../core/types.ts';
import type { QuestionUnits } from '../retrieval/coverage.ts';
import { documentLine } from './citation-label.ts';
import { citationFor, listYears, makeAnswer, quoteSection } from './compose.ts';
import { foldedView } from '../text/normalize.ts';

/** Documents named in the answer's text; the rest are counted and left to the full list (/vanban). */
const LISTED = 30;
/** Documents cited with a quote of their opening. */
const CITED = 8;
/** Characters quoted from each opening: enough for the header's number and date line. */
const OPENING_CHARS = 240;

export interface CatalogAsked {
  /** Years asked that the collection has (empty: every year). */
  years: number[];
  /** Kinds of document named ("kế hoạch", "hướng dẫn"); empty: every kind. */
  docTypes: DocumentType[];
  units: QuestionUnits;
  /** The subject asked, folded ("về tuyên truyền" → tuyen, truyen): documents whose name has every word of it. */
  topic?: string[] | null;
  /** Said before the list ("năm nay" with no document of this year: the newest year's are listed). */
  note?: string | null;
}

export interface CatalogSources {
  documents(): Promise<StoredDocument[]>;
  sections(documentId: string): Promise<StoredSection[]>;
}

function newestFirst(a: StoredDocument, b: StoredDocument): number {
  return (b.year ?? 0) - (a.year ?? 0) || (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '') || a.title.localeCompare(b.title, 'vi');
}

/** "văn bản năm 2022", "kế hoạch năm 2022 và 2023", "văn bản". */
function whatWasAsked(asked: CatalogAsked): string {
  const kinds = asked.docTypes.length > 0 ? asked.docTypes.map((t) => t.toLowerCase()).join(', ') : 'văn bản';
  return asked.years.length > 0 ? `${kinds} năm ${listYears(asked.years)}` : kinds;
}

/** The document's title, kind and issuer hold every word of the subject (folded, as whole words). */
export function namedAbout(d: StoredDocument, topic: string[]): boolean {
  const words = new Set(foldedView([d.type, d.title, d.issuer].filter(Boolean).join(' ')).split(/[^a-z0-9]+/));
  return topic.every((w) => words.has(w));
}

function lineOf(d: StoredDocument): string {
  const name = documentLine(d);
  return d.number && d.title && !name.includes(d.title) ? `${name}: ${d.title}` : name;
}

/** The answer listing the collection's documents that fit what was asked. */
export async function answerCatalog(asked: CatalogAsked, sources: CatalogSources): Promise<Answer> {
  const all = await sources.documents();
  const docs = all
    .filter((d) => asked.years.length === 0 || (d.year !== null && asked.years.includes(d.year)))
    .filter((d) => asked.docTypes.length === 0 || (d.type !== null && asked.docTypes.includes(d.type)))
    .filter((d) => !asked.topic || namedAbout(d, asked.topic))
    .sort(newestFirst);
  const what = whatWasAsked(asked);
  const about = asked.topic ? ' có tên về nội dung bạn hỏi' : '';
  if (docs.length === 0) {
    return makeAnswer({ outcome: 'refused', intro: `Kho chưa có ${what} nào${about}. Gõ /vanban để xem các văn bản hiện có (${all.length}).`, citations: [], notice: null });
  }
  const lines = docs.slice(0, LISTED).map((d, i) => `${i + 1}. ${lineOf(d)}`);
  const more = docs.length > LISTED ? [`… và ${docs.length - LISTED} văn bản khác: gõ /vanban để xem đủ danh sách.`] : [];
  const citations: Citation[] = [];
  for (const d of docs.slice(0, CITED)) {
    const opening = (await sources.sections(d.id)).find((s) => s.label === '');
    if (opening) citations.push(citationFor(d, opening, quoteSection(opening, asked.units, OPENING_CHARS)));
  }
  const intro = [...(asked.note ? [asked.note] : []), `Kho có ${docs.length} ${what}${about}:`, ...lines, ...more].join('\n');
  return makeAnswer({ outcome: 'answered', intro, citations, notice: null });
}
