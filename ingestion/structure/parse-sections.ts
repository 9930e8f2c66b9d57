/**
 * Repaired text → title block, section tree, closing block. See outline.ts for the tree and its labels,
 * blocks.ts for the title and closing blocks, attached.ts for texts issued with the document after its signature.
 */
import type { ParsedSection } from '../../src/core/types.ts';
import { type AttachedText, attachedTextAt } from './attached.ts';
import { findClosingEnd, findClosingStart, findTitleEnd, typeOfTitleLine } from './blocks.ts';
import { buildSections } from './outline.ts';
import { quotedLines } from './quoted.ts';

/** What `parseSections` returns: the tree plus the two blocks that belong to no section. */
export interface SectionParse {
  sections: ParsedSection[];
  /** Recipients, signature block and the final wrap-up sentence (of the document itself, not of what follows it). */
  closing: string;
  /** Header lines, number, type line and trích yếu. */
  titleBlock: string;
}

/**
 * Splits repaired text into the title block, the section tree and the closing block. `body` of each section
 * is its own text only (up to the next heading of any level), paragraphs separated by a blank line, every
 * paragraph verbatim from the text. An appendix or an attached text after the signature is parsed as sections
 * again, and its own signature block is left out in turn. A text without headings is one opening section.
 */
export function parseSections(text: string): SectionParse {
  const lines = text.split('\n').map((line) => line.trim());
  const titleEnd = findTitleEnd(lines);
  const attachedAt = new Map<number, AttachedText>();
  const startsText = (i: number): boolean => {
    const found = attachedTextAt(lines, i);
    if (found) attachedAt.set(i, found);
    return found !== null;
  };
  const body: string[] = [];
  const attached = new Map<number, AttachedText>();
  let closing: string | null = null;
  for (let from = titleEnd; from < lines.length; ) {
    const closingStart = findClosingStart(lines, from);
    for (let i = from; i < closingStart; i += 1) {
      const text = i === from ? attachedAt.get(i) : undefined;
      if (text) attached.set(body.length, text);
      body.push(lines[i] as string);
    }
    const closingEnd = findClosingEnd(lines, closingStart, startsText);
    closing ??= lines.slice(closingStart, closingEnd).join('\n').trim();
    from = closingEnd;
  }
  const type = lines.slice(0, titleEnd).map(typeOfTitleLine).find((t) => t !== null) ?? null;
  const sections = buildSections(body, quotedLines(body), { type, attached });
  const hasContent = sections.some((s) => s.label !== '' || s.body !== '');
  return {
    sections: hasContent ? sections : [],
    closing: closing ?? '',
    titleBlock: lines.slice(0, titleEnd).join('\n').trim(),
  };
}
