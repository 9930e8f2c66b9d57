/**
 * Verbatim quoting: picks the paragraphs (bullets) of a section that answer the question, in document order,
 * within a character budget. Every fragment is copied from the section text unchanged; skipped text between
 * fragments is marked with `…` on its own line. Nothing is paraphrased.
 */
import { coverage, profileOf, type QuestionUnits } from '../retrieval/coverage.ts';

export interface QuoteOptions {
  /** Target length of a quote in characters. */
  maxChars: number;
}

/** Paragraphs of a section text: blank-line separated blocks, and each bullet line on its own. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((block) => splitBullets(block))
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function splitBullets(block: string): string[] {
  const lines = block.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (out.length === 0 || /^\s*[-+•]\s/.test(line)) out.push(line);
    else out[out.length - 1] += `\n${line}`;
  }
  return out;
}

/** Sentences of a long paragraph (ends at `.`, `;` or `:` followed by a space). */
function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.;:])\s+/).filter((s) => s.trim() !== '');
}

/** Chooses fragments of `parts` by relevance within `budget`, returned in their original order. */
function choose(parts: string[], units: QuestionUnits, budget: number): number[] {
  const scored = parts.map((p, i) => ({ i, score: coverage(units, profileOf(p)), len: p.length }));
  const order = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: number[] = [];
  let used = 0;
  for (const s of order) {
    if (chosen.length > 0 && (s.score === 0 || used + s.len > budget)) continue;
    chosen.push(s.i);
    used += s.len;
  }
  return chosen.sort((a, b) => a - b);
}

function join(parts: string[], chosen: number[], separator: string): string {
  const out: string[] = [];
  chosen.forEach((index, n) => {
    const previous = chosen[n - 1];
    if (n === 0 && index > 0) out.push('…');
    if (previous !== undefined && index > previous + 1) out.push('…');
    out.push(parts[index] as string);
  });
  if (chosen.length > 0 && (chosen[chosen.length - 1] as number) < parts.length - 1) out.push('…');
  return out.join(separator);
}

/** The verbatim quote of `text` that best answers the question. */
export function quoteFor(text: string, units: QuestionUnits, options: QuoteOptions): string {
  const paragraphs = paragraphsOf(text);
  if (text.length <= options.maxChars || paragraphs.length === 0) return paragraphs.join('\n');
  const chosen = choose(paragraphs, units, options.maxChars);
  if (chosen.length === 1) {
    const only = paragraphs[chosen[0] as number] as string;
    if (only.length > options.maxChars * 1.5) {
      const sentences = sentencesOf(only);
      const picked = choose(sentences, units, options.maxChars);
      const inner = join(sentences, picked, ' ');
      return join(paragraphs.map((p, i) => (i === chosen[0] ? inner : p)), chosen, '\n');
    }
  }
  return join(paragraphs, chosen, '\n');
}
