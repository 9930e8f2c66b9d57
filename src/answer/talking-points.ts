/**
 * Talking points for báo cáo viên: 3–7 points on a topic, each a verbatim bullet from a directive with its
 * citation, grouped by document (newest year first) and kept in each document's order, so they read as the
 * outline of a talk.
 */
import type { TalkingPoint, TalkingPoints } from '../core/types.ts';
import { coverage, profileOf, type QuestionUnits } from '../retrieval/coverage.ts';
import type { RankedSection } from '../retrieval/search.ts';
import type { RankingModel } from '../retrieval/ranking-model.ts';
import { topicUnits, type QueryIntent } from '../retrieval/understand.ts';
import { citationFor, refusalText } from './compose.ts';
import { paragraphsOf } from './quote.ts';

const MIN_POINTS = 3;
const MAX_POINTS = 7;

interface Candidate {
  ranked: RankedSection;
  paragraph: string;
  index: number;
  score: number;
}

/** The clause of a bullet that best covers the topic, as the point's title (verbatim, cut at a word boundary). */
function titleOf(paragraph: string, units: QuestionUnits): string {
  const text = paragraph.replace(/^[-+•]\s*/, '');
  const clauses = text.split(/[;.]\s+/).filter((c) => c.trim().length > 0);
  const best = [...clauses].sort((a, b) => coverage(units, profileOf(b)) - coverage(units, profileOf(a)))[0] ?? text;
  const trimmed = best.trim().replace(/[,:]$/, '');
  const clause = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  if (clause.length <= 110) return clause;
  const cut = clause.slice(0, 110);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** Builds the talking points from ranked sections. */
export function buildTalkingPoints(
  topic: string,
  intent: QueryIntent,
  ranked: RankedSection[],
  opts: { model: RankingModel; maxQuoteChars: number },
): TalkingPoints {
  const units = topicUnits(intent);
  const rules = opts.model.talkingPoints;
  const relevant = ranked.filter((r) => r.coverage >= opts.model.minCoverage).slice(0, rules.maxSections);
  const candidates: Candidate[] = [];
  for (const r of relevant) {
    // Own body only: a parent's subsections are ranked on their own, so each point cites its exact section.
    paragraphsOf(r.section.body).forEach((paragraph, index) => {
      if (paragraph.length < 40 || paragraph.length > opts.maxQuoteChars) return;
      const cov = coverage(units, profileOf(paragraph));
      if (cov < rules.minParagraphCoverage) return;
      candidates.push({ ranked: r, paragraph, index, score: 2 * cov + r.score / 10 });
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
    title: titleOf(c.paragraph, units),
    citations: [citationFor(c.ranked.document, c.ranked.section, c.paragraph)],
  }));
  const notice = points.length < MIN_POINTS ? `Kho chỉ có ${points.length} ý liên quan đến chủ đề này.` : null;
  return { topic, points, refused: false, notice };
}
