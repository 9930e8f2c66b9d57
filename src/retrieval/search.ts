/**
 * Hybrid retrieval: BM25 over syllables and pairs (exact and folded views) plus pgvector similarity find
 * candidate chunks; they are aggregated to sections ("small to big"), the parts above the best candidates
 * join them (a list question may be answered by a whole part), and every candidate is described by the
 * features of the ranking model (src/retrieval/ranking-model.ts) and scored with its weights.
 */
import { coversYear } from '../core/document-years.ts';
import type { DocumentStore, Embedder, SearchFilter, ChunkHit } from '../core/ports.ts';
import type { OutlineEntry, StoredDocument, StoredSection } from '../core/types.ts';
import { bm25Idf } from '../core/bm25.ts';
import { findNumberKeys } from '../text/number-key.ts';
import { UNTIMED, type StageClock } from '../core/stage-clock.ts';
import type { Catalog } from './catalog.ts';
import { unitTerm, type QuestionUnits, type TextProfile } from './coverage.ts';
import { namedDocuments } from './named-documents.ts';
import { topicUnits, type QueryIntent } from './understand.ts';
import { STORY_WEIGHT, storyOnly } from './frame-words.ts';
import { scoreOf, weightsFor, type Features, type RankingModel } from './ranking-model.ts';
import type { OutlineCache, SectionPlace } from './outline-cache.ts';
import { sectionFeatures } from './section-features.ts';
import type { DirectiveModel } from './directive-model.ts';
import type { ProfileCache } from './profile-cache.ts';
import type { UnitChain } from '../organisation/organisations.ts';

/** A section with its evidence. */
export interface RankedSection {
  section: StoredSection;
  document: StoredDocument;
  score: number;
  /** Share of the question found in the section (with its heading path and document title). */
  coverage: number;
  /** The section cites a document number the question names. */
  citesNumber: boolean;
  features: Features;
  /** Where it stands in its document (null when its outline could not be read). */
  place: SectionPlace | null;
}

export interface RetrievalDeps {
  store: DocumentStore;
  embedder: Embedder;
  catalog: Catalog;
  outlines: OutlineCache;
  directives: DirectiveModel;
  /** Profiles of stored texts, kept across questions. */
  profiles: ProfileCache;
  model: RankingModel;
}

/** Candidates whose parent parts join the ranking. */
const PARENT_SOURCES = 20;

/** Hits of two searches, each chunk once. */
function union(a: ChunkHit[], b: ChunkHit[]): ChunkHit[] {
  const seen = new Set(a.map((h) => h.chunkId));
  return [...a, ...b.filter((h) => !seen.has(h.chunkId))];
}

/** Best hit of each section, relative to the best hit overall (0..1). */
function bestBySection(hits: ChunkHit[]): Map<string, number> {
  const max = Math.max(0, ...hits.map((h) => h.score));
  const out = new Map<string, number>();
  if (max <= 0) return out;
  for (const h of hits) out.set(h.sectionId, Math.max(out.get(h.sectionId) ?? 0, Math.max(0, h.score) / max));
  return out;
}

/**
 * Sections citing a document number the question names: "documentId|label" → section id. A number cited by
 * thousands of documents contributes its newest few hundred, plus every citation in the documents the question
 * names ("Đề án 17 của Tỉnh ủy Lào Cai") and in those of the asker's chain, which may be older than all of those.
 */
async function sectionsCitingNumbers(store: DocumentStore, intent: RankingIntent, named: string[], limit: number): Promise<Map<string, string | null>> {
  const cited = new Map<string, string | null>();
  // The asker's chain too: its own plan citing the number may be older than the newest few hundred copies.
  const own = [...new Set([...named, ...(intent.unit ? intent.unit.closeness.keys() : [])])];
  for (const key of intent.numberKeys) {
    const hits = [...(await store.findReferences(key, limit)), ...(own.length > 0 ? await store.findReferences(key, limit, own) : [])];
    for (const hit of hits) cited.set(`${hit.documentId}|${hit.sectionLabel}`, hit.sectionId);
  }
  return cited;
}

/** The question as ranking reads it: its intent, and the asker's unit when one is set. */
type RankingIntent = QueryIntent & { unit?: UnitChain | null };

/**
 * Retrieves and ranks sections for a question, best first. With the asker's unit, the documents of its chain are
 * searched on their own as well: among thousands of near-copies, the unit's own may not make the general cut.
 */
