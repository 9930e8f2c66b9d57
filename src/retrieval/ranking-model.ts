/**
 * The ranking model: every weight and threshold that decides which sections answer a question, which of them
 * are cited, and when the engine refuses. Search, section selection, talking points and the refusal read them
 * from here; `npm run eval` can sweep any of them (see src/eval/). Values were chosen on the tuning sets, never
 * per question; the README ("How it works") explains what each feature is worth.
 */
import fitted from '../../data/ranking-weights.json' with { type: 'json' };
import { STATE_LEGAL_TYPES } from '../core/types.ts';

/**
 * The evidence about one candidate section, each a number (mostly 0..1). A section's score is the weighted
 * sum; the weights are fitted on the tuning questions (`npm run eval -- --fit`, data/ranking-weights.json).
 */
export const FEATURES = [
  /** Best BM25 score of the section's chunks, relative to the best hit of the search. */
  'lexical',
  /** Best vector similarity of the section's chunks, relative to the best hit. */
  'vector',
  /** Share of the question found in the section text with its heading path and the document's names. */
  'coverage',
  /** Share of what the question asks beyond naming the document found in the section text. */
  'residualCoverage',
  /** Share of the question in the section's own heading (or, discounted, its parents' headings). */
  'heading',
  /** The same for the words that do not merely name the document. */
  'residualHeading',
  /** Share of the section's own heading that the question asks (the reverse of `heading`). */
  'headingShare',
  /** Share of the question found in the document's profile (type, number, title, issuer, place, opening). */
  'affinity',
  /** The section cites a document number the question names. */
  'citesNumber',
  /** The document's type is the one the question names. */
  'docType',
  /** The opening part, for "what is it based on" and "who issued it". */
  'basisOpening',
  /** The opening part, for a question about content (it names the document, not the topic). */
  'contentOpening',
  /** Share of the roles the question asks for ("trọng tâm", "hình thức") that the section's heading names. */
  'facetOwn',
  /**
   * The section's heading names a role the asker sets aside ("Ngoài các vấn đề trọng điểm, … còn … những nội dung
   * nào?": the focus part is what is not asked).
   */
  'facetExcluded',
  /** The role asked for is named by a parent part's heading only. */
  'facetInherited',
  /** Share of the roles the section's heading names that the question does not ask for. */
  'facetClash',
  /** The question asks for roles and neither the section's heading nor its parents' name any of them. */
  'facetMissing',
  /** The question asks what a body must do and the section is that body's entry. */
  'bodyMatch',
  /** The question asks what a body must do and the section is another body's entry. */
  'bodyClash',
  /** The question asks what a body must do and the section is the part listing every body's entry. */
  'bodyParent',
  /** A list question and a section that is a list (bullets or numbered children). */
  'listPart',
  /** Share of the question found in the section's whole subtree (its parts' text too). */
  'subtreeCoverage',
  /** The question names an administrative level ("cấp xã") and the section's heading names it too. */
  'levelMatch',
  /** The question names a level and the section's heading names another one. */
  'levelClash',
  /**
   * The question names a year and the section's heading, or a heading above it, names it ("II. CHỈ TIÊU NĂM 2026" ›
   * "1. Chỉ tiêu về chuyển đổi số": the part under it is as much of that year as the part itself).
   */
  'yearHeading',
  /** Share of the question found in the section's article (or parent part) as a whole. */
  'unitCoverage',
  /** Best BM25 score within the section's article (or parent part), relative to the best hit. */
  'unitLexical',
  /**
   * The section's heading is the first words of its paragraph, cut ("2. Nội quy nhà chung cư không được cấm …"): a
   * law's clause or a numbered paragraph, not a title. Its directive weight is 0 (never fitted); the law weight says
   * whether a law question is answered by a clause rather than by its article.
   */
  'cutHeading',
  /**
   * `facetOwn` of a cut heading: a role read off a sentence ("… không được cấm …" is no part on what is forbidden)
   * may count otherwise than one a title names ("Điều 6. Các hành vi bị nghiêm cấm"). Directive weight 0, like `cutHeading`.
   */
  'cutRole',
  /**
   * The question asks for an amount ("mấy ngày", "mấy giờ", "bao nhiêu tiền", "mấy lần") and the section (with the
   * headings above it) states one of that kind and unit ("trong thời hạn 05 ngày làm việc"; src/retrieval/asked-amount.ts).
   */
  'amountStated',
  /**
   * The section's document is no longer in force: replaced, abolished or ended by another document of the
   * collection (src/retrieval/force-status.ts). Negative, so "quy định hiện hành về …" answers from the one in
   * force while the old one stays citable (and flagged) when asked for by name.
   */
  'superseded',
  /**
   * The section's document is of the asker's unit (1) or of a body above it (less for each step up: 0.67 the
   * parent, 0.5 the one above …); 0 outside that chain and when no unit is set (src/organisation/). Plans of many
   * bodies copy each other word for word; this is what makes "nội dung trọng tâm năm 2023" mean the asker's own.
   * No tuning question sets a unit, so the fit keeps its prior weight.
   */
  'chain',
] as const;

