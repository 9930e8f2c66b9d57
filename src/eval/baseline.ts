/**
 * The yardstick ("the usual recipe"): LangChain's RecursiveCharacterTextSplitter (1000/200) over each
 * document's text, the same embedding port, vector-only top-4, the chunks concatenated as the answer, each
 * cited by its document and the section where the chunk starts. No refusal and no year awareness.
 */
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Embedder } from '../core/ports.ts';
import type { StoredDocument, StoredSection } from '../core/types.ts';
import type { AskJson } from '../ask/ask-json.ts';
import { quoteKey } from '../text/normalize.ts';

interface BaselineChunk {
  text: string;
  vector: number[];
  document: StoredDocument;
  section: StoredSection | undefined;
}

export interface Baseline {
  ask(question: string): Promise<AskJson>;
}

/** Where each section starts in the document's folded syllable stream, in reading order. */
function sectionStarts(text: string, sections: StoredSection[]): Array<{ at: number; section: StoredSection }> {
  const key = quoteKey(text);
  const starts: Array<{ at: number; section: StoredSection }> = [];
  let from = 0;
  for (const s of sections) {
    const probe = quoteKey(s.headingLine || s.body).split(' ').slice(0, 12).join(' ');
    const at = probe ? key.indexOf(probe, from) : -1;
    if (at >= 0) {
      starts.push({ at, section: s });
      from = at;
    }
  }
  return starts;
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** Builds the baseline index over the given documents (text = the original file text). */
export async function createBaseline(
  documents: Array<{ document: StoredDocument; text: string; sections: StoredSection[] }>,
  embedder: Embedder,
): Promise<Baseline> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const chunks: BaselineChunk[] = [];
  for (const { document, text, sections } of documents) {
    const starts = sectionStarts(text, sections);
    const key = quoteKey(text);
    const pieces = await splitter.splitText(text);
    const vectors = await embedder.embed(pieces);
    pieces.forEach((piece, i) => {
      const at = key.indexOf(quoteKey(piece).split(' ').slice(0, 12).join(' '));
      const section = [...starts].reverse().find((s) => s.at <= at)?.section ?? sections[0];
      chunks.push({ text: piece, vector: vectors[i] ?? [], document, section });
    });
  }
  return {
    async ask(question) {
      const started = performance.now();
      const [q] = await embedder.embed([question]);
      const top = chunks
        .map((c) => ({ c, s: dot(c.vector, q ?? []) }))
        .sort((a, b) => b.s - a.s)
        .slice(0, 4)
        .map((x) => x.c);
      return {
        answer: top.map((c) => c.text).join('\n\n'),
        refused: false,
        citations: top.map((c) => ({
          source: c.document.source,
          section: c.section?.label ?? '',
          heading: c.section?.heading ?? '',
          title: c.document.title,
          number: c.document.number,
          year: c.document.year,
          quote: c.text,
        })),
        latency_ms: Math.round(performance.now() - started),
      };
    },
  };
}
