/**
 * Who signed a document and whom it was sent to stand in its closing block (`Nơi nhận:` and the signature,
 * `T/M BAN THƯỜNG VỤ` / `BÍ THƯ` / name), after its last section. The block is no section of its own: the citation
 * contract gives it no label, and a reader finds it at the end of the last section, so that is the section it is
 * cited with (the labeller the evaluation uses reads it the same way), quoted line by line as written.
 */
import { DOCUMENT_TYPES, type OutlineEntry } from '../core/types.ts';
import { findClosingStart, findTitleEnd, typeOfTitleLine } from '../../ingestion/structure/blocks.ts';
import { headingMarker } from '../../ingestion/structure/markers.ts';

/** What the citation of the closing block is headed: it is no part of the section it is cited with. */
export const CLOSING_HEADING = 'Nơi nhận và chữ ký, cuối văn bản';

/** Lines of the closing block, at most this many: a text issued with the document may follow it. */
const MOST_LINES = 30;

/**
 * The closing block of a document's text as uploaded, its non-blank lines joined by ` … ` (each one verbatim), or
 * null when the text has none. It ends at an appendix, a text issued with the document, or a heading.
 */
export function closingQuote(source: string): string | null {
  const lines = source.split('\n').map((l) => l.replace(/\*\*/g, '').trim());
  const start = findClosingStart(lines, findTitleEnd(lines));
  if (start >= lines.length) return null;
  const kept: string[] = [];
  for (let i = start; i < lines.length && kept.length < MOST_LINES; i += 1) {
    const line = lines[i] as string;
    if (i > start && (typeOfTitleLine(line) !== null || headingMarker(line) !== null)) break;
    if (line !== '') kept.push(line.replace(/\s+/g, ' '));
  }
  return kept.length > 0 ? kept.join(' … ') : null;
}

/**
 * The last section of the body, after which the closing block stands: not a part of an appendix or of a text issued
 * with the document (`Phụ lục`, `Quy chế`), which come after the signature; the opening when nothing is numbered.
 */
export function lastBodyEntry(outline: OutlineEntry[]): OutlineEntry | null {
  const ordered = [...outline].sort((a, b) => a.order - b.order);
  const parentOf = new Map(ordered.map((e) => [e.label, e.parentLabel]));
  // Under a text issued with the document (`Quy chế` › `Chương I` › `Điều 1`), or that text itself.
  const attached = (e: OutlineEntry): boolean => {
    for (let p: string | null | undefined = e.label; p; p = parentOf.get(p)) if (isTypeName(p)) return true;
    return false;
  };
  // A text of no numbered parts (a hỏi–đáp) is its opening: the block follows that.
  let last: OutlineEntry | null = ordered.find((e) => e.label === '') ?? null;
  for (const e of ordered) {
    if (/^Phụ lục/u.test(e.label) || attached(e)) break;
    if (e.label !== '') last = e;
  }
  return last;
}

function isTypeName(label: string): boolean {
  return (DOCUMENT_TYPES as readonly string[]).includes(label);
}
