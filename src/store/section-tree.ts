/**
 * Full text of each section: its own body, then every descendant's heading line and body in reading order,
 * so an answer can show a whole section such as `II` with all of `II.1`, `II.1.a` ….
 */
import type { ParsedSection } from '../core/types.ts';

/**
 * Returns the full text of each section, keyed by its `order`. A section's parent is the nearest earlier
 * section whose label equals its `parentLabel` (so a repeated label cannot adopt later sections).
 */
export function fullTexts(sections: ParsedSection[]): Map<number, string> {
  const ordered = [...sections].sort((a, b) => a.order - b.order);
  const parentOf = parentIndexes(ordered);
  const parts = ordered.map((s) => (s.body.trim() === '' ? [] : [s.body]));
  for (let i = 0; i < ordered.length; i++) {
    const section = ordered[i]!;
    const own = ownText(section);
    if (own === '') continue;
    for (let p = parentOf[i]!; p !== -1; p = parentOf[p]!) parts[p]!.push(own);
  }
  return new Map(ordered.map((s, i) => [s.order, parts[i]!.join('\n')]));
}

/** Index of each section's parent in `ordered`, or -1 for a top-level section. */
function parentIndexes(ordered: ParsedSection[]): number[] {
  const lastByLabel = new Map<string, number>();
  const parents: number[] = [];
  ordered.forEach((section, i) => {
    const parent = section.parentLabel === null ? undefined : lastByLabel.get(section.parentLabel);
    parents.push(parent ?? -1);
    lastByLabel.set(section.label, i);
  });
  return parents;
}

/**
 * Heading line and body of one section without repeating text. A numbered paragraph with no separate heading
 * (`3. Tuyên truyền bằng …`) has the whole paragraph as heading line and as body, and a colon lead
 * (`3. Các phương tiện cổ động trực quan: Khẩu hiệu, …`) has its first body line inside the heading line.
 */
function ownText(section: ParsedSection): string {
  const line = section.headingLine.trim();
  const body = section.body.trim();
  if (body === '' || line === '') return line || body;
  const marker = /^(\S+)\s+/.exec(line);
  if (marker && body === line.slice(marker[0].length).trim()) return `${marker[1]} ${body}`;
  const firstLine = body.split('\n')[0] as string;
  if (line.endsWith(firstLine)) return [line, body.slice(firstLine.length).trim()].filter(Boolean).join('\n');
  return `${line}\n${body}`;
}
