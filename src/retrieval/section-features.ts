/**
 * The features of one candidate section for one question (the names and meanings are in
 * src/retrieval/ranking-model.ts). Pure: everything it reads is handed to it.
 */
import type { StoredDocument, StoredSection } from '../core/types.ts';
import { coverage, joinProfiles, type QuestionUnits, type TextProfile } from './coverage.ts';
import type { ProfileCache } from './profile-cache.ts';
import type { CoverageRules, Features } from './ranking-model.ts';
import type { SectionPlace } from './outline-cache.ts';
import type { QueryIntent } from './understand.ts';
import { foldedView, syllables } from '../text/normalize.ts';
import { isQuestionWord } from '../text/analyze.ts';
import { DUTY_FACETS } from './directive-model.ts';
import { isSuperseded } from './force-status.ts';
import { statesAmount } from './asked-amount.ts';

export interface SectionEvidence {
  intent: QueryIntent;
  units: QuestionUnits;
  /** The units that do not merely name the document. */
  residual: QuestionUnits;
  documentProfile: TextProfile;
  place: SectionPlace | null;
  lexical: number;
  vector: number;
  /** The section's article (or parent part), and the best lexical hit within it. */
  unit: StoredSection;
  unitLexical: number;
  citesNumber: boolean;
  rules: CoverageRules;
  profiles: ProfileCache;
  /** Closeness of the section's document to the asker's unit (1 own body, less above it; 0 outside the chain or without a unit). */
  chain: number;
  /** Tells whether a section and the bodies a question names are the same ("các đoàn thể" includes the Đoàn). */
  matchesBody: (body: string, named: string[]) => boolean;
}

const BULLET = /^\s*(?:[-+•]|\(\d+\))\s/mu;

/** How many list items the section's own text holds (bullets, "(1) …"). */
function bulletCount(body: string): number {
  return body.split('\n').filter((line) => BULLET.test(line)).length;
}

function share(asked: string[], named: string[]): number {
  return asked.length === 0 ? 0 : asked.filter((f) => named.includes(f)).length / asked.length;
}

const askedSets = new WeakMap<QuestionUnits, Set<string>>();

/** The question's units in the folded view (what a heading is checked against), built once per question. */
export function foldedAsked(units: QuestionUnits): Set<string> {
  let asked = askedSets.get(units);
  if (!asked) {
    asked = new Set([...units.singles, ...units.pairs, ...(units.optional ?? [])].map((u) => foldedView(u.slice(2))));
    askedSets.set(units, asked);
  }
  return asked;
}

/** A heading's content syllables and pairs (folded), kept for the headings seen lately: candidates recur. */
const headingUnits = new Map<string, { singles: string[]; pairs: string[] }>();
const MAX_HEADINGS = 20_000;

function unitsOfHeading(heading: string): { singles: string[]; pairs: string[] } {
  const known = headingUnits.get(heading);
  if (known) return known;
  const words = syllables(foldedView(heading.replace(/…$/u, '')));
  const content = words.map((w) => !isQuestionWord(w, w) && !/\d/.test(w));
  const singles = words.filter((_, i) => content[i]);
  const pairs = words.flatMap((w, i) => (content[i] && content[i + 1] && i + 1 < words.length ? [`${w}_${words[i + 1]}`] : []));
  if (headingUnits.size >= MAX_HEADINGS) headingUnits.clear();
  const units = { singles, pairs };
  headingUnits.set(heading, units);
  return units;
}

/**
 * Share of the heading's own words that the question asks (pairs counting `pairFactor`): "Nhiệm vụ của báo cáo
 * viên" is all asked by "giao cho báo cáo viên những nhiệm vụ gì", even in a document whose title has every word
 * of the question. The reverse of `heading`, which is the share of the question the heading holds.
 */
export function headingShare(heading: string, asked: Set<string>, pairFactor: number): number {
  const { singles, pairs } = unitsOfHeading(heading);
  const total = singles.length + pairFactor * pairs.length;
  if (total === 0) return 0;
  const found = singles.filter((w) => asked.has(w)).length + pairFactor * pairs.filter((p) => asked.has(p)).length;
  return found / total;
}

