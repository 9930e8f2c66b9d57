/**
 * A year asked about that its own documents do not answer may be written of in another year's text: "Năm 2022 và
 * những năm tiếp theo" in a 2021 plan, or a Báo cáo of December 2025 giving 2024's figures beside 2025's (when no
 * 2024 document is held at all). The sections of other years' documents that name the year answer, with a note.
 */
import { coversYear } from '../core/document-years.ts';
import type { RankedSection } from '../retrieval/search.ts';
import { textNamesYear } from '../text/year-mention.ts';

/** The ranked sections of other years' documents that name `year`, and the note saying where they come from, or null. */
export async function yearElsewhere(
  year: number,
  retrieveAll: () => Promise<RankedSection[]>,
  answerable: (r: RankedSection | undefined) => boolean,
): Promise<{ ranked: RankedSection[]; note: string } | null> {
  const elsewhere = (await retrieveAll()).filter((r) => !coversYear(r.document, [year]) && namesYear(r, year));
  if (!answerable(elsewhere[0])) return null;
  return { ranked: elsewhere, note: `Nội dung về năm ${year} được nêu trong văn bản năm ${elsewhere[0]?.document.year ?? '?'}.` };
}

function namesYear(r: RankedSection, year: number): boolean {
  return textNamesYear(`${r.section.heading}\n${r.section.fullText}`, year);
}
