/**
 * Rebuilds the lexical (BM25) index of every stored chunk from its search text, in one transaction. Used when
 * the analyzer changes between versions (new term rules, tone-mark or number-key fixes): without it, a store
 * built by an older version would keep terms the new queries no longer produce.
 */
import type { Db } from '../core/ports.ts';
import { addLexicalStats, lockLexicalStats } from './lexical-index.ts';
import { bm25Weights, chunkLength, hashTerms, sparsevecLiteral } from './lexical.ts';

const BATCH = 500;

/** Recomputes weights, term ids, lengths, document frequencies and statistics; returns the chunk count. */
export async function rebuildLexicalIndex(db: Db, termsOf: (searchText: string) => Map<string, number>): Promise<number> {
  return db.transaction(async (tx) => {
    await lockLexicalStats(tx);
    const chunks = await tx.query<{ id: string; search_text: string }>('SELECT id::text AS id, search_text FROM chunks ORDER BY id');
    const tfs = chunks.map((c) => hashTerms(termsOf(c.search_text)));
    const lengths = tfs.map(chunkLength);
    const totalLength = lengths.reduce((a, b) => a + b, 0);
    const avgdl = chunks.length > 0 && totalLength > 0 ? totalLength / chunks.length : 1;
    const df = new Map<number, number>();
    const rows = chunks.map((c, i) => {
      const tf = tfs[i] as Map<number, number>;
      const termIds = [...tf.keys()].sort((a, b) => a - b);
      for (const id of termIds) df.set(id, (df.get(id) ?? 0) + 1);
      return { id: c.id, lexical: sparsevecLiteral(bm25Weights(tf, avgdl)), term_ids: termIds, length: lengths[i] };
    });
    await tx.query('DELETE FROM lexical_df');
    await tx.query('UPDATE lexical_stats SET chunk_count = 0, total_length = 0 WHERE id = 1');
    for (let i = 0; i < rows.length; i += BATCH) {
      await tx.query(
        `UPDATE chunks AS c SET lexical = x.lexical::sparsevec, term_ids = x.term_ids, length = x.length
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, lexical text, term_ids int[], length int)
         WHERE c.id = x.id`,
        [JSON.stringify(rows.slice(i, i + BATCH))],
      );
    }
    await addLexicalStats(tx, df, rows.length, totalLength);
    return rows.length;
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
