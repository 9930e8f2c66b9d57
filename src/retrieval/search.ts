/**
 * Hybrid retrieval: BM25 over syllables and pairs (exact and folded views) plus pgvector similarity,
 * fused with weights, then aggregated to sections ("small to big") and boosted by heading match, document
 * number citations, document affinity (issuer, place, title) and document type.
 */
import type { DocumentStore, Embedder, SearchFilter, ChunkHit } from '../core/ports.ts';
import type { StoredDocument, StoredSection } from '../core/types.ts';
import { bm25Idf } from '../core/bm25.ts';
import type { Catalog } from './catalog.ts';
import { coverage, profileOf, unitTerm, type QuestionUnits, type TextProfile } from './coverage.ts';
import { namedDocuments } from './named-documents.ts';
import { topicUnits, type QueryIntent } from './understand.ts';
import type { RankingModel } from './ranking-model.ts';

/** A section with its evidence. */
export interface RankedSection {
  section: StoredSection;
  document: StoredDocument;
  score: number;
  /** Share of the question found in the section (with its heading path and document title). */
  coverage: number;
  /** The section cites a document number the question names. */
  citesNumber: boolean;
}

export interface RetrievalDeps {
  store: DocumentStore;
  embedder: Embedder;
  catalog: Catalog;
  model: RankingModel;
}

/** Hits of two searches, each chunk once. */
function union(a: ChunkHit[], b: ChunkHit[]): ChunkHit[] {
  const seen = new Set(a.map((h) => h.chunkId));
  return [...a, ...b.filter((h) => !seen.has(h.chunkId))];
}

function fuseChunks(lex: ChunkHit[], vec: ChunkHit[], w: RankingModel['fusion']): Map<string, number> {
  const maxLex = Math.max(0, ...lex.map((h) => h.score));
  const maxVec = Math.max(0, ...vec.map((h) => h.score));
  const bySection = new Map<string, number>();
  const chunkScore = new Map<string, { section: string; score: number }>();
  const bump = (h: ChunkHit, value: number) => {
    const prev = chunkScore.get(h.chunkId) ?? { section: h.sectionId, score: 0 };
    chunkScore.set(h.chunkId, { section: h.sectionId, score: prev.score + value });
  };
  for (const h of lex) bump(h, maxLex > 0 ? (w.lexical * h.score) / maxLex : 0);
  for (const h of vec) bump(h, maxVec > 0 ? (w.vector * Math.max(0, h.score)) / maxVec : 0);
  for (const { section, score } of chunkScore.values()) bySection.set(section, Math.max(bySection.get(section) ?? 0, score));
  return bySection;
}

/**
 * Sections citing a document number the question names: "documentId|label" → section id. A number cited by
 * thousands of documents contributes its newest few hundred, plus every citation in the documents the question
 * names ("Đề án 17 của Tỉnh ủy Lào Cai"), which may be older than all of those.
 */
async function sectionsCitingNumbers(store: DocumentStore, intent: QueryIntent, named: string[], limit: number): Promise<Map<string, string | null>> {
  const cited = new Map<string, string | null>();
  for (const key of intent.numberKeys) {
    const hits = [
      ...(await store.findReferences(key, limit)),
      ...(named.length > 0 ? await store.findReferences(key, limit, named) : []),
    ];
    for (const hit of hits) cited.set(`${hit.documentId}|${hit.sectionLabel}`, hit.sectionId);
  }
  return cited;
}

function headingPath(section: StoredSection, all: Map<string, StoredSection>): string {
  const parts = [section.heading];
  let parent = section.parentLabel;
  while (parent !== null && parent !== undefined && parent !== '') {
    const p = all.get(`${section.documentId}|${parent}`);
    if (!p) break;
    parts.unshift(p.heading);
    parent = p.parentLabel;
  }
  return parts.join('\n');
}

