/**
 * How to make an embedder again in another thread: only the offline hashing embedder can be (it is a pure
 * function of its dimensions); a remote model stays in the thread that owns its client.
 */
import type { Embedder } from '../core/ports.ts';
import { createHashingEmbedder } from './hashing-embedder.ts';

export interface EmbedderRecipe {
  kind: 'hashing';
  dimensions: number;
}

/** The offline hashing embedder, with the recipe that makes the same one elsewhere. */
export function hashingEmbedderWithRecipe(dimensions?: number): { embedder: Embedder; recipe: EmbedderRecipe } {
  const embedder = createHashingEmbedder(dimensions);
  return { embedder, recipe: { kind: 'hashing', dimensions: embedder.dimensions } };
}

/** The embedder a recipe describes. */
export function embedderFromRecipe(recipe: EmbedderRecipe): Embedder {
  return createHashingEmbedder(recipe.dimensions);
}
