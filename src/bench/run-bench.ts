/**
 * The benchmark run: for each collection size, build (or reuse) the collection, then measure answers on
 * embedded PGlite and on the `pg` driver over the wire, each with and without the vector index, score the
 * dev set, run the baseline recipe side by side and time a cold start; then the webhook loads and the burst
 * of concurrent asks on the bundled collection. Everything runs on loopback and each phase is bounded.
 */
import { cp, rm } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { openCore, type Core } from '../app/open-core.ts';
import { loadQuestions, type EvalQuestion } from '../eval/dataset.ts';
import { measureAnswers, type AnswerRun } from './answers.ts';
import { buildStore, collectionFiles, DEFAULT_SEED, readSources, type StoreManifest } from './build-store.ts';
import { measureColdStart, type ColdStart } from './cold-start.ts';
import { measureBaseline, quality, qualityWithOrganisation, scoringContext, type BaselineRun, type QualityMetrics } from './quality.ts';
import type { SourceDocument } from './synthetic-corpus.ts';
import { round1 } from './stats.ts';
import { measureWebhook, type WebhookLoad } from './webhook.ts';
import { runBurst, type BurstRun } from './burst.ts';
import { serveOverWire } from './wire.ts';

export interface BenchOptions {
  sizes: number[];
  quick: boolean;
  storesDir: string;
  fresh: boolean;
  /**
   * Collections larger than this are measured on embedded PGlite with the vector index only (plus quality,
   * baseline and cold start), to bound a run on a slow machine.
   */
  fullMatrixMax: number;
  /** Time allowed to ingest one collection; a cut-short collection is measured as it is and reported so. */
  ingestBudgetSeconds: number;
  questionsPath: string;
  config: Config;
  logger: Logger;
  progress: (line: string) => void;
}

export type Backend = 'pglite' | 'pg-wire';

/** One answer configuration at one size. */
export interface AnswerConfigReport {
  backend: Backend;
  vectorIndex: boolean;
  run: Omit<AnswerRun, 'results'>;
  quality: QualityMetrics;
  /** The scored configuration only: each question asked with its gold document's issuer as the asker's unit. */
  qualityWithOrganisation?: QualityMetrics;
}

export interface SizeReport {
  size: number;
  collection: StoreManifest & { reused: boolean };
  answers: AnswerConfigReport[];
  baseline: BaselineRun;
  coldStart: ColdStart | null;
  /** Configurations not measured at this size, and why. */
  skipped: string | null;
  failures: string[];
}

export interface BenchReport {
  startedAt: string;
  seconds: number;
  quick: boolean;
  machine: { cpus: number; memoryGiB: number; node: string };
  bundledIngest: { runs: number; documents: number; mb: number; docsPerSecond: number; mbPerSecond: number };
  sizes: SizeReport[];
  webhook: WebhookLoad[];
  /** Absent in reports written before the burst was measured. */
  burst?: BurstRun;
}

/** Asks sent at once in the burst (issue 14's reproduction). */
export const BURST_ASKS = 500;

/** The collection of `size` in the stores folder, built (or reused) as the full run builds it. */
export async function collectionUrl(opts: BenchOptions, sources: SourceDocument[], size: number): Promise<string> {
  const dir = join(opts.storesDir, String(size));
  await buildStore({ dir, size, sources, seed: DEFAULT_SEED, budgetSeconds: opts.ingestBudgetSeconds, config: opts.config, logger: opts.logger, fresh: false });
  return `pglite://${join(dir, 'db')}`;
}

/** Only the burst of concurrent asks, on the smallest collection (`npm run bench -- --only burst`). */
export async function runBurstOnly(opts: BenchOptions): Promise<BurstRun> {
  const sources = await readSources(opts.config.DOCUMENTS_DIR);
  const questions = loadQuestions(opts.questionsPath).filter((q) => q.expect !== 'refuse');
  const size = Math.min(...opts.sizes);
  opts.progress(`burst of ${BURST_ASKS} asks (collection of ${size})`);
  return runBurst(await collectionUrl(opts, sources, size), questions, BURST_ASKS);
}

