/**
 * Near-copies: plans of several bodies copy each other's sentences, sometimes with a word changed or a clause
 * added ("Tích cực đấu tranh chống “diễn biến hòa bình”" in one, the same followed by "; phản bác …" in
 * another). A text is a copy of a point when almost every pair of consecutive syllables of it is in the point
 * (accents, case and punctuation aside).
 */
import { foldedView, syllables } from '../text/normalize.ts';

/** Share of the candidate's syllable pairs that must appear in the point. */
const SHARED_PAIRS = 0.85;

/** Syllable pairs, leaving out asides in parentheses ("(chi tiết tại mục 2.9 Đề cương …)"). */
export function syllablePairs(text: string): Set<string> {
  const words = syllables(foldedView(text.replace(/\([^()]*\)/gu, ' ')));
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

/**
 * True when `candidate` says nothing `point` does not: almost all of its syllable pairs are in `point`. A
 * candidate that adds to the point ("… trong công tác giám sát, phản biện …") is not a copy of it.
 */
export function isNearCopy(point: string, candidate: string): boolean {
  return pairsCopy(syllablePairs(point), syllablePairs(candidate));
}

/** {@link isNearCopy} on texts already read into their syllable pairs (to compare one text with many). */
export function pairsCopy(point: Set<string>, candidate: Set<string>): boolean {
  if (candidate.size === 0) return false;
  let shared = 0;
  for (const p of candidate) if (point.has(p)) shared++;
  return shared / candidate.size >= SHARED_PAIRS;
}
