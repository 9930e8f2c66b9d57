/**
 * The product's check of a model's prose: which sentences may be shown and which blocks they cite.
 * The model proposes `[n]` markers; only markers naming an existing block count, and a sentence is kept only
 * when it cites at least one block and those blocks support it. Citations are then the cited blocks only,
 * renumbered in the order the kept prose cites them.
 */
import type { Citation } from '../core/types.ts';
import { quoteKey } from '../text/normalize.ts';
import { blockHeader } from './answer-prompt.ts';
import { parseCitedText, rewriteMarkers, type CitedSentence } from './cited-text.ts';
import { contentSyllables, isInstructionLike, MIN_SUPPORT, supportShare, supportVocabulary } from './support.ts';

/** Why a model answer is not used. */
export type RejectReason = 'empty' | 'declined' | 'nothing_cited';

/** Counts for logs: what the check removed. */
export interface CheckStats {
  sentences: number;
  /** Sentences dropped: uncited, unsupported or addressing the model. */
  dropped: number;
  /** Markers naming a block that does not exist. */
  invalidMarkers: number;
}

export type CheckResult =
  | { ok: true; intro: string; citations: Citation[]; stats: CheckStats }
  | { ok: false; reason: RejectReason; stats: CheckStats };

/** The model's fixed reply when the blocks do not answer the question (compared accent- and case-insensitively). */
const DECLINE_KEY = quoteKey('KHÔNG CÓ');

/** Checks the model's `content` against the blocks built from `blocks` (block n is `blocks[n-1]`). */
export function checkModelAnswer(content: string, blocks: readonly Citation[]): CheckResult {
  const stats: CheckStats = { sentences: 0, dropped: 0, invalidMarkers: 0 };
  const text = content.trim();
  if (quoteKey(text) === '') return { ok: false, reason: 'empty', stats };
  if (quoteKey(text) === DECLINE_KEY) return { ok: false, reason: 'declined', stats };

  const vocabulary = blockVocabularies(blocks);
  const kept: Array<{ sentence: CitedSentence; refs: number[] }> = [];
  for (const sentence of parseCitedText(text)) {
    if (contentSyllables(sentence.prose).length === 0) continue;
    stats.sentences += 1;
    const refs = sentence.refs.filter((n) => n >= 1 && n <= blocks.length);
    stats.invalidMarkers += sentence.refs.length - refs.length;
    if (refs.length > 0 && isSupported(sentence.prose, refs, vocabulary)) kept.push({ sentence, refs });
    else stats.dropped += 1;
  }
  if (kept.length === 0) return { ok: false, reason: 'nothing_cited', stats };

  const order = citedOrder(kept.map((k) => k.refs));
  const renumber = (n: number) => (order.includes(n) ? order.indexOf(n) + 1 : undefined);
  const intro = joinLines(kept.map((k) => ({ line: k.sentence.line, text: rewriteMarkers(k.sentence.raw, renumber) })));
  const citations = order.map((n) => blocks[n - 1]).filter((c): c is Citation => c !== undefined);
  return { ok: true, intro, citations, stats };
}

/**
 * A sentence is supported when enough of its content stands in the union of its cited blocks, and it is not
 * itself an instruction aimed at a model (an echoed injection).
 */
function isSupported(prose: string, refs: number[], vocabularies: ReadonlyArray<ReadonlySet<string>>): boolean {
  if (isInstructionLike(prose)) return false;
  const union = new Set<string>();
  for (const n of refs) for (const s of vocabularies[n - 1] ?? []) union.add(s);
  return supportShare(prose, union) >= MIN_SUPPORT;
}

/** What each block offers as support: its header line (document, section) and its quote. */
function blockVocabularies(blocks: readonly Citation[]): Array<Set<string>> {
  return blocks.map((c, i) => supportVocabulary([blockHeader(c, i + 1), c.quote]));
}

/** Block numbers in order of first citation. */
function citedOrder(refLists: number[][]): number[] {
  const order: number[] = [];
  for (const refs of refLists) for (const n of refs) if (!order.includes(n)) order.push(n);
  return order;
}

/** Kept sentences back into their lines; lines that lost every sentence disappear. */
function joinLines(parts: Array<{ line: number; text: string }>): string {
  const lines: string[] = [];
  let current = -1;
  for (const part of parts) {
    if (part.line === current) lines[lines.length - 1] += ` ${part.text}`;
    else lines.push(part.text);
    current = part.line;
  }
  return lines.join('\n');
}
