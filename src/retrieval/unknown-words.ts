/**
 * How much of a question the collection has never seen: the share of its content syllables, and of their pairs,
 * that no document uses. The refusal model reads both (src/retrieval/ranking-model.ts).
 */
import { isQuestionWord } from '../text/analyze.ts';
import { foldedView } from '../text/normalize.ts';
import type { ReadingSyllable } from '../text/reading.ts';

/**
 * Share of the content syllables (question words and years aside) that the collection has never seen. Words the
 * directive model reads as a role or a body (`understood`: "các đầu mối", "dàn ý các luận điểm") are understood
 * even when no document uses them: they say what is asked, not that it is off the subject.
 */
export function unknownShare(reading: ReadingSyllable[], understood: Set<string>): number {
  const content = reading.filter((s) => !isQuestionWord(s.exact) && !/^\d+$/.test(s.exact) && s.known !== undefined);
  return content.length === 0 ? 0 : content.filter((s) => s.known === false && !understood.has(foldedView(s.exact))).length / content.length;
}

/** Share of the pairs of content syllables (in one phrase) that the collection has never seen together. */
export function unknownPairShare(reading: ReadingSyllable[], understood: Set<string>): number {
  const content = (s: ReadingSyllable | undefined) => s !== undefined && !isQuestionWord(s.exact) && !/^\d+$/.test(s.exact);
  const at = [...reading.keys()].filter((i) => reading[i]?.pairKnown !== undefined && content(reading[i]) && content(reading[i + 1]));
  const isUnderstood = (i: number) => understood.has(foldedView(reading[i]?.exact ?? ''));
  const unknown = at.filter((i) => reading[i]?.pairKnown === false && !isUnderstood(i) && !isUnderstood(i + 1));
  return at.length === 0 ? 0 : unknown.length / at.length;
}
