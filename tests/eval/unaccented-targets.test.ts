/**
 * The dev questions typed without diacritics (data/eval/questions.dev-unaccented.jsonl, same gold): Zalo users
 * mostly type this way, so the same targets must hold.
 */
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runEval, type EvalReport } from '../../src/eval/run-eval.ts';
import { hasDiacritics } from '../../src/text/normalize.ts';

let report: EvalReport;

beforeAll(async () => {
  report = await runEval({
    config: loadConfig({}),
    logger: pino({ level: 'silent' }),
    questionsPath: 'data/eval/questions.dev-unaccented.jsonl',
    baseline: false,
    calibrate: false,
  });
}, 120_000);

describe('unaccented dev set', () => {
  it('has no diacritics in its questions', () => {
    for (const r of report.results) expect(hasDiacritics(r.question), r.id).toBe(false);
  });

  it('meets the same targets as the accented set', () => {
    const m = report.metrics.overall;
    expect(m.hit).toBeGreaterThanOrEqual(0.95);
    expect(m.precision).toBeGreaterThanOrEqual(0.85);
    expect(m.must_include).toBeGreaterThanOrEqual(0.9);
    expect(m.refusal).toBe(1);
    expect(m.year_violations).toBe(0);
    expect(m.quote_fidelity).toBe(1);
  });
});
