/**
 * BM25 encoded as pgvector `sparsevec`, so lexical search runs on any Postgres that has only pgvector.
 *
 * Each term string is hashed (32-bit FNV-1a) to a dimension in 1..1_000_000_000. A chunk stores its BM25
 * document weights tf·(k1+1)/(tf + k1·(1−b+b·dl/avgdl)); a query carries IDF × multiplier per term; the
 * inner product of the two is the BM25 score.
 *
 * Collisions are negligible at our size: with V distinct terms (syllables, bigrams and folded copies of a few
 * hundred directives: V ≈ 10^5) in 10^9 buckets, a given term shares its bucket with probability about
 * V/10^9 = 0.01 %, and the expected number of colliding pairs is V²/(2·10^9) ≈ 5. A collision only merges
 * the statistics of two (almost always rare) terms, which cannot change a ranking noticeably.
 */
import { bm25Idf } from '../core/bm25.ts';
import { float4Texts } from './sql-values.ts';

/** BM25 term-frequency saturation. */
export const BM25_K1 = 1.2;
/** BM25 length normalisation. */
export const BM25_B = 0.75;
/** Number of sparsevec dimensions: the largest pgvector accepts. */
export const LEXICAL_DIMENSIONS = 1_000_000_000;
/** pgvector's limit on non-zero entries of a stored sparsevec. */
export const MAX_NON_ZEROS = 16_000;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a over the UTF-8 bytes of `text`, as an unsigned integer. The bytes are worked out here rather
 * than by a TextEncoder: every term of every chunk is hashed, and an encoder's array per term was a tenth of
 * the time a document took to ingest. A lone surrogate counts as U+FFFD, as TextEncoder has it.
 */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else code = 0xfffd;
    }
    if (code < 0x80) hash = fnvStep(hash, code);
    else if (code < 0x800) hash = fnvStep(fnvStep(hash, 0xc0 | (code >> 6)), 0x80 | (code & 0x3f));
    else if (code < 0x10000) {
      hash = fnvStep(fnvStep(fnvStep(hash, 0xe0 | (code >> 12)), 0x80 | ((code >> 6) & 0x3f)), 0x80 | (code & 0x3f));
    } else {
      hash = fnvStep(fnvStep(hash, 0xf0 | (code >> 18)), 0x80 | ((code >> 12) & 0x3f));
      hash = fnvStep(fnvStep(hash, 0x80 | ((code >> 6) & 0x3f)), 0x80 | (code & 0x3f));
    }
  }
  return hash >>> 0;
}

function fnvStep(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
}

/** The sparsevec dimension (1-based, 1..1_000_000_000) of a term; also its id in `lexical_df`. */
export function termId(term: string): number {
  return (fnv1a32(term) % LEXICAL_DIMENSIONS) + 1;
}

/** Term counts of one chunk, hashed: term id → tf (colliding terms add up). */
export function hashTerms(terms: Map<string, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [term, count] of terms) {
    if (!(count > 0)) continue;
    const id = termId(term);
    out.set(id, (out.get(id) ?? 0) + count);
  }
  return out;
}

/** Total term count of a chunk (BM25's dl). */
export function chunkLength(tf: Map<number, number>): number {
  let total = 0;
  for (const count of tf.values()) total += count;
  return total;
}

/** BM25 document weights of one chunk, keeping the `MAX_NON_ZEROS` highest-weighted terms. */
export function bm25Weights(tf: Map<number, number>, avgdl: number): Map<number, number> {
  const dl = chunkLength(tf);
  const norm = avgdl > 0 ? dl / avgdl : 1;
  const weights: Array<[number, number]> = [];
  for (const [id, count] of tf) {
    const w = (count * (BM25_K1 + 1)) / (count + BM25_K1 * (1 - BM25_B + BM25_B * norm));
    weights.push([id, w]);
  }
  if (weights.length > MAX_NON_ZEROS) {
    weights.sort((a, b) => b[1] - a[1]);
    weights.length = MAX_NON_ZEROS;
  }
  return new Map(weights);
}

