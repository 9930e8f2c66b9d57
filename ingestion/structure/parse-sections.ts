/**
 * Repaired text → title block, section tree, closing block. See outline.ts for the tree and its labels,
 * blocks.ts for the title and closing blocks.
 */
import type { ParsedSection } from '../../src/core/types.ts';
import { findClosingEnd, findClosingStart, findTitleEnd } from './blocks.ts';
import { buildSections } from './outline.ts';
import { quotedLines } from './quoted.ts';

/** What `parseSections` returns: the tree plus the two blocks that belong to no section. */
export interface SectionParse {
  sections: ParsedSection[];
  /** Recipients, signature block and the final wrap-up sentence. */
  closing: string;
  /** Header lines, number, type line and trích yếu. */
  titleBlock: string;
}

/**
 * Splits repaired text into the title block, the section tree and the closing block. `body` of each section
 * is its own text only (up to the next heading of any level), paragraphs separated by a blank line, every
 * paragraph verbatim from the text. An appendix after the signature is parsed as sections again. A text
 * without headings is one opening section.
 */
export function parseSections(text: string): SectionParse {
  const lines = text.split('\n').map((line) => line.trim());
  const titleEnd = findTitleEnd(lines);
  const closingStart = findClosingStart(lines, titleEnd);
  const closingEnd = findClosingEnd(lines, closingStart);
  const body = [...lines.slice(titleEnd, closingStart), ...lines.slice(closingEnd)];
  const sections = buildSections(body, quotedLines(body));
  const hasContent = sections.some((s) => s.label !== '' || s.body !== '');
  return {
    sections: hasContent ? sections : [],
    closing: lines.slice(closingStart, closingEnd).join('\n').trim(),
    titleBlock: lines.slice(0, titleEnd).join('\n').trim(),
  };
}