export async function retrieveSections(
  intent: RankingIntent,
  filter: SearchFilter,
  deps: RetrievalDeps,
  stages: StageClock = UNTIMED,
): Promise<RankedSection[]> {
  const { store, embedder, catalog, model } = deps;
  const k = model.candidates;
  const vectorOf = stages.time('vector', async () => (await embedder.embed([[intent.text, ...intent.paraphrases].join(' ')]))[0]);
  const [units, named] = await stages.time('lexical', async () => {
    const weightedUnits = await weighted(store, topicUnits(intent), intent.askedSyllables);
    return [weightedUnits, await namedDocuments(catalog, weightedUnits, filter.years, model.named)] as const;
  });
  const search = (f: SearchFilter) =>
    Promise.all([
      stages.time('lexical', () => store.lexicalSearch(intent.terms, f, k)),
      stages.time('vector', async () => {
        const vector = await vectorOf;
        return vector ? store.vectorSearch(embedder.model, vector, f, k) : [];
      }),
    ]);
  const chainIds = intent.unit && !filter.documentIds ? [...intent.unit.closeness.keys()] : [];
  const [[lex, vec], [namedLex, namedVec], [chainLex, chainVec], citing] = await Promise.all([
    search(filter),
    named.length > 0 ? search({ ...filter, documentIds: named }) : Promise.resolve([[], []]),
    chainIds.length > 0 ? search({ ...filter, documentIds: chainIds }) : Promise.resolve([[], []]),
    stages.time('lexical', () => sectionsCitingNumbers(store, intent, named, model.maxCitingSections)),
  ]);
  const found = { units, lex: union(lex, chainLex), vec: union(vec, chainVec), namedLex, namedVec, citing };
  return stages.time('ranking', () => rankCandidates(intent, filter, deps, found));
}

interface Candidates {
  units: QuestionUnits;
  lex: ChunkHit[];
  vec: ChunkHit[];
  namedLex: ChunkHit[];
  namedVec: ChunkHit[];
  citing: Map<string, string | null>;
}

/** Reads the candidate sections (and the parts above the best ones) and scores each with the ranking model. */
async function rankCandidates(intent: RankingIntent, filter: SearchFilter, deps: RetrievalDeps, found: Candidates): Promise<RankedSection[]> {
  const { store, catalog, model } = deps;
  const { units, lex, vec, namedLex, namedVec, citing } = found;
  const lexical = bestBySection(union(lex, namedLex));
  const vectors = bestBySection(union(vec, namedVec));
  const ids = new Set([...lexical.keys(), ...vectors.keys(), ...(await sectionIdsFor(citing, filter, catalog))]);
  const sections = await store.getSectionsByIds([...ids]);
  const places = await deps.outlines.places(sections.map((s) => ({ documentId: s.documentId, label: s.label })));
  sections.push(...(await parentSections(sections, places, lexical, vectors, store)));
  const parentPlaces = await deps.outlines.places(sections.map((s) => ({ documentId: s.documentId, label: s.label })));
  const byKey = new Map(sections.map((s) => [`${s.documentId}|${s.label}`, s]));
  // The best lexical hit within each unit (an article and its clauses).
  const unitLexical = new Map<string, number>();
  for (const s of sections) {
    const unit = unitOf(parentPlaces.get(`${s.documentId}|${s.label}`));
    const key = unit ? `${s.documentId}|${unit.label}` : `${s.documentId}|${s.label}`;
    unitLexical.set(key, Math.max(unitLexical.get(key) ?? 0, lexical.get(s.id) ?? 0));
  }
  const ranked: RankedSection[] = [];
  for (const section of sections) {
    const entry = await catalog.get(section.documentId);
    if (!entry) continue;
    const key = `${section.documentId}|${section.label}`;
    const place = parentPlaces.get(key) ?? null;
    const citesNumber = citing.has(key) && !(section.label === '' && namedBy(entry.document, intent));
    const unitEntry = unitOf(place);
    const unitKey = unitEntry ? `${section.documentId}|${unitEntry.label}` : key;
    const features = sectionFeatures(section, entry.document, {
      unit: byKey.get(unitKey) ?? section,
      unitLexical: unitLexical.get(unitKey) ?? 0,
      intent,
      units,
      residual: residualUnits(units, entry.profile),
      documentProfile: entry.profile,
      place,
      lexical: lexical.get(section.id) ?? 0,
      vector: vectors.get(section.id) ?? 0,
      citesNumber,
      chain: intent.unit?.closeness.get(section.documentId) ?? 0,
      rules: model.coverage,
      matchesBody: deps.directives.matchesBody,
      profiles: deps.profiles,
    });
    ranked.push({ section, document: entry.document, score: scoreOf(features, weightsFor(entry.document, model)), coverage: features.coverage, citesNumber, features, place });
  }
  return ranked.sort((a, b) => b.score - a.score || a.document.source.localeCompare(b.document.source) || a.section.order - b.section.order);
}

