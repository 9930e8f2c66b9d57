/**
 * A list question answered by a law's article whose list stands in one of its clauses ("Điều 10. Biên bản đo
 * tiếng ồn — 1. Biên bản … gồm các nội dung chủ yếu sau đây: a) … h) — 2. Biên bản được lập thành 03 bản …"):
 * that clause is the list asked for, and the article's other clauses are no items of it. Citing the clause loses
 * nothing of the article: a citation inside a section is a citation of it.
 */
import type { RankedSection } from '../retrieval/search.ts';
import { scoredAsLaw } from '../retrieval/ranking-model.ts';

/** A point of a clause: "a) …", "đ) …". */
const POINT = /^\s*[a-zđ]\)\s/gmu;

function points(text: string): number {
  return text.match(POINT)?.length ?? 0;
}

/** The clause of `article` that holds every point of it, when it is among the candidates; else the article. */
export function listClause(article: RankedSection, ranked: RankedSection[]): RankedSection {
  const place = article.place;
  if (!place || place.children.length < 2 || !scoredAsLaw(article.document.type)) return article;
  const all = points(article.section.fullText);
  if (all < 2) return article;
  const labels = new Set(place.children.map((c) => c.label));
  const holder = ranked.find((r) => r.document.id === article.document.id && labels.has(r.section.label) && points(r.section.fullText) === all);
  return holder ?? article;
}
