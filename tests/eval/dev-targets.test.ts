/**
 * The dev set through the same path as `npm run eval`, offline: the targets of issue 3, and ahead of the
 * baseline (RecursiveCharacterTextSplitter 1000/200, vector-only top-4).
 */
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runEval, type EvalReport } from '../../src/eval/run-eval.ts';

let report: EvalReport;

beforeAll(async () => {
  // No OPENAI_API_KEY in this config: the default offline, deterministic mode.
  report = await runEval({
    config: loadConfig({}),
    logger: pino({ level: 'silent' }),
    questionsPath: 'data/eval/questions.dev.jsonl',
    baseline: true,
    calibrate: false,
  });
}, 120_000);

describe('dev set targets', () => {
  it('answers every question', () => {
    expect(report.metrics.overall.questions).toBe(report.results.length);
    expect(report.results.length).toBeGreaterThanOrEqual(30);
  });

  it('meets the targets', () => {
    const m = report.metrics.overall;
    expect(m.hit).toBeGreaterThanOrEqual(0.95);
    expect(m.precision).toBeGreaterThanOrEqual(0.85);
    expect(m.must_include).toBeGreaterThanOrEqual(0.9);
    expect(m.refusal).toBe(1);
    expect(m.year_violations).toBe(0);
    expect(m.quote_fidelity).toBe(1);
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
