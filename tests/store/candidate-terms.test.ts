/**
 * Which query terms select BM25 candidates through the GIN index (src/store/lexical-index.ts).
 */
import { describe, expect, it } from 'vitest';
import { candidateTerms } from '../../src/store/lexical-index.ts';

const weights = (ids: number[]) => new Map(ids.map((id) => [id, 1]));

describe('candidateTerms', () => {
  it('selects with the rare terms, and at least the three rarest', () => {
    const df = new Map([[1, 10], [2, 20], [3, 30], [4, 9000], [5, 50]]);
    expect(candidateTerms(weights([1, 2, 3, 4, 5]), df, 100_000)).toEqual({ any: [1, 2, 3, 5], all: [] });
    // Every term is in most chunks: all of them must be held together.
    const common = new Map([[1, 9000], [2, 9500], [3, 9900], [4, 9990]]);
    expect(candidateTerms(weights([1, 2, 3, 4]), common, 10_000).all).toEqual([1, 2, 3, 4]);
  });

  it('stops adding terms before the candidates pass 5,000 chunks', () => {
    const df = new Map([[1, 3000], [2, 1500], [3, 1000], [4, 100]]);
    expect(candidateTerms(weights([1, 2, 3, 4]), df, 200_000)).toEqual({ any: [4, 3, 2], all: [] });
  });

  it('requires the two rarest terms together when even the rarest is in more than 5,000 chunks', () => {
    const df = new Map([[7, 30_000], [8, 6000], [9, 12_000]]);
    expect(candidateTerms(weights([7, 8, 9]), df, 200_000)).toEqual({ any: [], all: [8, 9] });
    expect(candidateTerms(weights([7]), df, 200_000)).toEqual({ any: [7], all: [] });
  });

  it('adds the next rarest terms until chunks holding them all are expected to be few enough', () => {
    const df = new Map([[1, 60_000], [2, 80_000], [3, 100_000], [4, 150_000], [5, 190_000]]);
    // 60,000 × 0.4 × 0.5 = 12,000 expected with three terms; × 0.75 = 9,000 with four; × 0.95 = 8,550 with all five.
    expect(candidateTerms(weights([1, 2, 3, 4, 5]), df, 200_000).all).toEqual([1, 2, 3, 4, 5]);
    const fewer = new Map([[1, 20_000], [2, 40_000], [3, 60_000]]);
    // 20,000 × 0.2 = 4,000 expected with the two rarest: enough.
    expect(candidateTerms(weights([1, 2, 3]), fewer, 200_000).all).toEqual([1, 2]);
  });
});
