/**
 * Channel-neutral wording of a citation, readable on a phone:
 * `Kế hoạch số 12-KH/ĐU (2021) – Đảng ủy Ban Quản lý Khu kinh tế – mục II.1 "Thời gian và nội dung tuyên truyền"`,
 * `Luật số 43/2019/QH14 "Giáo dục" – … – Điều 5 khoản 2 điểm a`, `… – Phụ lục, dòng 3 "Biên soạn tài liệu …"`.
 */
import { type Citation, DOCUMENT_TYPES, type StoredDocument } from '../core/types.ts';
import { forceNoteText } from './force-words.ts';
import { issuerWords } from './whose.ts';

/**
 * `Kế hoạch số 12-KH/ĐU` or, without a number, `Kế hoạch "thông tin, tuyên truyền … năm 2023"`; with neither
 * number nor title, the file it came from (`Văn bản (tệp luat-giao-duc.txt)`), never `Văn bản ""`.
 */
export function documentName(doc: Pick<Citation, 'type' | 'number' | 'title'> & { source?: string }): string {
  const type = doc.type ?? 'Văn bản';
  if (doc.number) return `${type} số ${doc.number}`;
  if (doc.title.trim()) return `${type} "${shorten(doc.title, 90)}"`;
  return doc.source ? `${type} (tệp ${doc.source})` : type;
}

/** `Điều 5.2.a` → `khoản 2 điểm a` for what follows an article's number. */
function clauseWords(parts: string[]): string {
  return parts.map((part) => (/^\d/u.test(part) ? `khoản ${part}` : `điểm ${part}`)).join(' ');
}

/**
 * A label as people say it: `mục II.1`, `Điều 5 khoản 2 điểm a`, `Điều 5 điểm a`, `Phụ lục, dòng 3`,
 * `Phụ lục 2, dòng 3`, `Phần I mục II.1`, `Chương II Mục 1`, and `điểm 3.a` for an item of a numbered point with
 * no parts above it (Chỉ thị, Kết luận, Thông báo), `Điều 2 của Quyết định` beside an attached Quy chế's own
 * `Điều 2`. The empty label is the opening part.
 */
export function labelInWords(label: string): string {
  if (label === '') return 'phần mở đầu';
  // A text issued with the document (`Quy chế`), or the decision's own article beside it (`Quyết định.Điều 2`).
  if (isTypeName(label)) return label;
  const dot = label.indexOf('.');
  if (dot > 0 && isTypeName(label.slice(0, dot))) return `${labelInWords(label.slice(dot + 1))} của ${label.slice(0, dot)}`;
  const article = /^(Điều [^\s.]+?)((?:\.[^.]+)*)$/u.exec(label);
  if (article) {
    const rest = (article[2] as string).split('.').filter(Boolean);
    return rest.length > 0 ? `${article[1] as string} ${clauseWords(rest)}` : (article[1] as string);
  }
  const row = /^(Phụ lục(?: [^\s.]+)?)\.(\d+)$/u.exec(label);
  if (row) return `${row[1] as string}, dòng ${row[2] as string}`;
  if (/^(?:Phụ lục|Chương|Phần)(?: [^\s.]+)?$/u.test(label)) return label;
  const chapter = /^(Chương [^\s.]+)\.(Mục [^\s.]+)$/u.exec(label);
  if (chapter) return `${chapter[1] as string} ${chapter[2] as string}`;
  const part = /^(Phần [^\s.]+)\.(.+)$/u.exec(label);
  if (part) return `${part[1] as string} ${labelInWords(part[2] as string)}`;
  const appendixPart = /^(Phụ lục(?: [^\s.]+)?)\.(.+)$/u.exec(label);
  if (appendixPart) return `${appendixPart[1] as string} ${labelInWords(appendixPart[2] as string)}`;
  if (/^\d+(?:\.\d+)*\.[a-zđ]$/u.test(label)) return `điểm ${label}`;
  return `mục ${label}`;
}

function isTypeName(text: string): boolean {
  return (DOCUMENT_TYPES as readonly string[]).includes(text);
}

/** `mục II.1 "Nội dung tuyên truyền trọng tâm"`, or `phần mở đầu (căn cứ)` for the opening section. */
export function sectionName(c: Pick<Citation, 'section' | 'heading'>): string {
  if (c.section === '') return 'phần mở đầu (căn cứ ban hành)';
  const words = labelInWords(c.section);
  return c.heading ? `${words} "${shorten(c.heading, 80)}"` : words;
}

/** One line naming the document, its year, its issuer, the section, and whether it is still in force. */
export function citationLine(c: Citation): string {
  const parts = [documentName(c)];
  if (c.number && c.title) parts[0] += ` "${shorten(c.title, 70)}"`;
  const when = c.issuedOn ? formatDate(c.issuedOn) : c.year ? `năm ${c.year}` : null;
  if (when) parts.push(when);
  const who = issuerWords(c);
  if (who) parts.push(who);
  parts.push(sectionName(c));
  // A replaced, abolished or amended document says so in the same line, so a quote is never read as in force.
  if (c.force) parts.push(forceNoteText(c.force));
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
