/**
 * Reads the `[n]` citation markers of a model's prose: splits it into sentences (keeping its lines, so bullets
 * survive), collects the block numbers each sentence cites, and rewrites markers with new numbers.
 * Accepted marker forms: `[1]`, `[1, 2]`, `[1;2]`, `[1][2]`, `[1-3]`.
 */

/** One sentence of the model's prose with the block numbers it cites. */
export interface CitedSentence {
  /** 0-based line of the prose the sentence is on. */
  line: number;
  /** The sentence as written, markers included. */
  raw: string;
  /** The sentence without its markers, for support checks. */
  prose: string;
  /** Block numbers (1-based) cited, in order of appearance, without repeats. */
  refs: number[];
}

const ITEM = String.raw`\d+(?:\s*[-–]\s*\d+)?`;
const MARKER = String.raw`\[\s*${ITEM}(?:\s*[,;]\s*${ITEM})*\s*\]`;
const END = '[.!?…]+';
/** Where a sentence ends: terminal punctuation and/or a run of markers, followed by a space or the line end. */
const SENTENCE_END = new RegExp(`(?:${END}(?:\\s*${MARKER})*|(?:\\s*${MARKER})+(?:${END})?)(?=\\s|$)`, 'gu');
const MARKER_GLOBAL = new RegExp(MARKER, 'gu');
const MARKER_RUN = new RegExp(`\\s*${MARKER}(?:\\s*${MARKER})*`, 'gu');
/** Ranges wider than this are ignored as nonsense rather than expanded. */
const MAX_RANGE = 20;

/** Splits `text` into cited sentences, line by line. */
export function parseCitedText(text: string): CitedSentence[] {
  const sentences: CitedSentence[] = [];
  text.split(/\r?\n/).forEach((lineText, line) => {
    for (const raw of splitLine(lineText)) {
      sentences.push({ line, raw, prose: stripMarkers(raw), refs: markerNumbers(raw) });
    }
  });
  return sentences;
}

/** Block numbers cited in `text`, in order, without repeats. */
export function markerNumbers(text: string): number[] {
  const seen: number[] = [];
  for (const match of text.matchAll(MARKER_GLOBAL)) {
    for (const n of groupNumbers(match[0])) if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}

/**
 * Rewrites the markers of `text` through `renumber`. A run of adjacent markers (`[1][2]`, `[1] [3]`) becomes one
 * marker `[a, b]`; numbers mapped to `undefined` are removed, and a run left with none disappears together with
 * the space before it.
 */
export function rewriteMarkers(text: string, renumber: (n: number) => number | undefined): string {
  return text.replace(MARKER_RUN, (run: string) => {
    const kept: number[] = [];
    for (const n of markerNumbers(run)) {
      const mapped = renumber(n);
      if (mapped !== undefined && !kept.includes(mapped)) kept.push(mapped);
    }
    if (kept.length === 0) return '';
    return `${/^\s/u.test(run) ? ' ' : ''}[${kept.join(', ')}]`;
  });
}

/** The text without markers, spaces tidied (`"abc [1]."` → `"abc."`). */
export function stripMarkers(text: string): string {
  return text
    .replace(MARKER_GLOBAL, ' ')
    .replace(/\s+([.,;:!?…])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

function splitLine(lineText: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of lineText.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    pieces.push(lineText.slice(start, end));
    start = end;
  }
  pieces.push(lineText.slice(start));
  return mergeFragments(pieces.map((p) => p.trim()).filter((p) => p !== ''));
}

/**
 * Undoes false splits. A piece with fewer than two words and no marker is not a sentence but a list number
 * (`1.`, `II.`) or an abbreviation (`TP.`): it is joined to the piece that follows it. A piece starting in lower
 * case continues the previous one (`mục 1.1. của kế hoạch`), since sentences start with a capital.
 */
function mergeFragments(pieces: string[]): string[] {
  const out: string[] = [];
  let carry = '';
  for (const piece of pieces) {
    const previous = out.length - 1;
    if (!carry && previous >= 0 && /^\p{Ll}/u.test(piece) && markerNumbers(out[previous] ?? '').length === 0) {
      out[previous] = `${out[previous]} ${piece}`;
      continue;
    }
    const joined = carry ? `${carry} ${piece}` : piece;
    const words = joined.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    if (words.length < 2 && markerNumbers(joined).length === 0) {
      carry = joined;
      continue;
    }
    out.push(joined);
    carry = '';
  }
  if (carry) out.push(carry);
  return out;
}

function groupNumbers(marker: string): number[] {
  const numbers: number[] = [];
  for (const item of marker.slice(1, -1).split(/[,;]/)) {
    const [from, to] = item.split(/[-–]/).map((s) => Number(s.trim()));
    if (from === undefined || !Number.isInteger(from)) continue;
    if (to === undefined) numbers.push(from);
    else if (Number.isInteger(to) && to >= from && to - from <= MAX_RANGE) {
      for (let n = from; n <= to; n++) numbers.push(n);
    }
  }
  return numbers;
}
