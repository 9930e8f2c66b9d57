/**
 * Runs the evaluation: a fresh in-memory store filled from the bundled documents, every question answered
 * through the engine exactly as `ask` does, metrics per kind, optionally the baseline side by side and a
 * calibration of the refusal threshold.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { openCore } from '../app/open-core.ts';
import type { RankingModel } from '../retrieval/ranking-model.ts';
import { toAskJson } from '../ask/ask-json.ts';
import { answerOf, createAskService } from '../ask/ask-service.ts';
import { quoteKey } from '../text/normalize.ts';
import { yearsOf } from '../core/document-years.ts';
import { createBaseline } from './baseline.ts';
import { loadQuestions, type EvalQuestion } from './dataset.ts';
import { scoreByKind, type EvalResult } from './score.ts';
import { calibrate, type Calibration } from './calibrate.ts';

export interface EvalOptions {
  config: Config;
  logger: Logger;
  /** A ranking model to evaluate instead of the product's (sweeps). */
  model?: RankingModel;
  questionsPath: string;
  baseline: boolean;
  calibrate: boolean;
}

export interface EvalReport {
  results: EvalResult[];
  metrics: ReturnType<typeof scoreByKind>;
  baseline?: { results: EvalResult[]; metrics: ReturnType<typeof scoreByKind> };
  calibration?: Calibration;
}

/** Runs everything and returns the report (printing is the caller's job). */
export async function runEval(opts: EvalOptions): Promise<EvalReport> {
  // Several sets can be scored together: --questions a.jsonl,b.jsonl.
  const questions = opts.questionsPath.split(',').flatMap((path) => loadQuestions(path.trim()));
  const core = await openCore({ config: opts.config, logger: opts.logger, databaseUrl: 'memory://', ...(opts.model ? { engine: { model: opts.model } } : {}) });
  try {
    // Several folders can be given: --documents a,b (or DOCUMENTS_DIR=a,b).
    const folders = opts.config.DOCUMENTS_DIR.split(',').map((d) => d.trim()).filter(Boolean);
    await core.ingestor.ingestPaths(folders);
    core.catalog.invalidate();
    const docs = await core.store.listDocuments({ status: 'active' });
    const fileOf = (source: string) => join(folders.find((f) => existsSync(join(f, source))) ?? folders[0] ?? '.', source);
    const originals = await Promise.all(docs.map(async (d) => ({ d, text: await readFile(fileOf(d.source), 'utf8') })));
    const documents = new Map(originals.map(({ d, text }) => [d.source, quoteKey(text)]));
    // A citation keeps to the asked year when its document answers for it: the year it is for, or the year it was issued.
    const yearOf = new Map(docs.map((d) => [d.source, yearsOf(d)]));
    const coverages: Array<{ q: EvalQuestion; coverage: number; cites: boolean }> = [];
    const results: EvalResult[] = [];
    // The questions go the way users' do (checks included), unrecorded: no activity log is given.
    const asking = createAskService({ engine: core.engine, logger: opts.logger, maxQuestionChars: opts.config.MAX_QUESTION_CHARS });
    for (const q of questions) {
      const answer = answerOf(await asking.ask({ text: q.question, conversationId: `eval:${q.id}`, channel: 'eval' }));
      results.push({ id: q.id, question: q.question, response: toAskJson(answer) });
      coverages.push({ q, coverage: answer.debug.topCoverage ?? 0, cites: answer.outcome === 'answered' });
    }
    const texts = new Map(originals.map(({ d, text }) => [d.source, text]));
    const report: EvalReport = { results, metrics: scoreByKind(questions, results, documents, yearOf, texts) };
    if (opts.baseline) {
      const inputs = await Promise.all(originals.map(async ({ d, text }) => ({ document: d, text, sections: await core.store.getSections(d.id) })));
      const baseline = await createBaseline(inputs, core.embedder);
      const bResults: EvalResult[] = [];
      for (const q of questions) bResults.push({ id: q.id, question: q.question, response: await baseline.ask(q.question) });
      report.baseline = { results: bResults, metrics: scoreByKind(questions, bResults, documents, yearOf, texts) };
    }
    if (opts.calibrate) report.calibration = calibrate(coverages);
    return report;
  } finally {
    await core.close();
  }
}
