/**
 * Several bodies' plans saying the same thing. When the sections that answer best are near-copies of each other
 * (src/answer/near-copy.ts) from different bodies, the answer quotes the one of the highest-level body (Trung
 * ương before a tỉnh, a tỉnh before its huyện …), never an arbitrary one of them, and names the other bodies that
 * say the same. When the best section is of the asker's chain, the chain decided: other bodies' copies of it are
 * left out.
 */
import type { RankedSection } from '../retrieval/search.ts';
import type { BodyDirectory } from '../organisation/directory.ts';
import { LEVEL_RANK } from '../organisation/body.ts';
import { quotableText } from './compose.ts';
import { isNearCopy } from './near-copy.ts';

/** A section answers "about equally" when it scores at least this share of the best one. */
const EQUAL_SCORE = 0.9;
/** Candidates compared with the best section (bounds the work on large collections). */
const MAX_COMPARED = 40;
/** Bodies named in the answer. */
export const MAX_NAMED_BODIES = 5;

/** The sections to quote after near-copies are settled, and the other bodies that say the same. */
export interface CopiedBodies {
  chosen: RankedSection[];
  /** Names of the other bodies whose documents say the same as the first quote, highest level first (all of them). */
  others: string[];
}

/** The same words both ways: neither says anything the other does not (years and place names aside, mostly). */
function sameText(a: RankedSection, b: RankedSection): boolean {
  const x = quotableText(a.section);
  const y = quotableText(b.section);
  return isNearCopy(x, y) && isNearCopy(y, x);
}

function rankOf(directory: BodyDirectory, r: RankedSection): number {
  return directory.bodyOf(r.document.id)?.rank ?? LEVEL_RANK.unknown;
}

/**
 * Settles near-copies among the answer's sections. `chosen` is what selection picked (best first), `ranked` every
 * ranked section; `inChain` tells the sections of the asker's chain (none without a unit).
 */
export function settleCopies(chosen: RankedSection[], ranked: RankedSection[], directory: BodyDirectory, inChain: (r: RankedSection) => boolean): CopiedBodies {
  const top = chosen[0];
  if (!top) return { chosen, others: [] };
  // The asker's chain decided: its document is quoted, and another body's copy of it is not quoted again.
  if (inChain(top)) return { chosen: [top, ...chosen.slice(1).filter((c) => c.document.id === top.document.id || !sameText(top, c))], others: [] };
  const group = [top];
  for (const r of ranked.slice(0, MAX_COMPARED)) {
    if (r.score < top.score * EQUAL_SCORE) break;
    if (group.some((g) => g.document.id === r.document.id)) continue;
    if (sameText(top, r)) group.push(r);
  }
  if (group.length === 1) return { chosen, others: [] };
  // Highest level first; between equals, the better-ranked one (the order `ranked` gave them).
  const ordered = group.map((r, i) => ({ r, i, rank: rankOf(directory, r) })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  const best = (ordered[0] as (typeof ordered)[number]).r;
  const quoted = new Set(group.map((g) => g.document.id));
  const rest = chosen.slice(1).filter((c) => !quoted.has(c.document.id) && !sameText(best, c));
  const own = directory.bodyOf(best.document.id)?.key;
  const others: string[] = [];
  for (const { r } of ordered.slice(1)) {
    const body = directory.bodyOf(r.document.id);
    const name = body?.name ?? r.document.issuer;
    if (name && body?.key !== own && !others.includes(name)) others.push(name);
  }
  return { chosen: [best, ...rest], others };
}

/** "Nội dung tương tự cũng có trong văn bản của: A; B; C (và 4 cơ quan khác)." */
export function othersText(others: string[]): string | null {
  if (others.length === 0) return null;
  const named = others.slice(0, MAX_NAMED_BODIES).join('; ');
  const more = others.length > MAX_NAMED_BODIES ? ` (và ${others.length - MAX_NAMED_BODIES} cơ quan khác)` : '';
  return `Nội dung tương tự cũng có trong văn bản của: ${named}${more}.`;
}