/** Computes the features. */
export function sectionFeatures(section: StoredSection, document: StoredDocument, e: SectionEvidence): Features {
  const { intent, rules, place } = e;
  const opening = section.label === '';
  const path = [...(place?.ancestors.map((a) => a.heading) ?? []), section.heading].join('\n');
  // A heading cut from a numbered paragraph ("1. Ban Thường vụ … lãnh đạo, chỉ đạo…") is the paragraph's
  // first words, not a title: it counts less.
  const cut = section.heading.endsWith('…') ? 1 : 0;
  const headingWeight = !section.heading ? 0 : cut ? rules.cutHeadingFactor : 1;
  const cache = e.profiles;
  const own = cache.of(`heading:${section.id}`, section.heading);
  const pathProfile = cache.of(`path:${section.id}`, path);
  const match = (units: QuestionUnits) => headingWeight * Math.max(coverage(units, own, rules), rules.pathFactor * coverage(units, pathProfile, rules));
  const names = cache.of(`names:${document.id}`, [document.type, document.number, document.title, document.issuer, document.place].join('\n'));
  const body = cache.of(`body:${section.id}`, section.body);
  const full = cache.of(`full:${section.id}`, section.fullText);
  const sectionText = joinProfiles(pathProfile, body);
  const withNames = joinProfiles(names, pathProfile, body);
  const subtree = joinProfiles(names, pathProfile, full);
  const unit = joinProfiles(names, pathProfile, cache.of(`full:${e.unit.id}`, e.unit.fullText), cache.of(`line:${e.unit.id}`, e.unit.headingLine));
  const askedYear = intent.mentionedYears.some((y) => new RegExp(`\\b${y}\\b(?!\\s*[-–]\\s*\\d)`).test(foldedView(path)));
  // What a named body must do is one role however it is asked or headed: "phải làm những việc gì" (tasks) is
  // answered by "Trách nhiệm của Sở …" (implementation).
  const roles = (list: string[]) => (intent.bodies.length > 0 && intent.asksDuty ? list.map((f) => (DUTY_FACETS.includes(f) ? 'duty' : f)) : list);
  const asked = [...new Set(roles(intent.facets))];
  const ownFacets = [...new Set(roles(place?.ownFacets ?? []))];
  const inherited = roles(place?.inheritedFacets ?? []);
  const facetOwn = share(asked, ownFacets);
  const bodies = place?.bodies ?? [];
  const dutyAsked = intent.bodies.length > 0 && (intent.asksDuty || intent.facets.length === 0);
  const sameBody = bodies.some((b) => e.matchesBody(b, intent.bodies));
  const listy = (place?.children.length ?? 0) >= 2 || bulletCount(section.body) >= 2;
  const levels = place?.levels ?? [];
  const otherLevel = intent.levels.length > 0 && levels.length > 0 && !levels.some((l) => intent.levels.includes(l));
  const facetInherited = facetOwn === 0 ? share(asked, inherited) : 0;
  // A paragraph's first words are no title: when the part it stands in plays the role asked ("Điều 24. Quy định
  // chuyển tiếp"), the other roles its words name ("… trước ngày Luật này có hiệu lực") clash with nothing.
  const vouched = cut === 1 && facetInherited > 0;
  const otherType = intent.docTypes.length > 0 && document.type !== null && !intent.docTypes.includes(document.type);
  return {
    lexical: e.lexical,
    vector: e.vector,
    coverage: coverage(e.units, withNames, rules),
    residualCoverage: coverage(e.residual, sectionText, rules),
    heading: match(e.units),
    residualHeading: match(e.residual),
    headingShare: headingWeight * headingShare(section.heading, foldedAsked(e.units), rules.pairFactor),
    affinity: coverage(e.units, e.documentProfile, rules),
    citesNumber: e.citesNumber ? 1 : 0,
    docType: document.type && intent.docTypes.includes(document.type) ? 1 : 0,
    // "Kế hoạch … căn cứ những văn bản nào" asks a plan's opening, not a guidance's.
    basisOpening: opening && (intent.shape === 'basis' || intent.shape === 'issuer') && !otherType ? 1 : 0,
    contentOpening: opening && (intent.shape === 'factoid' || intent.shape === 'list') ? 1 : 0,
    facetOwn,
    facetInherited,
    facetExcluded: (place?.ownFacets ?? []).some((f) => intent.excludedFacets.includes(f)) ? 1 : 0,
    facetMissing: intent.facets.length > 0 && facetOwn === 0 && facetInherited === 0 ? 1 : 0,
    facetClash: asked.length > 0 && ownFacets.length > 0 && !vouched ? ownFacets.filter((f) => !asked.includes(f)).length / ownFacets.length : 0,
    // An entry is a body at a level: "MTTQ huyện" is another entry than the "MTTQ xã" asked about.
    bodyMatch: dutyAsked && sameBody && !otherLevel ? 1 : 0,
    bodyClash: dutyAsked && bodies.length > 0 && (!sameBody || otherLevel) ? 1 : 0,
    bodyParent: dutyAsked && (place?.childBodies ?? []).some((b) => e.matchesBody(b, intent.bodies)) ? 1 : 0,
    listPart: intent.shape === 'list' && listy ? 1 : 0,
    subtreeCoverage: coverage(e.units, subtree, rules),
    levelMatch: intent.levels.length > 0 && levels.some((l) => intent.levels.includes(l)) ? 1 : 0,
    levelClash: otherLevel ? 1 : 0,
    yearHeading: askedYear ? 1 : 0,
    unitCoverage: coverage(e.units, unit, rules),
    unitLexical: e.unitLexical,
    cutHeading: cut,
    cutRole: cut * facetOwn,
    // An article of clauses states nothing in its own lines: its clauses speak for it.
    amountStated: intent.amount && statesAmount(`${path}\n${section.body.trim() ? section.body : section.fullText}`, intent.amount) ? 1 : 0,
    superseded: isSuperseded(document) ? 1 : 0,
    chain: e.chain,
  };
}