/**
 * The parts above the best candidates that are not candidates themselves: "những cơ quan nào được giao" is
 * answered by the whole "Tổ chức thực hiện" part, whose own text may be no more than its heading.
 */
async function parentSections(
  sections: StoredSection[],
  places: Map<string, SectionPlace>,
  lexical: Map<string, number>,
  vectors: Map<string, number>,
  store: DocumentStore,
): Promise<StoredSection[]> {
  const have = new Set(sections.map((s) => s.id));
  const strongest = [...sections]
    .sort((a, b) => (lexical.get(b.id) ?? 0) + (vectors.get(b.id) ?? 0) - ((lexical.get(a.id) ?? 0) + (vectors.get(a.id) ?? 0)))
    .slice(0, PARENT_SOURCES);
  const wanted = new Set<string>();
  for (const s of strongest) {
    for (const a of places.get(`${s.documentId}|${s.label}`)?.ancestors ?? []) if (!have.has(a.id) && a.label !== '') wanted.add(a.id);
  }
  for (const s of sections) {
    const unit = unitOf(places.get(`${s.documentId}|${s.label}`));
    if (unit && !have.has(unit.id)) wanted.add(unit.id);
  }
  return wanted.size > 0 ? store.getSectionsByIds([...wanted]) : [];
}

/**
 * The unit a section is read in: its article (`Điều 5` for `Điều 5.2.a`), or else its parent part. A clause
 * often answers with words of its article's title and of the clauses beside it.
 */
export function unitOf(place: SectionPlace | undefined | null): OutlineEntry | null {
  if (!place) return null;
  const chain = [...place.ancestors, place.entry];
  const article = chain.find((e) => /^Điều \d+$/u.test(e.label));
  if (article) return article;
  const parent = place.ancestors[place.ancestors.length - 1];
  return parent && parent.label !== '' ? parent : place.entry;
}

/** The question's units that the document profile does not contain: what the question asks of the document. */
function residualUnits(units: QuestionUnits, profile: TextProfile): QuestionUnits {
  return {
    singles: units.singles.filter((u) => !profile.units.has(u)),
    pairs: units.pairs.filter((u) => !profile.units.has(u)),
    weights: units.weights,
    optional: (units.optional ?? []).filter((u) => !profile.units.has(u)),
  };
}

/** Weighs each question unit by its IDF in the collection (unseen units weigh the most). */
async function weighted(store: DocumentStore, units: QuestionUnits, asked: Set<string> | null): Promise<QuestionUnits> {
  const all = [...units.singles, ...units.pairs, ...(units.optional ?? [])];
  const terms = all.map((u) => unitTerm(u));
  const { total, df } = await store.termFrequencies(terms);
  const story = (u: string) => (storyOnly(u, asked) ? STORY_WEIGHT : 1);
  const weights = new Map(all.map((u, i) => [u, story(u) * bm25Idf(total, df.get(terms[i] as string) ?? 0)]));
  return { ...units, weights };
}

/** Shapes answered from a document's opening: there, citing the number named is what is asked. */
const OPENING_SHAPES: ReadonlySet<string> = new Set(['mentions', 'basis', 'issuer', 'in_force']);

/**
 * The question names the document by a number its title or its own number bears ("Kế hoạch thực hiện Đề án 17"):
 * its opening cites that number because it is the document's name, which is no answer to what is asked of it.
 */
function namedBy(document: StoredDocument, intent: RankingIntent): boolean {
  if (intent.numberKeys.length === 0 || OPENING_SHAPES.has(intent.shape)) return false;
  const own = findNumberKeys([document.title, document.number ?? ''].join(' '));
  return intent.numberKeys.some((k) => own.includes(k));
}

/** Ids of the citing sections whose document passes the filter. */
async function sectionIdsFor(cited: Map<string, string | null>, filter: SearchFilter, catalog: Catalog): Promise<string[]> {
  const ids: string[] = [];
  for (const [key, sectionId] of cited) {
    if (sectionId === null) continue;
    const entry = await catalog.get(key.slice(0, key.indexOf('|')));
    if (!entry || (filter.years && !coversYear(entry.document, filter.years))) continue;
    if (filter.documentIds && !filter.documentIds.includes(entry.document.id)) continue;
    ids.push(sectionId);
  }
  return ids;
}
