/** Compact plain-text renderings of library listings and admin numbers for Zalo. */
import { documentLine, forceChainLines, forceStatusLine } from '../citation-label.ts';
import type { UsageStats } from '../../core/services.ts';
import type { StoredDocument, StoredSection } from '../../core/types.ts';
import { plainText, toMessages } from './render.ts';

/** A numbered document list; `xem <n>` opens the n-th outline. */
export function renderDocumentList(heading: string, docs: StoredDocument[]): string[] {
  const lines = docs.map((d, i) => `${i + 1}. ${plainText(documentLine(d))}`);
  return toMessages([heading, lines.join('\n'), 'Gõ "xem 1" để xem dàn ý văn bản số 1, "năm 2023" để lọc theo năm.']);
}

/** The documents of one year, or the years that have documents. */
export function renderYear(year: number, result: { documents: StoredDocument[]; years: number[] }): string[] {
  if (result.documents.length > 0) return renderDocumentList(`Năm ${year} có ${result.documents.length} văn bản:`, result.documents);
  const have = result.years.length > 0 ? `; có: ${[...result.years].sort().join(', ')}` : '';
  return toMessages([`Chưa có văn bản năm ${year} trong kho${have}.`]);
}

/** A document's outline: whether it is in force and its chain, then one line per heading, one paragraph per top-level part. */
export function renderOutline(doc: StoredDocument, sections: StoredSection[]): string[] {
  const parts: string[][] = [];
  for (const s of [...sections].sort((a, b) => a.order - b.order)) {
    if (s.label === '') continue;
    const line = `${'  '.repeat(Math.max(0, s.level - 1))}${s.label}. ${plainText(s.heading)}`.trimEnd();
    if (s.level <= 1 || parts.length === 0) parts.push([line]);
    else parts[parts.length - 1]?.push(line);
  }
  const labelled = sections.filter((s) => s.label !== '');
  const example = (labelled.find((s) => s.label.includes('.')) ?? labelled[0])?.label ?? 'I';
  const force = doc.force ? [[forceStatusLine(doc.force), ...forceChainLines(doc.force)].join('\n')] : [];
  return toMessages([
    `Dàn ý: ${plainText(documentLine(doc))}`,
    ...force,
    ...parts.map((p) => p.join('\n')),
    `Gõ "xem ${example}" (hoặc số mục khác) để xem toàn văn một mục.`,
  ]);
}

/** Usage numbers for admins. */
export function renderStats(stats: UsageStats): string[] {
  const rate = stats.questions > 0 ? Math.round((stats.refusals / stats.questions) * 100) : 0;
  const channels = Object.entries(stats.byChannel).map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [
    'Thống kê',
    `Câu hỏi: ${stats.questions} (không trả lời được: ${stats.refusals}, ${rate}%)`,
    channels ? `Theo kênh: ${channels}` : '',
    `Góp ý: đúng ${stats.feedback.up}, sai ${stats.feedback.down}`,
  ].filter((l) => l !== '');
  const gaps = stats.unanswered.slice(0, 10).map((u, i) => `${i + 1}. ${plainText(u.question)} (${u.count})`);
  return toMessages([lines.join('\n'), gaps.length > 0 ? `Câu hỏi chưa trả lời được:\n${gaps.join('\n')}` : '']);
}
