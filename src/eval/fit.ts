/**
 * Fits the ranking model's feature weights on the tuning questions (`npm run eval -- --fit`): every question of
 * the tuning sets is ranked by the engine exactly as it would be answered; the sections that answer it (its
 * gold) should come first. A listwise (softmax) model over the features learns weights that rank them so,
 * with a small L2 penalty; the result goes to data/ranking-weights.json. Deterministic: the same sets give
 * the same weights.
 */
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { openCore } from '../app/open-core.ts';
import { FEATURES, REFUSAL_FEATURES, type Features, type RefusalFeatures, type RefusalModel } from '../retrieval/ranking-model.ts';
import { loadQuestions, type EvalQuestion } from './dataset.ts';
import { matches } from './score.ts';

/** One tuning set: question files and the document folders they are asked about. */
export interface FitSet {
  questions: string[];
  documents: string[];
}

/** The candidates of one question, split by whether they answer it. */
export interface FitExample {
  id: string;
  positives: Features[];
  negatives: Features[];
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
        const example = label(q, explained.candidates);
        if (example.positives.length === 0) missed.push(q.id);
        else examples.push(example);
      }
    } finally {
      await core.close();
    }
  }
  return { examples, refusals, missed };
}

function label(q: EvalQuestion, candidates: Array<{ source: string; section: string; features: Record<string, number> }>): FitExample {
  const gold = q.gold ?? [];
  const accepted = [...gold, ...(q.also ?? [])];
  const features = (c: { features: Record<string, number> }) => Object.fromEntries(FEATURES.map((f) => [f, c.features[f] ?? 0])) as Features;
  // A list is answered completely only by the section that holds it: prefer the gold itself to its parts.
  const exact = candidates.filter((c) => gold.some((g) => g.source === c.source && g.section === c.section));
  const inside = candidates.filter((c) => gold.some((g) => matches(c, g)));
  const positives = q.kind === 'list' && exact.length > 0 ? exact : inside;
  const negatives = candidates.filter((c) => !accepted.some((a) => matches(c, a)) && !positives.includes(c));
  return { id: q.id, positives: positives.map(features), negatives: negatives.map(features) };
}

/** Share of (answering, other) candidate pairs that the weights order rightly. */
export function pairwiseAccuracy(examples: FitExample[], weights: Features): number {
  let right = 0;
  let all = 0;
  for (const e of examples) {
    for (const p of e.positives) {
      for (const n of e.negatives) {
        all += 1;
        if (dot(p, weights) > dot(n, weights)) right += 1;
      }
    }
  }
  return all === 0 ? 1 : right / all;
}

function dot(f: Features, w: Features): number {
  let s = 0;
  for (const k of FEATURES) s += f[k] * w[k];
  return s;
}

/** Share of questions whose best-ranked candidate answers them. */
export function topAccuracy(examples: FitExample[], weights: Features): number {
  if (examples.length === 0) return 1;
  const best = examples.filter((e) => {
    const top = Math.max(...e.negatives.map((n) => dot(n, weights)), -Infinity);
    return e.positives.some((p) => dot(p, weights) > top);
  });
  return best.length / examples.length;
}

/**
 * Listwise fit by full-batch gradient descent: for each question, a softmax over its candidates' scores, and
 * the loss is minus the log of the probability given to the sections that answer it (so the model learns to
 * put one of them first, not merely above the many easy others). Each question weighs the same; an L2 penalty
 * keeps the weights of rare features near zero.
 */
export function fitWeights(examples: FitExample[], opts: { iterations?: number; rate?: number; l2?: number; prior?: Features } = {}): Features {
  const iterations = opts.iterations ?? 3000;
  const rate = opts.rate ?? 0.3;
  const l2 = opts.l2 ?? 0.003;
  const w = FEATURES.map(() => 0);
  const lists = examples
    .filter((e) => e.negatives.length > 0)
    .map((e) => ({ rows: [...e.positives, ...e.negatives].map((f) => FEATURES.map((k) => f[k])), positives: e.positives.length }));
  for (let it = 0; it < iterations && lists.length > 0; it++) {
    const grad = FEATURES.map(() => 0);
    for (const { rows, positives } of lists) {
      const scores = rows.map((r) => r.reduce((s, x, i) => s + x * (w[i] as number), 0));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const all = exp.reduce((a, b) => a + b, 0);
      const good = exp.slice(0, positives).reduce((a, b) => a + b, 0);
      rows.forEach((r, c) => {
        const target = c < positives ? (exp[c] as number) / good : 0;
        const g = (exp[c] as number) / all - target;
        r.forEach((x, i) => (grad[i] = (grad[i] as number) + g * x));
      });
    }
    w.forEach((_, i) => (w[i] = (w[i] as number) - rate * ((grad[i] as number) / lists.length + l2 * (w[i] as number))));
  }
  // A feature the tuning questions never show (no replaced document among them, say) keeps its prior weight: the
  // data say nothing about it, and zero would switch it off.
  const seen = new Set(FEATURES.filter((f) => examples.some((e) => [...e.positives, ...e.negatives].some((x) => x[f] !== 0))));
  return Object.fromEntries(
    FEATURES.map((f, i) => [f, seen.has(f) || !opts.prior ? Math.round((w[i] as number) * 1000) / 1000 : opts.prior[f]]),
  ) as Features;
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
