/**
 * Parts chosen by year: the sides of a comparison (one part per year, per document, or per target a plan sets),
 * and the part of a list dated for the year a question speaks of.
 */
import { coversYear } from '../core/document-years.ts';
import type { SelectionRules } from '../retrieval/ranking-model.ts';
import { PLAN_ROLES } from '../retrieval/directive-model.ts';
import type { ResolvedIntent } from '../retrieval/resolve-intent.ts';
import type { RankedSection } from '../retrieval/search.ts';

/** An appendix (`Phụ lục`, `Phụ lục 2`), whose numbered children are the rows of its table. */
export const APPENDIX = /^Phụ lục(?: \d+)?$/u;

/** The years a heading names ("b) Đến năm 2030", "Năm 2022 và các năm tiếp theo"). */
function headingYears(heading: string): number[] {
  return [...heading.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => Number(m[1]));
}

/** The sides of a comparison: the best part of each year's document, else per target, else per document. */
export function perYear(ranked: RankedSection[], intent: ResolvedIntent, rules: SelectionRules): RankedSection[] {
  if (intent.years.length < 2) return perTarget(ranked, intent) ?? perDocument(ranked, intent, rules);
  const years = intent.years;
  const out: RankedSection[] = [];
  for (const year of years) {
    const best = ranked.find((r) => r.document.year === year) ?? ranked.find((r) => year !== null && coversYear(r.document, [year]));
    if (best) out.push(sameRole(best, ranked, intent));
  }
  return out.slice(0, 4);
}

/**
 * A comparison of the targets one plan sets for two years ("chỉ tiêu năm 2025 và năm 2030", "mốc 2026 và mốc
 * 2030"): the best document's parts named by those years, when it has one for at least two of them.
 */
function perTarget(ranked: RankedSection[], intent: ResolvedIntent): RankedSection[] | null {
  const top = ranked[0];
  const targets = intent.mentionedYears.filter((y) => !intent.years.includes(y));
  if (!top || targets.length < 2) return null;
  const own = ranked.filter((r) => r.document.id === top.document.id);
  const parts = targets.flatMap((y) => own.find((r) => headingYears(r.section.heading).includes(y)) ?? []);
  const distinct = parts.filter((p, i) => parts.findIndex((q) => q.section.label === p.section.label) === i);
  return distinct.length >= 2 ? distinct : null;
}

/**
 * A comparison naming fewer than two years sets documents side by side ("chế độ báo cáo trong Kế hoạch Đề án 17 của
 * Lào Cai và của Mặt trận Trà Vinh", both of 2022): the best-ranked document and the next one whose best part
 * scores at least `sideRatio` of it, each by its best part.
 */
function perDocument(ranked: RankedSection[], intent: ResolvedIntent, rules: SelectionRules): RankedSection[] {
  const top = ranked[0];
  if (!top) return [];
  const second = ranked.find((r) => r.document.id !== top.document.id);
  const sides = second && second.score >= top.score * rules.sideRatio ? [top, second] : [top];
  return sides.map((best) => sameRole(best, ranked, intent));
}

/**
 * The sides of a comparison are the same part of each plan: when the question names a role ("nội dung trọng
 * điểm", "cách thức") and the side's best-ranked part plays it less than another part of its document does (the
 * Mặt trận's own entry under "Tổ chức thực hiện", ranked first because the question names the Mặt trận as the
 * plan's issuer), the best-ranked part that plays it most stands for that document.
 */
function sameRole(best: RankedSection, ranked: RankedSection[], intent: ResolvedIntent): RankedSection {
  // Figures, dates and money sit inside a part ("a) Đến năm 2025"), and a named body's entry is what it asks of it.
  if (!intent.facets.some((f) => PLAN_ROLES.includes(f)) || best.features.bodyMatch > 0) return best;
  const inside = (r: RankedSection) => best.section.label.startsWith(`${r.section.label}.`);
  const own = ranked.filter((r) => r.document.id === best.document.id && !inside(r));
  const most = Math.max(...own.map((r) => r.features.facetOwn));
  return best.features.facetOwn >= most ? best : (own.find((r) => r.features.facetOwn === most) ?? best);
}

/**
 * "Kế hoạch 2021 … từ năm 2022 trở đi tuyên truyền gì": the 2021 plan's part "Từ nay đến hết năm 2021" ranks
 * first on the plan's words, but its sibling "Năm 2022 và các năm tiếp theo" is the part for the year spoken of
 * (a year the question names that does not filter the documents).
 */
export function yearSibling(picked: RankedSection, ranked: RankedSection[], intent: ResolvedIntent): RankedSection {
  const spoken = intent.mentionedYears.filter((y) => !intent.years.includes(y));
  const own = headingYears(picked.section.heading);
  if (spoken.length === 0 || own.length === 0 || own.some((y) => spoken.includes(y))) return picked;
  const parent = picked.place?.ancestors.at(-1)?.label;
  if (parent === undefined) return picked;
  const sibling = ranked.find(
    (r) => r.document.id === picked.document.id && r.place?.ancestors.at(-1)?.label === parent && headingYears(r.section.heading).some((y) => spoken.includes(y)),
  );
  return sibling ?? picked;
}

/**
 * A part split by years ("2.2. Chỉ tiêu cụ thể" › "a) Đến năm 2025", "b) Đến năm 2030") answers a question
 * about one of those years with that year's part, when exactly one of its parts names a year the question
 * mentions and that part is among the candidates.
 */
export function yearPart(picked: RankedSection, ranked: RankedSection[], years: number[]): RankedSection {
  const children = picked.place?.children ?? [];
  // A table's rows are not parts by year: the one row dated that year is not the table asked for.
  if (years.length === 0 || children.length < 2 || APPENDIX.test(picked.section.label)) return picked;
  const namesYear = (heading: string) => headingYears(heading).some((y) => years.includes(y));
  const named = children.filter((c) => namesYear(c.heading));
  if (named.length === 1) return ranked.find((r) => r.document.id === picked.document.id && r.section.label === named[0]?.label) ?? picked;
  if (named.length > 1) return picked;
  // "Mục tiêu" › "Mục tiêu cụ thể" › "a) Đến năm 2026": the one part deeper down that names the year.
  const deeper = ranked.filter((r) => r.document.id === picked.document.id && r.section.label.startsWith(`${picked.section.label}.`) && namesYear(r.section.heading));
  return deeper.length === 1 ? (deeper[0] as RankedSection) : picked;
}
