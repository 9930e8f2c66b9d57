/**
 * The lexical (BM25) index in SQL: chunk weights written at save time, document frequencies and the
 * collection statistics kept in step, and the search query.
 *
 * Frequencies count every stored chunk (drafts and history included): the few extra versions barely move
 * IDF, and keeping them avoids rewriting statistics on every publish or retirement.
 */
import type { ChunkHit, Db, SearchFilter } from '../core/ports.ts';
import { queryWeights, sparsevecLiteral, termId, WEIGHT_SCALE } from './lexical.ts';
import { searchFilterValues, yearCondition } from './search-filter.ts';
import { uncachedDf, type DfReader } from './df-cache.ts';

/** Collection statistics used for IDF and BM25 length normalisation. */
export interface LexicalStats {
  chunkCount: number;
  totalLength: number;
}

/** Reads the statistics row, locking it until the transaction ends so concurrent saves take turns. */
export async function lockLexicalStats(tx: Db): Promise<LexicalStats> {
  const rows = await tx.query<{ chunk_count: number; total_length: number }>(
    `SELECT chunk_count::float8 AS chunk_count, total_length::float8 AS total_length
     FROM lexical_stats WHERE id = 1 FOR UPDATE`,
  );
  return { chunkCount: rows[0]?.chunk_count ?? 0, totalLength: rows[0]?.total_length ?? 0 };
}

/** Adds one document's chunks to the statistics: `df` maps term id → number of its chunks containing it. */
export async function addLexicalStats(
  tx: Db,
  df: Map<number, number>,
  chunkCount: number,
  totalLength: number,
): Promise<void> {
  const ids = [...df.keys()].sort((a, b) => a - b);
  if (ids.length > 0) {
    await tx.query(
      `INSERT INTO lexical_df (term_id, df)
       SELECT x.term_id, x.n FROM unnest($1::int[], $2::int[]) AS x(term_id, n) ORDER BY x.term_id
       ON CONFLICT (term_id) DO UPDATE SET df = lexical_df.df + excluded.df`,
      [ids, ids.map((id) => df.get(id)!)],
    );
  }
  await tx.query(
    `UPDATE lexical_stats SET chunk_count = chunk_count + $1, total_length = total_length + $2, generation = generation + 1
     WHERE id = 1`,
    [chunkCount, totalLength],
  );
}

/** Removes one document's chunks from the statistics (call before deleting its chunks). */
export async function removeLexicalStats(tx: Db, documentId: string): Promise<void> {
  await tx.query(
    `UPDATE lexical_df AS f SET df = f.df - x.n
     FROM (SELECT t AS term_id, count(*)::int AS n FROM chunks c, unnest(c.term_ids) AS t
           WHERE c.document_id = $1 GROUP BY t ORDER BY t) AS x
     WHERE f.term_id = x.term_id`,
    [documentId],
  );
  await tx.query(
    `DELETE FROM lexical_df WHERE df <= 0
       AND term_id IN (SELECT unnest(term_ids) FROM chunks WHERE document_id = $1)`,
    [documentId],
  );
  await tx.query(
    `UPDATE lexical_stats SET chunk_count = chunk_count - x.n, total_length = total_length - x.len, generation = generation + 1
     FROM (SELECT count(*) AS n, coalesce(sum(length), 0) AS len FROM chunks WHERE document_id = $1) AS x
     WHERE id = 1`,
    [documentId],
  );
}

/** Terms found in more than this share of chunks do not select candidates on their own (they still score). */
const COMMON_TERM_SHARE = 0.05;
/** At least this many of the rarest query terms always select candidates… */
const MIN_CANDIDATE_TERMS = 3;
/** …unless together they would select more chunks than this: scoring reads every candidate row. */
const MAX_CANDIDATE_CHUNKS = 5000;

/** How candidates are selected through the GIN index: chunks holding any of `any`, or all of `all`. */
export interface CandidateRule {
  any: number[];
  all: number[];
}

/**
 * The query terms used to select candidate chunks through the GIN index: the rare ones. A word such as
 * "tuyên truyền" is in almost every chunk of a large collection, and selecting on it would score nearly all of
 * them; chunks that match only common words would rank low anyway. When even the rarest term is in more than
 * MAX_CANDIDATE_CHUNKS chunks (a collection of near-copies), a candidate must hold the rarest terms, as many as
 * it takes to expect at most that many chunks (two at least).
 */
