/**
 * Heading markers: what a line's numbering says about its place in a directive's outline, read from the line
 * alone. Where the line sits in the tree (and so its label) is decided by the outline builder (outline.ts).
 *
 * Layouts covered: `Phần thứ nhất` / `PHẦN I.`, `Chương II`, `Mục 1`, `Điều 5.`, Roman parts `I.` / `I -`,
 * lettered parts `A.` … `Đ.`, Arabic `1.` / `1-` / `1)` / `1/`, composite `1.1.`, lettered items `a)` / `a.` /
 * `a-` … `đ)`, and the appendix title `PHỤ LỤC` / `Phụ lục 2`. Bullets (`-`, `+`) and inline enumerations (`(1) …`) are body text.
 */

/** The numbering style of a heading line. */
export type MarkerKind =
  | 'part'
  | 'chapter'
  | 'group'
  | 'article'
  | 'roman'
  | 'capital'
  | 'arabic'
  | 'composite'
  | 'letter'
  | 'appendix';

/**
 * A heading line taken apart: its kind, its label part (`Phần I`, `Chương II`, `Điều 5`, `II`, `A`, `1`, `1.1`,
 * `a`, `Phụ lục 2`) and the text after the number (may be empty for `Chương I`, `Điều 5.`, `PHỤ LỤC`).
 */
export interface HeadingMarker {
  kind: MarkerKind;
  part: string;
  rest: string;
}

/** Kinds that group articles or parts without being cited through their children (outline only). */
export const GROUPING_KINDS: ReadonlySet<MarkerKind> = new Set(['chapter', 'group']);

