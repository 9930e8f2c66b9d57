/**
 * The optional generative path. A writer turns an extractive answer into prose; it must keep the product's
 * citations (see src/llm/cited-writer.ts). When it fails, the extractive answer is returned unchanged.
 */
import type { Answer } from '../core/types.ts';

export interface ModelWriter {
  rewrite(question: string, extractive: Answer): Promise<Answer>;
}
