/**
 * The features of one candidate section for one question (the names and meanings are in
 * src/retrieval/ranking-model.ts). Pure: everything it reads is handed to it.
 */
import type { StoredDocument, StoredSection } from '../core/types.ts';
import { coverage, profileOf, type QuestionUnits, type TextProfile } from './coverage.ts';
import type { CoverageRules, Features } from './ranking-model.ts';
import type { SectionPlace } from './outline-cache.ts';
import type { QueryIntent } from './understand.ts';
import { foldedView } from '../text/normalize.ts';
import { isSuperseded } from './force-status.ts';

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

/** Computes the features. */
export function sectionFeatures(section: StoredSection, document: StoredDocument, e: SectionEvidence): Features {
  const { intent, rules, place } = e;
  const opening = section.label === '';
  const path = [...(place?.ancestors.map((a) => a.heading) ?? []), section.heading].join('\n');
  // A heading cut from a numbered paragraph ("1. Ban Thường vụ … lãnh đạo, chỉ đạo…") is the paragraph's
  // first words, not a title: it counts less.
  const headingWeight = !section.heading ? 0 : section.heading.endsWith('…') ? rules.cutHeadingFactor : 1;
  const own = profileOf(section.heading);
  const pathProfile = profileOf(path);
  const match = (units: QuestionUnits) => headingWeight * Math.max(coverage(units, own, rules), rules.pathFactor * coverage(units, pathProfile, rules));
  const names = [document.type, document.number, document.title, document.issuer, document.place].join('\n');
  const sectionText = profileOf(`${path}\n${section.body}`);
  const withNames = profileOf(`${names}\n${path}\n${section.body}`);
  const subtree = profileOf(`${names}\n${path}\n${section.fullText}`);
  const levels = place?.levels ?? [];
  const askedYear = intent.years.some((y) => new RegExp(`\\bnam ${y}\\b(?!\\s*[-–])`).test(foldedView(path)));
  const ownFacets = place?.ownFacets ?? [];
  const inherited = place?.inheritedFacets ?? [];
  const facetOwn = share(intent.facets, ownFacets);
  const bodies = place?.bodies ?? [];
  const dutyAsked = intent.bodies.length > 0 && (intent.asksDuty || intent.facets.length === 0);
  const sameBody = bodies.some((b) => e.matchesBody(b, intent.bodies));
  const listy = (place?.children.length ?? 0) >= 2 || bulletCount(section.body) >= 2;
  return {
    lexical: e.lexical,
    vector: e.vector,
    coverage: coverage(e.units, withNames, rules),
    residualCoverage: coverage(e.residual, sectionText, rules),
    heading: match(e.units),
    residualHeading: match(e.residual),
    affinity: coverage(e.units, e.documentProfile, rules),
    citesNumber: e.citesNumber ? 1 : 0,
    docType: document.type && intent.docTypes.includes(document.type) ? 1 : 0,
    basisOpening: opening && (intent.shape === 'basis' || intent.shape === 'issuer') ? 1 : 0,
    contentOpening: opening && (intent.shape === 'factoid' || intent.shape === 'list') ? 1 : 0,
    facetOwn,
    facetInherited: facetOwn === 0 ? share(intent.facets, inherited) : 0,
    facetClash: intent.facets.length > 0 && ownFacets.length > 0 ? ownFacets.filter((f) => !intent.facets.includes(f)).length / ownFacets.length : 0,
    bodyMatch: dutyAsked && sameBody ? 1 : 0,
    bodyClash: dutyAsked && bodies.length > 0 && !sameBody ? 1 : 0,
    bodyParent: dutyAsked && (place?.childBodies ?? []).some((b) => e.matchesBody(b, intent.bodies)) ? 1 : 0,
    listPart: intent.shape === 'list' && listy ? 1 : 0,
    subtreeCoverage: coverage(e.units, subtree, rules),
    levelMatch: intent.levels.length > 0 && levels.some((l) => intent.levels.includes(l)) ? 1 : 0,
    levelClash: intent.levels.length > 0 && levels.length > 0 && !levels.some((l) => intent.levels.includes(l)) ? 1 : 0,
    yearHeading: askedYear ? 1 : 0,
    unitCoverage: coverage(e.units, profileOf(`${names}\n${path}\n${e.unit.headingLine}\n${e.unit.fullText}`), rules),
    unitLexical: e.unitLexical,
    superseded: isSuperseded(document) ? 1 : 0,
  };
}
