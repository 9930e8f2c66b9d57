/**
 * Quality at scale and the baseline recipe over the same collection: the dev-set metrics of src/eval/score.ts
 * for our answers and for the baseline (src/eval/baseline.ts), plus the baseline's own answer latency.
 */
import { yearsOf } from '../core/document-years.ts';
import type { Core } from '../app/open-core.ts';
import { toAskJson } from '../ask/ask-json.ts';
import { createBaseline } from '../eval/baseline.ts';
import type { EvalQuestion } from '../eval/dataset.ts';
import { scoreByKind, type EvalResult, type Metrics } from '../eval/score.ts';
import { quoteKey } from '../text/normalize.ts';
import { pairsCopy, syllablePairs } from '../answer/near-copy.ts';
import { SAME_CONTENT_LEAD } from '../answer/copied-bodies.ts';
import { LEVEL_RANK } from '../organisation/body.ts';
import type { SourceDocument } from './synthetic-corpus.ts';
import { summarise, type LatencySummary } from './stats.ts';

/** The overall metrics, without the latencies (those are measured separately). */
export type QualityMetrics = Omit<Metrics, 'latency_p50_ms' | 'latency_p95_ms'> & {
  /** Questions scored (fewer than the dev set when a time budget cut the pass short). */
  scored: number;
  /** Citations pointing to a synthetic document. */
  synthetic_citations: number;
  /**
   * Answers quoting a synthetic document for words that a bundled (real) document of the same year and of the same
   * or a higher level also says (issue 13: without a unit the highest body's document is quoted, a copy never).
   */
  copies_over_real: number;
  /** Answers quoting a synthetic copy of a bundled document's words without naming the other bodies that say them. */
  copies_unnamed: number;
};

/** A bundled document as the copy check sees it: its syllable pairs, its issuer's level and its year. */
interface RealDocument {
  pairs: Set<string>;
  rank: number;
  year: number | null;
}

/** Everything the scorer needs about the collection: quote keys and years by source, issuers' levels. */
export interface ScoringContext {
  documents: Map<string, string>;
  yearOf: Map<string, number | null>;
  /** Every year a document answers for (src/core/document-years.ts), for the year-violation count. */
  yearsOf: Map<string, Array<number | null>>;
  /** Level rank of each document's issuer (0 Trung ương … 40 unknown), by source. */
  rankOf: Map<string, number>;
  /** The bundled documents (not synthetic). */
  real: RealDocument[];
}

/** Builds the scoring context from the store's active documents and the files they were ingested from. */
export async function scoringContext(core: Core, files: SourceDocument[]): Promise<ScoringContext> {
  const docs = await core.store.listDocuments({ status: 'active' });
  const textOf = new Map(files.map((f) => [f.name, f.text]));
  const directory = await core.organisations.directory();
  const documents = new Map<string, string>();
  const rankOf = new Map<string, number>();
  const real: RealDocument[] = [];
  for (const d of docs) {
    const rank = directory.bodyOf(d.id)?.rank ?? LEVEL_RANK.unknown;
    rankOf.set(d.source, rank);
    const text = textOf.get(d.source);
    if (text === undefined) continue;
    documents.set(d.source, quoteKey(text));
    if (!isSynthetic(d.source)) real.push({ pairs: syllablePairs(text), rank, year: d.year });
  }
  return { documents, yearOf: new Map(docs.map((d) => [d.source, d.year])), yearsOf: new Map(docs.map((d) => [d.source, yearsOf(d)])), rankOf, real };
}

const isSynthetic = (source: string): boolean => source.startsWith('synthetic-');

/**
 * The levels of the bundled documents of `year` that say a quote's words (the quote is a near-copy of a passage of
 * the document). Another year's plan saying the same words is not the same answer.
 */
function realRanksSaying(quote: string, year: number | null, ctx: ScoringContext): number[] {
  const pairs = syllablePairs(quote);
  return ctx.real.filter((d) => d.year === year && pairsCopy(d.pairs, pairs)).map((d) => d.rank);
}