/** Ingests the bundled documents into fresh in-memory stores `runs` times; the median run is reported. */
async function measureBundledIngest(opts: BenchOptions, sources: SourceDocument[], runs: number): Promise<BenchReport['bundledIngest']> {
  const times: number[] = [];
  const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text, 'utf8'), 0);
  for (let i = 0; i < runs; i++) {
    const core = await openCore({ config: opts.config, logger: opts.logger, databaseUrl: 'memory://', offline: true });
    try {
      const started = performance.now();
      for (const s of sources) await core.ingestor.ingestFile({ name: s.name, bytes: Buffer.from(s.text, 'utf8') });
      times.push((performance.now() - started) / 1000);
    } finally {
      await core.close();
    }
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
  return { runs, documents: sources.length, mb: bytes / 1e6, docsPerSecond: round1(sources.length / median), mbPerSecond: Math.round((bytes / 1e6 / median) * 1000) / 1000 };
}

/** Drops every per-model vector index (used on a copy of the collection). */
async function dropVectorIndexes(core: Core): Promise<void> {
  const rows = await core.db.query<{ index_name: string }>('SELECT index_name FROM embedding_models');
  for (const r of rows) {
    // index_name was generated by the store from [a-z0-9_] only; it is still quoted as an identifier.
    await core.db.query(`DROP INDEX IF EXISTS "${r.index_name.replace(/"/g, '')}"`);
  }
}

interface MeasureContext {
  opts: BenchOptions;
  questions: EvalQuestion[];
  files: SourceDocument[];
  passes: number;
  budgetMs: number;
}

async function withCore<T>(ctx: MeasureContext, databaseUrl: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ config: ctx.opts.config, logger: ctx.opts.logger, databaseUrl, offline: true });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

async function measureConfig(ctx: MeasureContext, dataDir: string, backend: Backend, vectorIndex: boolean): Promise<AnswerConfigReport> {
  const run = async (core: Core): Promise<AnswerConfigReport> => {
    // The first configuration is the one scored for quality: it always answers the whole question set.
    const scored = backend === 'pglite' && vectorIndex;
    const measured = await measureAnswers(core, ctx.questions, {
      passes: ctx.passes,
      budgetMs: ctx.budgetMs,
      minAnswers: scored ? ctx.questions.length : Math.min(5, ctx.questions.length),
      minConcurrent: 8,
      // Warm means the caches hold what the questions touch: one untimed pass over the whole set (two questions
      // only for the exact-scan configurations, whose seconds per answer make a full pass too long). Until
      // 2026-12-03 every configuration warmed up on two questions, so most of the first timed pass ran cold.
      warmup: vectorIndex ? ctx.questions.length : 2,
      concurrency: 4,
      tag: `${backend}:${vectorIndex}`,
    });
    const scoring = await scoringContext(core, ctx.files);
    const { results, ...rest } = measured;
    const withUnit = scored ? { qualityWithOrganisation: await qualityWithOrganisation(core, ctx.questions, scoring) } : {};
    return { backend, vectorIndex, run: rest, quality: quality(ctx.questions, results, scoring), ...withUnit };
  };
  if (backend === 'pglite') return withCore(ctx, `pglite://${dataDir}`, run);
  const server = await serveOverWire(dataDir);
  try {
    // pglite-socket serves every connection from one PGlite session, so one connection loses nothing, and
    // several interleave their unnamed prepared statements once one of them holds a transaction.
    const wire = { ...ctx, opts: { ...ctx.opts, config: { ...ctx.opts.config, DB_POOL_MAX: 1 } } };
    return await withCore(wire, server.url, run);
  } finally {
    await server.close();
  }
}

/** Measures one configuration; a failure (e.g. the pool timing out under load) is reported, not fatal. */
async function tryConfig(ctx: MeasureContext, dataDir: string, backend: Backend, vectorIndex: boolean, failures: string[]): Promise<AnswerConfigReport[]> {
  try {
    return [await measureConfig(ctx, dataDir, backend, vectorIndex)];
  } catch (err) {
    const line = `${backend}${vectorIndex ? '' : ' without vector index'} failed: ${err instanceof Error ? err.message : String(err)}`;
    ctx.opts.progress(line);
    failures.push(line);
    return [];
  }
}

