/**
 * Tesseract's output turned into text the section parser reads like a typed directive: the lines of a printed
 * paragraph joined back into one line (a heading, a bullet, a title in capitals or a line after `:` keeps its own
 * line), paragraphs separated by a blank line, and the mean word confidence read from the TSV output.
 */
import { headingMarker, isClosingLine } from '../structure.ts';

const BULLET = /^[-+•–—*]/u;

function isCaps(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** A printed line this long (share of the page's longest line) ran to the right margin: the text wrapped there. */
const FULL_LINE = 0.8;

/**
 * Whether `line` must start a line of its own after `previous` inside one printed paragraph. A previous line that
 * ran to the margin without ending a sentence wrapped, whatever the next line looks like (`… của Bộ Chính trị khóa`
 * / `XII. Tích cực …` is one sentence, not a Roman heading).
 */
function keepsBreak(previous: string, line: string, fullWidth: number): boolean {
  if (previous.length >= fullWidth && !/[.:;!?…]$/u.test(previous)) return false;
  if (BULLET.test(line) || headingMarker(line) !== null || isClosingLine(line)) return true;
  if (isCaps(previous) || isCaps(line)) return true;
  return /[:;]$/u.test(previous) && /^\p{Lu}/u.test(line);
}

/** Joins the wrapped lines of each paragraph of one page of Tesseract text. */
export function unwrapOcrText(page: string): string {
  const longest = Math.max(0, ...page.split('\n').map((l) => l.trim().length));
  const fullWidth = Math.max(40, longest * FULL_LINE);
  return page
    .split(/\n[ \t]*\n/u)
    .map((paragraph) => {
      const lines = paragraph.split('\n').map((l) => l.trim()).filter(Boolean);
      const out: string[] = [];
      for (const line of lines) {
        const previous = out[out.length - 1];
        if (previous !== undefined && !keepsBreak(previous, line, fullWidth)) out[out.length - 1] = `${previous} ${line}`;
        else out.push(line);
      }
      return out.join('\n');
    })
    .filter(Boolean)
    .join('\n\n');
}

const ROMAN_VALUES: Array<[string, number]> = [['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]];

function romanValue(roman: string): number {
  let rest = roman;
  let value = 0;
  for (const [symbol, n] of ROMAN_VALUES) {
    while (rest.startsWith(symbol)) {
      value += n;
      rest = rest.slice(symbol.length);
    }
  }
  return rest === '' ? value : NaN;
}

function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [symbol, n] of ROMAN_VALUES) {
    while (rest >= n) {
      out += symbol;
      rest -= n;
    }
  }
  return out;
}

/**
 * Tesseract often reads the strokes of `III` as `II` (or `I`): a Roman part number that repeats the previous one
 * while the next one is two further on (`II`, `II`, `IV`) is the missing number, and is written as such.
 */
export function fixRomanSequence(text: string): string {
  const lines = text.split('\n');
  const parts = lines
    .map((line, index) => ({ index, marker: headingMarker(line) }))
    .filter((p): p is { index: number; marker: NonNullable<ReturnType<typeof headingMarker>> } => p.marker?.kind === 'roman')
    .map((p) => ({ index: p.index, value: romanValue(p.marker.part), part: p.marker.part }));
  for (let i = 1; i + 1 < parts.length; i += 1) {
    const [before, here, after] = [parts[i - 1], parts[i], parts[i + 1]] as const;
    if (here!.value === before!.value && after!.value === before!.value + 2) {
      const line = lines[here!.index] as string;
      lines[here!.index] = toRoman(before!.value + 1) + line.slice(here!.part.length);
      here!.value = before!.value + 1;
    }
  }
  return lines.join('\n');
}

/** Word confidences (0–100) from Tesseract's TSV output: level-5 rows with text and a confidence of 0 or more. */
export function wordConfidences(tsv: string): number[] {
  const out: number[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    const conf = Number(cells[10]);
    if (cells[0] === '5' && (cells[11] ?? '').trim() !== '' && Number.isFinite(conf) && conf >= 0) out.push(conf);
  }
  return out;
}