/** Counts the answers breaking the copy rules: a synthetic copy quoted over a real document, or others unnamed. */
function copyChecks(results: EvalResult[], ctx: ScoringContext): { overReal: number; unnamed: number } {
  let overReal = 0;
  let unnamed = 0;
  for (const r of results) {
    let over = false;
    let copied = false;
    for (const c of r.response.citations) {
      if (!isSynthetic(c.source) || !c.quote) continue;
      const ranks = realRanksSaying(c.quote, ctx.yearOf.get(c.source) ?? null, ctx);
      if (ranks.length === 0) continue;
      copied = true;
      const own = ctx.rankOf.get(c.source) ?? LEVEL_RANK.unknown;
      if (ranks.some((rank) => rank <= own)) over = true;
    }
    if (over) overReal++;
    if (copied && !r.response.answer.includes(SAME_CONTENT_LEAD)) unnamed++;
  }
  return { overReal, unnamed };
}

/** Scores a set of answers. */
export function quality(questions: EvalQuestion[], results: EvalResult[], ctx: ScoringContext): QualityMetrics {
  const { overall } = scoreByKind(questions, results, ctx.documents, ctx.yearsOf);
  const { latency_p50_ms: _p50, latency_p95_ms: _p95, ...rest } = overall;
  const synthetic = results.flatMap((r) => r.response.citations).filter((c) => isSynthetic(c.source)).length;
  const copies = copyChecks(results, ctx);
  return { ...rest, scored: results.length, synthetic_citations: synthetic, copies_over_real: copies.overReal, copies_unnamed: copies.unnamed };
}

/**
 * The unit of a user asking `q`: the body that issued its gold document, as the collection's hierarchy names it
 * (what `/donvi` would confirm); none for a question with no gold document (refusals, absent years).
 */
async function unitFor(core: Core, q: EvalQuestion, bySource: Map<string, string>): Promise<string | undefined> {
  const id = q.gold?.[0] ? bySource.get(q.gold[0].source) : undefined;
  if (!id) return undefined;
  const directory = await core.organisations.directory();
  return directory.bodyOf(id)?.name;
}

/**
 * The dev set again, each question asked by a user whose unit is the issuer of its gold document
 * (`qualityWithOrganisation` in results.json): what a deployment whose users set their unit gets.
 */
export async function qualityWithOrganisation(core: Core, questions: EvalQuestion[], ctx: ScoringContext): Promise<QualityMetrics> {
  const docs = await core.store.listDocuments({ status: 'active' });
  const bySource = new Map(docs.map((d) => [d.source, d.id]));
  const results: EvalResult[] = [];
  for (const q of questions) {
    const organisation = await unitFor(core, q, bySource);
    const answer = await core.engine.ask({ text: q.question, conversationId: `bench:unit:${q.id}`, channel: 'bench', ...(organisation ? { organisation } : {}) });
    results.push({ id: q.id, question: q.question, response: toAskJson(answer) });
  }
  return quality(questions, results, ctx);
}

/** The baseline over the whole collection: its metrics and its latency (sequential, after a warm-up pass). */
export interface BaselineRun {
  quality: QualityMetrics;
  latency: LatencySummary;
  buildSeconds: number;
}

/** Builds the baseline index over every active document and measures it on the dev set. */
export async function measureBaseline(core: Core, files: SourceDocument[], questions: EvalQuestion[], ctx: ScoringContext, passes: number): Promise<BaselineRun> {
  const started = performance.now();
  const textOf = new Map(files.map((f) => [f.name, f.text]));
  const docs = await core.store.listDocuments({ status: 'active' });
  const inputs = [];
  for (const document of docs) {
    const text = textOf.get(document.source);
    if (text !== undefined) inputs.push({ document, text, sections: await core.store.getSections(document.id) });
  }
  const baseline = await createBaseline(inputs, core.embedder);
  const buildSeconds = (performance.now() - started) / 1000;
  const results: EvalResult[] = [];
  for (const q of questions) results.push({ id: q.id, question: q.question, response: await baseline.ask(q.question) });
  const latencies: number[] = [];
  const timed = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    for (const q of questions) {
      const t = performance.now();
      await baseline.ask(q.question);
      latencies.push(performance.now() - t);
    }
  }
  return { quality: quality(questions, results, ctx), latency: summarise(latencies, performance.now() - timed), buildSeconds };
}
