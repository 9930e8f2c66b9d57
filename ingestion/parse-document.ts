/**
 * Text → ParsedDocument: repair, section tree, metadata, references, statements of force, admin overrides and the warnings an
 * admin should look at before the document is published.
 */
import { IngestError } from '../src/core/errors.ts';
import type { DocumentMetadata, ParsedDocument, ParsedSection } from '../src/core/types.ts';
import { extractForce } from './force.ts';
import { extractMetadata } from './metadata.ts';
import { extractReferences } from './references.ts';
import { repairText } from './repair.ts';
import { parseSections } from './structure.ts';

/** What the extractor hands over: the file name, its decoded text and the hash of its bytes. */
export interface ParseInput {
  source: string;
  text: string;
  contentHash: string;
  /** Notes from text extraction for the admin review, listed first (`Văn bản từ OCR, độ tin cậy 87%: …`). */
  extractionNotes?: string[];
}

/** Admin overrides win over detection; an overridden year is marked as such. */
function applyOverrides(detected: DocumentMetadata, overrides: Partial<DocumentMetadata>): DocumentMetadata {
  const merged: DocumentMetadata = { ...detected, ...overrides };
  if (overrides.year !== undefined && overrides.yearSource === undefined) {
    merged.yearSource = overrides.year === null ? null : 'override';
  }
  return merged;
}

/** Vietnamese notes for the admin review screen, one per missing piece. */
function warningsFor(metadata: DocumentMetadata, sections: ParsedSection[]): string[] {
  const warnings: string[] = [];
  if (metadata.type === null) warnings.push('Không xác định được loại văn bản');
  if (metadata.number === null) warnings.push('Không có số văn bản');
  if (!metadata.title) warnings.push('Không tìm thấy trích yếu của văn bản');
  if (metadata.issuer === null) warnings.push('Không tìm thấy cơ quan ban hành');
  if (metadata.year === null) warnings.push('Không tìm thấy năm của văn bản');
  if (!sections.some((s) => s.label !== '')) warnings.push('Không tìm thấy đề mục nào');
  const repeated = [...new Set(sections.map((s) => s.label).filter((label, i, all) => all.indexOf(label) !== i))];
  if (repeated.length > 0) warnings.push(`Nhãn mục trùng nhau (kiểm tra dàn ý): ${repeated.slice(0, 5).join(', ')}`);
  return warnings;
}

/**
 * Parses one document. Throws `IngestError` naming the source when nothing readable is left after repair
 * (empty, whitespace only or no letters at all); everything else that is missing becomes a warning.
 */
export function parseDocument(input: ParseInput, overrides: Partial<DocumentMetadata> = {}): ParsedDocument {
  const text = repairText(input.text);
  if (!/\p{L}/u.test(text)) {
    throw new IngestError(input.source, 'văn bản rỗng, không có nội dung đọc được (no readable text)');
  }
  const { sections, closing, titleBlock } = parseSections(text);
  const metadata = applyOverrides(extractMetadata(text, sections, closing, titleBlock, input.source), overrides);
  return {
    source: input.source,
    contentHash: input.contentHash,
    metadata,
    sections,
    references: extractReferences(sections),
    force: extractForce(sections, metadata),
    text,
    sourceText: input.text,
    warnings: [...(input.extractionNotes ?? []), ...warningsFor(metadata, sections)],
  };
}
