/**
 * Builds a benchmark collection in a `pglite://` folder through the product's ingestion pipeline (the
 * bundled documents first, then synthetic ones) and records what was measured in `manifest.json` beside it.
 * A folder whose manifest matches (size, seed, budget) is reused, so an expensive collection can be built once
 * and measured many times; the manifest keeps the ingestion numbers of the run that built it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { openCore } from '../app/open-core.ts';
import { generateSyntheticCorpus, SYNTHETIC_VERSION, type SourceDocument } from './synthetic-corpus.ts';

/** The synthetic sequence is one seeded stream, so the 1,000-document collection is a prefix of the 10,000 one. */
export const DEFAULT_SEED = 20260101;

/** What building a collection measured. */
export interface StoreManifest {
  /** Documents asked for (bundled + synthetic). */
  requested: number;
  /** Documents actually stored (fewer when the time budget ran out). */
  documents: number;
  bundled: number;
  synthetic: number;
  chunks: number;
  seed: number;
  /** SYNTHETIC_VERSION of the generator that wrote the synthetic documents (absent: version 1). */
  generator?: number;
  budgetSeconds: number;
  complete: boolean;
  bytes: number;
  seconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
  failed: number;
  builtAt: string;
}

export interface BuildOptions {
  dir: string;
  size: number;
  sources: SourceDocument[];
  seed: number;
  budgetSeconds: number;
  config: Config;
  logger: Logger;
  /** Rebuild even when a matching manifest exists. */
  fresh?: boolean;
  onProgress?: (done: number, total: number, seconds: number) => void;
}

/** Reads the bundled documents (sorted by name). */
export async function readSources(dir: string): Promise<SourceDocument[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}

/** The documents of a collection of `size`, in ingestion order: the bundled ones, then synthetic ones. */
export function collectionFiles(sources: SourceDocument[], size: number, seed: number): SourceDocument[] {
  const synthetic = generateSyntheticCorpus(sources, Math.max(0, size - sources.length), seed);
  return [...sources, ...synthetic].slice(0, Math.max(size, 0));
}

async function readManifest(dir: string): Promise<StoreManifest | null> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return null;
  return JSON.parse(await readFile(path, 'utf8')) as StoreManifest;
}

/** Builds (or reuses) the collection; returns its manifest. */
export async function buildStore(opts: BuildOptions): Promise<StoreManifest & { reused: boolean }> {
  const known = opts.fresh ? null : await readManifest(opts.dir);
  // A complete collection is reused whatever budget built it; a cut-short one only under the same budget.
  const sameDocuments = known?.requested === opts.size && known.seed === opts.seed && (known.generator ?? 1) === SYNTHETIC_VERSION;
  if (known && sameDocuments && (known.complete || known.budgetSeconds === opts.budgetSeconds)) {
    return { ...known, reused: true };
  }
  await rm(opts.dir, { recursive: true, force: true });
  await mkdir(opts.dir, { recursive: true });
  const files = collectionFiles(opts.sources, opts.size, opts.seed);
  const core = await openCore({ config: opts.config, logger: opts.logger, databaseUrl: `pglite://${join(opts.dir, 'db')}`, offline: true });
  const started = performance.now();
  // The budget stops taking new files; what was read by then is still stored.
  const budget = AbortSignal.timeout(opts.budgetSeconds * 1000);
  let bytes = 0, stored = 0, failed = 0, chunks = 0, bundled = 0;
  try {
    // As an admin loads an archive (`npm run ingest <folder>`): in batches, as a bulk load when it is large.
    const sources = files.map((file) => ({
      name: file.name,
      read: async () => {
        const data = Buffer.from(file.text, 'utf8');
        bytes += data.byteLength;
        return data;
      },
    }));
    await core.ingestor.ingestMany(sources, { signal: budget }, (r, done) => {
      if (r.outcome === 'stored' || r.outcome === 'replaced') {
        stored++;
        chunks += r.chunks;
        // Results come in the order of the files: the bundled ones first.
        if (done <= opts.sources.length) bundled++;
      } else failed++;
      if (done % 250 === 0) opts.onProgress?.(done, files.length, (performance.now() - started) / 1000);
    });
  } finally {
    await core.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const manifest: StoreManifest = {
    requested: opts.size,
    documents: stored,
    bundled,
    synthetic: stored - bundled,
    chunks,
    seed: opts.seed,
    generator: SYNTHETIC_VERSION,
    budgetSeconds: opts.budgetSeconds,
    complete: stored + failed === files.length,
    bytes,
    seconds,
    docsPerSecond: (stored + failed) / seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    failed,
    builtAt: new Date().toISOString(),
  };
  await writeFile(join(opts.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, reused: false };
}
