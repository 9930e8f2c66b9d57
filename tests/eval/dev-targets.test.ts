/**
 * The dev set through the same path as `npm run eval`, offline: the targets of issue 3, and ahead of the
 * baseline (RecursiveCharacterTextSplitter 1000/200, vector-only top-4).
 */
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runEval, type EvalReport } from '../../src/eval/run-eval.ts';
import { hasDiacritics } from '../../src/text/normalize.ts';

let report: EvalReport;
let unaccented: EvalReport;

/** Runs a question file the way `npm run eval` does; no OPENAI_API_KEY: the offline, deterministic mode. */
function evaluate(questionsPath: string, baseline: boolean): Promise<EvalReport> {
  return runEval({ config: loadConfig({}), logger: pino({ level: 'silent' }), questionsPath, baseline, calibrate: false });
}

function expectTargets(r: EvalReport): void {
  const m = r.metrics.overall;
  expect(m.hit).toBeGreaterThanOrEqual(0.95);
  expect(m.precision).toBeGreaterThanOrEqual(0.85);
  expect(m.must_include).toBeGreaterThanOrEqual(0.9);
  expect(m.refusal).toBe(1);
  expect(m.year_violations).toBe(0);
  expect(m.quote_fidelity).toBe(1);
}

beforeAll(async () => {
  report = await evaluate('data/eval/questions.dev.jsonl', true);
  // The same questions typed without diacritics, as Zalo users mostly type them (same gold).
  unaccented = await evaluate('data/eval/questions.dev-unaccented.jsonl', false);
}, 240_000);

describe('dev set targets', () => {
  it('answers every question', () => {
    expect(report.metrics.overall.questions).toBe(report.results.length);
    expect(report.results.length).toBeGreaterThanOrEqual(30);
  });

  it('meets the targets', () => {
    expectTargets(report);
  });

  it('meets the same targets typed without diacritics', () => {
    for (const r of unaccented.results) expect(hasDiacritics(r.question), r.id).toBe(false);
    expectTargets(unaccented);
  });

  it('beats the baseline on hit, precision and refusal', () => {
    const ours = report.metrics.overall;
    const base = report.baseline!.metrics.overall;
    expect(ours.hit!).toBeGreaterThan(base.hit!);
    expect(ours.precision!).toBeGreaterThan(base.precision!);
    expect(ours.refusal!).toBeGreaterThan(base.refusal!);
    expect(ours.year_violations).toBeLessThanOrEqual(base.year_violations);
  });

  it('refuses with no citations exactly where it refuses', () => {
    for (const r of report.results) if (r.response.refused) expect(r.response.citations, r.id).toEqual([]);
  });
});
