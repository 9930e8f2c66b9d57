/**
 * `npm run eval -- [--questions FILE[,FILE…]] [--json] [--baseline] [--calibrate]`: builds a fresh in-memory index
 * from data/documents, answers every question through the same path as `ask`, and prints per-kind metrics.
 */
import { loadConfig } from '../config.ts';
import { createLogger } from '../app/logger.ts';
import { parseArgs } from 'node:util';
import { runEval } from '../eval/run-eval.ts';
import { formatReport } from '../eval/report.ts';
import { runCli } from './run-cli.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { questions: { type: 'string' }, json: { type: 'boolean' }, baseline: { type: 'boolean' }, calibrate: { type: 'boolean' } },
  });
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const report = await runEval({
    config,
    logger,
    questionsPath: values.questions ?? 'data/eval/questions.dev.jsonl',
    baseline: values.baseline ?? false,
    calibrate: values.calibrate ?? false,
  });
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  return 0;
}

runCli('eval', main);
