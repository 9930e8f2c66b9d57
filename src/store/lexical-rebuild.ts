/**
 * Rebuilds the lexical (BM25) index of every stored chunk from its search text, in one transaction. Used when
 * the analyzer changes between versions (new term rules, tone-mark or number-key fixes): without it, a store
 * built by an older version would keep terms the new queries no longer produce.
 */
import type { Db } from '../core/ports.ts';
import { addLexicalStats, lockLexicalStats } from './lexical-index.ts';
import { chunkLength, hashTerms, storedLexical } from './lexical.ts';
import { TERM_INDEX } from './search-indexes.ts';

const BATCH = 500;

type ChunkText = { id: string; search_text: string };

/** Chunks in id order, one batch at a time (keyset pagination keeps memory bounded on large stores). */
async function* chunkBatches(tx: Db): AsyncGenerator<ChunkText[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await tx.query<ChunkText>(
      'SELECT id::text AS id, search_text FROM chunks WHERE id > $1::uuid ORDER BY id LIMIT $2',
      [after, BATCH],
    );
    if (rows.length === 0) return;
    yield rows;
    after = (rows[rows.length - 1] as ChunkText).id;
  }
}

/**
 * Recomputes weights, term ids, lengths, document frequencies and statistics; returns the chunk count. Two
 * passes over the chunks in batches: the first counts lengths and document frequencies, the second writes
 * the weights (BM25 needs the average length first). Memory stays bounded by the batch and the vocabulary.
 */
export async function rebuildLexicalIndex(db: Db, termsOf: (searchText: string) => Map<string, number>): Promise<number> {
  return db.transaction(async (tx) => {
    await lockLexicalStats(tx);
    const df = new Map<number, number>();
    let count = 0;
    let totalLength = 0;
    for await (const batch of chunkBatches(tx)) {
      for (const c of batch) {
        const tf = hashTerms(termsOf(c.search_text));
        for (const id of tf.keys()) df.set(id, (df.get(id) ?? 0) + 1);
        totalLength += chunkLength(tf);
        count++;
      }
    }
    const avgdl = count > 0 && totalLength > 0 ? totalLength / count : 1;
    // Rewriting term_ids under a live GIN index updates it row by row (and rules out HOT updates): at
    // 200,000 chunks that took over ten minutes. Building the index once afterwards is far cheaper.
    await tx.query(`DROP INDEX IF EXISTS ${TERM_INDEX}`);
    for await (const batch of chunkBatches(tx)) {
      const rows = batch.map((c) => {
        const tf = hashTerms(termsOf(c.search_text));
        const { termIds, literal } = storedLexical(tf, avgdl);
        return { id: c.id, lexical: literal, term_ids: termIds, length: chunkLength(tf) };
      });
      await tx.query(
        `UPDATE chunks AS c SET lexical = x.lexical::sparsevec, term_ids = x.term_ids, length = x.length
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, lexical text, term_ids int[], length int)
         WHERE c.id = x.id`,
        [JSON.stringify(rows)],
      );
    }
    await tx.query(`CREATE INDEX ${TERM_INDEX} ON chunks USING gin (term_ids)`);
    await tx.query('DELETE FROM lexical_df');
    await tx.query('UPDATE lexical_stats SET chunk_count = 0, total_length = 0, generation = generation + 1 WHERE id = 1');
    await addLexicalStats(tx, df, count, totalLength);
    return count;
  });
}

/** Reads a setting (null when unset). */
export async function getSetting(db: Db, key: string): Promise<string | null> {
  const rows = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

/** Writes a setting. */
export async function setSetting(db: Db, key: string, value: string): Promise<void> {
  await db.query(
    `INSERT INTO settings (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
    [key, value],
  );
}
