/** Whether a text speaks of a year (src/answer/engine.ts looks for a year asked about in other years' documents). */
import { foldedView } from './normalize.ts';

/**
 * A text names the year: "năm <year>", or the year on its own as a report gives figures by year ("97,8% (2022)",
 * a table row "2022 | 14 | 38 | 52"). A year in a range ("2021 - 2025"), in a date ("02/7/2022") or in a
 * document number does not count.
 */
export function textNamesYear(text: string, year: number): boolean {
  return new RegExp(`\\bnam ${year}\\b(?!\\s*[-–])|(?<![\\d/.\\-–]\\s?)\\b${year}\\b(?!\\s*[-–/]|\\s*\\d)`).test(foldedView(text));
}
