/**
 * Several bodies' plans saying the same thing. When the sections that answer best are near-copies of each other
 * (src/answer/near-copy.ts) from different bodies, the answer quotes the one of the highest-level body (Trung
 * ương before a tỉnh, a tỉnh before its huyện …), never an arbitrary one of them, and names the other bodies that
 * say the same. When the best section is of the asker's chain, the chain decided: sections of bodies outside it
 * are left out.
 */
import type { RankedSection } from '../retrieval/search.ts';
import type { QuestionShape } from '../retrieval/understand.ts';
import type { BodyDirectory } from '../organisation/directory.ts';
import type { UnitChain } from '../organisation/organisations.ts';
import { LEVEL_RANK } from '../organisation/body.ts';
import { SET_UNIT_HINT } from '../organisation/unit-words.ts';
import { quotableText } from './compose.ts';
import { pairsCopy, syllablePairs } from './near-copy.ts';

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

/** Tells whether two sections say the same words both ways: neither says anything the other does not. */
type SameText = (a: RankedSection, b: RankedSection) => boolean;

/** A {@link SameText} for one answer, reading each section's syllable pairs once (one text is compared with many). */
function sameTextOnce(): SameText {
  const memo = new Map<string, Set<string>>();
  const pairsOf = (r: RankedSection): Set<string> => {
    let pairs = memo.get(r.section.id);
    if (!pairs) {
      pairs = syllablePairs(quotableText(r.section));
      memo.set(r.section.id, pairs);
    }
    return pairs;
  };
  return (a, b) => pairsCopy(pairsOf(a), pairsOf(b)) && pairsCopy(pairsOf(b), pairsOf(a));
}

function rankOf(directory: BodyDirectory, r: RankedSection): number {
  return directory.bodyOf(r.document.id)?.rank ?? LEVEL_RANK.unknown;
}

/** Highest level first; between bodies of one level, the document held longest (a copy comes after what it copies). */
function byLevel(group: RankedSection[], directory: BodyDirectory): RankedSection[] {
  return group
    .map((r, i) => ({ r, i, rank: rankOf(directory, r), since: r.document.createdAt?.getTime() ?? Infinity }))
    .sort((a, b) => a.rank - b.rank || a.since - b.since || a.i - b.i)
    .map((x) => x.r);
}

/**
 * `item` and the sections of other documents that say the same about as well (at least EQUAL_SCORE of its score),
 * among the best-ranked ones.
 */
function copiesOf(item: RankedSection, ranked: RankedSection[], sameText: SameText): RankedSection[] {
  const group = [item];
  let compared = 0;
  for (const r of ranked) {
    if (r.score < item.score * EQUAL_SCORE || compared >= MAX_COMPARED) break;
    if (group.some((g) => g.document.id === r.document.id)) continue;
    compared++;
    if (sameText(item, r)) group.push(r);
  }
  return group;
}

/**
 * Settles near-copies among the answer's sections. `chosen` is what selection picked (best first), `ranked` every
 * ranked section; `inChain` tells the sections of the asker's chain (none without a unit). Each chosen section
 * stands for its near-copies: the highest body's copy is quoted in its place, once, and the other bodies are
 * named (those copying the first quote first).
 */
export function settleCopies(
  chosen: RankedSection[],
  ranked: RankedSection[],
  directory: BodyDirectory,
  inChain: (r: RankedSection) => boolean,
  sameText: SameText = sameTextOnce(),
): CopiedBodies {
  const top = chosen[0];
  if (!top) return { chosen, others: [] };
  // The asker's chain decided: its documents are quoted, not other bodies' sections that merely score as high.
  if (inChain(top)) return { chosen: chosen.filter(inChain), others: [] };
  const settled: RankedSection[] = [];
  const copying: RankedSection[] = [];
  const covered = new Set<string>();
  for (const item of chosen) {
    if (covered.has(item.section.id) || settled.some((s) => s.document.id !== item.document.id && sameText(s, item))) continue;
    const group = byLevel(copiesOf(item, ranked, sameText), directory).filter((r) => !covered.has(r.section.id));
    const best = group[0] ?? item;
    for (const r of group) covered.add(r.section.id);
    settled.push(best);
    copying.push(...group.slice(1));
  }
  const quotedBodies = new Set(settled.map((s) => directory.bodyOf(s.document.id)?.key));
  const others: string[] = [];
  for (const r of copying) {
    const body = directory.bodyOf(r.document.id);
    const name = body?.name ?? r.document.issuer;
    if (name && !quotedBodies.has(body?.key) && !others.includes(name)) others.push(name);
  }
  return { chosen: settled, others };
}

/** How the line naming the other bodies begins (the benchmark looks for it). */
export const SAME_CONTENT_LEAD = 'Nội dung tương tự cũng có trong văn bản của';

