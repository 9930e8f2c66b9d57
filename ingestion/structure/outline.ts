/**
 * Builds the section tree of a directive's body from its lines, and gives every section its citation label.
 *
 * The tree is a stack of open headings. Each kind has a rank (smaller = outer): `Phần` and `Phụ lục` 0,
 * `Chương` 1, `Mục` 2, `Điều` 3, Roman and lettered parts 4–5, `1.` 6, `1.1.` 7, `a)` 8; a new heading closes
 * every open heading of its rank or deeper. Roman and lettered parts take ranks 4 and 5 in the order they first
 * appear inside their enclosing part (`A.` › `I.` or `I.` › `A.`). A composite `1.2.` hangs under the open `1.1`
 * whose number prefixes it, else under the open `1.` with its first number, else beside it.
 *
 * Labels (the citation contract): heading numbers from the top joined by `.` (`II.1.1.1`, `Phần I.II.1`,
 * `A.1.a`, `Phụ lục.3`). `Chương` and `Mục` are outline sections of their own (`Chương II`, `Chương II.Mục 1`)
 * but never enter a label: their children are numbered under what encloses the chapter (`Phần thứ hai` ›
 * `Chương I` › `1.1.` is `Phần II.1.1`); articles ignore `Phần` too: article numbers are unique in a document,
 * so `Điều 5`, its khoản `Điều 5.2`, its điểm `Điều 5.2.a` (or `Điều 5.a` right under the article).
 */
import type { ParsedSection } from '../../src/core/types.ts';
import { cutAtWord, HEADING_CUT, numberedShape } from './heading-text.ts';
import { asCapital, CAPITAL_ORDER, GROUPING_KINDS, headingMarker, type HeadingMarker, type MarkerKind } from './markers.ts';
import { isHeaderRow, tableRow } from './table.ts';
import { type AttachedText, isRuleLine, qualifyLabels } from './attached.ts';

/** `attached`: a text issued with the document after its signature (attached.ts); its children are cited without it. */
type NodeKind = MarkerKind | 'row' | 'attached';

interface Node {
  kind: NodeKind;
  part: string;
  rank: number;
  section: ParsedSection;
  lines: string[];
  /** 0 for the document's own text, n for the n-th attached text. */
  segment: number;
  /** Which of Roman and lettered parts came first inside this node (for nodes that enclose parts). */
  partOrder?: 'roman' | 'capital';
  /** The node this one opened under (none for the root). */
  parent?: Node;
}

const FIXED_RANK: Partial<Record<NodeKind, number>> = {
  attached: 0,
  part: 0,
  appendix: 0,
  chapter: 1,
  group: 2,
  article: 3,
  arabic: 6,
  composite: 7,
  letter: 8,
};

/** Kinds whose sections appear in the outline under a title line of their own (`Chương I` / `QUY ĐỊNH CHUNG`). */
const TITLED_KINDS: ReadonlySet<NodeKind> = new Set(['part', 'chapter', 'group', 'appendix']);

class OutlineBuilder {
  private readonly root: Node;
  private readonly stack: Node[] = [];
  readonly nodes: Node[];
  private segment = 0;

  constructor(private readonly lawShaped: boolean) {
    const section: ParsedSection = { label: '', heading: '', headingLine: '', level: 0, order: 0, parentLabel: null, body: '' };
    this.root = { kind: 'part', part: '', rank: -1, section, lines: [], segment: 0 };
    this.nodes = [this.root];
  }

