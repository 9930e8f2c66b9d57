/**
 * Outlines of the documents that candidate sections come from, kept in memory: a section's role is read from
 * its own heading and its parents' ("IV. TỔ CHỨC THỰC HIỆN" › "2. Ban Tuyên giáo"), and a list question may be
 * answered by the parent part itself. A document's outline never changes (a new version is a new document),
 * so entries stay until the cache is full; then the oldest go.
 */
import type { DocumentStore } from '../core/ports.ts';
import type { OutlineEntry } from '../core/types.ts';
import type { DirectiveModel } from './directive-model.ts';

/** What the model reads off a section's place in its document. */
export interface SectionPlace {
  entry: OutlineEntry;
  /** Headings from the top part down to the section's parent. */
  ancestors: OutlineEntry[];
  /** Direct children in the outline. */
  children: OutlineEntry[];
  /** Roles named by the section's own heading. */
  ownFacets: string[];
  /** Roles named by its parents' headings, nearest first. */
  inheritedFacets: string[];
  /** Bodies its own heading names (an entry of the implementation part: "Ban Tổ chức Huyện uỷ: …"). */
  bodies: string[];
  /** A body's entry in the implementation part: it plays that part's role, whatever roles its duty names. */
  bodyEntry: boolean;
  /** Bodies its children's headings name (the implementation part lists every body's entry). */
  childBodies: string[];
  /** Administrative levels its own heading names ("Ban Thường trực Ủy ban MTTQ xã, phường, thị trấn"). */
  levels: string[];
}

export interface OutlineCache {
  /** Places of the given sections ("documentId|label"), loading unknown documents in one query. */
  places(keys: Array<{ documentId: string; label: string }>): Promise<Map<string, SectionPlace>>;
}

/** Creates the cache; `maxDocuments` bounds its memory. */
export function createOutlineCache(store: Pick<DocumentStore, 'getOutlines'>, model: DirectiveModel, maxDocuments = 5000): OutlineCache {
  const documents = new Map<string, Map<string, SectionPlace>>();

  function placesOf(outline: OutlineEntry[]): Map<string, SectionPlace> {
    const byLabel = new Map<string, OutlineEntry>();
    const parentOf = new Map<OutlineEntry, OutlineEntry>();
    const children = new Map<OutlineEntry, OutlineEntry[]>();
    for (const e of outline) {
      const parent = e.parentLabel === null ? undefined : byLabel.get(e.parentLabel);
      if (parent) {
        parentOf.set(e, parent);
        children.set(parent, [...(children.get(parent) ?? []), e]);
      }
      byLabel.set(e.label, e);
    }
    const places = new Map<string, SectionPlace>();
    for (const entry of outline) {
      const ancestors: OutlineEntry[] = [];
      for (let p = parentOf.get(entry); p; p = parentOf.get(p)) ancestors.unshift(p);
      const chain = ancestors.map((a) => model.facetsOfHeading(a.heading));
      // A table row assigns its task to the body in its lead column ("Cơ quan chủ trì"), not to bodies its task names.
      const lead = leadCell(parentOf.get(entry)?.columns, entry.row);
      const bodies = model.bodiesIn(lead ?? entry.heading);
      // A body's entry in the implementation part ("1. Ban Thường trực Ủy ban MTTQ tỉnh triển khai các nội dung
      // sau:") is that part: the roles its duty names are what the body does, not a part of the plan.
      const bodyEntry = bodies.length > 0 && chain.some((named) => named.includes('implementation'));
      const headingFacets = bodyEntry ? [] : model.facetsOfHeading(entry.heading);
      places.set(entry.label, {
        entry,
        ancestors,
        children: children.get(entry) ?? [],
        // A table row is read through its table's column names ("Cơ quan chủ trì", "Thời gian hoàn thành").
        ownFacets: [...new Set([...headingFacets, ...model.facetsOfHeading(parentOf.get(entry)?.columns ?? '')])],
        // A heading cut from a paragraph's first words (`…`) is no title: it narrows none of its parts' roles.
        inheritedFacets: inherited(chain, entry.heading.endsWith('…') ? [] : headingFacets),
        bodies,
        bodyEntry,
        childBodies: [...new Set((children.get(entry) ?? []).flatMap((c) => model.bodiesIn(c.heading)))],
        levels: model.levelsIn(entry.heading),
      });
    }
    return places;
  }

  return {
    async places(keys) {
      const missing = [...new Set(keys.map((k) => k.documentId).filter((id) => !documents.has(id)))];
      if (missing.length > 0) {
        const outlines = await store.getOutlines(missing);
        for (const [id, outline] of outlines) {
          if (documents.size >= maxDocuments) documents.delete(documents.keys().next().value as string);
          documents.set(id, placesOf(outline));
        }
      }
      const out = new Map<string, SectionPlace>();
      for (const k of keys) {
        const place = documents.get(k.documentId)?.get(k.label);
        if (place) out.set(`${k.documentId}|${k.label}`, place);
      }
      return out;
    },
  };
}

/**
 * The roles a section takes from its parents, top part first in `chain`. A part naming several roles whose parts
 * split them ("II. THỜI GIAN, NỘI DUNG, HÌNH THỨC" › "1. Thời gian và nội dung" › "1.1. Từ nay đến hết năm 2021")
 * passes on only the roles of the nearer part that takes some of them: 1.1 is about time and content, not form.
 */
export function inherited(chain: string[][], own: string[]): string[] {
  let roles: string[] = [];
  for (const named of [...chain, own]) {
    if (named.length === 0) continue;
    const narrows = roles.length > named.length && named.every((f) => roles.includes(f));
    roles = narrows ? [...named] : [...new Set([...roles, ...named])];
  }
  return roles.filter((f) => !own.includes(f) || chain.some((c) => c.includes(f)));
}

/** A lead column's name, best first: "Cơ quan chủ trì", "Đơn vị phụ trách", "Đơn vị thực hiện" (not "Nội dung thực hiện"). */
const LEAD_COLUMNS = [/chủ trì/iu, /phụ trách/iu, /(?:cơ quan|đơn vị|người) thực hiện/iu];

/** The cell of a table row under the table's lead column, or null when the table has none. */
export function leadCell(columns: string | undefined, row: string | undefined): string | null {
  if (!columns || !row) return null;
  const names = columns.split('|').map((c) => c.trim());
  const lead = (pattern: RegExp) => names.findIndex((c) => pattern.test(c) && !/phối hợp/iu.test(c));
  const at = LEAD_COLUMNS.map(lead).find((i) => i >= 0) ?? -1;
  if (at < 0) return null;
  const cells = row.split('|').map((c) => c.trim());
  // Rows and header may differ by a leading STT cell: count from the end when the lengths differ.
  const cell = cells.length === names.length ? cells[at] : cells[cells.length - (names.length - at)];
  return cell && cell !== '' ? cell : null;
}
