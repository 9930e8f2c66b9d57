/**
 * Renders what admins see: the parsed draft before publishing, version history and usage numbers.
 */
import type { DraftReview, UsageStats } from '../../core/services.ts';
import type { StoredDocument, YearSource } from '../../core/types.ts';
import { documentLine } from '../citation-label.ts';
import { bold, italic, paragraph, plain, toHtmlMessages, type Block, type Span } from './format.ts';
import { outlineText } from './render-library.ts';
import { forceBlocks } from './admin-force.ts';

const YEAR_SOURCES: Record<YearSource, string> = {
  override: 'do quản trị viên nhập',
  title: 'theo tiêu đề',
  date: 'theo ngày ban hành',
  references: 'theo văn bản được dẫn chiếu',
};

const MISSING = '(chưa xác định)';

function fieldSpans(label: string, value: string | number | null | undefined, last = false): Span[] {
  const text = value === null || value === undefined || value === '' ? MISSING : String(value);
  return [bold(`${label}: `), plain(last ? text : `${text}\n`)];
}

/** The draft review: what the parser understood, what it replaces, the outline and the warnings. */
export function renderDraftReview(review: DraftReview, fileName: string): string[] {
  const d = review.document;
  const year = d.year === null ? null : `${d.year}${d.yearSource ? ` (${YEAR_SOURCES[d.yearSource]})` : ''}`;
  const replaces = review.replaces ? `${documentLine(review.replaces)} (phiên bản ${review.replaces.version})` : 'không — đây là văn bản mới';
  const warnings = [...new Set([...review.warnings, ...d.warnings])];
  const blocks: Block[] = [
    d.status === 'draft'
      ? paragraph(bold('📥 Bản nháp — chưa đăng. '), plain('Kiểm tra thông tin hệ thống đọc được rồi bấm Đăng hoặc Huỷ.'))
      : paragraph(bold('📄 Văn bản đã có trong kho. '), plain('Tệp này giống hệt văn bản dưới đây; không tạo bản nháp mới.')),
    paragraph(
      ...fieldSpans('Tệp', fileName),
      ...fieldSpans('Loại', d.type),
      ...fieldSpans('Số', d.number),
      ...fieldSpans('Tiêu đề', d.title),
      ...fieldSpans('Cơ quan ban hành', d.issuer),
      ...fieldSpans('Năm', year),
      ...fieldSpans('Thay thế', replaces, true),
    ),
    ...forceBlocks(review.force, d.id, true),
    paragraph(bold(`Dàn ý (${review.outline.length} mục):`)),
    paragraph(review.outline.length > 0 ? outlineText(review.outline) : '(không nhận ra mục nào)'),
  ];
  if (warnings.length > 0) blocks.push(paragraph(bold('⚠️ Cần kiểm tra:'), plain(`\n${warnings.map((w) => `- ${w}`).join('\n')}`)));
  return toHtmlMessages(blocks);
}

const STATUS: Record<StoredDocument['status'], string> = {
  draft: 'bản nháp',
  active: 'đang hiệu lực',
  replaced: 'đã thay thế',
  retired: 'đã gỡ',
};

function dateText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `/phienban`: every stored version of a document, newest first as the store returns them. */
export function renderHistory(doc: StoredDocument, versions: StoredDocument[]): string[] {
  const lines = versions.map((v) => `v${v.version} – ${STATUS[v.status]} – ${dateText(v.createdAt)} – ${v.source}`);
  return toHtmlMessages([
    paragraph(bold(`Các phiên bản của ${documentLine(doc)}:`)),
    paragraph(lines.length > 0 ? lines.join('\n') : '(chưa có phiên bản nào)'),
  ]);
}

/** `/thongke`: questions, refusals, feedback and the most frequent unanswered questions. */
export function renderStats(stats: UsageStats): string[] {
  const channels = Object.entries(stats.byChannel).map(([channel, n]) => `${channel}: ${n}`).join(', ');
  const reasons = Object.entries(stats.feedback.reasons).map(([reason, n]) => `${reason}: ${n}`).join(', ');
  const unanswered = stats.unanswered.slice(0, 10).map((u, i) => `${i + 1}. ${u.question} (${u.count})`);
  return toHtmlMessages([
    paragraph(bold('📊 Thống kê')),
    paragraph(
      [
        `Câu hỏi: ${stats.questions}${channels ? ` (${channels})` : ''}`,
        `Từ chối / không tìm thấy: ${stats.refusals}`,
        `Góp ý: 👍 ${stats.feedback.up} · 👎 ${stats.feedback.down}${reasons ? ` (${reasons})` : ''}`,
      ].join('\n'),
    ),
    paragraph(bold('Câu hỏi chưa trả lời được nhiều nhất:')),
    paragraph(unanswered.length > 0 ? unanswered.join('\n') : italic('(chưa có)')),
  ]);
}
