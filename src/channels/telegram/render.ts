/**
 * Renders the engine's answers and talking points as Telegram HTML messages: each quote as its own
 * blockquote followed by its citation line (📄, document name in bold), notices in italics.
 */
import type { Answer, Citation, TalkingPoints } from '../../core/types.ts';
import { citationLine, documentName } from '../citation-label.ts';
import { groupHeading, pointsSummary, pointSources } from '../../answer/talking-point-words.ts';
import { bold, italic, paragraph, plain, quote, toHtmlMessages, type Block } from './format.ts';

/** Shown when the engine returned neither text nor citations. */
export const EMPTY_ANSWER = 'Xin lỗi, chưa tìm được nội dung phù hợp trong văn bản. Bạn thử hỏi cách khác nhé.';

/** The citation line under a quote: `📄 <b>Kế hoạch số 12-KH/ĐU</b> "…" – năm 2021 – … – mục II.1 "…"`. */
export function citationBlock(c: Citation): Block {
  const name = documentName(c);
  const line = citationLine(c);
  const rest = line.startsWith(name) ? line.slice(name.length) : ` – ${line}`;
  return { ...paragraph('📄 ', bold(name), plain(rest)), keepWithPrevious: true };
}

/** A quote and its citation. */
export function citedQuote(c: Citation): Block[] {
  return c.quote.trim() === '' ? [citationBlock(c)] : [quote(c.quote), citationBlock(c)];
}

/** A notice such as "chưa có văn bản năm 2025 trong kho; có: 2021, 2022, 2023". */
export function noticeBlock(notice: string): Block {
  return paragraph(italic(`ℹ️ ${notice}`));
}

/** An answer as one or more HTML messages of at most 4096 visible characters. */
export function renderAnswer(answer: Answer): string[] {
  const blocks: Block[] = [];
  if (answer.notice) blocks.push(noticeBlock(answer.notice));
  const lead = answer.intro.trim() || (answer.citations.length === 0 ? answer.text.trim() : '');
  if (lead) blocks.push(paragraph(lead));
  for (const c of answer.citations) blocks.push(...citedQuote(c));
  if (blocks.length === 0) blocks.push(paragraph(EMPTY_ANSWER));
  return toHtmlMessages(blocks);
}

/**
 * Talking points for báo cáo viên: how many points from how many documents, then each document (newest first)
 * with its points numbered across the list, each point quoted and followed by where it is said.
 */
export function renderTalkingPoints(tp: TalkingPoints): string[] {
  const blocks: Block[] = [paragraph(bold(`Dàn ý tuyên truyền: ${tp.topic}`))];
  if (tp.refused || tp.points.length === 0) {
    blocks.push(paragraph('Chưa tìm thấy nội dung về chủ đề này trong các văn bản hiện có.'));
    return toHtmlMessages(blocks);
  }
  blocks.push(paragraph(pointsSummary(tp)));
  if (tp.notice) blocks.push(noticeBlock(tp.notice));
  let n = 0;
  for (const group of tp.groups) {
    const first = group.points[0]?.citations[0];
    if (first) blocks.push(paragraph(bold(`📄 ${groupHeading(first)}`)));
    for (const point of group.points) {
      blocks.push({ ...paragraph(bold(`${++n}. `), point.title), keepWithPrevious: point === group.points[0] });
      blocks.push({ ...paragraph(italic(pointSources(point).join('\n'))), keepWithPrevious: true });
    }
  }
  return toHtmlMessages(blocks);
}

/** A one-paragraph reply (notices, refusals, confirmations), escaped. */
export function renderText(text: string): string[] {
  return toHtmlMessages([paragraph(text)]);
}
