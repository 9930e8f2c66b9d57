/**
 * The section tree of a repaired directive: title block, opening part, numbered sections, closing block.
 *
 * Labels follow the citation contract of the brief: heading numbers from the top joined by `.` (`II`,
 * `II.1`, `II.1.1.1` for `1.1.` under `II` › `1.`, `IV.2.a`). The opening part before the first heading has
 * the empty label. Bullets (`-`, `+`) and inline enumerations (`(1) …`) are body text, never sections.
 */
import { DOCUMENT_TYPES, type DocumentType, type ParsedSection } from '../src/core/types.ts';

/** The numbering style of a heading line. */
export type MarkerKind = 'roman' | 'arabic' | 'composite' | 'letter';

/** A heading line taken apart: its kind, its label part (`II`, `1`, `1.1`, `a`) and the text after it. */
export interface HeadingMarker {
  kind: MarkerKind;
  part: string;
  rest: string;
}

/** What `parseSections` returns: the tree plus the two blocks that belong to no section. */
export interface SectionParse {
  sections: ParsedSection[];
  /** Recipients, signature block and the final wrap-up sentence. */
  closing: string;
  /** Header lines, number, type line and trích yếu. */
  titleBlock: string;
}

const ROMAN = /^([IVXL]+)\s*[.\-–—)]\s*(\p{Lu}.*)$/u;
const VALID_ROMAN = /^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const COMPOSITE = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\p{L}.*)$/u;
// `1.` may touch its text; `1-` and `1)` need a space so that `05-CTr/TU` is never a heading.
const ARABIC = /^(\d{1,2})(?:\.\s*|\s*[-–)]\s+)(\p{L}.*)$/u;
const LETTER = /^([a-zđ])\)\s*(\p{L}.*)$/u;
const LEAD = /^([^:]{2,80}):\s+(\S.*)$/u;
const OPENING = /^(Thực hiện|Căn cứ)(?!\p{L})/u;
const CLOSING = /^(?:(?:Nơi nhận|Gửi bản điện tử)(?!\p{L})|(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.)\s*\p{Lu})/u;
const WRAP_UP = /^Trên đây(?!\p{L})/u;
const RULE_LINE = /^[-–—_*=.\s]+$/u;

/** Longest heading text kept for a numbered paragraph that has no lead of its own. */
export const HEADING_CUT = 80;
/** A numbered line longer than this is a paragraph even without final punctuation. */
const LONG_PARAGRAPH = 250;

/** Reads a heading marker (`II -`, `1.`, `1.1.`, `a)`) at the start of a line; null for body lines. */
export function headingMarker(line: string): HeadingMarker | null {
  const roman = ROMAN.exec(line);
  if (roman && VALID_ROMAN.test(roman[1] as string)) return { kind: 'roman', part: roman[1] as string, rest: roman[2] as string };
  const composite = COMPOSITE.exec(line);
  if (composite) return { kind: 'composite', part: composite[1] as string, rest: composite[2] as string };
  const arabic = ARABIC.exec(line);
  if (arabic) return { kind: 'arabic', part: arabic[1] as string, rest: arabic[2] as string };
  const letter = LETTER.exec(line);
  if (letter) return { kind: 'letter', part: letter[1] as string, rest: letter[2] as string };
  return null;
}

/** Cuts a text at a word boundary to at most `max` characters, marking the cut with `…`. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return `${(space > 0 ? head.slice(0, space) : head.slice(0, max - 1)).replace(/[\s,;:.]+$/u, '')}…`;
}

/**
 * How a numbered line reads: a short heading (body follows on later lines), a paragraph with a lead
 * (`Ban Tổ chức Huyện uỷ: Theo dõi…` → heading = lead, body starts after the colon), or a long paragraph
 * (heading = its first words, body = the whole paragraph).
 */
export function numberedShape(rest: string): { heading: string; firstBody: string | null } {
  const lead = LEAD.exec(rest);
  if (lead && !/[.;!?]\s/u.test(lead[1] as string)) return { heading: (lead[1] as string).trim(), firstBody: lead[2] as string };
  const endsSentence = /[.;!?…]$/u.test(rest);
  if (rest.length > LONG_PARAGRAPH || (endsSentence && rest.length > HEADING_CUT)) {
    return { heading: cutAtWord(rest, HEADING_CUT), firstBody: rest };
  }
  return { heading: rest.replace(/\s*[:.]$/u, ''), firstBody: null };
}

/** True for a line that is only a heading: a Roman part or a short numbered line. */
export function isHeadingLine(line: string): boolean {
  const marker = headingMarker(line);
  if (!marker) return false;
  return marker.kind === 'roman' || numberedShape(marker.rest).firstBody === null;
}

/** True for the opening sentence of a directive (`Thực hiện …`, `Căn cứ …`). */
export function isOpeningLine(line: string): boolean {
  return OPENING.test(line);
}

/** True for the first line of the closing block (`Nơi nhận:`, `Gửi bản điện tử:`, `T/M …`, `K/T …`). */
export function isClosingLine(line: string): boolean {
  return CLOSING.test(line);
}

/** The document type named by a capitalised title line (`KẾ HOẠCH` → Kế hoạch); null otherwise. */
export function typeOfTitleLine(line: string): DocumentType | null {
  if (!/\p{Lu}/u.test(line) || line !== line.toUpperCase()) return null;
  for (const type of DOCUMENT_TYPES) {
    const upper = type.toUpperCase();
    if (line.startsWith(upper) && !/^\p{L}/u.test(line.slice(upper.length))) return type;
  }
  return null;
}

