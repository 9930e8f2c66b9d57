/** Okapi BM25's inverse document frequency (the "plus one" variant, never negative), shared by store and ranking. */
export function bm25Idf(totalChunks: number, df: number): number {
  return Math.log(1 + (totalChunks - df + 0.5) / (df + 0.5));
}