/** "Nội dung tương tự cũng có trong văn bản của: A; B; C (và 4 cơ quan khác)." */
export function othersText(others: string[]): string | null {
  if (others.length === 0) return null;
  const named = others.slice(0, MAX_NAMED_BODIES).join('; ');
  const more = others.length > MAX_NAMED_BODIES ? ` (và ${others.length - MAX_NAMED_BODIES} cơ quan khác)` : '';
  return `${SAME_CONTENT_LEAD}: ${named}${more}.`;
}

/** Shapes answered from one place: near-copies of it from other bodies are settled, not quoted side by side. */
const ONE_PLACE_SHAPES: QuestionShape[] = ['factoid', 'list'];

/** Sections within this share of the best score count as equally good when ordering mentions by level. */
const SAME_SCORE = 0.02;

/**
 * "Where is X mentioned": with a unit, the chain's sections first, so its mentions are the ones selected; without
 * one, among sections scoring about the same (a mention copied into many plans), higher bodies and the documents
 * held longest first, so the copies' original or their highest body is the one selected.
 */
export function mentionOrder(ranked: RankedSection[], unit: UnitChain | null, directory: BodyDirectory): RankedSection[] {
  if (unit) {
    const inChain = ranked.filter((r) => unit.closeness.has(r.document.id));
    return [...inChain, ...ranked.filter((r) => !unit.closeness.has(r.document.id))];
  }
  const top = ranked[0]?.score ?? 0;
  const width = Math.max(Math.abs(top) * SAME_SCORE, Number.EPSILON);
  return ranked
    .map((r, i) => ({ r, i, tier: Math.floor((top - r.score) / width), rank: rankOf(directory, r), since: r.document.createdAt?.getTime() ?? Infinity }))
    .sort((a, b) => a.tier - b.tier || a.rank - b.rank || a.since - b.since || a.i - b.i)
    .map((x) => x.r);
}

/** Selected mentions that copy an earlier selected one are folded into it, their bodies named. */
function foldMentionCopies(selected: RankedSection[], directory: BodyDirectory, sameText: SameText): CopiedBodies {
  const chosen: RankedSection[] = [];
  const copies: RankedSection[] = [];
  for (const r of selected) {
    if (chosen.some((c) => c.document.id !== r.document.id && sameText(c, r))) copies.push(r);
    else chosen.push(r);
  }
  const kept = new Set(chosen.map((c) => directory.bodyOf(c.document.id)?.name ?? c.document.issuer));
  const byLevel = [...copies].sort((a, b) => rankOf(directory, a) - rankOf(directory, b));
  return { chosen, others: bodyNames(byLevel, directory).filter((n) => !kept.has(n)) };
}

/** Names of the bodies of `sections` (one each, in order). */
function bodyNames(sections: RankedSection[], directory: BodyDirectory): string[] {
  const names: string[] = [];
  for (const r of sections) {
    const name = directory.bodyOf(r.document.id)?.name ?? r.document.issuer;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The sections an answer quotes once bodies are considered, and the line naming the others: near-copies settled on
 * the highest level (with how to set one's unit when none is set); with a unit, a mention list keeps the chain's
 * places and names the other bodies that mention it too.
 */
export function settleBodies(shape: QuestionShape, unit: UnitChain | null, selected: RankedSection[], ranked: RankedSection[], directory: BodyDirectory): { chosen: RankedSection[]; note: string | null } {
  const inChain = (r: RankedSection) => unit?.closeness.has(r.document.id) ?? false;
  if (shape === 'mentions' && !unit) {
    const { chosen, others } = foldMentionCopies(selected, directory, sameTextOnce());
    const copies = othersText(others);
    return { chosen, note: copies ? `${copies}\n${SET_UNIT_HINT}` : null };
  }
  if (shape === 'mentions') {
    const own = selected.filter(inChain);
    if (own.length === 0) return { chosen: selected, note: null };
    const others = bodyNames(selected.filter((r) => !inChain(r)), directory);
    const more = others.length > MAX_NAMED_BODIES ? ` (và ${others.length - MAX_NAMED_BODIES} cơ quan khác)` : '';
    return { chosen: own, note: others.length > 0 ? `Còn được nhắc đến trong văn bản của: ${others.slice(0, MAX_NAMED_BODIES).join('; ')}${more}.` : null };
  }
  if (!ONE_PLACE_SHAPES.includes(shape)) return { chosen: selected, note: null };
  const { chosen, others } = settleCopies(selected, ranked, directory, inChain);
  const copies = othersText(others);
  return { chosen, note: copies && !unit ? `${copies}\n${SET_UNIT_HINT}` : copies };
}
