/**
 * Structure-aware chunking: the unit of search is a piece of one section, never more. A long section body
 * is split at paragraph (bullet) boundaries, then at sentences, then at clauses (`;`), then at words, and
 * the pieces are packed greedily up to `maxChars`. Every chunk is a verbatim slice of its section body, so
 * a quote taken from a chunk is a quote from the directive.
 */
import type { ChunkDraft, ParsedDocument, ParsedSection } from '../src/core/types.ts';
import { columnNames, headerIn, rowFields, tableRow } from './structure/table.ts';

/** Options for `chunkSections`. */
export interface ChunkOptions {
  /** Longest chunk text, in characters (default 1000). */
  maxChars?: number;
}

/** Default chunk size: a few bullets, small enough for precise lexical and vector search. */
export const DEFAULT_MAX_CHARS = 1000;

interface Span {
  start: number;
  end: number;
}

/** Boundaries tried in order: paragraphs and bullets, sentences, clauses, words. */
const SPLITTERS: RegExp[] = [/\n+/gu, /(?<=[.!?…])\s+/gu, /(?<=[;:])\s+/gu, /\s+/gu];

/** Splits a span at a separator, dropping the separators and surrounding whitespace. */
function splitAt(body: string, span: Span, separator: RegExp): Span[] {
  const parts: Span[] = [];
  let start = span.start;
  const text = body.slice(span.start, span.end);
  for (const m of text.matchAll(separator)) {
    const at = span.start + (m.index ?? 0);
    if (at > start) parts.push({ start, end: at });
    start = at + m[0].length;
  }
  if (start < span.end) parts.push({ start, end: span.end });
  return parts;
}

/** Cuts a span that has no separator left into pieces of at most `max` characters. */
function hardCut(span: Span, max: number): Span[] {
  const parts: Span[] = [];
  for (let start = span.start; start < span.end; start += max) parts.push({ start, end: Math.min(span.end, start + max) });
  return parts;
}

/** Merges neighbouring spans while the merged slice stays within `max`. */
function pack(parts: Span[], max: number): Span[] {
  const packed: Span[] = [];
  for (const part of parts) {
    const last = packed[packed.length - 1];
    if (last && part.end - last.start <= max) last.end = part.end;
    else packed.push({ ...part });
  }
  return packed;
}

function pieces(body: string, span: Span, max: number, level: number): Span[] {
  if (span.end - span.start <= max) return [span];
  for (let next = level; next < SPLITTERS.length; next += 1) {
    const parts = splitAt(body, span, SPLITTERS[next] as RegExp);
    if (parts.length > 1) return pack(parts.flatMap((part) => pieces(body, part, max, next + 1)), max);
  }
  return hardCut(span, max);
}

/** Splits one section body into verbatim slices of at most `maxChars` characters. */
export function splitBody(body: string, maxChars: number = DEFAULT_MAX_CHARS): string[] {
  const trimmed = { start: body.length - body.trimStart().length, end: body.trimEnd().length };
  if (trimmed.end <= trimmed.start) return [];
  return pieces(body, trimmed, Math.max(1, maxChars), 0).map((s) => body.slice(s.start, s.end));
}

/** Heading lines from the top part down to the section itself: `II - NỘI DUNG … > 1. Nội dung …`. */
function headingPath(section: ParsedSection, byLabel: Map<string, ParsedSection>): string {
  const path: string[] = [];
  for (let s: ParsedSection | undefined = section; s; s = s.parentLabel === null ? undefined : byLabel.get(s.parentLabel)) {
    if (s.headingLine) path.unshift(s.headingLine);
  }
  return path.join(' > ');
}

/**
 * An appendix table row as search text with its column names (`Nội dung công việc: …; Cơ quan chủ trì: …;
 * Thời gian hoàn thành: …`), so "ai chủ trì việc X, hạn khi nào?" meets the row; null for any other section.
 */
function rowSearchText(section: ParsedSection, byLabel: Map<string, ParsedSection>): string | null {
  const parent = section.parentLabel === null ? undefined : byLabel.get(section.parentLabel);
  if (!parent || !parent.label.startsWith('Phụ lục')) return null;
  const row = tableRow(section.body.trim());
  const header = headerIn(parent.body);
  return row && header ? rowFields(row, columnNames(header)) : null;
}

/**
 * Chunks a parsed document. A chunk never crosses a section; a section with an empty body (a pure heading)
 * gets one chunk holding its heading line. `searchText` = type, number and title, then the heading path,
 * then the chunk text, one per line, so lexical and vector search see where the text stands. An appendix
 * table row is one chunk (its verbatim row line) searched by its cells under their column names.
 */
export function chunkSections(doc: Pick<ParsedDocument, 'metadata' | 'sections'>, opts: ChunkOptions = {}): ChunkDraft[] {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const { type, number, title } = doc.metadata;
  const header = [type, number, title].filter(Boolean).join(' ');
  const byLabel = new Map(doc.sections.map((s) => [s.label, s]));
  const chunks: ChunkDraft[] = [];
  for (const section of doc.sections) {
    const row = rowSearchText(section, byLabel);
    if (row !== null) {
      const appendix = byLabel.get(section.parentLabel as string) as ParsedSection;
      const parentPath = [headingPath(appendix, byLabel), appendix.heading].filter(Boolean).join(' ');
      chunks.push({ sectionOrder: section.order, order: 0, text: section.body.trim(), searchText: [header, parentPath, row].filter(Boolean).join('\n') });
      continue;
    }
    const texts = splitBody(section.body, maxChars);
    if (texts.length === 0 && section.headingLine) texts.push(section.headingLine);
    const path = headingPath(section, byLabel);
    texts.forEach((text, order) => {
      const searchText = [header, path, text].filter(Boolean).join('\n');
      chunks.push({ sectionOrder: section.order, order, text, searchText });
    });
  }
  return chunks;
}