const VALID_ROMAN = /^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const ROMAN = /^([IVXL]+)\s*[.\-–—)]\s*(\p{L}.*)$/u;
const COMPOSITE = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\p{L}.*)$/u;
// `1.` may touch its text; `1-` and `1)` need a space so that `05-CTr/TU` is never a heading. After `1. ` a
// figure or a quote may start the text (`1. 100% chi bộ …`, `1. “Điều 5 …`). `1/ ` numbers a point too (a
// letter must follow, so a date `1/2024` never does).
const ARABIC = /^(\d{1,2})(?:\.\s*(\p{L}.*)|\.\s+([\d“"(].*)|\s*[-–)]\s+(\p{L}.*)|\/\s*(\p{L}.*))$/u;
/** `a)`, and the other ways items are lettered: `a. `, `a- ` (a space and a word must follow). After `a)` a figure may start the text (`a) 1.000.000 đồng …`). */
const LETTER = /^([a-zđ])(?:\)\s*([\p{L}\d“"(].*)|[.\-–]\s+(\p{L}.*))$/u;
/** Lettered parts always read as letters; `I`, `K`, `L` … only right after their predecessor (see outline.ts). */
const CAPITAL = /^([A-HĐ]|[IKLMNOPQRSTUVXY])\s*(?:\.|\s[-–—])\s*(\p{L}.*)$/u;
const PART_ORDINAL = /^(?:PHẦN|Phần)\s+(?:THỨ|[Tt]hứ)\s+(\p{L}+)(.*)$/u;
const PART_NUMBER = /^(?:PHẦN|Phần)\s+([IVXL]+|\d{1,2})(?![\p{L}\d])(.*)$/u;
const CHAPTER = /^(?:CHƯƠNG|Chương)\s+([IVXLC]+|\d{1,3})(?![\p{L}\d])(.*)$/u;
const GROUP = /^(?:MỤC|Mục)\s+(\d{1,2}|[IVX]+)(?![\p{L}\d])(.*)$/u;
const ARTICLE = /^(?:Điều|ĐIỀU)\s+(\d{1,4}[a-zđ]?)(?![\p{L}\d])(.*)$/u;
const APPENDIX = /^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ|[Ss]ố))?(?:\s+(\d{1,2}|[IVXL]+))?(?![\p{L}\d])(.*)$/u;

const ORDINALS: Record<string, string> = {
  nhất: 'I',
  hai: 'II',
  ba: 'III',
  tư: 'IV',
  năm: 'V',
  sáu: 'VI',
  bảy: 'VII',
  tám: 'VIII',
  chín: 'IX',
  mười: 'X',
};

/** Letters used to number parts, in the Vietnamese alphabet's order (no Ă, Â, Ê, Ô, Ơ, Ư, which are never used). */
export const CAPITAL_ORDER = 'A B C D Đ E G H I K L M N O P Q R S T U V X Y'.split(' ');

/**
 * What may follow the number of a grouping heading (`Chương I`, `PHẦN I.`, `PHỤ LỤC 2`): nothing, a separator
 * and a title, or a title in capitals. `Phần I của Kế hoạch …` is a sentence, not a heading. Returns the title,
 * or null when the line is a sentence.
 */
function groupingTitle(after: string): string | null {
  const text = after.trim();
  if (text === '') return '';
  const separated = /^[.:\-–—]\s*(.*)$/u.exec(text);
  if (separated) return (separated[1] as string).trim();
  return /^\p{Lu}/u.test(text) && text === text.toUpperCase() ? text : null;
}

function grouping(kind: MarkerKind, part: string, after: string): HeadingMarker | null {
  const rest = groupingTitle(after);
  return rest === null ? null : { kind, part, rest };
}

function partMarker(line: string): HeadingMarker | null {
  const ordinal = PART_ORDINAL.exec(line);
  if (ordinal) {
    const roman = ORDINALS[(ordinal[1] as string).toLowerCase()];
    return roman ? grouping('part', `Phần ${roman}`, ordinal[2] as string) : null;
  }
  const numbered = PART_NUMBER.exec(line);
  if (!numbered || !isNumeral(numbered[1] as string)) return null;
  return grouping('part', `Phần ${numbered[1] as string}`, numbered[2] as string);
}

function isNumeral(value: string): boolean {
  return /^\d+$/u.test(value) || VALID_ROMAN.test(value);
}

/** `Điều 5.` / `Điều 5. Giải thích từ ngữ` / `Điều 5: …`; `Điều 5 của Luật …` is a sentence. */
function articleMarker(line: string): HeadingMarker | null {
  const m = ARTICLE.exec(line);
  if (!m) return null;
  const after = (m[2] as string).trim();
  const titled = /^[.:]\s*(.*)$/u.exec(after);
  if (after !== '' && !titled) return null;
  return { kind: 'article', part: `Điều ${m[1] as string}`, rest: titled ? (titled[1] as string).trim() : '' };
}

function groupingMarker(line: string): HeadingMarker | null {
  const part = partMarker(line);
  if (part) return part;
  const chapter = CHAPTER.exec(line);
  if (chapter && isNumeral(chapter[1] as string)) return grouping('chapter', `Chương ${chapter[1] as string}`, chapter[2] as string);
  const group = GROUP.exec(line);
  if (group && isNumeral(group[1] as string)) return grouping('group', `Mục ${group[1] as string}`, group[2] as string);
  const appendix = APPENDIX.exec(line);
  if (appendix && (appendix[1] === undefined || isNumeral(appendix[1]))) {
    return grouping('appendix', appendix[1] ? `Phụ lục ${appendix[1]}` : 'Phụ lục', appendix[2] as string);
  }
  return articleMarker(line);
}

function numberedMarker(line: string): HeadingMarker | null {
  const roman = ROMAN.exec(line);
  if (roman && VALID_ROMAN.test(roman[1] as string)) return { kind: 'roman', part: roman[1] as string, rest: roman[2] as string };
  const capital = CAPITAL.exec(line);
  if (capital) return { kind: 'capital', part: capital[1] as string, rest: capital[2] as string };
  const composite = COMPOSITE.exec(line);
  if (composite) return { kind: 'composite', part: composite[1] as string, rest: composite[2] as string };
  const arabic = ARABIC.exec(line);
  if (arabic) return { kind: 'arabic', part: arabic[1] as string, rest: (arabic[2] ?? arabic[3] ?? arabic[4] ?? arabic[5]) as string };
  const letter = LETTER.exec(line);
  if (letter) return { kind: 'letter', part: letter[1] as string, rest: (letter[2] ?? letter[3]) as string };
  return null;
}

/**
 * Reads a heading marker at the start of a line; null for body lines. A single Roman-looking capital (`I.`,
 * `V.`) is read as Roman here; the outline builder reads it as a letter when it follows `H.` (or `U.`).
 */
export function headingMarker(line: string): HeadingMarker | null {
  if (!/^[\p{L}\d]/u.test(line)) return null;
  return groupingMarker(line) ?? numberedMarker(line);
}

/** The same line read as a lettered part (`I. …` after `H. …`), or null when it cannot be one. */
export function asCapital(line: string): HeadingMarker | null {
  const capital = CAPITAL.exec(line);
  return capital ? { kind: 'capital', part: capital[1] as string, rest: capital[2] as string } : null;
}

/** Whether a line is only a numbering marker (`II.`, `1.`, `a)`, `B.`) whose text went to the next line. */
export function isBareMarker(line: string): boolean {
  return /^(?:[IVXL]+\s*[.\-–—)]|[A-HĐ]\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\))$/u.test(line) && (!/^[IVXL]/u.test(line) || VALID_ROMAN.test(line.replace(/\s*[.\-–—)]$/u, '')));
}
