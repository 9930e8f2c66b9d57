/**
 * Renders answers for Zalo: plain text only (Zalo documents no formatting), at most 2000 characters per
 * message, split at paragraph boundaries. Every quote is followed by a compact citation line, and a short
 * typed follow-up footer replaces the buttons Zalo does not have.
 */
import { splitIntoMessages } from '../split-message.ts';
import { citationForce, citationLine, labelInWords } from '../citation-label.ts';
import { groupHeading, pointsSummary, pointSources, sourceLine, sourcesOf } from '../../answer/talking-point-words.ts';
import type { Answer, Citation, StoredDocument, StoredSection, TalkingPoints } from '../../core/types.ts';

/** Zalo's limit for one text message. */
export const MAX_ZALO_TEXT = 2000;

/** How many citations the follow-up footer names one by one before it summarises. */
const FOOTER_ITEMS = 4;

const FEEDBACK_HINT = 'Gõ "đúng" hoặc "sai" để góp ý.';
const BROWSE_HINT = 'Gõ "văn bản" để xem các văn bản đang có, hoặc "help" để xem hướng dẫn.';

/** Removes HTML tags and entities, and markdown emphasis/heading/code markers; keeps directive bullets. */
export function plainText(text: string): string {
  return text
    .replace(/<\/?(?:b|strong|i|em|u|ins|s|strike|del|code|pre|blockquote|p|span|a|tg-spoiler)(?:\s[^<>]*)?>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\*\*|__|~~|```|`/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Splits paragraphs into Zalo-sized plain-text messages. */
export function toMessages(paragraphs: string[]): string[] {
  return splitIntoMessages(paragraphs.map((p) => p.trim()).filter((p) => p !== ''), MAX_ZALO_TEXT);
}

/** `📄 [2] Kế hoạch … – mục II.1 "…"`; the number only when there are several citations. */
export function citationParagraph(c: Citation, index: number | null): string {
  return `📄 ${index === null ? '' : `[${index}] `}${plainText(citationLine(c))}`;
}

/** An engine answer as Zalo messages. */
export function renderAnswer(answer: Answer): string[] {
  if (answer.outcome !== 'answered' || answer.citations.length === 0) return renderNotAnswered(answer);
  const numbered = answer.citations.length > 1;
  const paragraphs = [plainText(answer.intro)];
  if (answer.notice) paragraphs.push(plainText(answer.notice));
  answer.citations.forEach((c, i) => paragraphs.push(...quoteWithCitation(c, numbered ? i + 1 : null)));
  paragraphs.push(followUpFooter(answer.citations));
  return toMessages(paragraphs);
}

/** Refusals, absent years, too-long and empty questions: the engine's own words, plainly, plus a way on. */
function renderNotAnswered(answer: Answer): string[] {
  const text = plainText(answer.text || answer.intro);
  const paragraphs = [text];
  if (answer.notice && !text.includes(answer.notice)) paragraphs.push(plainText(answer.notice));
  paragraphs.push(BROWSE_HINT);
  return toMessages(paragraphs);
}

/**
 * The quote's paragraphs, the last one carrying the citation line on its next line when both fit in one
 * message, so a citation never travels without its quote; otherwise the citation is its own paragraph.
 */
function quoteWithCitation(c: Citation, index: number | null): string[] {
  const quote = plainText(c.quote).split(/\n{2,}/).map((p) => p.trim()).filter((p) => p !== '');
  const cite = citationParagraph(c, index);
  const last = quote.pop();
  if (last === undefined) return [cite];
  const joined = `${last}\n${cite}`;
  return joined.length <= MAX_ZALO_TEXT ? [...quote, joined] : [...quote, last, cite];
}

/** `Gõ "xem 1" để xem toàn văn mục II.1, "xem 2" – mục III.` plus the feedback hint. */
export function followUpFooter(citations: Citation[], withFeedback = true): string {
  const lines: string[] = [];
  const shown = citations.slice(0, FOOTER_ITEMS).map((c, i) => `"xem ${i + 1}" – ${shortSection(c)}`);
  if (citations.length === 1 && citations[0]) lines.push(`Gõ "xem 1" để xem toàn văn ${shortSection(citations[0])}.`);
  else if (citations.length > FOOTER_ITEMS) lines.push(`Gõ "xem 1" … "xem ${citations.length}" để xem toàn văn từng mục được trích.`);
  else if (citations.length > 1) lines.push(`Gõ để xem toàn văn: ${shown.join(', ')}.`);
  if (withFeedback) lines.push(FEEDBACK_HINT);
  return lines.join('\n');
}

function shortSection(c: Pick<Citation, 'section'>): string {
  return labelInWords(c.section);
}

/**
 * Talking points: how many from how many documents, then each document (newest first) with its points; each
 * point's sources are numbered across the list for `xem n`.
 */
export function renderTalkingPoints(points: TalkingPoints): string[] {
  if (points.refused || points.points.length === 0) {
    const notice = points.notice ? plainText(points.notice) : `Chưa tìm thấy nội dung về "${points.topic}" trong văn bản.`;
    return toMessages([notice, BROWSE_HINT]);
  }
  return toMessages([...talkingPointParagraphs(points, `Điểm tin: ${plainText(points.topic)}`), followUpFooter(points.points.flatMap((p) => p.citations), false)]);
}

/** The paragraphs of talking points under `title` (shared by `điểm tin` and the text outline). */
export function talkingPointParagraphs(points: TalkingPoints, title: string): string[] {
  let n = 0;
  let point = 0;
  const paragraphs = [title, pointsSummary(points)];
  if (points.notice) paragraphs.push(plainText(points.notice));
  for (const group of points.groups) {
    const first = group.points[0]?.citations[0];
    if (first) paragraphs.push(`📄 ${plainText(groupHeading(first))}`);
    for (const p of group.points) {
      const sources = pointSources(p).map((s) => `   [${++n}] ${plainText(s)}`);
      paragraphs.push([`${++point}. ${plainText(p.title)}`, ...sources].join('\n'));
    }
  }
  return paragraphs;
}

/** The đề cương as text (Zalo takes no files): the points, the sources, and where the Word file is. */
export function renderTalkOutline(points: TalkingPoints): string[] {
  if (points.refused || points.points.length === 0) return renderTalkingPoints(points);
  const topic = plainText(points.topic);
  const sources = sourcesOf(points).map((c, i) => `${i + 1}. ${plainText(sourceLine(c))}`);
  return toMessages([
    ...talkingPointParagraphs(points, `Đề cương tuyên truyền: ${topic}`),
    ['Nguồn trích dẫn:', ...sources].join('\n'),
    `Bản Word của đề cương này có trên Telegram: gửi "/decuong ${topic}" cho bot trên Telegram.`,
  ]);
}

/** A citation for a whole section opened from the library (no quote). */
export function sectionCitation(doc: StoredDocument, section: StoredSection): Citation {
  return {
    source: doc.source,
    section: section.label,
    heading: section.heading,
    title: doc.title,
    number: doc.number,
    year: doc.year,
    type: doc.type,
    issuer: doc.issuer,
    issuedOn: doc.issuedOn,
    documentId: doc.id,
    quote: section.fullText,
    ...citationForce(doc),
  };
}

/** The full text of one section (with its sub-sections), then its citation line. */
export function renderSection(doc: StoredDocument, section: StoredSection): string[] {
  const body = plainText(section.fullText).split(/\n{2,}/);
  const heading = section.headingLine ? plainText(section.headingLine) : 'Phần mở đầu (căn cứ ban hành)';
  const text = body.some((p) => p.trim() !== '') ? body : ['(Mục này không có nội dung riêng.)'];
  return toMessages([heading, ...text, citationParagraph(sectionCitation(doc, section), null)]);
}