function firstIndex(lines: string[], from: number, test: (line: string) => boolean): number {
  for (let i = from; i < lines.length; i += 1) if (test(lines[i] as string)) return i;
  return lines.length;
}

/** End (exclusive) of the trích yếu paragraph after the type line, or the line after the type line. */
function endOfAbstract(lines: string[], start: number, limit: number): number {
  let i = start;
  while (i < limit && !lines[i]) i += 1;
  let j = i;
  while (j < limit && lines[j] && !(j > i && isOpeningLine(lines[j] as string))) j += 1;
  const paragraph = lines.slice(i, j).join(' ');
  if (i >= limit || paragraph.endsWith(':') || paragraph.length > 300) return start;
  let end = j;
  for (let k = j; k < limit && (!lines[k] || RULE_LINE.test(lines[k] as string)); k += 1) {
    if (lines[k]) end = k + 1;
  }
  return end;
}

/** End (exclusive) of the header and title block. */
function findTitleEnd(lines: string[]): number {
  const limit = firstIndex(lines, 0, (l) => headingMarker(l) !== null);
  const typeLine = firstIndex(lines, 0, (l) => typeOfTitleLine(l) !== null);
  if (typeLine < limit) return endOfAbstract(lines, typeLine + 1, limit);
  const opening = firstIndex(lines, 0, isOpeningLine);
  return opening < limit ? opening : 0;
}

/** Start of the closing block, including a final `Trên đây là …` wrap-up paragraph. */
function findClosingStart(lines: string[], from: number): number {
  const marker = firstIndex(lines, from, isClosingLine);
  let previous = marker - 1;
  while (previous >= from && !lines[previous]) previous -= 1;
  return previous >= from && WRAP_UP.test(lines[previous] as string) ? previous : marker;
}

interface Draft {
  section: ParsedSection;
  lines: string[];
}

interface Context {
  roman: Draft | null;
  arabic: Draft | null;
  arabicPart: string;
  /** Open composite headings, outermost first (`1.1` then `1.1.1`). */
  composites: Array<{ part: string; draft: Draft }>;
}

function parentOf(marker: HeadingMarker, ctx: Context): Draft | null {
  switch (marker.kind) {
    case 'roman':
      return null;
    case 'arabic':
      return ctx.roman;
    case 'composite': {
      const outer = ctx.composites.filter((c) => marker.part.startsWith(`${c.part}.`)).pop();
      if (outer) return outer.draft;
      return ctx.arabic && marker.part.split('.')[0] === ctx.arabicPart ? ctx.arabic : ctx.roman;
    }
    case 'letter':
      return ctx.composites[ctx.composites.length - 1]?.draft ?? ctx.arabic ?? ctx.roman;
  }
}

function remember(marker: HeadingMarker, draft: Draft, ctx: Context): void {
  if (marker.kind === 'roman') Object.assign(ctx, { roman: draft, arabic: null, arabicPart: '', composites: [] });
  if (marker.kind === 'arabic') Object.assign(ctx, { arabic: draft, arabicPart: marker.part, composites: [] });
  if (marker.kind === 'composite') {
    ctx.composites = ctx.composites.filter((c) => marker.part.startsWith(`${c.part}.`));
    ctx.composites.push({ part: marker.part, draft });
  }
}

function openDraft(line: string, marker: HeadingMarker, parent: Draft | null): Draft {
  const shape = marker.kind === 'roman' ? { heading: marker.rest, firstBody: null } : numberedShape(marker.rest);
  const parentSection = parent?.section ?? null;
  const section: ParsedSection = {
    label: parentSection ? `${parentSection.label}.${marker.part}` : marker.part,
    heading: shape.heading,
    headingLine: line,
    level: (parentSection?.level ?? 0) + 1,
    order: 0,
    parentLabel: parentSection?.label ?? null,
    body: '',
  };
  return { section, lines: shape.firstBody === null ? [] : [shape.firstBody] };
}

function buildTree(lines: string[]): ParsedSection[] {
  const opening: Draft = {
    section: { label: '', heading: '', headingLine: '', level: 0, order: 0, parentLabel: null, body: '' },
    lines: [],
  };
  const drafts: Draft[] = [opening];
  const ctx: Context = { roman: null, arabic: null, arabicPart: '', composites: [] };
  for (const line of lines) {
    if (!line) continue;
    const marker = headingMarker(line);
    if (!marker) {
      (drafts[drafts.length - 1] as Draft).lines.push(line);
      continue;
    }
    const draft = openDraft(line, marker, parentOf(marker, ctx));
    remember(marker, draft, ctx);
    drafts.push(draft);
  }
  const kept = opening.lines.length > 0 || drafts.length === 1 ? drafts : drafts.slice(1);
  return kept.map((d, order) => ({ ...d.section, order, body: d.lines.join('\n\n') }));
}

/**
 * Splits repaired text into the title block, the section tree and the closing block. `body` of each section
 * is its own text only (up to the next heading of any level), paragraphs separated by a blank line, every
 * paragraph verbatim from the text. A text without headings is one opening section.
 */
export function parseSections(text: string): SectionParse {
  const lines = text.split('\n').map((line) => line.trim());
  const titleEnd = findTitleEnd(lines);
  const closingStart = findClosingStart(lines, titleEnd);
  const sections = buildTree(lines.slice(titleEnd, closingStart));
  const hasContent = sections.some((s) => s.label !== '' || s.body !== '');
  return {
    sections: hasContent ? sections : [],
    closing: lines.slice(closingStart).join('\n').trim(),
    titleBlock: lines.slice(0, titleEnd).join('\n').trim(),
  };
}
