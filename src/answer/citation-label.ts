/**
 * Channel-neutral wording of a citation, readable on a phone:
 * `Kế hoạch số 12-KH/ĐU (2021) – Đảng ủy Ban Quản lý Khu kinh tế – mục II.1 "Thời gian và nội dung tuyên truyền"`.
 */
import type { Citation, StoredDocument } from '../core/types.ts';

/** `Kế hoạch số 12-KH/ĐU` or, without a number, `Kế hoạch "thông tin, tuyên truyền … năm 2023"`. */
export function documentName(doc: Pick<Citation, 'type' | 'number' | 'title'>): string {
  const type = doc.type ?? 'Văn bản';
  if (doc.number) return `${type} số ${doc.number}`;
  return `${type} "${shorten(doc.title, 90)}"`;
}

/** `mục II.1 "Nội dung tuyên truyền trọng tâm"`, or `phần mở đầu (căn cứ)` for the opening section. */
export function sectionName(c: Pick<Citation, 'section' | 'heading'>): string {
  if (c.section === '') return 'phần mở đầu (căn cứ ban hành)';
  return c.heading ? `mục ${c.section} "${shorten(c.heading, 80)}"` : `mục ${c.section}`;
}

/** One line naming the document, its year, its issuer and the section. */
export function citationLine(c: Citation): string {
  const parts = [documentName(c)];
  if (c.number && c.title) parts[0] += ` "${shorten(c.title, 70)}"`;
  const when = c.issuedOn ? formatDate(c.issuedOn) : c.year ? `năm ${c.year}` : null;
  if (when) parts.push(when);
  if (c.issuer) parts.push(c.issuer);
  parts.push(sectionName(c));
  return parts.join(' – ');
}

/** Short description of a stored document for lists: type, number, year, issuer. */
export function documentLine(d: StoredDocument): string {
  const bits = [documentName(d)];
  if (d.year) bits.push(`năm ${d.year}`);
  if (d.issuer) bits.push(d.issuer);
  return bits.join(' – ');
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `ngày ${Number(d)}/${Number(m)}/${y}`;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max)}…`;
}