async function measureSize(opts: BenchOptions, sources: SourceDocument[], questions: EvalQuestion[], size: number): Promise<SizeReport> {
  const dir = join(opts.storesDir, String(size));
  opts.progress(`[${size}] building the collection (budget ${opts.ingestBudgetSeconds}s)…`);
  const collection = await buildStore({
    dir, size, sources, seed: DEFAULT_SEED, budgetSeconds: opts.ingestBudgetSeconds, config: opts.config, logger: opts.logger, fresh: opts.fresh,
    onProgress: (done, total, s) => opts.progress(`[${size}]   ingested ${done}/${total} in ${s.toFixed(0)}s`),
  });
  opts.progress(`[${size}] ${collection.reused ? 'reused' : 'built'}: ${collection.documents} documents, ${collection.docsPerSecond.toFixed(2)} docs/s`);
  const files = collectionFiles(sources, size, DEFAULT_SEED);
  const ctx: MeasureContext = { opts, questions, files, passes: opts.quick ? 1 : 3, budgetMs: opts.quick ? 5_000 : 30_000 };
  const db = join(dir, 'db');
  const answers: AnswerConfigReport[] = [];
  const failures: string[] = [];
  const full = size <= opts.fullMatrixMax;
  for (const backend of full ? (['pglite', 'pg-wire'] as const) : (['pglite'] as const)) {
    opts.progress(`[${size}] answers: ${backend}, vector index`);
    answers.push(...(await tryConfig(ctx, db, backend, true, failures)));
  }
  opts.progress(`[${size}] baseline recipe`);
  const baseline = await withCore(ctx, `pglite://${db}`, async (core) => measureBaseline(core, files, questions, await scoringContext(core, files), ctx.passes));
  opts.progress(`[${size}] cold start`);
  const coldStart = await measureColdStart(`pglite://${db}`, questions[0]?.question ?? 'nội dung trọng tâm năm 2023', opts.quick || size > 1000 ? 1 : 3);
  if (!full) return { size, collection, answers, baseline, coldStart, failures, skipped: 'pg-wire and no-vector-index configurations (collection above --full-matrix-max)' };
  const copy = join(dir, 'db-noindex');
  await rm(copy, { recursive: true, force: true });
  await cp(db, copy, { recursive: true });
  try {
    await withCore(ctx, `pglite://${copy}`, dropVectorIndexes);
    for (const backend of ['pglite', 'pg-wire'] as const) {
      opts.progress(`[${size}] answers: ${backend}, no vector index`);
      answers.push(...(await tryConfig(ctx, copy, backend, false, failures)));
    }
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
  return { size, collection, answers, baseline, coldStart, failures, skipped: null };
}

/** Runs everything and returns the report. */
export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const sources = await readSources(opts.config.DOCUMENTS_DIR);
  const questions = loadQuestions(opts.questionsPath);
  opts.progress('bundled corpus ingestion (in memory)…');
  const bundledIngest = await measureBundledIngest(opts, sources, opts.quick ? 1 : 3);
  const sizes: SizeReport[] = [];
  for (const size of opts.sizes) sizes.push(await measureSize(opts, sources, questions, size));
  const smallest = Math.min(...opts.sizes);
  opts.progress(`webhook loads (collection of ${smallest})`);
  const webhook = await measureWebhook({
    databaseUrl: `pglite://${join(opts.storesDir, String(smallest), 'db')}`,
    questions: questions.filter((q) => q.expect !== 'refuse'),
    durationSeconds: opts.quick ? 3 : 10,
    updates: opts.quick ? 40 : 200,
    connections: 10,
  });
  opts.progress(`burst of ${BURST_ASKS} asks (collection of ${smallest})`);
  const burst = await runBurst(`pglite://${join(opts.storesDir, String(smallest), 'db')}`, questions.filter((q) => q.expect !== 'refuse'), BURST_ASKS);
  return {
    startedAt,
    seconds: round1((performance.now() - started) / 1000),
    quick: opts.quick,
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    bundledIngest,
    sizes,
    webhook,
    burst,
  };
}
