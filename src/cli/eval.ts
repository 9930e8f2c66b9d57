/**
 * `npm run eval -- [--questions FILE[,FILE…]] [--documents DIR[,DIR…]] [--json] [--baseline] [--calibrate]`: builds
 * a fresh in-memory index from data/documents (or the folders given), answers every question through the same
 * path as `ask`, and prints per-kind metrics. `npm run eval -- --fit` fits the ranking model's weights on the
 * tuning sets of data/eval/fit-sets.json and writes data/ranking-weights.json; `--suite [--half tune|test]` scores
 * every set of data/eval/suite.json over its own documents, one row each.
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { createLogger } from '../app/logger.ts';
import { parseArgs } from 'node:util';
import { runEval } from '../eval/run-eval.ts';
import { formatReport } from '../eval/report.ts';
import { collectExamples, fitRefusal, fitWeights, loadFitSets, pairwiseAccuracy, refusalAccuracy, topAccuracy, type FitExample, type FittedWeights } from '../eval/fit.ts';
import { DEFAULT_RANKING_MODEL, FEATURES, REFUSAL_FEATURES, withModel, type RankingModel } from '../retrieval/ranking-model.ts';
import { loadSuite, runSuite, suiteHeader, suiteRow } from '../eval/suite.ts';
import { runCli } from './run-cli.ts';

const WEIGHTS_FILE = 'data/ranking-weights.json';

/** Top-1 accuracy per question set (ids share a prefix: dev-, mem-, law-…). */
function bySet(examples: FitExample[], weights: FittedWeights): string {
  const sets = new Map<string, FitExample[]>();
  for (const e of examples) {
    const set = e.id.replace(/-?\d+$/, '');
    sets.set(set, [...(sets.get(set) ?? []), e]);
  }
  return [...sets].map(([set, list]) => `${set} ${topAccuracy(list, weights).toFixed(2)} (${list.length})`).join(', ');
}

/**
 * `--fit`: the law weights, as a difference from the directive weights, which stay; the refusal model stays too.
 * `--fit-all`: the directive weights and the refusal model as well (the README says why the committed file keeps them).
 */
async function fit(setsPath: string, all: boolean): Promise<number> {
  const config = loadConfig();
  const logger = createLogger('warn');
  const { examples, refusals, missed } = await collectExamples(loadFitSets(setsPath), config, logger);
  const before: FittedWeights = { weights: DEFAULT_RANKING_MODEL.weights, lawWeights: DEFAULT_RANKING_MODEL.lawWeights };
  const fitted = fitWeights(examples, all ? { prior: before } : { prior: before, keep: before.weights });
  const refusal = all ? fitRefusal(refusals) : DEFAULT_RANKING_MODEL.refusal;
  const oldRefusal = refusalAccuracy(refusals, DEFAULT_RANKING_MODEL.refusal);
  const newRefusal = refusalAccuracy(refusals, refusal);
  const comment =
    'Feature weights of the ranking model (src/retrieval/ranking-model.ts): `weights` for the sections of Party documents, `lawWeights` for those of state legal documents. Written by `npm run eval -- --fit` (law weights) or `--fit-all` from the tuning sets of data/eval/fit-sets.json; re-fit rather than edit.';
  writeFileSync(WEIGHTS_FILE, `${JSON.stringify({ _comment: comment, ...fitted, refusal }, null, 2)}\n`);
  const rows = FEATURES.map((f) => `| ${f} | ${before.weights[f]} | ${fitted.weights[f]} | ${before.lawWeights[f]} | ${fitted.lawWeights[f]} |`);
  const refusalRows = REFUSAL_FEATURES.map((f) => `| ${f} | ${DEFAULT_RANKING_MODEL.refusal.weights[f]} | ${refusal.weights[f]} |`);
  process.stdout.write(
    [
      `${examples.length} questions with their answer among the candidates; ${missed.length} without (${missed.join(', ')}).`,
      `Answer ranked first: ${topAccuracy(examples, before).toFixed(3)} before, ${topAccuracy(examples, fitted).toFixed(3)} after.`,
      `Pairs ordered rightly: ${pairwiseAccuracy(examples, before).toFixed(3)} before, ${pairwiseAccuracy(examples, fitted).toFixed(3)} after.`,
      `By set (answer ranked first, fitted): ${bySet(examples, fitted)}.`,
      '',
      '| feature | before | fitted | law, before | law, fitted |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Refusal (${refusals.length} questions): answerable ones answered ${oldRefusal.answered.toFixed(3)} → ${newRefusal.answered.toFixed(3)}, out-of-scope refused ${oldRefusal.refused.toFixed(3)} → ${newRefusal.refused.toFixed(3)}.`,
      '',
      '| refusal feature | before | fitted |',
      '| --- | --- | --- |',
      `| bias | ${DEFAULT_RANKING_MODEL.refusal.bias} | ${refusal.bias} |`,
      ...refusalRows,
      '',
      `Written to ${WEIGHTS_FILE}.`,
      '',
    ].join('\n'),
  );
  return 0;
}

