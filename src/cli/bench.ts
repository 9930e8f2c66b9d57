/**
 * `npm run bench -- [--quick] [--sizes 5,1000,10000] [--out bench-results] [--stores DIR] [--fresh]
 * [--ingest-budget SECONDS] [--full-matrix-max N]`: builds the collections, measures ingestion, answers, quality, cold start and
 * webhook throughput on loopback, prints the markdown table and writes results.md, results.json and chart.svg.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { createLogger } from '../app/logger.ts';
import { parseArgs } from './args.ts';
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
  const args = parseArgs(process.argv.slice(2), ['sizes', 'out', 'stores', 'ingest-budget', 'questions', 'full-matrix-max']);
  const quick = args.flags.has('quick');
  const config = loadConfig();
  const out = args.options.get('out') ?? 'bench-results';
  const budget = Number(args.options.get('ingest-budget') ?? (quick ? 30 : 3600));
  if (!Number.isFinite(budget) || budget <= 0) throw new Error('--ingest-budget must be a positive number of seconds');
  const report = await runBench({
    sizes: parseSizes(args.options.get('sizes'), quick),
    quick,
    storesDir: args.options.get('stores') ?? join('tmp', 'bench-stores'),
    fresh: args.flags.has('fresh'),
    fullMatrixMax: Number(args.options.get('full-matrix-max') ?? 10_000),
    ingestBudgetSeconds: budget,
    questionsPath: args.options.get('questions') ?? 'data/eval/questions.dev.jsonl',
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
