/**
 * The đề cương tuyên truyền as a Word file, for a báo cáo viên to print and hand on: its title ("Đề cương tuyên
 * truyền: <chủ đề>"), the date, how many points from how many documents, one heading per document (newest
 * first), the points as bullets quoting the documents verbatim, each followed by its bracketed citation (type,
 * number, issuer, year, section), and the list of sources at the end. Built with the `docx` package.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Citation, TalkingPoint, TalkingPoints } from '../core/types.ts';
import { bracketCitation, groupHeading, pointsSummary, sourceLine, sourcesOf } from '../answer/talking-point-words.ts';
import { foldedView } from '../text/normalize.ts';

/** A file ready to send or download. */
export interface OutlineFile {
  /** `de-cuong-mang-xa-hoi.docx` */
  name: string;
  bytes: Uint8Array;
}

/** The MIME type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Vietnam has no daylight saving: its dates are UTC+7. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "Ngày 15 tháng 6 năm 2023", in Vietnam's time. */
export function vietnameseDate(at: Date): string {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return `Ngày ${local.getUTCDate()} tháng ${local.getUTCMonth() + 1} năm ${local.getUTCFullYear()}`;
}

/** `de-cuong-mang-xa-hoi.docx`: the topic without accents, words joined by dashes. */
export function outlineFileName(topic: string): string {
  const slug = foldedView(topic).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return `de-cuong-${slug || 'tuyen-truyen'}.docx`;
}

function point(p: TalkingPoint): Paragraph {
  return new Paragraph({
    bullet: { level: 0 },
    spacing: { after: 120 },
    children: [new TextRun(p.title), new TextRun({ text: ` ${p.citations.map(bracketCitation).join(' ')}`, italics: true })],
  });
}

/** One line per document quoted: name, title, issuer, year or date, and the file it was read from. */
function source(c: Citation, n: number): Paragraph {
  return new Paragraph({ spacing: { after: 80 }, children: [new TextRun(`${n}. ${sourceLine(c)} `), new TextRun({ text: `(tệp ${c.source})`, italics: true })] });
}

/** Builds the Word file of talking points that were found (not refused). */
export async function buildOutlineDocx(tp: TalkingPoints, at: Date): Promise<OutlineFile> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(`Đề cương tuyên truyền: ${tp.topic}`)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: vietnameseDate(at), italics: true })] }),
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun(pointsSummary(tp))] }),
  ];
  if (tp.notice) children.push(new Paragraph({ children: [new TextRun({ text: tp.notice, italics: true })] }));
  tp.groups.forEach((group, i) => {
    const first = group.points[0]?.citations[0];
    if (!first) return;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${toRoman(i + 1)}. ${groupHeading(first)}`)] }));
    children.push(...group.points.map(point));
  });
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Nguồn trích dẫn')] }));
  children.push(...sourcesOf(tp).map((c, i) => source(c, i + 1)));
  const document = new Document({
    creator: 'Trợ lý văn bản',
    title: `Đề cương tuyên truyền: ${tp.topic}`,
    description: 'Trích nguyên văn các văn bản trong kho, có nguồn từng ý.',
    sections: [{ children }],
  });
  return { name: outlineFileName(tp.topic), bytes: new Uint8Array(await Packer.toBuffer(document)) };
}

/** 1 → I, 4 → IV: the outline's parts are numbered the way directives number theirs. */
function toRoman(n: number): string {
  const numerals: Array<[number, string]> = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}