  private top(): Node {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  /** The innermost open node that encloses Roman and lettered parts (a part, appendix, chapter or article). */
  private scope(): Node {
    for (let i = this.stack.length - 1; i >= 0; i -= 1) if ((this.stack[i] as Node).rank <= 3) return this.stack[i] as Node;
    return this.root;
  }

  private popWhile(test: (node: Node) => boolean): void {
    while (this.stack.length > 0 && test(this.top())) this.stack.pop();
  }

  /** `I.` right after `H.` (or `V.` after `U.`) continues the lettered parts. */
  private reread(marker: HeadingMarker, line: string): HeadingMarker {
    if (marker.kind !== 'roman' || marker.part.length !== 1) return marker;
    const previous = [...this.stack].reverse().find((n) => n.kind === 'capital');
    const index = CAPITAL_ORDER.indexOf(marker.part);
    return previous && index > 0 && CAPITAL_ORDER[index - 1] === previous.part ? (asCapital(line) ?? marker) : marker;
  }

  private partRank(kind: 'roman' | 'capital'): number {
    const scope = this.scope();
    scope.partOrder ??= kind;
    return scope.partOrder === kind ? 4 : 5;
  }

  /** Closes what the new heading ends and returns its parent. */
  private parentFor(kind: NodeKind, part: string, rank: number): Node {
    if (kind === 'row') {
      this.popWhile((n) => n.kind !== 'appendix');
      return this.top();
    }
    if (kind !== 'composite') {
      this.popWhile((n) => n.rank >= rank);
      return this.top();
    }
    this.popWhile((n) => n.rank > rank || (n.kind === 'composite' && !part.startsWith(`${n.part}.`)));
    const top = this.top();
    if (top.kind === 'arabic' && top.part !== part.split('.')[0]) this.stack.pop();
    return this.top();
  }

  private labelFor(kind: NodeKind, part: string, parent: Node): string {
    // Articles printed in an appendix (a Quy định after `PHỤ LỤC`) restart their numbers: the appendix qualifies them.
    const appendix = this.stack.find((n) => n.kind === 'appendix');
    if (kind === 'article' && appendix) return `${appendix.section.label}.${part}`;
    if (kind === 'article' || kind === 'chapter' || kind === 'part' || kind === 'appendix' || kind === 'attached') return part;
    const base = this.labelBase(parent);
    return base ? `${base}.${part}` : part;
  }

  /**
   * The label a child extends. Chapters and groups are skipped: their children are cited as children of what
   * encloses the chapter (`Phần thứ hai` › `Chương I` › `1.1.` is `Phần II.1.1`, as the contract's labeller reads it).
   */
  private labelBase(node: Node): string {
    if (node.kind === 'attached') return '';
    if (GROUPING_KINDS.has(node.kind as MarkerKind)) return node.parent ? this.labelBase(node.parent) : '';
    return node.section.label;
  }

  open(kind: NodeKind, part: string, rank: number, text: { heading: string; headingLine: string; firstBody: string | null }): void {
    const parent = this.parentFor(kind, part, rank);
    const label = kind === 'group' && parent.kind === 'chapter' ? `${parent.section.label}.${part}` : this.labelFor(kind, part, parent);
    const section: ParsedSection = {
      label,
      heading: text.heading,
      headingLine: text.headingLine,
      level: parent.section.level + 1,
      order: 0,
      parentLabel: parent === this.root ? null : parent.section.label,
      body: '',
    };
    const node: Node = { kind, part, rank, section, lines: text.firstBody === null ? [] : [text.firstBody], segment: this.segment, parent };
    this.stack.push(node);
    this.nodes.push(node);
  }

  heading(line: string, found: HeadingMarker): boolean {
    const marker = this.reread(found, line);
    if (marker.kind === 'group' && !this.lawShaped) return false;
    const rank = marker.kind === 'roman' || marker.kind === 'capital' ? this.partRank(marker.kind) : (FIXED_RANK[marker.kind] as number);
    const plain = marker.kind === 'article' || TITLED_KINDS.has(marker.kind) || marker.kind === 'roman' || marker.kind === 'capital';
    const shape = plain && marker.rest === '' ? { heading: '', firstBody: null } : plain ? titleShape(marker) : numberedShape(marker.rest);
    this.open(marker.kind, marker.part, rank, { ...shape, headingLine: line });
    return true;
  }

  /** A text issued with this one starts: everything open closes, and its sections form a segment of their own. */
  attach(line: string, text: AttachedText): void {
    this.segment += 1;
    this.open('attached', text.type, FIXED_RANK.attached as number, { heading: text.heading, headingLine: line, firstBody: null });
  }

  row(line: string): boolean {
    if (!this.stack.some((n) => n.kind === 'appendix')) return false;
    const row = tableRow(line);
    if (!row) return false;
    const heading = cutAtWord(row.cells.find((cell) => cell !== '') ?? '', HEADING_CUT);
    this.open('row', row.number, 1, { heading, headingLine: line, firstBody: line });
    return true;
  }

  body(line: string): void {
    const node = this.top();
    if (node.kind === 'attached' && isRuleLine(line)) return;
    // A part or chapter title on the line after `Chương I` / `PHỤ LỤC` is its heading (the line stays in the body).
    if (TITLED_KINDS.has(node.kind) && node.section.heading === '' && node.lines.length === 0 && isTitleLine(line)) {
      node.section.heading = line;
    }
    node.lines.push(line);
  }
}

/** Heading text of a part, chapter, article or lettered part: its title without the final full stop. */
function titleShape(marker: HeadingMarker): { heading: string; firstBody: string | null } {
  if (marker.kind === 'article') return numberedShape(marker.rest);
  // Roman headings keep their text exactly (the bundled documents' headings are pinned that way).
  return { heading: marker.kind === 'roman' ? marker.rest : marker.rest.replace(/\s*[:.]$/u, ''), firstBody: null };
}

function isTitleLine(line: string): boolean {
  return /\p{Lu}/u.test(line) && line === line.toUpperCase() && line.length <= 200 && !isHeaderRow(line);
}

/**
 * Builds the sections of a body (the lines between the title block and the closing block, plus any appendix).
 * `quoted[i]` marks lines inside quoted amendment text, which never open a section. Bodies are the sections' own
 * lines (up to the next heading of any level), joined with a blank line; the opening part before the first
 * heading has the empty label and is left out when it is empty. `texts.attached` marks the title lines of texts
 * issued with this one (attached.ts), whose labels are made unique against the document's own (`texts.type`).
 */
export function buildSections(
  lines: string[],
  quoted: boolean[],
  texts: { type: string | null; attached: Map<number, AttachedText> } = { type: null, attached: new Map() },
): ParsedSection[] {
  const lawShaped = lines.some((line, i) => !quoted[i] && headingMarker(line)?.kind === 'article');
  const builder = new OutlineBuilder(lawShaped);
  lines.forEach((line, i) => {
    if (!line) return;
    const attached = texts.attached.get(i);
    if (attached) return builder.attach(line, attached);
    const marker = quoted[i] ? null : headingMarker(line);
    if (marker && builder.heading(line, marker)) return;
    if (!quoted[i] && builder.row(line)) return;
    builder.body(line);
  });
  const [opening, ...rest] = builder.nodes;
  const kept = (opening as Node).lines.length > 0 || rest.length === 0 ? builder.nodes : rest;
  const sections = kept.map((node, order) => ({ ...node.section, order, body: node.lines.join('\n\n') }));
  if (texts.attached.size === 0) return sections;
  const segments = [{ prefix: texts.type ?? 'Văn bản', promulgated: false }, ...[...texts.attached.values()].map((t) => ({ prefix: t.type, promulgated: t.promulgated }))];
  return qualifyLabels(sections, kept.map((node) => node.segment), segments);
}
