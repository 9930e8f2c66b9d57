/**
 * `npm run ingest -- <files or folders…> [--dry-run] [--reparse] [--json] [--draft | --publish] [--year N] [--type T]
 * [--number N] [--title T] [--issuer I]`: ingests documents into the store selected by DATABASE_URL, one
 * transaction per document. Exit status 1 if any file failed, with one line per failed file naming it and why.
 * Without `--publish` documents are stored active silently (loading a collection); with it each is published as
 * an admin publishes — replacing its older version, audited, and announced to subscribers (the running bot's
 * notice dispatcher sends the notices).
 */
import { loadConfig } from '../config.ts';
import { createLogger } from '../app/logger.ts';
import { openCore, type Core } from '../app/open-core.ts';
import type { Logger } from 'pino';
import { CLI_ACTOR, createAdminService } from '../admin/admin-service.ts';
import { createPublicationNotices, withPublicationNotices } from '../notices/announce.ts';
import type { DocumentMetadata, DocumentType } from '../core/types.ts';
import type { IngestResult } from '../../ingestion/pipeline.ts';
import { parseArgs } from 'node:util';
import { createProgress, summaryTable, dryRunReport, resultJson } from './ingest-output.ts';
import { runCli } from './run-cli.ts';

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  reparse: { type: 'boolean' },
  json: { type: 'boolean' },
  draft: { type: 'boolean' },
  publish: { type: 'boolean' },
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
    process.stderr.write('Usage: npm run ingest -- <tệp hoặc thư mục…> [--dry-run] [--reparse] [--json] [--draft | --publish] [--year N] …\n');
    return 2;
  }
  if (values.publish && (values.draft || values['dry-run'])) {
    process.stderr.write('ingest: --publish cannot be combined with --draft or --dry-run\n');
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'error' : config.LOG_LEVEL);
  const core = await openCore({ config, logger });
  try {
    const progress = values.json ? null : createProgress();
    // Ctrl-C stops taking files; the batch being saved is finished, so nothing is left half-stored. A second
    // Ctrl-C ends the process at once (the database rolls back what was not committed).
    const stop = new AbortController();
    let filesFound = 0;
    process.once('SIGINT', () => {
      stop.abort();
      process.stderr.write('\nĐang dừng: lưu nốt các tệp đã đọc… (Ctrl-C lần nữa để thoát ngay)\n');
    });
    const ingested: IngestResult[] = await core.ingestor.ingestPaths(
      args.positionals,
      {
        dryRun: values['dry-run'] ?? false,
        reparse: values.reparse ?? false,
        status: values.draft || values.publish ? 'draft' : 'active',
        overrides: overridesFrom(values),
        signal: stop.signal,
      },
      (r, done, total) => {
        filesFound = total;
        progress?.update(r, done, total);
      },
    );
    progress?.stop();
    if (stop.signal.aborted && ingested.length < filesFound) {
      process.stderr.write(`Đã dừng theo yêu cầu: ${filesFound - ingested.length} tệp chưa xử lý (chạy lại lệnh để tiếp tục).\n`);
    }
    const results = values.publish ? await publishDrafts(core, logger, ingested) : ingested;
    if (values.json) process.stdout.write(`${JSON.stringify(results.map(resultJson))}\n`);
    else process.stdout.write(values['dry-run'] ? dryRunReport(results) : summaryTable(results));
    if (values.publish && !values.json) {
      const published = results.filter((r, i) => ingested[i]?.outcome === 'draft' && r.outcome !== 'draft').length;
      process.stdout.write(`Đã đăng ${published} văn bản; thông báo cho người theo dõi đã xếp hàng, bot đang chạy sẽ gửi.\n`);
    }
    const failed = results.filter((r) => r.outcome === 'failed');
    for (const f of failed) process.stderr.write(`LỖI ${f.source}: ${f.reason}\n`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    await core.close();
  }
}

/** Publishes the drafts just stored, as an admin would: replacing older versions, audited, announced. */
async function publishDrafts(core: Core, logger: Logger, results: IngestResult[]): Promise<IngestResult[]> {
  const notices = createPublicationNotices({ db: core.db, store: core.store, clock: core.clock, logger });
  const service = createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog, clock: core.clock });
  const admin = withPublicationNotices(service, notices, logger);
  const out: IngestResult[] = [];
  for (const r of results) {
    if (r.outcome !== 'draft' || !r.document) {
      out.push(r);
      continue;
    }
    const published = await admin.publish(r.document.id, CLI_ACTOR);
    out.push({ ...r, outcome: r.replaces ? 'replaced' : 'stored', document: published });
  }
  return out;
}

runCli('ingest', main);
