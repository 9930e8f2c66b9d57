/**
 * `npm run bench -- [--quick] [--sizes 5,1000,10000] [--out bench-results] [--stores DIR] [--fresh]
 * [--ingest-budget SECONDS] [--full-matrix-max N]`: builds the collections, measures ingestion, answers, quality, cold start and
 * webhook throughput on loopback, prints the markdown table and writes results.md, results.json and chart.svg.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { createLogger } from '../app/logger.ts';
import { parseArgs } from 'node:util';
import { runBench } from '../bench/run-bench.ts';
import { formatMarkdown } from '../bench/report.ts';
import { renderChart } from '../bench/chart.ts';
import { runCli } from './run-cli.ts';

function parseSizes(value: string | undefined, quick: boolean): number[] {
  if (value === undefined || value === '') return quick ? [5, 200] : [5, 1000, 10000];
  const sizes = value.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes must be positive integers, got "${value}"`);
  return sizes;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      quick: { type: 'boolean' },
      fresh: { type: 'boolean' },
      sizes: { type: 'string' },
      out: { type: 'string' },
      stores: { type: 'string' },
      'ingest-budget': { type: 'string' },
      questions: { type: 'string' },
      'full-matrix-max': { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const config = loadConfig();
  const out = values.out ?? 'bench-results';
  const budget = Number(values['ingest-budget'] ?? (quick ? 30 : 3600));
  if (!Number.isFinite(budget) || budget <= 0) throw new Error('--ingest-budget must be a positive number of seconds');
  const report = await runBench({
    sizes: parseSizes(values.sizes, quick),
    quick,
    storesDir: values.stores ?? join('tmp', 'bench-stores'),
    fresh: values.fresh ?? false,
    fullMatrixMax: Number(values['full-matrix-max'] ?? 10_000),
    ingestBudgetSeconds: budget,
    questionsPath: values.questions ?? 'data/eval/questions.dev.jsonl',
    config,
    logger: createLogger('error'),
    progress: (line) => process.stderr.write(`bench: ${line}\n`),
  });
  const markdown = formatMarkdown(report);
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'results.md'), markdown);
  await writeFile(join(out, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(out, 'chart.svg'), renderChart(report));
  process.stdout.write(markdown);
  return 0;
}

runCli('bench', main);
