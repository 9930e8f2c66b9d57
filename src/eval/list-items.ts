/**
 * List completeness, exactly as ../shared/eval/README.md defines it: a list question's items are its own
 * `items`, or else the bullets of its first gold section (with its descendants), or, when that section has none,
 * the headings of its direct children; the answer is complete when the first six words of every item (accents,
 * case and punctuation ignored) stand in its text. The section split mirrors the shared scorer's (sections.py),
 * independent of the product's parser, so a parser error cannot grade itself.
 */
import { foldedView } from '../text/normalize.ts';

const ROMAN = '(?:X{0,3})(?:IX|IV|V?I{0,3})';
const ORDINALS: Record<string, string> = { nhất: 'I', hai: 'II', ba: 'III', tư: 'IV', năm: 'V', sáu: 'VI' };
const LEVEL: Record<string, number> = { phan: 0, dieu: 1, roman: 1, letter: 2, num: 3, comp: 4, small: 5, annex: 0, row: 1 };

interface Heading {
  kind: keyof typeof LEVEL | 'skip';
  number: string;
  title: string;
}

function headingOf(line: string): Heading | null {
  let m = /^(?:Phần|PHẦN)\s+thứ\s+(\p{L}+)\s*[.:]?\s*(.*)$/iu.exec(line);
  if (m) return { kind: 'phan', number: `Phần ${ORDINALS[(m[1] as string).toLowerCase()] ?? m[1]}`, title: m[2] as string };
  m = new RegExp(`^(?:Phần|PHẦN)\\s+(${ROMAN})\\s*[.:\\-–]\\s*(.*)$`, 'u').exec(line);
  if (m && m[1]) return { kind: 'phan', number: `Phần ${m[1]}`, title: m[2] as string };
  if (/^(PHỤ LỤC|Phụ lục)(\s+\d+)?\s*$/u.test(line)) return { kind: 'annex', number: '', title: line };
  if (/^(Chương|CHƯƠNG)\s+[IVXLC\d]+/u.test(line)) return { kind: 'skip', number: '', title: line };
  m = new RegExp(`^(${ROMAN})\\s*[.\\-–]\\s+(\\S.*)$`, 'u').exec(line);
  if (m && m[1]) return { kind: 'roman', number: m[1], title: m[2] as string };
  m = /^Điều\s+(\d+)\s*[.:]\s*(.*)$/u.exec(line);
  if (m) return { kind: 'dieu', number: `Điều ${m[1]}`, title: m[2] as string };
  m = /^([A-EĐ])\.\s+(\S.*)$/u.exec(line);
  if (m) return { kind: 'letter', number: m[1] as string, title: m[2] as string };
  m = /^(\d+\.\d+)\.?\s+(\S.*)$/u.exec(line);
  if (m) return { kind: 'comp', number: m[1] as string, title: m[2] as string };
  m = /^(\d+)\.\s+(\S.*)$/u.exec(line);
  if (m) return { kind: 'num', number: m[1] as string, title: m[2] as string };
  m = /^([a-zđ])\)\s+(\S.*)$/u.exec(line);
  if (m) return { kind: 'small', number: m[1] as string, title: m[2] as string };
  return null;
}

interface Section {
  label: string;
  title: string;
  lines: string[];
}

/** Splits a document's text into labelled sections, as the shared scorer does. */
export function scorerSections(text: string): Section[] {
  const sections: Section[] = [{ label: '', title: '', lines: [] }];
  const stack: Array<{ level: number; number: string }> = [];
  let annex = false;
  for (const raw of text.replaceAll('**', '').split('\n')) {
    const line = raw.trim();
    let h = headingOf(line);
    const row = annex ? /^(\d+)\s*\|\s*(.*)$/u.exec(line) : null;
    if (row) h = { kind: 'row', number: row[1] as string, title: row[2] as string };
    if (h === null || h.kind === 'skip') {
      (sections[sections.length - 1] as Section).lines.push(line);
      continue;
    }
    let number = h.number;
    if (h.kind === 'annex') {
      annex = true;
      stack.length = 0;
      const n = /\d+/u.exec(line);
      number = n ? `Phụ lục ${n[0]}` : 'Phụ lục';
    }
    const level = LEVEL[h.kind] as number;
    while (stack.length > 0 && (stack[stack.length - 1] as { level: number }).level >= level) stack.pop();
    stack.push({ level, number });
    sections.push({ label: stack.map((s) => s.number).join('.'), title: h.title, lines: [h.title] });
  }
  return sections;
}

/** The items of a section: its bullets (descendants included), or else its direct children's headings. */
export function sectionItems(sections: Section[], label: string): string[] {
  const mine = label === '' ? sections.slice(0, 1) : sections.filter((s) => s.label === label || s.label.startsWith(`${label}.`));
  const bullets = mine.flatMap((s) => s.lines).filter((l) => /^[-+•]\s+\S/u.test(l));
  if (bullets.length > 0) return bullets.map((b) => b.replace(/^[-+•]\s+/u, ''));
  const depth = label === '' ? 0 : label.split('.').length;
  return mine.filter((s) => s.label !== label && s.label.split('.').length === depth + 1).map((s) => s.title);
}

function words(text: string): string[] {
  return foldedView(text).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
}

/** Share of the items whose first six words stand in the answer; null when there is no list (under two items). */
export function completeness(items: string[], answer: string): number | null {
  if (items.length < 2) return null;
  const flat = ` ${words(answer).join(' ')} `;
  return items.filter((i) => flat.includes(` ${words(i).slice(0, 6).join(' ')} `)).length / items.length;
}
