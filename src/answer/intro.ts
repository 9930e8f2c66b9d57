/**
 * The lead sentence of an answer, by the shape of the question: how many items a list has ("Văn bản nêu 5 nội
 * dung:"), where something is cited, who issued a document, a comparison by year.
 */
import type { StoredDocument } from '../core/types.ts';
import type { QueryIntent } from '../retrieval/understand.ts';
import type { ResolvedIntent } from '../retrieval/resolve-intent.ts';
import { foldedView } from '../text/normalize.ts';
import { yearsOf } from '../core/document-years.ts';
import { listYears } from './compose.ts';

/** What the items of a list are called, by the role asked for. */
const ITEM_NOUNS: Record<string, string> = {
  purpose: 'mục đích',
  requirement: 'yêu cầu',
  content: 'nội dung',
  focus: 'nội dung',
  regular: 'nội dung',
  form: 'hình thức',
  task: 'nhiệm vụ',
  implementation: 'cơ quan, đơn vị được giao',
  target: 'chỉ tiêu',
  shortcoming: 'hạn chế',
  viewpoint: 'quan điểm',
  slogan: 'khẩu hiệu',
};

/**
 * "Văn bản nêu 5 nội dung:" — a list says how many items it has, named by the role asked for when the quoted part
 * plays it (`roles`: its own and its parents' facets); a list of people answering "những ai được miễn" is no list
 * of "cơ quan, đơn vị được giao", so anything else is counted in "ý".
 */
export function listIntro(intent: ResolvedIntent, count: number, roles: string[]): string {
  const noun = intent.facets.filter((f) => roles.includes(f)).map((f) => ITEM_NOUNS[f]).find(Boolean) ?? 'ý';
  return `Văn bản nêu ${count} ${noun}:`;
}

/** The lead sentence, by the shape of the question. */
export function introFor(intent: QueryIntent & { missingYears?: number[] }, count: number, first: StoredDocument | undefined, dateLine: string | null = null): string {
  const places = count > 1 ? `${count} chỗ` : 'chỗ sau';
  switch (intent.shape) {
    case 'mentions':
      return `Nội dung bạn hỏi được nhắc đến ở ${places} trong các văn bản:`;
    case 'basis':
      // Who issued it and when come with its grounds: a báo cáo viên cites all three together.
      return `${issuedBy(first, dateLine) ?? ''}Văn bản được ban hành căn cứ / để thực hiện các văn bản sau (phần mở đầu):`;
    case 'issuer':
      return issuerIntro(first, dateLine);
    case 'comparison':
      if (intent.years.length > 1) return count > 1 ? 'Đặt cạnh nhau theo từng năm để so sánh:' : oneYearOnly(intent.years, first, intent.missingYears ?? []);
      return count > 1 ? 'Đặt cạnh nhau theo từng văn bản để so sánh:' : 'Chỉ tìm thấy một văn bản có nội dung này:';
    default:
      return count > 1 ? 'Các văn bản trong kho nêu như sau:' : 'Văn bản nêu như sau:';
  }
}

/**
 * A comparison of years of which one was found: the asker is told which year the collection gave nothing for,
 * before the one it did. A year the collection holds no document for is told by the answer's notice already (`told`).
 */
function oneYearOnly(asked: number[], found: StoredDocument | undefined, told: number[]): string {
  const have = found ? asked.filter((y) => yearsOf(found).includes(y)) : [];
  const missing = asked.filter((y) => !have.includes(y) && !told.includes(y));
  if (have.length === 0 || missing.length === 0) return 'Chỉ tìm thấy nội dung của một năm:';
  return `Không tìm thấy nội dung năm ${listYears(missing)} trong kho; chỉ có nội dung năm ${listYears(have)}:`;
}

/**
 * "Who issued it", "when": the issuer, date and signer the document names (its metadata), then its opening is
 * quoted. The date is given as the document's own place-and-date line when there is one ("Ngọc Tuyền, ngày 08
 * tháng 01 năm 2025"), which is what a reader copies into a report.
 */
function issuerIntro(d: StoredDocument | undefined, dateLine: string | null): string {
  const said = issuedBy(d, dateLine);
  if (said) return `${said}Phần mở đầu:`;
  return dateLine ? `Văn bản ghi: "${dateLine}". Phần mở đầu:` : 'Phần mở đầu của văn bản nêu cơ quan ban hành:';
}

/** "Văn bản do … ban hành ngày … . Người ký: … . " from the document's metadata, or null without an issuer. */
function issuedBy(d: StoredDocument | undefined, dateLine: string | null): string | null {
  if (!d?.issuer) return null;
  const place = d.place && !foldedView(d.issuer).includes(foldedView(d.place)) ? ` (${d.place})` : '';
  const signer = d.signer ? ` Người ký: ${d.signer}${d.signerRole ? `, ${d.signerRole}` : ''}.` : '';
  const date = d.issuedOn ? ` ngày ${d.issuedOn.slice(8, 10)}/${d.issuedOn.slice(5, 7)}/${d.issuedOn.slice(0, 4)}` : '';
  const on = `${date}${dateLine ? ` ("${dateLine}")` : ''}`;
  return `Văn bản do ${d.issuer}${place} ban hành${on}.${signer} `;
}

/** The place-and-date line of a document's header ("Hà Nội, ngày 15 tháng 3 năm 2023"), or null. */
export function headerDateLine(source: string): string | null {
  const head = source.split('\n').slice(0, 40);
  const line = head.find((l) => /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/iu.test(l) && l.trim().length <= 80);
  return line ? line.replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim() : null;
}
