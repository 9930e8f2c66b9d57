/**
 * Fits the ranking model's feature weights on the tuning questions (`npm run eval -- --fit`): every question of
 * the tuning sets is ranked by the engine exactly as it would be answered; the sections that answer it (its
 * gold) should come first. A listwise (softmax) model over the features learns weights that rank them so,
 * with a small L2 penalty; the result goes to data/ranking-weights.json. Deterministic: the same sets give
 * the same weights.
 */
import { readFileSync } from 'node:fs';
import { contractLabel } from '../ask/ask-json.ts';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { openCore } from '../app/open-core.ts';
import { FEATURES, REFUSAL_FEATURES, scoreOf, scoredAsLaw, weightsFor, type Features, type RefusalFeatures, type RefusalModel } from '../retrieval/ranking-model.ts';
import { loadQuestions, type EvalQuestion } from './dataset.ts';
import { matches } from './score.ts';

/** One tuning set: question files and the document folders they are asked about. */
export interface FitSet {
  questions: string[];
  documents: string[];
}

/** One candidate section: its features, and its document's type (a state legal document's are scored with the law weights). */
export interface FitCandidate {
  features: Features;
  documentType: string | null;
}

/** The candidates of one question, split by whether they answer it. */
export interface FitExample {
  id: string;
  positives: FitCandidate[];
  negatives: FitCandidate[];
}

/** The two weight vectors of the ranking model (src/retrieval/ranking-model.ts). */
export interface FittedWeights {
  weights: Features;
  lawWeights: Features;
}

/** A labelled question for the refusal model: what it reads off the question, and whether it should answer. */
export interface RefusalExample {
  id: string;
  features: RefusalFeatures;
  answerable: boolean;
}

/** Ranks every tuning question; labels the candidates of the answerable ones, and every question for refusal. */
export async function collectExamples(
  sets: FitSet[],
  config: Config,
  logger: Logger,
  limit = 60,
): Promise<{ examples: FitExample[]; refusals: RefusalExample[]; missed: string[] }> {
  const examples: FitExample[] = [];
  const refusals: RefusalExample[] = [];
  const missed: string[] = [];
  for (const set of sets) {
    const questions = set.questions.flatMap((path) => loadQuestions(path)).filter((q) => q.expect === 'answer' || q.expect === 'refuse');
    const core = await openCore({ config, logger, databaseUrl: 'memory://', offline: true });
    try {
      await core.ingestor.ingestPaths(set.documents);
      core.catalog.invalidate();
      for (const q of questions) {
        const explained = await core.engine.explain(q.question, limit);
        if (explained.refusal) {
          const features = Object.fromEntries(REFUSAL_FEATURES.map((f) => [f, explained.refusal?.[f] ?? 0])) as RefusalFeatures;
          refusals.push({ id: q.id, features, answerable: q.expect === 'answer' });
        }
        if (q.expect !== 'answer' || (q.gold?.length ?? 0) === 0) continue;
        // Gold labels are the contract's (`Điều 2`, not the store's `Quyết định.Điều 2`).
        const example = label(q, explained.candidates.map((c) => ({ ...c, section: contractLabel(c.section).section })));
        if (example.positives.length === 0) missed.push(q.id);
        else examples.push(example);
      }
    } finally {
      await core.close();
    }
  }
  return { examples, refusals, missed };
}

function label(q: EvalQuestion, candidates: Array<{ source: string; section: string; documentType: string | null; features: Record<string, number> }>): FitExample {
  const gold = q.gold ?? [];
  const accepted = [...gold, ...(q.also ?? [])];
  const candidate = (c: (typeof candidates)[number]): FitCandidate => ({
    features: Object.fromEntries(FEATURES.map((f) => [f, c.features[f] ?? 0])) as Features,
    documentType: c.documentType,
  });
  // A list is answered completely only by the section that holds it: prefer the gold itself to its parts.
  const exact = candidates.filter((c) => gold.some((g) => g.source === c.source && g.section === c.section));
  const inside = candidates.filter((c) => gold.some((g) => matches(c, g)));
  const positives = q.kind === 'list' && exact.length > 0 ? exact : inside;
  const negatives = candidates.filter((c) => !accepted.some((a) => matches(c, a)) && !positives.includes(c));
  return { id: q.id, positives: positives.map(candidate), negatives: negatives.map(candidate) };
}

/** A candidate's score under the fitted weights. */
function scoreWith(c: FitCandidate, w: FittedWeights): number {
  return scoreOf(c.features, weightsFor({ type: c.documentType }, w));
}

/** Share of (answering, other) candidate pairs that the weights order rightly. */
export function pairwiseAccuracy(examples: FitExample[], weights: FittedWeights): number {
  let right = 0;
  let all = 0;
  for (const e of examples) {
    for (const p of e.positives) {
      for (const n of e.negatives) {
        all += 1;
        if (scoreWith(p, weights) > scoreWith(n, weights)) right += 1;
      }
    }
  }
  return all === 0 ? 1 : right / all;
}

/** Share of questions whose best-ranked candidate answers them. */
export function topAccuracy(examples: FitExample[], weights: FittedWeights): number {
  if (examples.length === 0) return 1;
  const best = examples.filter((e) => {
    const top = Math.max(...e.negatives.map((n) => scoreWith(n, weights)), -Infinity);
    return e.positives.some((p) => scoreWith(p, weights) > top);
  });
  return best.length / examples.length;
}

