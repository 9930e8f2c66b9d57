/**
 * `npm run eval -- --suite`: every question set of data/eval/suite.json, each over the documents it is asked
 * about, scored the way ../shared/eval/README.md scores (src/eval/score.ts), one row per set and half. The
 * numbers the README reports come from here.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { RankingModel } from '../retrieval/ranking-model.ts';
import { runEval } from './run-eval.ts';
import type { Metrics } from './score.ts';

export interface SuiteSet {
  name: string;
  /** `tune`: the fit sees it; `test`: never tuned on. */
  half: 'tune' | 'test';
  questions: string;
  documents: string[];
}

export interface SuiteRow {
  set: SuiteSet;
  /** Null when the set's files are not there (the shared fixtures outside this repository). */
  metrics: Metrics | null;
  questions: number;
}

/** Reads the suite's description. */
export function loadSuite(path: string): SuiteSet[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { sets: SuiteSet[] }).sets;
}

/** Runs each set (optionally only one half) on a fresh in-memory store of its documents. */
export async function runSuite(
  sets: SuiteSet[],
  deps: { config: Config; logger: Logger; model?: RankingModel; half?: string; onRow?: (row: SuiteRow) => void },
): Promise<SuiteRow[]> {
  const rows: SuiteRow[] = [];
  for (const set of sets.filter((s) => deps.half === undefined || s.half === deps.half)) {
    const present = existsSync(set.questions) && set.documents.every((d) => existsSync(d));
    const row: SuiteRow = present
      ? await runEval({
          config: { ...deps.config, DOCUMENTS_DIR: set.documents.join(',') },
          logger: deps.logger,
          questionsPath: set.questions,
          baseline: false,
          calibrate: false,
          ...(deps.model ? { model: deps.model } : {}),
        }).then((report) => ({ set, metrics: report.metrics.overall, questions: report.results.length }))
      : { set, metrics: null, questions: 0 };
    deps.onRow?.(row);
    rows.push(row);
  }
  return rows;
}

const COLUMNS = ['hit', 'precision', 'must_include', 'refusal', 'quote_fidelity', 'completeness', 'year_violations'] as const;

/** One markdown row of a suite's table. */
export function suiteRow(row: SuiteRow): string {
  const cells = row.metrics ? COLUMNS.map((c) => String(row.metrics?.[c] ?? '–')) : COLUMNS.map(() => 'not found');
  return `| ${row.set.name} | ${row.set.half} | ${row.questions} | ${cells.join(' | ')} |`;
}

/** The table's header. */
export function suiteHeader(): string {
  return [`| set | half | questions | ${COLUMNS.join(' | ')} |`, `| --- | --- | --- | ${COLUMNS.map(() => '---').join(' | ')} |`].join('\n');
}
