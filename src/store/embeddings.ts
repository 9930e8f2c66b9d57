/**
 * Chunk vectors, one row per (chunk, model), in an untyped `vector` column so models of any size can coexist.
 * Each model gets its own partial HNSW index over `embedding::vector(D)`; searches use the very same
 * expression and predicate so the planner can pick that index.
 */
import { StoreError } from '../core/errors.ts';
import type { ChunkHit, Db, SearchFilter } from '../core/ports.ts';
import { fnv1a32 } from './lexical.ts';
import { type HitRow, toChunkHit } from './lexical-index.ts';
import { searchFilterValues, yearCondition } from './search-filter.ts';
import { vectorIndexSql } from './search-indexes.ts';
import { embeddingIndexName, quoteLiteral, storedVectorLiteral, vectorLiteral } from './sql-values.ts';

/** Rows written per statement, to keep parameters a reasonable size. */
const BATCH = 500;

async function modelDimensions(db: Db, model: string): Promise<number | null> {
  const rows = await db.query<{ dimensions: number }>(
    'SELECT dimensions FROM embedding_models WHERE model = $1',
    [model],
  );
  return rows[0]?.dimensions ?? null;
}

/**
 * Dimensions of the models every search has found registered, per database: a model's row is never changed or
 * removed, so a search asks the database once per model rather than once per question.
 */
const registered = new WeakMap<Db, Map<string, number>>();

async function searchedModelDimensions(db: Db, model: string): Promise<number | null> {
  const known = registered.get(db)?.get(model);
  if (known !== undefined) return known;
  const dimensions = await modelDimensions(db, model);
  if (dimensions !== null) {
    const models = registered.get(db) ?? new Map<string, number>();
    models.set(model, dimensions);
    registered.set(db, models);
  }
  return dimensions;
}

/**
 * Registers `model` with `dimensions` and creates its HNSW index, once per model; a second size for the
 * same model is refused (re-embed under a new model name instead). With `deferIndex` (a bulk load), only the
 * model is registered: the load builds the index at its end (search-indexes.ts).
 */
export async function ensureModelIndex(tx: Db, model: string, dimensions: number, opts: { deferIndex?: boolean } = {}): Promise<void> {
  if (!Number.isInteger(dimensions) || dimensions <= 0) {
    throw new StoreError(`embedding for model "${model}" has no dimensions`);
  }
  const known = await modelDimensions(tx, model);
  if (known !== null) {
    if (known === dimensions) return;
    throw new StoreError(`model "${model}" stores ${known}-dimensional vectors, got ${dimensions}`);
  }
  const indexName = embeddingIndexName(model, fnv1a32);
  await tx.query(
    `INSERT INTO embedding_models (model, dimensions, index_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [model, dimensions, indexName],
  );
  if (!opts.deferIndex) await tx.query(vectorIndexSql(indexName, model, dimensions));
}

/** Inserts or replaces vectors of `model` (caller runs it in a transaction after `ensureModelIndex`). */
export async function upsertEmbeddings(
  tx: Db,
  model: string,
  rows: Array<{ chunkId: string; embedding: number[] }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => ({ chunk_id: r.chunkId, embedding: storedVectorLiteral(r.embedding) }));
    await tx.query(
      `INSERT INTO chunk_embeddings (chunk_id, model, embedding)
       SELECT x.chunk_id, $1, x.embedding::vector
       FROM jsonb_to_recordset($2::jsonb) AS x(chunk_id uuid, embedding text)
       ON CONFLICT (chunk_id, model) DO UPDATE SET embedding = excluded.embedding`,
      [model, JSON.stringify(batch)],
    );
  }
}

/** Stores vectors for `model` in one transaction, creating the model's index on first use. */
export async function saveEmbeddings(
  db: Db,
  model: string,
  rows: Array<{ chunkId: string; embedding: number[] }>,
): Promise<void> {
  if (rows.length === 0) return;
  const dimensions = rows[0]!.embedding.length;
  await db.transaction(async (tx) => {
    await ensureModelIndex(tx, model, dimensions);
    await upsertEmbeddings(tx, model, rows);
  });
}

/** Cosine similarity search over one model's vectors of active documents. */
export async function vectorSearch(
  db: Db,
  model: string,
  vector: number[],
  filter: SearchFilter,
  limit: number,
): Promise<ChunkHit[]> {
  const filterValues = searchFilterValues(filter);
  if (filterValues === null || limit <= 0) return [];
  const dimensions = await searchedModelDimensions(db, model);
  if (dimensions === null) return [];
  if (vector.length !== dimensions) {
    throw new StoreError(`query vector has ${vector.length} dimensions; model "${model}" stores ${dimensions}`);
  }
  const distance = `(e.embedding::vector(${dimensions})) <=> $1::vector(${dimensions})`;
  // The HNSW scan yields at most ef_search rows before the filters apply: widen it to the limit, and let it
  // keep scanning (pgvector iterative scan) when a year or document filter discards most neighbours.
  const rows = await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL hnsw.ef_search = ${Math.min(1000, Math.max(40, Math.ceil(limit) + 40))}`);
    await tx.query(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
    return tx.query<HitRow>(
      `SELECT c.id::text AS chunk_id, c.document_id::text AS document_id, c.section_id::text AS section_id,
              s.label AS section_label, c.text, 1 - (${distance}) AS score
       FROM chunk_embeddings e
       JOIN chunks c ON c.id = e.chunk_id
       JOIN documents d ON d.id = c.document_id
       JOIN sections s ON s.id = c.section_id
       WHERE e.model = ${quoteLiteral(model)} AND d.status = 'active'
         AND ${yearCondition(2)}
         AND (cardinality($3::uuid[]) = 0 OR d.id = ANY($3::uuid[]))
       ORDER BY ${distance}
       LIMIT $4`,
      [vectorLiteral(vector), filterValues.years, filterValues.documentIds, limit],
    );
  });
  return rows.map(toChunkHit);
}

/** Chunks of active documents that have no vector for `model`, oldest documents first. */
export async function chunksMissingEmbedding(
  db: Db,
  model: string,
  limit: number,
): Promise<Array<{ chunkId: string; searchText: string }>> {
  const rows = await db.query<{ chunk_id: string; search_text: string }>(
    `SELECT c.id::text AS chunk_id, c.search_text
     FROM chunks c JOIN documents d ON d.id = c.document_id JOIN sections s ON s.id = c.section_id
     WHERE d.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM chunk_embeddings e WHERE e.chunk_id = c.id AND e.model = $1)
     ORDER BY d.created_at, c.document_id, s.ord, c.ord
     LIMIT $2`,
    [model, limit],
  );
  return rows.map((r) => ({ chunkId: r.chunk_id, searchText: r.search_text }));
}