/** Okapi BM25 inverse document frequency (the "plus one" variant, never negative). */
export const idf = bm25Idf;

/** Query weights: IDF × multiplier per hashed term; terms no chunk contains are dropped. */
export function queryWeights(
  terms: Map<string, number>,
  df: Map<number, number>,
  totalChunks: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const [term, multiplier] of terms) {
    const id = termId(term);
    const freq = df.get(id) ?? 0;
    if (freq <= 0 || !(multiplier > 0)) continue;
    out.set(id, (out.get(id) ?? 0) + idf(totalChunks, freq) * multiplier);
  }
  return out;
}

/** pgvector text literal `{i:v,…}/D` with indices ascending (pgvector requires sorted, unique indices). */
export function sparsevecLiteral(weights: Map<number, number>): string {
  const entries = [...weights.entries()].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
  const text = float4Texts();
  return `{${entries.map(([i, v]) => `${i}:${text(v)}`).join(',')}}/${LEXICAL_DIMENSIONS}`;
}

/**
 * Chunk weights are stored as whole numbers of ten-thousandths, and a score is divided back by this scale. The
 * database parses a whole number several times faster than a nine-digit decimal (a chunk has some 400 weights,
 * and parsing them was most of the cost of writing it), and a weight lies between about 0.2 and 2.2, so the
 * rounding is under 0.03 % of it: less than the drift of the average chunk length between two documents saved
 * a few hundred apart.
 */
export const WEIGHT_SCALE = 10_000;

/**
 * Version of the way chunk weights are stored (1: decimals; 2: {@link WEIGHT_SCALE}). A store written in
 * another has its lexical index rebuilt when it opens, as for a change of the analyzer.
 */
export const LEXICAL_FORMAT = 2;

/** A chunk's lexical row as stored: its term ids, ascending, and its BM25 weights as a `sparsevec` literal. */
export interface StoredLexical {
  termIds: number[];
  /** Whole ten-thousandths ({@link WEIGHT_SCALE}). */
  literal: string;
}

/**
 * The weights of {@link bm25Weights}, written in one pass: every chunk of every document goes through here, and
 * building maps and arrays of pairs for it was a tenth of the time a bulk load spent in this thread.
 */
export function storedLexical(tf: Map<number, number>, avgdl: number): StoredLexical {
  const ids = Uint32Array.from(tf.keys()).sort();
  const termIds = Array.from(ids);
  if (ids.length > MAX_NON_ZEROS) {
    const kept = bm25Weights(tf, avgdl);
    const entries = [...kept].map(([i, w]) => [i, Math.round(w * WEIGHT_SCALE)] as const).filter(([, v]) => v !== 0);
    const literal = `{${entries.sort((a, b) => a[0] - b[0]).map(([i, v]) => `${i}:${v}`).join(',')}}/${LEXICAL_DIMENSIONS}`;
    return { termIds, literal };
  }
  const dl = chunkLength(tf);
  const norm = avgdl > 0 ? dl / avgdl : 1;
  // The same operations as bm25Weights, so the same numbers; a chunk's counts are a few small values.
  const saturation = BM25_K1 * (1 - BM25_B + BM25_B * norm);
  const byCount = new Map<number, number>();
  let literal = '{';
  for (const id of ids) {
    const count = tf.get(id)!;
    let scaled = byCount.get(count);
    if (scaled === undefined) {
      scaled = Math.round(((count * (BM25_K1 + 1)) / (count + saturation)) * WEIGHT_SCALE);
      byCount.set(count, scaled);
    }
    if (scaled === 0) continue;
    literal += literal.length > 1 ? `,${id}:${scaled}` : `${id}:${scaled}`;
  }
  return { termIds, literal: `${literal}}/${LEXICAL_DIMENSIONS}` };
}
