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

/** Distinct syllables whose features are remembered (a collection has a few thousand). */
const MAX_REMEMBERED_SYLLABLES = 100_000;

/** Creates the offline hashing embedder. */
export function createHashingEmbedder(dimensions = 384): Embedder {
  const model = `hash-ngram-v1-${dimensions}`;
  /** A feature's bucket and signed weight. */
  const feature = (text: string, weight: number): [number, number] => {
    const h = fnv1a(text);
    return [h % dimensions, (h >>> 31) === 0 ? weight : -weight];
  };
  // A syllable's own features (itself and its trigrams) are the same wherever it stands: worked out once.
  // Every weight is a multiple of 0.5, so the sums are exact in any order.
  const syllableFeatures = new Map<string, Array<[number, number]>>();
  const featuresOf = (w: string): Array<[number, number]> => {
    let features = syllableFeatures.get(w);
    if (features === undefined) {
      features = [feature(`s:${w}`, 1)];
      const padded = `^${w}$`;
      for (let j = 0; j + 3 <= padded.length; j++) features.push(feature(`t:${padded.slice(j, j + 3)}`, 0.5));
      if (syllableFeatures.size >= MAX_REMEMBERED_SYLLABLES) syllableFeatures.clear();
      syllableFeatures.set(w, features);
    }
    return features;
  };
  function embedOne(text: string): number[] {
    const counts = new Map<number, number>();
    const bump = ([index, value]: [number, number]) => counts.set(index, (counts.get(index) ?? 0) + value);
    const words = syllables(foldedView(text));
    words.forEach((w, i) => {
      for (const f of featuresOf(w)) bump(f);
      if (i + 1 < words.length) bump(feature(`p:${w}_${words[i + 1]}`, 1.5));
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
