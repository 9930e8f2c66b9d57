/**
 * Text of a mammoth document tree: what mammoth's `extractRawText` gives (paragraphs each followed by a blank
 * line, tabs kept, formatting dropped), except that a table becomes one line per row with its cells separated by
 * ` | ` (the shape of the plain-text tables the section parser reads in an appendix), and a line break inside a
 * paragraph becomes a line end instead of gluing two words together.
 */

/** The part of mammoth's document element this reader uses (mammoth ships no types for its tree). */
export interface DocxElement {
  type: string;
  value?: string;
  breakType?: string;
  children?: DocxElement[];
}

function childrenText(element: DocxElement): string {
  return (element.children ?? []).map(elementText).join('');
}

/** A cell's text on one line: its paragraphs joined by a space, its own `|` kept out of the column grid. */
function cellText(cell: DocxElement): string {
  return childrenText(cell).replace(/\s+/gu, ' ').replace(/\|/gu, '/').trim();
}

function tableText(table: DocxElement): string {
  const rows = (table.children ?? [])
    .filter((row) => row.type === 'tableRow')
    .map((row) => (row.children ?? []).filter((c) => c.type === 'tableCell').map(cellText).join(' | '))
    .filter((row) => row.replace(/[\s|]/gu, '') !== '');
  return rows.length > 0 ? `${rows.join('\n')}\n\n` : '';
}

/** The text of one element and everything inside it. */
export function elementText(element: DocxElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'paragraph':
      return `${childrenText(element)}\n\n`;
    case 'table':
      return tableText(element);
    default:
      return childrenText(element);
  }
}