/**
 * Listwise fit by full-batch gradient descent: for each question, a softmax over its candidates' scores, and
 * the loss is minus the log of the probability given to the sections that answer it (so the model learns to
 * put one of them first, not merely above the many easy others). Each question weighs the same; an L2 penalty
 * keeps the weights of rare features near zero. The law weights are the directive weights plus a difference
 * learnt from the candidates in state legal documents, under the same penalty: a law weight leaves the directive
 * one only as far as the law questions ask. With `keep`, the directive weights stay as given and only that
 * difference is learnt (the Party documents' ranking does not move when laws are fitted).
 */
export function fitWeights(
  examples: FitExample[],
  opts: { iterations?: number; rate?: number; l2?: number; prior?: FittedWeights; keep?: Features } = {},
): FittedWeights {
  const iterations = opts.iterations ?? 3000;
  const rate = opts.rate ?? 0.3;
  const l2 = opts.l2 ?? 0.003;
  const n = FEATURES.length;
  const keep = opts.keep;
  const w: number[] = [...(keep ? FEATURES.map((f) => keep[f]) : new Array(n).fill(0)), ...new Array(n).fill(0)];
  const isLaw = (c: FitCandidate) => scoredAsLaw(c.documentType);
  const row = (c: FitCandidate) => {
    const x = FEATURES.map((k) => c.features[k]);
    return [...x, ...(isLaw(c) ? x : x.map(() => 0))];
  };
  const lists = examples.filter((e) => e.negatives.length > 0).map((e) => ({ rows: [...e.positives, ...e.negatives].map(row), positives: e.positives.length }));
  for (let it = 0; it < iterations && lists.length > 0; it++) {
    const grad: number[] = new Array(2 * n).fill(0);
    for (const { rows, positives } of lists) {
      const scores = rows.map((r) => r.reduce((s, x, i) => s + x * (w[i] as number), 0));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const all = exp.reduce((a, b) => a + b, 0);
      const good = exp.slice(0, positives).reduce((a, b) => a + b, 0);
      rows.forEach((r, c) => {
        const target = c < positives ? (exp[c] as number) / good : 0;
        const g = (exp[c] as number) / all - target;
        if (g !== 0) r.forEach((x, i) => (grad[i] = (grad[i] as number) + g * x));
      });
    }
    w.forEach((_, i) => {
      if (keep && i < n) return;
      w[i] = (w[i] as number) - rate * ((grad[i] as number) / lists.length + l2 * (w[i] as number));
    });
  }
  // A feature the tuning questions never show (no replaced document among them, say) keeps its prior weight: the
  // data say nothing about it, and zero would switch it off.
  const all = examples.flatMap((e) => [...e.positives, ...e.negatives]);
  const seenIn = (list: FitCandidate[]) => new Set(FEATURES.filter((f) => list.some((c) => c.features[f] !== 0)));
  const seen = seenIn(all);
  const seenInLaw = seenIn(all.filter(isLaw));
  const r = (x: number) => Math.round(x * 1000) / 1000;
  const weights = keep ?? (Object.fromEntries(FEATURES.map((f, i) => [f, seen.has(f) || !opts.prior ? r(w[i] as number) : opts.prior.weights[f]])) as Features);
  const lawWeights = Object.fromEntries(
    FEATURES.map((f, i) => [f, seenInLaw.has(f) || !opts.prior ? r((w[i] as number) + (w[n + i] as number)) : weights[f]]),
  ) as Features;
  return { weights, lawWeights };
}

/**
 * The refusal model by logistic regression (gradient descent), each class weighing half: refusing an answerable
 * question and answering an out-of-scope one are equally wrong.
 */
export function fitRefusal(examples: RefusalExample[], opts: { iterations?: number; rate?: number; l2?: number } = {}): RefusalModel {
  const iterations = opts.iterations ?? 5000;
  const rate = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 0.002;
  const positives = examples.filter((e) => e.answerable).length;
  const negatives = examples.length - positives;
  const w = REFUSAL_FEATURES.map(() => 0);
  let bias = 0;
  if (positives === 0 || negatives === 0) return { bias, weights: Object.fromEntries(REFUSAL_FEATURES.map((f) => [f, 0])) as RefusalFeatures };
  for (let it = 0; it < iterations; it++) {
    const grad = w.map(() => 0);
    let gBias = 0;
    for (const e of examples) {
      const x = REFUSAL_FEATURES.map((f) => e.features[f]);
      const z = bias + x.reduce((s, v, i) => s + v * (w[i] as number), 0);
      const weight = e.answerable ? 0.5 / positives : 0.5 / negatives;
      const g = weight * (1 / (1 + Math.exp(-z)) - (e.answerable ? 1 : 0));
      x.forEach((v, i) => (grad[i] = (grad[i] as number) + g * v));
      gBias += g;
    }
    w.forEach((_, i) => (w[i] = (w[i] as number) - rate * ((grad[i] as number) + l2 * (w[i] as number))));
    bias -= rate * gBias;
  }
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return { bias: r(bias), weights: Object.fromEntries(REFUSAL_FEATURES.map((f, i) => [f, r(w[i] as number)])) as RefusalFeatures };
}

/** Share of questions the refusal model decides rightly, per class. */
export function refusalAccuracy(examples: RefusalExample[], model: RefusalModel): { answered: number; refused: number } {
  const decide = (e: RefusalExample) => {
    let z = model.bias;
    for (const f of REFUSAL_FEATURES) z += e.features[f] * model.weights[f];
    return z >= 0;
  };
  const pos = examples.filter((e) => e.answerable);
  const neg = examples.filter((e) => !e.answerable);
  return { answered: pos.filter(decide).length / Math.max(1, pos.length), refused: neg.filter((e) => !decide(e)).length / Math.max(1, neg.length) };
}

/** Reads the tuning sets' description (data/eval/fit-sets.json). */
export function loadFitSets(path: string): FitSet[] {
  return JSON.parse(readFileSync(path, 'utf8')).sets as FitSet[];
}
