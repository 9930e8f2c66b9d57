/**
 * Channel-neutral wording of talking points and outlines (đề cương): the line saying how many points from how
 * many documents, a group's heading, where a point is said, and how to use the command. Telegram, Zalo, the
 * terminal and the Word outline all say it the same way.
 */
import type { Citation, TalkingPoint, TalkingPoints } from '../core/types.ts';
import { citationLine, documentName, sectionName } from './citation-label.ts';

/** "8 ý, trích nguyên văn từ 4 văn bản (văn bản mới nhất trước)." */
export function pointsSummary(tp: Pick<TalkingPoints, 'points' | 'documentCount'>): string {
  const from = tp.documentCount === 1 ? 'từ 1 văn bản' : `từ ${tp.documentCount} văn bản (văn bản mới nhất trước)`;
  return `${tp.points.length} ý, trích nguyên văn ${from}.`;
}

/** A group's heading: `Kế hoạch số 12-KH/ĐU – năm 2021 – Đảng ủy …`. */
export function groupHeading(c: Citation): string {
  return [documentName(c), c.year ? `năm ${c.year}` : null, c.issuer].filter(Boolean).join(' – ');
}

/**
 * Where the point is said: the section of the group's document (its heading names the document already), then
 * each other document that says the same, in full.
 */
export function pointSources(p: TalkingPoint): string[] {
  return p.citations.map((c, i) => (i === 0 ? sectionName(c) : `cũng trong ${citationLine(c)}`));
}

/** A point's citation as one bracket: `[Kế hoạch số 12-KH/ĐU, Đảng ủy …, năm 2021, mục II.1]`. */
export function bracketCitation(c: Citation): string {
  const when = c.year ? `năm ${c.year}` : null;
  return `[${[documentName(c), c.issuer, when, sectionName(c)].filter(Boolean).join(', ')}]`;
}

/** The documents the points quote, each once (its first citation), in the order they are first cited. */
export function sourcesOf(tp: Pick<TalkingPoints, 'points'>): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of tp.points.flatMap((p) => p.citations)) if (!seen.has(c.documentId)) seen.set(c.documentId, c);
  return [...seen.values()];
}

/** A source in the list at the end of an outline: name, title, issuer, date or year. */
export function sourceLine(c: Citation): string {
  const when = c.issuedOn ? `ngày ${c.issuedOn.split('-').reverse().map(Number).join('/')}` : c.year ? `năm ${c.year}` : null;
  const title = c.number && c.title ? `"${c.title}"` : null;
  return [documentName(c), title, c.issuer, when].filter(Boolean).join(' – ');
}

/** How to use talking points, for a bare command (`/diemtin`, `điểm tin`). */
export function talkingPointsUsage(command: string): string {
  return [
    `Điểm tin cho báo cáo viên: gõ ${command} và chủ đề, ví dụ "${command} nêu gương" hoặc "${command} đấu tranh phản bác quan điểm sai trái".`,
    'Bot trích 3–10 ý nguyên văn từ các văn bản trong kho, mỗi ý ghi rõ văn bản và mục, văn bản mới nhất trước.',
  ].join('\n');
}

/** How to use the outline command, for a bare `/decuong` or `đề cương`. */
export function outlineUsage(command: string): string {
  return `Đề cương tuyên truyền: gõ ${command} và chủ đề, ví dụ "${command} mạng xã hội". Bot soạn đề cương trích nguyên văn các văn bản, có nguồn từng ý.`;
}
