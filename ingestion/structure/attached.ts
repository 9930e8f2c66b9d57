/**
 * A text issued with the document and printed after its signature: the `QUY CHẾ` a Quyết định promulgates
 * ("Ban hành kèm theo Quyết định này Quy chế …"), the `ĐỀ CƯƠNG` a Kế hoạch sends along. Its title line names a
 * document type in capitals, and one of the next few lines says it goes with the other one: `(Ban hành kèm theo
 * Quyết định số 112-QĐ/TU …)`, `(Kèm theo Kế hoạch số 12-KH/ĐU …)`.
 *
 * Such a text has its own numbering, which restarts (`Điều 1` again). A promulgated text is what people read and
 * cite (`Điều 11 khoản 2` of the Quy chế), so its sections keep the plain labels and the promulgating decision's
 * few articles are the ones qualified when they clash (`Quyết định.Điều 2`). An accompanying text is qualified by
 * its type instead (`Đề cương.I.1`), the way an appendix is (`Phụ lục.3`).
 */
import { DOCUMENT_TYPES, type DocumentType, type ParsedSection } from '../../src/core/types.ts';
import { typeOfTitleLine } from './blocks.ts';
import { headingMarker } from './markers.ts';

export interface AttachedText {
  type: DocumentType;
  /** "Ban hành kèm theo": the text is the substance and keeps plain labels. */
  promulgated: boolean;
  /** `Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh …`: type and trích yếu. */
  heading: string;
}

/** Lines after the title line that may hold the "kèm theo" note (trích yếu lines come first). */
const NOTE_WITHIN = 6;
const WITH = /(?<!\p{L})kèm theo(?!\p{L})/iu;
const PROMULGATED = /(?<!\p{L})ban hành kèm theo(?!\p{L})/iu;
const RULE_LINE = /^[-–—_*=.\s]+$/u;

/** The attached text whose title stands on line `i`, or null. */
export function attachedTextAt(lines: string[], i: number): AttachedText | null {
  const line = lines[i] as string;
  const type = typeOfTitleLine(line);
  if (type === null) return null;
  const abstract: string[] = [];
  let seen = 0;
  for (let j = i + 1; j < lines.length && seen < NOTE_WITHIN; j += 1) {
    const next = lines[j] as string;
    if (!next) continue;
    seen += 1;
    if (WITH.test(next)) {
      const rest = line.slice(type.length).trim().toLocaleLowerCase('vi');
      const heading = [type, rest, ...abstract].filter(Boolean).join(' ').replace(/\s+/gu, ' ');
      return { type, promulgated: PROMULGATED.test(next), heading };
    }
    if (headingMarker(next) !== null || RULE_LINE.test(next) || next.startsWith('(')) return null;
    abstract.push(next);
  }
  return null;
}

/** True for a label qualified by the text it belongs to (`Quyết định.Điều 2`, `Đề cương.I.1`). */
export function isQualifiedLabel(label: string): boolean {
  const dot = label.indexOf('.');
  return dot > 0 && (DOCUMENT_TYPES as readonly string[]).includes(label.slice(0, dot));
}

/** True for a rule line (`-----`, `***`) between an attached text's title and its first heading. */
export function isRuleLine(line: string): boolean {
  return RULE_LINE.test(line);
}

/**
 * Makes labels unique across the main text and its attached texts. `segments[k]` is the index of the text
 * section k belongs to (0 = the main text, n = the n-th attached text); `prefixes[n]` is how that text is
 * named in a label. The first promulgated text (else the main text) keeps its labels; any other text whose
 * labels clash with those already taken has all of its labels qualified with its prefix.
 */
export function qualifyLabels(sections: ParsedSection[], segments: number[], texts: Array<{ prefix: string; promulgated: boolean }>): ParsedSection[] {
  const primary = Math.max(0, texts.findIndex((t, n) => n > 0 && t.promulgated));
  const order = [primary, ...texts.map((_, n) => n).filter((n) => n !== primary)];
  const taken = new Set<string>();
  const renamed = new Map<number, Map<string, string>>();
  for (const n of order) {
    const own = sections.filter((s, k) => segments[k] === n && s.label !== '' && !isTextNode(s, n, texts));
    const prefix = texts[n]?.prefix ?? 'Văn bản';
    const clash = n !== primary && own.some((s) => taken.has(s.label));
    const names = new Map(own.map((s) => [s.label, clash && !s.label.startsWith(`${prefix}.`) ? `${prefix}.${s.label}` : s.label]));
    renamed.set(n, names);
    for (const name of names.values()) taken.add(name);
  }
  return sections.map((s, k) => {
    const names = renamed.get(segments[k] as number) as Map<string, string>;
    const label = names.get(s.label) ?? s.label;
    const parentLabel = s.parentLabel === null ? null : (names.get(s.parentLabel) ?? s.parentLabel);
    return label === s.label && parentLabel === s.parentLabel ? s : { ...s, label, parentLabel };
  });
}

/** The attached text's own title section (`Quy chế`), which is named by its type and never qualified. */
function isTextNode(section: ParsedSection, n: number, texts: Array<{ prefix: string }>): boolean {
  return n > 0 && section.label === texts[n]?.prefix && section.parentLabel === null;
}
