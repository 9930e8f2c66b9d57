/**
 * The default embedder: needs no network and no model weights, and is deterministic.
 *
 * How it works: the accent-folded text is cut into features — syllables, adjacent syllable pairs and
 * character trigrams inside each syllable (with boundary marks) — and each feature is hashed (FNV-1a) to one
 * of `dimensions` buckets with a hashed sign; counts are dampened with log(1+tf) and the vector is
 * L2-normalised, so cosine similarity measures shared vocabulary.
 *
 * What it captures: spelling-level overlap, robust to missing diacritics, tone-mark placement and small
 * typos (trigrams). What it does not: meaning — synonyms and paraphrases with no shared syllables look
 * unrelated. An OpenAI-compatible embedding model (EMBEDDINGS_MODEL) adds that.
 */
import type { Embedder } from '../core/ports.ts';
import { foldedView, syllables } from '../text/normalize.ts';
import { fnv1a } from '../text/hash.ts';

/** Creates the offline hashing embedder. */
export function createHashingEmbedder(dimensions = 384): Embedder {
  const model = `hash-ngram-v1-${dimensions}`;
  function embedOne(text: string): number[] {
    const counts = new Map<number, number>();
    const bump = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      const index = h % dimensions;
      const sign = (h >>> 31) === 0 ? 1 : -1;
      counts.set(index, (counts.get(index) ?? 0) + sign * weight);
    };
    const words = syllables(foldedView(text));
    words.forEach((w, i) => {
      bump(`s:${w}`, 1);
      if (i + 1 < words.length) bump(`p:${w}_${words[i + 1]}`, 1.5);
      const padded = `^${w}$`;
      for (let j = 0; j + 3 <= padded.length; j++) bump(`t:${padded.slice(j, j + 3)}`, 0.5);
    });
    const vector = new Array<number>(dimensions).fill(0);
    for (const [index, value] of counts) vector[index] = Math.sign(value) * Math.log1p(Math.abs(value));
    const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0));
    if (norm === 0) vector[0] = 1; // an empty text still gets a unit vector (cosine of a zero vector is NaN)
    return norm === 0 ? vector : vector.map((v) => v / norm);
  }
  return {
    model,
    dimensions,
    async embed(texts) {
      return texts.map(embedOne);
    },
  };
}
