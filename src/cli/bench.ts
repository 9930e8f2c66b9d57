/**
 * `npm run bench -- [--quick] [--sizes 5,1000,10000] [--out bench-results] [--stores DIR] [--fresh]
 * [--ingest-budget SECONDS] [--full-matrix-max N] [--only burst]`: builds the collections, measures ingestion,
 * answers, quality, cold start, webhook throughput and a burst of concurrent asks on loopback, prints the markdown
 * table and writes results.md, results.json and chart.svg. `--only burst` measures the burst alone and puts its
 * row into the existing results (the other numbers stay those of the last full run).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { createLogger } from '../app/logger.ts';
import { parseArgs } from 'node:util';
import { runBench, runBurstOnly, type BenchOptions, type BenchReport } from '../bench/run-bench.ts';
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
      only: { type: 'string' },
    },
  });
  if (values.only !== undefined && values.only !== 'burst') throw new Error(`--only takes "burst", got "${values.only}"`);
  const quick = values.quick ?? false;
  const config = loadConfig();
  const out = values.out ?? 'bench-results';
  const budget = Number(values['ingest-budget'] ?? (quick ? 30 : 3600));
  if (!Number.isFinite(budget) || budget <= 0) throw new Error('--ingest-budget must be a positive number of seconds');
  const options: BenchOptions = {
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
  };
  if (values.only === 'burst') return burstOnly(options, out);
  const report = await runBench(options);
  const markdown = formatMarkdown(report);
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'results.md'), markdown);
  await writeFile(join(out, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(out, 'chart.svg'), renderChart(report));
  process.stdout.write(markdown);
  return 0;
}

/** Measures the burst alone and writes it into `out`'s results (printing the whole report again). */
async function burstOnly(options: BenchOptions, out: string): Promise<number> {
  const burst = await runBurstOnly(options);
  const path = join(out, 'results.json');
  if (!existsSync(path)) {
    process.stdout.write(`${JSON.stringify(burst, null, 2)}\n`);
    process.stderr.write(`bench: no ${path} to add the burst to; run the full bench first\n`);
    return 0;
  }
  const report = { ...(JSON.parse(await readFile(path, 'utf8')) as BenchReport), burst };
  const markdown = formatMarkdown(report);
  await writeFile(join(out, 'results.md'), markdown);
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(markdown);
  return 0;
}

runCli('bench', main);
