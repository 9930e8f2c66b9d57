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
function pairs(text: string): Set<string> {
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
  const own = pairs(candidate);
  if (own.size === 0) return false;
  const other = pairs(point);
  let shared = 0;
  for (const p of own) if (other.has(p)) shared++;
  return shared / own.size >= SHARED_PAIRS;
}
