/**
 * Calibrates the refusal threshold on a labelled question set: the range of minimum coverage values that
 * classify the most questions correctly (out-of-scope below, answerable above). The product default is
 * set inside that range (`minCoverage` in src/retrieval/ranking-model.ts).
 */
import type { EvalQuestion } from './dataset.ts';

export interface Calibration {
  best: { from: number; to: number; correct: number; total: number };
  points: Array<{ id: string; expect: string; coverage: number }>;
}

/** Finds the threshold interval with the most correct decisions. Absent-year questions are excluded. */
export function calibrate(items: Array<{ q: EvalQuestion; coverage: number }>): Calibration {
  const labelled = items.filter((i) => i.q.expect === 'answer' || i.q.expect === 'refuse');
  const candidates = [...new Set([0, 1.01, ...labelled.map((i) => i.coverage)])].sort((a, b) => a - b);
  let best = { from: 0, to: 0, correct: -1, total: labelled.length };
  candidates.forEach((t, n) => {
    const correct = labelled.filter((i) => (i.q.expect === 'answer' ? i.coverage >= t : i.coverage < t)).length;
    if (correct > best.correct) best = { from: candidates[n - 1] ?? 0, to: t, correct, total: labelled.length };
  });
  return {
    best,
    points: labelled.map((i) => ({ id: i.q.id, expect: i.q.expect ?? '', coverage: i.coverage })).sort((a, b) => a.coverage - b.coverage),
  };
}