export function candidateTerms(weights: Map<number, number>, df: Map<number, number>, total: number): CandidateRule {
  const byRarity = [...weights.keys()].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || a - b);
  const freq = (id: number) => df.get(id) ?? 0;
  const first = byRarity[0];
  if (first !== undefined && freq(first) > MAX_CANDIDATE_CHUNKS && byRarity.length > 1) {
    // Rarest terms first, until chunks holding all of them would be few enough were the terms independent.
    const all = [first];
    let expected = freq(first);
    for (const id of byRarity.slice(1)) {
      all.push(id);
      expected *= freq(id) / Math.max(1, total);
      if (expected <= MAX_CANDIDATE_CHUNKS) break;
    }
    return { any: [], all };
  }
  const any: number[] = [];
  let selected = 0;
  for (const id of byRarity) {
    const common = freq(id) > total * COMMON_TERM_SHARE;
    if (any.length > 0 && (selected + freq(id) > MAX_CANDIDATE_CHUNKS || (common && any.length >= MIN_CANDIDATE_TERMS))) break;
    any.push(id);
    selected += freq(id);
  }
  return { any, all: [] };
}

/** Document frequency of each term (0 when unseen) and the number of chunks they were counted over. */
export async function termFrequencies(
  frequencies: DfReader,
  terms: string[],
): Promise<{ total: number; df: Map<string, number> }> {
  const ids = terms.map(termId);
  const { df, total } = await frequencies.read(ids);
  return { total, df: new Map(terms.map((t, i) => [t, df.get(ids[i] as number) ?? 0])) };
}

/** A search hit row as selected by lexical and vector search. */
export interface HitRow {
  chunk_id: string;
  document_id: string;
  section_id: string;
  section_label: string;
  text: string;
  score: number;
}

/** Maps a hit row to the port type. */
export function toChunkHit(row: HitRow): ChunkHit {
  return {
    chunkId: row.chunk_id,
    documentId: row.document_id,
    sectionId: row.section_id,
    sectionLabel: row.section_label,
    text: row.text,
    score: Number(row.score),
  };
}

/**
 * BM25 search: candidates are chunks sharing a query term (GIN on `term_ids`), ranked by the inner product
 * of their stored weights with the query's IDF weights. Only active documents are searched.
 *
 * At most `maxScored` candidates are scored: the first the scan meets, which in a store filled by loads and
 * appends is about the order the collection received them. The candidate rule expects about
 * MAX_CANDIDATE_CHUNKS, assuming the rare terms independent; in a collection of near-copies they go together
 * ("Tuyên truyền miệng về Nghị quyết Đại hội XIII" at 10,000 documents: 34,447 chunks hold its three rarest terms,
 * against 967 expected), and reading them all took ~0.4 s. More chunks than that holding every rare term of a
 * question are copies of each other, and the ones held longest are the originals.
 */
export async function lexicalSearch(
  db: Db,
  terms: Map<string, number>,
  filter: SearchFilter,
  limit: number,
  maxScored = MAX_CANDIDATE_CHUNKS,
  frequencies: DfReader = uncachedDf(db),
): Promise<ChunkHit[]> {
  const filterValues = searchFilterValues(filter);
  if (filterValues === null || terms.size === 0 || limit <= 0) return [];
  const ids = [...new Set([...terms.keys()].map(termId))];
  const { df, total } = await frequencies.read(ids);
  const weights = queryWeights(terms, df, total);
  if (weights.size === 0) return [];
  // Within named documents every query term may select: there are few chunks to score.
  const rule = filterValues.documentIds.length > 0 ? { any: [...weights.keys()], all: [] } : candidateTerms(weights, df, total);
  // Spelled out rather than `cardinality(...) = 0 OR …`, so the planner always sees a GIN-indexable condition.
  const candidates = rule.all.length > 0 ? 'c.term_ids @> $2::int[]' : 'c.term_ids && $2::int[]';
  // The best `limit` are chosen first and only they are joined to their text and section: a collection of
  // near-copies can give tens of thousands of candidates, and a section lookup for each took most of the time.
  const rows = await db.query<HitRow>(
    `SELECT c.id::text AS chunk_id, c.document_id::text AS document_id, c.section_id::text AS section_id,
            s.label AS section_label, c.text, best.score
     FROM (SELECT cand.id, -(cand.lexical <#> $1::sparsevec) / ${WEIGHT_SCALE} AS score
           FROM (SELECT c.id, c.lexical
                 FROM chunks c
                 JOIN documents d ON d.id = c.document_id
                 WHERE ${candidates} AND d.status = 'active'
                   AND ${yearCondition(3)}
                   AND (cardinality($4::uuid[]) = 0 OR d.id = ANY($4::uuid[]))
                 LIMIT $6) AS cand
           ORDER BY cand.lexical <#> $1::sparsevec, cand.id
           LIMIT $5) AS best
     JOIN chunks c ON c.id = best.id
     JOIN sections s ON s.id = c.section_id
     ORDER BY best.score DESC, best.id`,
    [sparsevecLiteral(weights), rule.all.length > 0 ? rule.all : rule.any, filterValues.years, filterValues.documentIds, limit, maxScored],
  );
  return rows.map(toChunkHit);
}
