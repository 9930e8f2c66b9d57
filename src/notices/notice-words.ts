/**
 * Channel-neutral wording of notices and of "văn bản mới": the headline, the line naming the document, where its
 * purpose is quoted from, and how a list of recent publications reads. Telegram and Zalo add their own commands.
 */
import type { DocumentNotice, Publication } from '../core/notices.ts';
import { documentName, labelInWords } from '../answer/citation-label.ts';

/** "Văn bản mới: Kế hoạch số 45-KH/ĐU". */
export function noticeHeadline(n: DocumentNotice): string {
  return `Văn bản mới: ${documentName(n)}`;
}

/** `"ứng dụng chuyển đổi số …" – Đảng ủy … – năm 2025` (the title only when the headline gave the number). */
export function noticeDetails(n: DocumentNotice): string {
  const title = n.number && n.title.trim() ? `"${n.title}"` : null;
  return [title, n.issuer, n.year ? `năm ${n.year}` : null].filter(Boolean).join(' – ');
}

/** "Mục đích (mục I.1):" or "Phần mở đầu:" — what the quoted lines are. */
export function purposeLead(n: DocumentNotice): string {
  return n.purposeSection === '' ? 'Phần mở đầu:' : `Mục đích (${labelInWords(n.purposeSection)}):`;
}

/** "Kế hoạch số 45-KH/ĐU – năm 2025 – Đảng ủy … (đăng ngày 3/12/2026)" for the list of recent documents. */
export function publicationLine(p: Publication): string {
  const at = new Date(p.publishedAt.getTime() + 7 * 60 * 60 * 1000);
  const day = `${at.getUTCDate()}/${at.getUTCMonth() + 1}/${at.getUTCFullYear()}`;
  const bits = [documentName(p.notice), p.notice.year ? `năm ${p.notice.year}` : null, p.notice.issuer].filter(Boolean);
  return `${bits.join(' – ')} (đăng ngày ${day})`;
}

/** The first line of "văn bản mới": how many in how many days. */
export function recentHeading(count: number, days: number): string {
  return count === 0 ? `Chưa có văn bản nào được đăng trong ${days} ngày qua.` : `Văn bản mới đăng trong ${days} ngày qua (${count}):`;
}
