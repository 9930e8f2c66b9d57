/**
 * The two search indexes that cost more to keep up row by row than to build once: each embedding model's HNSW
 * index over its vectors, and the GIN index of chunk terms. On a 600-document load, keeping them up took ~40% of
 * the time spent storing; building the HNSW index afterwards took a fifth of what inserting into it did (3.8 s
 * against ~19 s for 12,000 vectors, 78 s for 198,000). A bulk load therefore drops them and builds them at the
 * end (`DocumentStore.bulkLoad`); a load cut short by a crash leaves them missing, and opening the store builds
 * them again (`ensureSearchIndexes`).
 */
import type { Db } from '../core/ports.ts';
import { quoteLiteral } from './sql-values.ts';

/** The GIN index that finds the chunks holding a query's terms. */
export const TERM_INDEX = 'chunks_term_ids_idx';

const TERM_INDEX_SQL = `CREATE INDEX IF NOT EXISTS ${TERM_INDEX} ON chunks USING gin (term_ids)`;

/**
 * Memory for building an HNSW index: the graph of a 10,000-document collection (~200,000 vectors of 384
 * dimensions) fits in it, and a graph that fits builds ~6× faster than one that spills (455 s with the default
 * 64 MB against 78 s). Taken only while the index is built.
 */
const HNSW_BUILD_MEMORY = '1GB';

/** The statement creating `model`'s HNSW index (the dimension is a checked integer, the model a quoted literal). */
export function vectorIndexSql(indexName: string, model: string, dimensions: number): string {
  return `CREATE INDEX IF NOT EXISTS ${indexName} ON chunk_embeddings
    USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops) WHERE model = ${quoteLiteral(model)}`;
}

interface WantedIndex {
  name: string;
  sql: string;
  /** Needs the larger build memory (HNSW). */
  graph: boolean;
}

async function wantedIndexes(db: Db): Promise<WantedIndex[]> {
  const models = await db.query<{ model: string; dimensions: number; index_name: string }>(
    'SELECT model, dimensions, index_name FROM embedding_models ORDER BY model',
  );
  return [
    { name: TERM_INDEX, sql: TERM_INDEX_SQL, graph: false },
    ...models.map((m) => ({ name: m.index_name, sql: vectorIndexSql(m.index_name, m.model, m.dimensions), graph: true })),
  ];
}

async function presentIndexes(db: Db): Promise<Set<string>> {
  const rows = await db.query<{ name: string }>(
    `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('chunks', 'chunk_embeddings')`,
  );
  return new Set(rows.map((r) => r.name));
}

/** Drops the search indexes (a bulk load is about to write many rows). */
export async function dropSearchIndexes(db: Db): Promise<void> {
  for (const index of await wantedIndexes(db)) await db.query(`DROP INDEX IF EXISTS ${index.name}`);
}

/** Builds every search index that is missing; returns the names of those it built. */
export async function ensureSearchIndexes(db: Db): Promise<string[]> {
  const present = await presentIndexes(db);
  const missing = (await wantedIndexes(db)).filter((index) => !present.has(index.name));
  for (const index of missing) {
    await db.transaction(async (tx) => {
      if (index.graph) await tx.query(`SET LOCAL maintenance_work_mem = '${HNSW_BUILD_MEMORY}'`);
      await tx.query(index.sql);
    });
  }
  return missing.map((index) => index.name);
}
