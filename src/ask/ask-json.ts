/** The `ask --json` contract, shared by the CLI, the eval, the benchmark and the HTTP ask endpoint. */
import type { Answer, Citation } from '../core/types.ts';
import { forceNoteText } from '../answer/force-words.ts';

/** What `ask --json` prints and `POST /api/ask` answers (the evaluation scores this shape). */
export interface AskJson {
  answer: string;
  refused: boolean;
  /** `force`, only for a document not plainly in force: "⚠️ đã được thay thế bởi Quy định số 12-QĐ/TU ngày 20/5/2024". */
  citations: Array<
    Pick<Citation, 'source' | 'section' | 'heading' | 'title' | 'number' | 'year' | 'quote'> & {
      force?: string;
      /** Whose document it is (the issuing body, with its place), and `own` / `above` relative to the asker's unit. */
      body?: string;
      relation?: 'own' | 'above';
    }
  >;
  latency_ms: number;
  /** `POST /api/ask` only: the unit the answer preferred (null: none), and why a unit sent was not used. */
  organisation?: { unit: string | null; note?: string; candidates?: string[] };
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
      ...(c.force ? { force: forceNoteText(c.force) } : {}),
      ...(c.body ? { body: c.body.name } : {}),
      ...(c.body?.relation ? { relation: c.body.relation } : {}),
    })),
    latency_ms: answer.latencyMs,
  };
}
