/**
 * Talking points for báo cáo viên: 3–7 points on a topic, each a verbatim bullet from a directive with its
 * citation, grouped by document (newest year first) and kept in each document's order, so they read as the
 * outline of a talk.
 */
import type { TalkingPoint, TalkingPoints } from '../core/types.ts';
import { isQuestionWord } from '../text/analyze.ts';
import { viewOf } from '../retrieval/coverage.ts';
import { coverage, profileOf, questionUnits } from '../retrieval/coverage.ts';
import type { RankedSection } from '../retrieval/search.ts';
import type { QueryIntent } from '../retrieval/understand.ts';
import { citationFor, refusalText } from './compose.ts';
import { paragraphsOf } from './quote.ts';
import { quotableText } from './compose.ts';

const MIN_POINTS = 3;
const MAX_POINTS = 7;

interface Candidate {
  ranked: RankedSection;
  paragraph: string;
  index: number;
  score: number;
}

/** First clause of a bullet, as its point title (verbatim, cut at a word boundary). */
function titleOf(paragraph: string): string {
  const text = paragraph.replace(/^[-+•]\s*/, '');
  const clause = text.split(/[;:.]\s/)[0] ?? text;
  if (clause.length <= 110) return clause;
  const cut = clause.slice(0, 110);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** Builds the talking points from ranked sections. */
export function buildTalkingPoints(
  topic: string,
  intent: QueryIntent,
  ranked: RankedSection[],
  opts: { minCoverage: number; maxQuoteChars: number },
): TalkingPoints {
  const units = questionUnits(intent.expanded, (w) => !isQuestionWord(w), viewOf(intent.text));
  const relevant = ranked.filter((r) => r.coverage >= opts.minCoverage).slice(0, 8);
  const candidates: Candidate[] = [];
  for (const r of relevant) {
    paragraphsOf(quotableText(r.section)).forEach((paragraph, index) => {
      if (paragraph.length < 40 || paragraph.length > opts.maxQuoteChars) return;
      const score = coverage(units, profileOf(paragraph, units.view)) + r.score / 10;
      candidates.push({ ranked: r, paragraph, index, score });
    });
  }
  const best = candidates.sort((a, b) => b.score - a.score).slice(0, MAX_POINTS);
  if (best.length === 0) return { topic, points: [], refused: true, notice: refusalText() };
  best.sort(
    (a, b) =>
      (b.ranked.document.year ?? 0) - (a.ranked.document.year ?? 0) ||
      a.ranked.document.id.localeCompare(b.ranked.document.id) ||
      a.ranked.section.order - b.ranked.section.order ||
      a.index - b.index,
  );
  const points: TalkingPoint[] = best.map((c) => ({
    title: titleOf(c.paragraph),
    citations: [citationFor(c.ranked.document, c.ranked.section, c.paragraph)],
  }));
  const notice = points.length < MIN_POINTS ? `Kho chỉ có ${points.length} ý liên quan đến chủ đề này.` : null;
  return { topic, points, refused: false, notice };
}