/** Retrieves and ranks sections for a question, best first. */
export async function retrieveSections(intent: QueryIntent, filter: SearchFilter, deps: RetrievalDeps): Promise<RankedSection[]> {
  const { store, embedder, catalog, model } = deps;
  const k = model.candidates;
  const [vector] = await embedder.embed([intent.text]);
  const units = await weighted(store, topicUnits(intent));
  const named = await namedDocuments(catalog, units, filter.years, model.named);
  const search = (f: SearchFilter) =>
    Promise.all([
      store.lexicalSearch(intent.terms, f, k),
      vector ? store.vectorSearch(embedder.model, vector, f, k) : Promise.resolve([]),
    ]);
  const [[lex, vec], [namedLex, namedVec], citing] = await Promise.all([
    search(filter),
    named.length > 0 ? search({ ...filter, documentIds: named }) : Promise.resolve([[], []]),
    sectionsCitingNumbers(store, intent, named, model.maxCitingSections),
  ]);
  const fused = fuseChunks(union(lex, namedLex), union(vec, namedVec), model.fusion);
  const sections = await store.getSectionsByIds([...fused.keys()]);
  const citedIds = await sectionIdsFor(citing, filter, catalog);
  const extra = citedIds.filter((id) => !fused.has(id));
  if (extra.length > 0) sections.push(...(await store.getSectionsByIds(extra)));
  const index = new Map(sections.map((s) => [`${s.documentId}|${s.label}`, s]));
  const ranked: RankedSection[] = [];
  for (const section of sections) {
    const entry = await catalog.get(section.documentId);
    if (!entry) continue;
    const r = scoreSection(section, entry.document, {
      base: fused.get(section.id) ?? 0,
      units,
      path: headingPath(section, index),
      affinity: coverage(units, entry.profile, model.coverage),
      residual: residualUnits(units, entry.profile),
      citesNumber: citing.has(`${section.documentId}|${section.label}`),
      intent,
      model,
    });
    ranked.push(r);
  }
  return ranked.sort((a, b) => b.score - a.score || a.document.source.localeCompare(b.document.source) || a.section.order - b.section.order);
}

/** The question's units that the document profile does not contain: what the question asks of the document. */
function residualUnits(units: QuestionUnits, profile: TextProfile): QuestionUnits {
  return {
    singles: units.singles.filter((u) => !profile.units.has(u)),
    pairs: units.pairs.filter((u) => !profile.units.has(u)),
    weights: units.weights,
  };
}

/** Weighs each question unit by its IDF in the collection (unseen units weigh the most). */
async function weighted(store: DocumentStore, units: QuestionUnits): Promise<QuestionUnits> {
  const all = [...units.singles, ...units.pairs];
  const terms = all.map((u) => unitTerm(u));
  const { total, df } = await store.termFrequencies(terms);
  const weights = new Map(all.map((u, i) => [u, bm25Idf(total, df.get(terms[i] as string) ?? 0)]));
  return { ...units, weights };
}

interface Evidence {
  base: number;
  units: QuestionUnits;
  residual: QuestionUnits;
  path: string;
  affinity: number;
  citesNumber: boolean;
  intent: QueryIntent;
  model: RankingModel;
}

function scoreSection(section: StoredSection, document: StoredDocument, e: Evidence): RankedSection {
  const w = e.model.section;
  const rules = e.model.coverage;
  // A heading cut from a numbered paragraph ("1. Ban Thường vụ … lãnh đạo, chỉ đạo…") is the paragraph's
  // first words, not a title: it counts less.
  const headingWeight = !section.heading ? 0 : section.heading.endsWith('…') ? rules.cutHeadingFactor : 1;
  // The section's own heading counts fully, its ancestors' headings (the path) less: "Hình thức tuyên truyền"
  // must beat a sibling part whose parent heading merely lists "…, hình thức tuyên truyền".
  const own = profileOf(section.heading);
  const path = profileOf(e.path);
  const match = (units: QuestionUnits) => Math.max(coverage(units, own, rules), rules.pathFactor * coverage(units, path, rules));
  const headingCoverage = headingWeight * match(e.units);
  const residualCoverage = headingWeight * match(e.residual);
  const text = [document.type, document.number, document.title, document.issuer, document.place, e.path, section.fullText].join('\n');
  const cov = coverage(e.units, profileOf(text), rules);
  let score = e.base + w.coverage * cov + w.heading * headingCoverage + w.residualHeading * residualCoverage + w.documentAffinity * e.affinity;
  if (section.label === '' && (e.intent.shape === 'factoid' || e.intent.shape === 'list')) score -= w.openingPenalty;
  if (e.citesNumber) score += w.numberCited;
  if (document.type && e.intent.docTypes.includes(document.type)) score += w.documentType;
  if ((e.intent.shape === 'basis' || e.intent.shape === 'issuer') && section.label === '') score += w.basisOpening;
  return { section, document, score, coverage: cov, citesNumber: e.citesNumber };
}

/** Ids of the citing sections whose document passes the filter. */
async function sectionIdsFor(cited: Map<string, string | null>, filter: SearchFilter, catalog: Catalog): Promise<string[]> {
  const ids: string[] = [];
  for (const [key, sectionId] of cited) {
    if (sectionId === null) continue;
    const entry = await catalog.get(key.slice(0, key.indexOf('|')));
    if (!entry || (filter.years && !filter.years.includes(entry.document.year ?? -1))) continue;
    ids.push(sectionId);
  }
  return ids;
}
