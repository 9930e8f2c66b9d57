/**
 * A point quoted with the words that introduce its list. In "3. Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng
 * đối với một trong các hành vi sau đây: … b) Sử dụng nước không qua đồng hồ đo nước." the point alone names the
 * act and not the fine; a task under "2. Các cấp ủy có trách nhiệm:" says nothing of who must do it. When a quoted
 * section's parent opens with such a clause (ending in a colon, "gồm", "sau đây", "như sau"), the quote starts with
 * that clause, verbatim, on its own line.
 */
import type { StoredSection } from '../core/types.ts';
import type { RankedSection } from '../retrieval/search.ts';
import { foldedView, quoteKey } from '../text/normalize.ts';

/** How a clause introduces its items: a colon, or "gồm", "sau đây", "như sau" at its end (headings lose the colon). */
export const INTRODUCES_LIST = /(?::|\b(?:gom|bao gom|sau day|nhu sau))\s*$/;

/** Longest text of an item that is one entry of a list (a clause with one short rule, a bullet). */
const PLAIN_ITEM_CHARS = 200;

/**
 * An item with no heading of its own (its heading is its text, cut) and one short line of text with no list inside
 * it (no "(1) … (2)", no "…: a, b, c", at most one ";"): one entry of a list, which alone cannot answer "những gì".
 */
export function plainItem(r: { section: StoredSection }): boolean {
  const body = r.section.body.split('\n').filter((l) => l.trim() !== '');
  const heading = r.section.heading.replace(/…$/, '').trim();
  const text = (body[0] ?? heading).trim();
  const own = body.length === 0 || heading === '' || text.startsWith(heading);
  return body.length <= 1 && own && text.length <= PLAIN_ITEM_CHARS && (text.match(/;/g) ?? []).length <= 1 && !/\(\d+\)|:\s/.test(text);
}

/** A parent's lead clause, and the parent's whole text (a quoteKey) to tell whether the quote follows it directly. */
export interface LeadIn {
  lead: string;
  parentText: string;
}

/** A lead clause longer than this is a paragraph of its own, not the opening of a list. */
const MAX_LEAD_CHARS = 400;

/** The parent's own words before its parts, when they introduce them; null otherwise. */
export function leadClause(parent: StoredSection): string | null {
  const own = [parent.headingLine, parent.body]
    .join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // A heading line cut from a paragraph ("3. Về công tác…: Ban Thường vụ … sau:") may hold the body's words too.
  const lines = own.filter((l, i) => !own.some((other, j) => j !== i && other.length > l.length && other.includes(l)) && own.indexOf(l) === i);
  const text = lines.join('\n');
  if (text === '' || text.length > MAX_LEAD_CHARS) return null;
  return INTRODUCES_LIST.test(foldedView(lines[lines.length - 1] ?? '')) ? text : null;
}

/**
 * Lead clauses of the chosen sections' parents, by chosen section id. Parents not among `ranked` are read from the
 * store; a section whose quote already starts with its parent's words gets none.
 */
export async function leadIns(
  chosen: RankedSection[],
  ranked: RankedSection[],
  readSections: (ids: string[]) => Promise<StoredSection[]>,
): Promise<Map<string, LeadIn>> {
  const parentOf = new Map<string, { id: string; label: string }>();
  for (const r of chosen) {
    const parent = r.place?.ancestors[r.place.ancestors.length - 1];
    if (parent && parent.label !== '') parentOf.set(r.section.id, parent);
  }
  const have = new Map(ranked.map((r) => [r.section.id, r.section]));
  const missing = [...new Set([...parentOf.values()].map((p) => p.id))].filter((id) => !have.has(id));
  if (missing.length > 0) for (const s of await readSections(missing)) have.set(s.id, s);
  const out = new Map<string, LeadIn>();
  for (const r of chosen) {
    const entry = parentOf.get(r.section.id);
    const parent = entry ? have.get(entry.id) : undefined;
    const lead = parent ? leadClause(parent) : null;
    if (!parent || !lead) continue;
    out.set(r.section.id, { lead, parentText: quoteKey(`${parent.headingLine}\n${parent.fullText}`) });
  }
  return out;
}

/** The quote with its lead clause first; `…` marks the parts left out between them. */
export function withLeadIn(quote: string, lead: LeadIn | undefined): string {
  if (!lead || foldedView(quote).startsWith(foldedView(lead.lead).slice(0, 40))) return quote;
  // Nothing is left out when the lead's last words run straight into the quote's first ones.
  const joined = quoteKey(`${lead.lead.split('\n').pop() ?? ''} ${quote.split(/\n|…/u)[0] ?? ''}`);
  return `${lead.lead}\n${lead.parentText.includes(joined) ? '' : '…\n'}${quote}`;
}
