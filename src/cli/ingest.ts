/**
 * `npm run ingest -- <files or folders…> [--dry-run] [--json] [--draft] [--year N] [--type T] [--number N]
 * [--title T] [--issuer I]`: ingests documents into the store selected by DATABASE_URL, one transaction per
 * document. Exit status 1 if any file failed, with one line per failed file naming it and why.
 */
import { loadConfig } from '../config.ts';
import { createLogger } from '../app/logger.ts';
import { openCore } from '../app/open-core.ts';
import type { DocumentMetadata, DocumentType } from '../core/types.ts';
import type { IngestResult } from '../../ingestion/pipeline.ts';
import { parseArgs } from 'node:util';
import { createProgress, summaryTable, dryRunReport, resultJson } from './ingest-output.ts';
import { runCli } from './run-cli.ts';

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  draft: { type: 'boolean' },
  year: { type: 'string' },
  type: { type: 'string' },
  number: { type: 'string' },
  title: { type: 'string' },
  issuer: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function overridesFrom(values: Values): Partial<DocumentMetadata> | undefined {
  const o: Partial<DocumentMetadata> = {};
  if (values.year !== undefined) o.year = Number(values.year);
  if (values.type !== undefined) o.type = values.type as DocumentType;
  if (values.number !== undefined) o.number = values.number;
  if (values.title !== undefined) o.title = values.title;
  if (values.issuer !== undefined) o.issuer = values.issuer;
  return Object.keys(o).length > 0 ? o : undefined;
}

async function main(): Promise<number> {
  const args = parseArgs({ args: process.argv.slice(2), options: OPTIONS, allowPositionals: true });
  const { values } = args;
  if (args.positionals.length === 0) {
    process.stderr.write('Usage: npm run ingest -- <tệp hoặc thư mục…> [--dry-run] [--json] [--draft] [--year N] …\n');
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL);
  const core = await openCore({ config, logger });
  try {
    const progress = values.json ? null : createProgress();
    const results: IngestResult[] = await core.ingestor.ingestPaths(
      args.positionals,
      { dryRun: values['dry-run'] ?? false, status: values.draft ? 'draft' : 'active', overrides: overridesFrom(values) },
      (r, done, total) => progress?.update(r, done, total),
    );
    progress?.stop();
    if (values.json) process.stdout.write(`${JSON.stringify(results.map(resultJson))}\n`);
    else process.stdout.write(values['dry-run'] ? dryRunReport(results) : summaryTable(results));
    const failed = results.filter((r) => r.outcome === 'failed');
    for (const f of failed) process.stderr.write(`LỖI ${f.source}: ${f.reason}\n`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    await core.close();
  }
}

runCli('ingest', main);