export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

/** A section of this type of document is scored with the law weights (a state legal document: Luật, Nghị định…). */
export function scoredAsLaw(documentType: string | null): boolean {
  return documentType !== null && (STATE_LEGAL_TYPES as ReadonlySet<string>).has(documentType);
}

/** The weights a section of this document is scored with. */
export function weightsFor(document: { type: string | null }, model: Pick<RankingModel, 'weights' | 'lawWeights'>): Features {
  return scoredAsLaw(document.type) ? model.lawWeights : model.weights;
}

/** The score of a section: the weighted sum of its features. */
export function scoreOf(features: Features, weights: Features): number {
  let score = 0;
  for (const f of FEATURES) score += features[f] * weights[f];
  return score;
}

/**
 * What tells a question the collection can answer from one it cannot (prices, weather, who holds an office
 * today). The chance that a question is answerable is the logistic of the weighted sum plus a bias; below one
 * half the engine refuses. Fitted (`npm run eval -- --fit-all`) on the tuning sets' answerable and out-of-scope
 * questions.
 */
export const REFUSAL_FEATURES = [
  /** The best section's ranking score, divided by 10 (how strongly everything points at it). */
  'score',
  /** Share of the question found in the best section. */
  'coverage',
  /** Share of what the question asks beyond naming a document found in the best section. */
  'residualCoverage',
  /**
   * The best section is in a state legal document (Luật, Nghị định, Thông tư…): people ask those in their own
   * situation's words ("mở góc đọc sách trong nhà có cần xin phép không"), far from the article's wording.
   */
  'stateLaw',
  /** Share of the question's content words the collection has never seen ("xăng", "bóng đá"). */
  'unknownShare',
  /** Share of the question's pairs of content words the collection has never seen together ("giá vàng"). */
  'unknownPairShare',
  /** The question asks for a role of a directive's parts (content, form, tasks, schedule…). */
  'facet',
  /** The question names a body plans assign tasks to. */
  'body',
  /** The question names a document by its number. */
  'namedNumber',
  /** The question is about today ("hiện nay", "hôm nay", "mới nhất"), which dated directives do not tell. */
  'now',
  /** The question asks who someone is ("ai là", "là ai") or about a person's life ("sinh năm nào"). */
  'whoIs',
  /** The question asks a price ("giá … bao nhiêu", "1 kg"). */
  'price',
] as const;

export type RefusalFeatureName = (typeof REFUSAL_FEATURES)[number];
export type RefusalFeatures = Record<RefusalFeatureName, number>;

/** The refusal model: a bias and a weight per feature. */
export interface RefusalModel {
  bias: number;
  weights: RefusalFeatures;
}

/** Chance (0..1) that a question with these features can be answered from the collection. */
export function answerableChance(features: RefusalFeatures, model: RefusalModel): number {
  let z = model.bias;
  for (const f of REFUSAL_FEATURES) z += features[f] * model.weights[f];
  return 1 / (1 + Math.exp(-z));
}

