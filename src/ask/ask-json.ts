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
      /** The text of the file the section belongs to when its label alone is shared with another (`Quyết định`). */
      within?: string;
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
      ...contractLabel(c.section),
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

/**
 * The label as the citation contract writes it (BRIEF: an article is `Điều 5`). A decision that promulgates a Quy chế
 * printed in the same file has articles numbered like the Quy chế's; the store tells them apart (`Quyết định.Điều 2`,
 * ingestion/structure/attached.ts), the contract does not: the citation is `Điều 2`, `within` the Quyết định, and
 * its heading and quote say which one it is.
 */
export function contractLabel(label: string): { section: string; within?: string } {
  const qualified = /^(Quyết định)\.(Điều .+)$/u.exec(label);
  return qualified ? { section: qualified[2] as string, within: qualified[1] as string } : { section: label };
}