/**
 * `--sweep selection.tieRatio=0.9,0.95,1`: the same questions under each value of one model setting, one row each
 * (the settings that are thresholds rather than feature weights are chosen this way, on the tuning halves).
 */
async function sweep(spec: string, questionsPath: string, documents: string | undefined): Promise<number> {
  const [path, list] = spec.split('=') as [string, string | undefined];
  const [group, key] = path.split('.') as [keyof RankingModel, string | undefined];
  const config = loadConfig();
  const rows = ['| value | hit | precision | must_include | refusal | completeness |', '| --- | --- | --- | --- | --- | --- |'];
  for (const raw of (list ?? '').split(',')) {
    const value = Number(raw);
    const model = key ? withModel({ [group]: { [key]: value } }) : withModel({ [group]: value });
    const report = await runEval({
      config: documents ? { ...config, DOCUMENTS_DIR: documents } : config,
      logger: createLogger('warn'),
      questionsPath,
      baseline: false,
      calibrate: false,
      model,
    });
    const m = report.metrics.overall;
    rows.push(`| ${raw} | ${m.hit} | ${m.precision} | ${m.must_include} | ${m.refusal} | ${m.completeness} |`);
  }
  process.stdout.write(`${spec.split('=')[0]}\n${rows.join('\n')}\n`);
  return 0;
}

/** `--suite [--half tune|test]`: every set of data/eval/suite.json, one table row each, printed as it is done. */
async function suite(path: string, half: string | undefined): Promise<number> {
  if (half !== undefined && half !== 'tune' && half !== 'test') throw new Error(`--half takes "tune" or "test", got "${half}"`);
  process.stdout.write(`${suiteHeader()}\n`);
  await runSuite(loadSuite(path), {
    config: loadConfig(),
    logger: createLogger('warn'),
    ...(half ? { half } : {}),
    onRow: (row) => process.stdout.write(`${suiteRow(row)}\n`),
  });
  return 0;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      questions: { type: 'string' },
      documents: { type: 'string' },
      json: { type: 'boolean' },
      baseline: { type: 'boolean' },
      calibrate: { type: 'boolean' },
      fit: { type: 'boolean' },
      'fit-all': { type: 'boolean' },
      'fit-sets': { type: 'string' },
      sweep: { type: 'string' },
      suite: { type: 'boolean' },
      'suite-file': { type: 'string' },
      half: { type: 'string' },
    },
  });
  if (values.suite) return suite(values['suite-file'] ?? 'data/eval/suite.json', values.half);
  if (values.fit || values['fit-all']) return fit(values['fit-sets'] ?? 'data/eval/fit-sets.json', values['fit-all'] ?? false);
  if (values.sweep) return sweep(values.sweep, values.questions ?? 'data/eval/questions.dev.jsonl', values.documents);
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const documents = values.documents;
  const report = await runEval({
    config: documents ? { ...config, DOCUMENTS_DIR: documents } : config,
    logger,
    questionsPath: values.questions ?? 'data/eval/questions.dev.jsonl',
    baseline: values.baseline ?? false,
    calibrate: values.calibrate ?? false,
  });
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  return 0;
}

runCli('eval', main);
