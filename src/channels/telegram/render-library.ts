/**
 * Renders the collection for browsing: the document list, a document's outline, one full section and what
 * a year holds. Everything from documents is raw text here; `toHtmlMessages` escapes it.
 */
import type { Citation, StoredDocument, StoredSection } from '../../core/types.ts';
import { citationForce, documentLine, documentName, forceChainLines, forceStatusLine, sectionName } from '../citation-label.ts';
import { bold, code, italic, paragraph, plain, toHtmlMessages, type Block } from './format.ts';
import { citationBlock } from './render.ts';

/** What users type to point at a document: its number when it has one, else its file name. */
export function documentRef(d: StoredDocument): string {
  return d.number ?? d.source;
}

function documentBlock(d: StoredDocument, index: number): Block {
  const name = documentName(d);
  const line = documentLine(d);
  const rest = line.startsWith(name) ? line.slice(name.length) : '';
  const parts = [plain(`${index + 1}. `), bold(name), plain(rest)];
  if (d.number && d.title) parts.push(plain(`\n${d.title}`));
  parts.push(plain('\n'), code(`/xem ${documentRef(d)}`));
  return paragraph(...parts);
}

/** `/vanban`: every document with type, number, year, issuer, and the command that opens it. */
export function renderDocumentList(docs: StoredDocument[]): string[] {
  if (docs.length === 0) return toHtmlMessages([paragraph('Kho văn bản đang trống.')]);
  return toHtmlMessages([
    paragraph(bold(`Văn bản trong kho (${docs.length}):`)),
    ...docs.map(documentBlock),
    paragraph(italic('Xem dàn ý: /xem <số hiệu hoặc tên văn bản>. Xem một mục: /xem <văn bản> <mục>, ví dụ /xem 12-KH/ĐU II.1')),
  ]);
}

/** A section as a citation, so its footer reads like an answer's. */
export function sectionCitation(d: StoredDocument, s: StoredSection): Citation {
  return {
    source: d.source,
    section: s.label,
    heading: s.heading,
    title: d.title,
    number: d.number,
    year: d.year,
    type: d.type,
    issuer: d.issuer,
    issuedOn: d.issuedOn,
    documentId: d.id,
    quote: '',
    ...citationForce(d),
  };
}

/** `/xem`: whether the document is in force, and its chain (replaces / replaced by), when known. */
function forceParagraphs(d: StoredDocument): Block[] {
  if (!d.force) return [];
  const status = forceStatusLine(d.force);
  const chain = forceChainLines(d.force);
  return [paragraph(d.force.state === 'in_force' ? italic(status) : bold(`⚠️ ${status}`)), ...(chain.length > 0 ? [paragraph(chain.join('\n'))] : [])];
}

function outlineLine(s: { label: string; heading: string; level: number }): string {
  const indent = '   '.repeat(Math.max(0, s.level - 1));
  if (s.label === '') return 'Phần mở đầu (căn cứ ban hành)';
  return `${indent}${s.label}${s.heading ? ` ${s.heading}` : ''}`;
}

/** Outline lines for sections, one per line (shared with the admin's draft review). */
export function outlineText(sections: Array<{ label: string; heading: string; level: number }>): string {
  return sections.map(outlineLine).join('\n');
}

/** `/xem <văn bản>`: the document's heading, whether it is in force and its chain, and its section tree. */
export function renderOutline(d: StoredDocument, sections: StoredSection[]): string[] {
  const example = sections.find((s) => s.label !== '')?.label ?? 'I';
  return toHtmlMessages([
    paragraph(bold(documentLine(d))),
    ...(d.number && d.title ? [paragraph(italic(d.title))] : []), // without a number the title is already in the name
    ...forceParagraphs(d),
    paragraph(sections.length > 0 ? outlineText(sections) : '(Văn bản chưa có mục nào.)'),
    paragraph(italic('Xem một mục: '), code(`/xem ${documentRef(d)} ${example}`)),
  ]);
}

/** `/xem <văn bản> <mục>` or the "open section" button: the full section text, split at paragraphs. */
export function renderSection(d: StoredDocument, s: StoredSection): string[] {
  const body = s.fullText.trim() === '' ? s.body : s.fullText;
  const paragraphs = body.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return toHtmlMessages([
    paragraph(bold(`${documentName(d)} – ${sectionName({ section: s.label, heading: s.heading })}`)),
    ...(paragraphs.length > 0 ? paragraphs.map((p) => paragraph(p)) : [paragraph(italic('(Mục này không có nội dung riêng; xem các mục con trong dàn ý.)'))]),
    citationBlock(sectionCitation(d, s)),
  ]);
}

/** `/nam <năm>`: the documents of a year, or a clear "none" with the years that do have documents. */
export function renderYear(year: number, result: { documents: StoredDocument[]; years: number[] }): string[] {
  if (result.documents.length === 0) {
    const available = result.years.length > 0 ? `; có: ${[...result.years].sort((a, b) => a - b).join(', ')}` : '';
    return toHtmlMessages([paragraph(`Chưa có văn bản năm ${year} trong kho${available}.`)]);
  }
  return toHtmlMessages([
    paragraph(bold(`Năm ${year} có ${result.documents.length} văn bản:`)),
    ...result.documents.map(documentBlock),
  ]);
}
