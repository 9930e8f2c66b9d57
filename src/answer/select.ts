/**
 * Which ranked sections an answer cites, by the shape of the question: one best section for a fact or a
 * list (plus near-ties from other places), every citing section for "where is X mentioned", the opening
 * part for "what is it based on", and the best section per year for comparisons.
 */
import type { RankedSection } from '../retrieval/search.ts';
import type { QueryIntent } from '../retrieval/understand.ts';

export interface SelectionRules {
  /** A second section is cited only if its score is at least this share of the best one. */
  tieRatio: number;
  /** Most sections cited for "where is it mentioned". */
  maxMentions: number;
  /** Share of the question a section must cover to count as mentioning a phrase. */
  phraseCoverage: number;
}

export const DEFAULT_SELECTION: SelectionRules = { tieRatio: 0.92, maxMentions: 5, phraseCoverage: 0.9 };

function related(a: RankedSection, b: RankedSection): boolean {
  if (a.document.id !== b.document.id) return false;
  const x = a.section.label;
  const y = b.section.label;
  if (x === '' || y === '') return x === y;
  return x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`);
}

function withoutRelated(list: RankedSection[], limit: number): RankedSection[] {
  const out: RankedSection[] = [];
  for (const r of list) {
    if (out.length >= limit) break;
    if (!out.some((o) => related(o, r))) out.push(r);
  }
  return out;
}

function mentions(ranked: RankedSection[], intent: QueryIntent, rules: SelectionRules): RankedSection[] {
  const asksWhere = /\b(o dau|nhung van ban nao|van ban nao)\b/.test(intent.folded);
  const limit = asksWhere ? rules.maxMentions : 3;
  const citing = intent.numberKeys.length > 0 ? ranked.filter((r) => r.citesNumber) : [];
  const phrase = ranked.filter((r) => r.coverage >= rules.phraseCoverage);
  const pool = citing.length > 0 ? citing : phrase;
  return pool.length > 0 ? withoutRelated(pool, limit) : ranked.slice(0, 1);
}

function perYear(ranked: RankedSection[], intent: QueryIntent): RankedSection[] {
  const years = intent.years.length > 0 ? intent.years : [...new Set(ranked.map((r) => r.document.year))];
  const out: RankedSection[] = [];
  for (const year of years) {
    const best = ranked.find((r) => r.document.year === year);
    if (best) out.push(best);
  }
  return out.slice(0, 4);
}

/**
 * For a fact question, a heading-only parent (`I. MỤC ĐÍCH, YÊU CẦU`) is replaced by its best-ranked
 * descendant when that one scores close to it: the fact sits in the child.
 */
function narrowest(parent: RankedSection, ranked: RankedSection[]): RankedSection {
  if (parent.section.body.trim() !== '' || parent.section.label === '') return parent;
  const prefix = `${parent.section.label}.`;
  const child = ranked.find((r) => r.document.id === parent.document.id && r.section.label.startsWith(prefix));
  return child && child.score >= parent.score * 0.75 ? child : parent;
}

/** Picks the sections to quote, best first. `ranked` must be sorted by score. */
export function selectSections(ranked: RankedSection[], intent: QueryIntent, rules: SelectionRules = DEFAULT_SELECTION): RankedSection[] {
  const top = ranked[0];
  if (!top) return [];
  switch (intent.shape) {
    case 'mentions':
      return mentions(ranked, intent, rules);
    case 'comparison':
      return perYear(ranked, intent);
    case 'basis':
    case 'issuer':
      return [ranked.find((r) => r.section.label === '') ?? top];
    default: {
      const near = ranked.filter((r) => r.score >= top.score * rules.tieRatio && r.coverage >= top.coverage * 0.8);
      const picked = withoutRelated(near, 3);
      return intent.shape === 'factoid' ? picked.map((p) => narrowest(p, ranked)) : picked;
    }
  }
}