/** How a question's coverage of a text is counted (src/retrieval/coverage.ts). */
export interface CoverageRules {
  /** A syllable pair weighs this much more than a syllable: a shared two-syllable word is stronger evidence. */
  pairFactor: number;
  /** Without a single shared pair, scattered syllables are weak evidence: coverage is multiplied by this. */
  noPairFactor: number;
  /** Weight of a match on ancestor headings relative to the section's own heading. */
  pathFactor: number;
  /** Weight of a heading cut from a numbered paragraph (its first words, not a title). */
  cutHeadingFactor: number;
}

/** Which ranked sections an answer cites (src/answer/select.ts). */
export interface SelectionRules {
  /** A second section is cited only if its score is at least this share of the best one… */
  tieRatio: number;
  /** …and its coverage at least this share of the best one's. */
  tieCoverageRatio: number;
  /** Most sections cited for a fact or a list. */
  maxCited: number;
  /** Most sections cited for "where is it mentioned" (3 when the question does not ask for every place). */
  maxMentions: number;
  /** Share of the question a section must cover to count as mentioning a phrase. */
  phraseCoverage: number;
  /** A comparison naming fewer than two years sets a second document beside the first when it scores this share of it. */
  sideRatio: number;
  /** A heading-only parent gives way to its best child scoring at least this share of it (fact questions). */
  childRatio: number;
  /**
   * An amount asked for that the best section's document does not state ("Luật: mức hỗ trợ do Chính phủ quy
   * định") is taken from another document's section scoring at least this share of the best one (the decree's).
   */
  valueElsewhere: number;
}

/** Named documents searched on their own in large collections (src/retrieval/named-documents.ts). */
export interface NamedDocumentRules {
  /** A unit found in the profiles of at most this many documents names them. */
  maxNamed: number;
  /** Documents whose share of the best match is below this are not named. */
  minRelative: number;
  /** A pair counts this much more than a syllable when naming a document. */
  pairFactor: number;
}

/** Talking points for báo cáo viên (src/answer/talking-points.ts). */
export interface TalkingPointRules {
  /** A bullet must contain at least this share of the topic to become a point. */
  minParagraphCoverage: number;
  /** Sections considered. */
  maxSections: number;
}

/** The whole model. */
export interface RankingModel {
  /** Weight of each feature in a section's score (sections of Party directives, reports, plans…). */
  weights: Features;
  /**
   * The weights for sections of state legal documents (Luật, Nghị định, Thông tư…). A law is read otherwise than a
   * plan: its answers are articles and clauses asked about in the asker's own situation, and a list is an article
   * whose clauses share the words of the question between them. Fitted together with `weights`, each weight
   * pulled towards the directive one unless the law questions show otherwise.
   */
  lawWeights: Features;
  coverage: CoverageRules;
  selection: SelectionRules;
  named: NamedDocumentRules;
  talkingPoints: TalkingPointRules;
  /** When to refuse. */
  refusal: RefusalModel;
  /** Talking points use only sections covering at least this share of the topic. */
  minCoverage: number;
  /** Chunks fetched from each index before aggregation to sections. */
  candidates: number;
  /** Most sections citing a named document number that are ranked (bounds work on large collections). */
  maxCitingSections: number;
}

/** The product's model. */
export const DEFAULT_RANKING_MODEL: RankingModel = {
  weights: fitted.weights,
  lawWeights: fitted.lawWeights,
  refusal: fitted.refusal,
  coverage: { pairFactor: 1.5, noPairFactor: 0.5, pathFactor: 0.7, cutHeadingFactor: 0.5 },
  selection: { tieRatio: 0.92, tieCoverageRatio: 0.8, maxCited: 3, maxMentions: 5, phraseCoverage: 0.9, sideRatio: 0.7, childRatio: 0.75, valueElsewhere: 0.6 },
  named: { maxNamed: 20, minRelative: 0.5, pairFactor: 1.5 },
  talkingPoints: { minParagraphCoverage: 0.34, maxSections: 12 },
  minCoverage: 0.37,
  candidates: 60,
  maxCitingSections: 200,
};

/** A model with some values replaced (the eval's sweeps, tests). */
export function withModel(overrides: DeepPartial<RankingModel>, base: RankingModel = DEFAULT_RANKING_MODEL): RankingModel {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = typeof value === 'object' && value !== null && typeof current === 'object' ? { ...current, ...value } : value;
  }
  return out as unknown as RankingModel;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };
