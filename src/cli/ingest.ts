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
import { parseArgs } from './args.ts';
import { createProgress, summaryTable, dryRunReport, resultJson } from './ingest-output.ts';
import { runCli } from './run-cli.ts';

const OVERRIDES = ['year', 'type', 'number', 'title', 'issuer'];

function overridesFrom(options: Map<string, string>): Partial<DocumentMetadata> | undefined {
  const o: Partial<DocumentMetadata> = {};
  if (options.has('year')) o.year = Number(options.get('year'));
  if (options.has('type')) o.type = options.get('type') as DocumentType;
  if (options.has('number')) o.number = options.get('number') ?? null;
  if (options.has('title')) o.title = options.get('title') ?? '';
  if (options.has('issuer')) o.issuer = options.get('issuer') ?? null;
  return Object.keys(o).length > 0 ? o : undefined;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), OVERRIDES);
  if (args.positionals.length === 0) {
    process.stderr.write('Usage: npm run ingest -- <tệp hoặc thư mục…> [--dry-run] [--json] [--draft] [--year N] …\n');
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL);
  const core = await openCore({ config, logger });
  try {
    const progress = args.flags.has('json') ? null : createProgress();
    const results: IngestResult[] = await core.ingestor.ingestPaths(
      args.positionals,
      { dryRun: args.flags.has('dry-run'), status: args.flags.has('draft') ? 'draft' : 'active', overrides: overridesFrom(args.options) },
      (r, done, total) => progress?.update(r, done, total),
    );
    progress?.stop();
    if (args.flags.has('json')) process.stdout.write(`${JSON.stringify(results.map(resultJson))}\n`);
    else process.stdout.write(args.flags.has('dry-run') ? dryRunReport(results) : summaryTable(results));
    const failed = results.filter((r) => r.outcome === 'failed');
    for (const f of failed) process.stderr.write(`LỖI ${f.source}: ${f.reason}\n`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    await core.close();
  }
}

runCli('ingest', main);
