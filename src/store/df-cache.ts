/**
 * Document frequencies of the lexical index, kept in memory between questions. Every question looks up the
 * frequencies of its terms four or five times (reading the question, weighing its words, each search), and at
 * 1,000 documents those lookups were a fifth of an answer's time. The statistics row carries a generation that
 * every change of the frequencies advances (a save, a deletion, a rebuild). A lookup of terms not yet known reads
 * it along with them; a lookup answered from memory reads it when it was last read more than `recheckMs` ago. The
 * store forgets the cache itself after its own writes, so only another writer's change (a replica's upload, a
 * rebuild at start) can go unseen, for at most `recheckMs`: the lookups of one answer share one check.
 */
import type { Db } from '../core/ports.ts';

/** Frequencies of term ids (absent ids have df 0) and the number of chunks they were counted over. */
export interface DfLookup {
  df: Map<number, number>;
  total: number;
}

export interface DfReader {
  read(ids: number[]): Promise<DfLookup>;
  /** Drops what is cached (the store wrote to the index). */
  forget(): void;
}

interface Row {
  total: number;
  generation: string;
  term_id: number | null;
  df: number | null;
}

async function query(db: Db, ids: number[]): Promise<{ rows: Row[]; generation: string | null; total: number }> {
  const rows = await db.query<Row>(
    `SELECT s.chunk_count::float8 AS total, s.generation::text AS generation, f.term_id, f.df
     FROM lexical_stats s LEFT JOIN lexical_df f ON f.term_id = ANY($1::int[])
     WHERE s.id = 1`,
    [ids],
  );
  return { rows, generation: rows[0]?.generation ?? null, total: rows[0]?.total ?? 0 };
}

function frequencies(rows: Row[]): Map<number, number> {
  const df = new Map<number, number>();
  for (const r of rows) if (r.term_id !== null && r.df !== null) df.set(r.term_id, r.df);
  return df;
}

/** Reads frequencies straight from the database, every time. */
export function uncachedDf(db: Db): DfReader {
  return {
    async read(ids) {
      const { rows, total } = await query(db, ids);
      return { df: frequencies(rows), total };
    },
    forget() {},
  };
}

export interface DfCacheOptions {
  /** How long a generation read from the database is trusted for lookups answered from memory. */
  recheckMs?: number;
  /** The cache is emptied when it holds more term ids than this. */
  maxTerms?: number;
  now?: () => number;
}

/** Reads frequencies through a cache. */
export function cachedDf(db: Db, opts: DfCacheOptions = {}): DfReader {
  const { recheckMs = 250, maxTerms = 200_000, now = () => performance.now() } = opts;
  let generation: string | null = null;
  let checkedAt = -Infinity;
  let total = 0;
  let known = new Map<number, number>();
  // Advanced by forget(): a lookup that began before a write keeps nothing it read.
  let epoch = 0;
  const lookup = (unique: number[], count: number): DfLookup => {
    const df = new Map<number, number>();
    for (const id of unique) {
      const n = known.get(id) ?? 0;
      if (n > 0) df.set(id, n);
    }
    if (known.size > maxTerms) known = new Map();
    return { df, total: count };
  };
  return {
    async read(ids) {
      const unique = [...new Set(ids)];
      let asked = unique.filter((id) => !known.has(id));
      if (asked.length === 0 && generation !== null && now() - checkedAt < recheckMs) return lookup(unique, total);
      const started = now();
      const began = epoch;
      let answer = await query(db, asked);
      if (answer.generation !== generation || epoch !== began) {
        // The frequencies changed since they were cached: read again what would have been taken from memory.
        if (asked.length < unique.length) {
          asked = unique;
          answer = await query(db, unique);
        }
        // The store wrote meanwhile: answer as read, keep nothing.
        if (epoch !== began) return { df: frequencies(answer.rows), total: answer.total };
        known = new Map();
        generation = answer.generation;
      }
      for (const id of asked) known.set(id, 0);
      for (const [id, n] of frequencies(answer.rows)) known.set(id, n);
      checkedAt = started;
      total = answer.total;
      return lookup(unique, answer.total);
    },
    forget() {
      known = new Map();
      generation = null;
      epoch += 1;
    },
  };
}
