/**
 * Repairs extracted directive text before parsing: encoding leftovers, spacing, markdown emphasis and headings,
 * stray page numbers (`- 2 -`), numbers split across lines (a heading's `II.` on a line of its own, `15-KH/` |
 * `ĐU`), spaced document numbers and sentences cut by page breaks.
 *
 * The repaired text is what gets quoted, so words and tone-mark placement are kept exactly as written
 * (`hoá` stays `hoá`); canonical tones are only applied to search views (see src/text/normalize.ts).
 */
import { tightenDocNumbers, findDocNumbers } from '../src/text/doc-number.ts';
import { nfc, tidySpaces } from '../src/text/normalize.ts';
import { headingMarker, isBareMarker, isClosingLine, isHeadingLine, isOpeningLine } from './structure.ts';

const SENTENCE_END = /[.!?:;…]["'”’)\]]*$/u;
const BULLET = /^[-+•–—]/u;
/** A line ending in one of these words is unfinished even when it is short enough to pass for a heading. */
const DANGLING = /\s(?:về|của|và|với|cho|theo|số|các|những|trong|để|ngày|tại|là|nhằm|từ|đến)$/u;

/** Removes markdown `**bold**` and `*italic*` markers, keeping the words (a lone `*` line stays). */
export function stripEmphasis(text: string): string {
  return text
    .replace(/\*\*(?=\S)|(?<=\S)\*\*/gu, '')
    .replace(/(?<=^|[\s(“"'[])\*(?=[^\s*])/gmu, '')
    .replace(/(?<=[^\s*])\*(?=$|[\s)”"'\].,;:!?])/gmu, '');
}

function isAllCaps(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** A line that can never continue the previous one: heading, list item, closing line or capitals. */
function startsBlock(line: string): boolean {
  return BULLET.test(line) || /^\(\d+\)/u.test(line) || headingMarker(line) !== null || isClosingLine(line) || isAllCaps(line);
}

/** Whether `next`, found after blank line(s), is the rest of `previous` cut by a page break. */
function continues(previous: string, next: string): boolean {
  const heading = isHeadingLine(previous) && !DANGLING.test(previous);
  if (SENTENCE_END.test(previous) || heading || isAllCaps(previous)) return false;
  if (findDocNumbers(next)[0]?.index === 0) return true;
  if (startsBlock(next)) return false;
  if (/^\p{Ll}/u.test(next)) return true;
  return BULLET.test(previous) && /^\p{Lu}/u.test(next);
}

/** Index of the first line after the header/title block: the opening sentence or the first heading. */
function bodyStart(lines: string[]): number {
  const index = lines.findIndex((line) => isOpeningLine(line) || headingMarker(line) !== null);
  return index < 0 ? lines.length : index;
}

/**
 * Joins lines cut by page breaks (`doanh` / blank / `ngiệp`, `… số` / blank / `05-CTr/TU …`) with one
 * space. Never inside the header/title block, never onto a heading, never before a list item.
 */
export function joinPageBreaks(text: string): string {
  const lines = text.split('\n');
  const start = bodyStart(lines);
  const out: string[] = [];
  let previous = -1; // position in `out` of the last non-blank line
  let previousSource = -1; // its line number in the input, to keep the title block untouched
  lines.forEach((line, index) => {
    const afterGap = previous >= 0 && out.length - 1 > previous;
    if (line && afterGap && previousSource >= start && continues(out[previous] as string, line)) {
      out.length = previous + 1;
      out[previous] = `${out[previous] as string} ${line}`;
      return;
    }
    out.push(line);
    if (line) [previous, previousSource] = [out.length - 1, index];
  });
  return out.join('\n');
}

/** A page number alone on its line, as printed in a footer: `- 2 -`, `– 12 –`, `Trang 3`, `Trang 3/10`. */
const PAGE_NUMBER = /^[ \t]*(?:[-–—][ \t]*\d{1,3}[ \t]*[-–—]|[Tt]rang[ \t]+\d{1,3}(?:[ \t]*\/[ \t]*\d{1,3})?)[ \t]*$/gmu;
/** Line end (and blank lines) inside a number: `15-` | `KH/ĐU`, `15-KH/` | `ĐU`, `ngày 14/5/` | `2021`. */
const SPLIT_NUMBERS: RegExp[] = [
  /(?<![\p{L}\d])(\d{1,4}[ \t]*[-–])[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=\p{Lu}\p{L}{0,4}[ \t]*\/)/gu,
  /(?<![\p{L}\d])(\d{1,4}[ \t]*[-–][ \t]*\p{Lu}\p{L}{0,4}[ \t]*\/)[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=\p{Lu})/gu,
  /(?<![\d/])(\d{1,2}\/\d{1,2}\/)[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=\d{4}(?!\d))/gu,
];

/** Removes footer page numbers; the sentence they cut is joined afterwards like any page break. */
export function removePageNumbers(text: string): string {
  return text.replace(PAGE_NUMBER, '');
}

/** Joins numbers cut by a line end, so `Kế hoạch số 15-` / `KH/ĐU` reads as one number again. */
export function joinSplitNumbers(text: string): string {
  return SPLIT_NUMBERS.reduce((out, re) => out.replace(re, '$1'), text);
}

/** Markdown heading marks and escaped list numbers of web copies: `## II. NỘI DUNG`, `1\. Mục đích`. */
function stripMarkdownHeadings(text: string): string {
  return text.replace(/^[ \t]*#{1,6}[ \t]+/gmu, '').replace(/^([ \t]*\d{1,2})\\\./gmu, '$1.');
}

/**
 * Joins a heading number that stands alone on its line (`II.`, `1.`, `a)`, web copies put the number in its own
 * element) with the heading text on the next non-blank line, unless that line is a heading or list item itself.
 */
export function joinBareMarkers(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] as string).trim();
    let next = i + 1;
    while (next < lines.length && (lines[next] as string).trim() === '') next += 1;
    const following = (lines[next] ?? '').trim();
    const text = following && !BULLET.test(following) && headingMarker(following) === null && !isClosingLine(following);
    if (isBareMarker(line) && text) {
      out.push(`${line} ${following}`);
      i = next;
      continue;
    }
    out.push(lines[i] as string);
  }
  return out.join('\n');
}

/** Strips the BOM and zero-width characters, unifies line ends, applies NFC. */
function cleanEncoding(raw: string): string {
  return nfc(raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n')).replace(/\u200B|\u200C|\u200D|\uFEFF/gu, '');
}

/**
 * Full repair: BOM, CRLF/CR → LF, NFC, tabs and runs of spaces → one space, trimmed lines, markdown
 * emphasis and heading marks removed, footer page numbers removed, numbers split across lines joined,
 * document numbers unspaced (`72 - KH/BTGTU` → `72-KH/BTGTU`), page breaks joined, runs of blank lines
 * collapsed to one.
 */
export function repairText(raw: string): string {
  const tidy = tidySpaces(cleanEncoding(raw));
  const plain = tidySpaces(stripMarkdownHeadings(stripEmphasis(tidy)));
  const joined = joinBareMarkers(joinSplitNumbers(removePageNumbers(plain)));
  const numbered = tightenDocNumbers(joined);
  return joinPageBreaks(numbered)
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}
