/**
 * Embeddings from an OpenAI-compatible endpoint (OpenAI, or a self-hosted server via OPENAI_BASE_URL),
 * through LangChain's OpenAIEmbeddings: batched, with bounded retries and a timeout per request.
 */
import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from '../core/ports.ts';
import { ModelError } from '../core/errors.ts';

export interface OpenAiEmbedderOptions {
  apiKey: string;
  baseUrl?: string;
  model: string;
  batchSize?: number;
  timeoutMs?: number;
  maxRetries?: number;
}

const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

/** Creates the OpenAI-compatible embedder; the store records `model` next to every vector. */
export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const client = new OpenAIEmbeddings({
    apiKey: options.apiKey,
    model: options.model,
    batchSize: options.batchSize ?? 64,
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 3,
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : undefined,
  });
  let dimensions = KNOWN_DIMENSIONS[options.model] ?? 0;
  return {
    model: `openai:${options.model}`,
    get dimensions() {
      return dimensions;
    },
    async embed(texts) {
      if (texts.length === 0) return [];
      try {
        const vectors = await client.embedDocuments(texts);
        dimensions = vectors[0]?.length ?? dimensions;
        return vectors;
      } catch (err) {
        throw new ModelError(`embedding request to ${options.model} failed`, { cause: err });
      }
    },
  };
}
