/** The `ask --json` contract, shared by the CLI, the eval and the HTTP ask endpoint. */
import type { Answer } from '../core/types.ts';

export interface AskJson {
  answer: string;
  refused: boolean;
  citations: Array<{
    source: string;
    section: string;
    heading: string;
    title: string;
    number: string | null;
    year: number | null;
    quote: string;
  }>;
  latency_ms: number;
}

/** Maps an engine answer to the JSON contract. Every outcome but `answered` counts as refused. */
export function toAskJson(answer: Answer): AskJson {
  return {
    answer: answer.text,
    refused: answer.outcome !== 'answered',
    citations: answer.citations.map((c) => ({
      source: c.source,
      section: c.section,
      heading: c.heading,
      title: c.title,
      number: c.number,
      year: c.year,
      quote: c.quote,
    })),
    latency_ms: answer.latencyMs,
  };
}
