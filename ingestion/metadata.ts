/**
 * What a directive says about itself: type, number, trích yếu, issuing body, signer, place and date, and
 * the year it is for. Real directives often leave these implicit (no number, the year only in the title or
 * in the documents they implement, the issuer only in the opening sentence), so each field has fallbacks.
 * State documents (Luật, Nghị định, Thông tư, Văn bản hợp nhất …) follow the same path with their own number
 * formats (`45/2019/QH14`, `31/2021/NĐ-CP`, `01/VBHN-VPQH`) and their issuer in the header.
 */
import { STATE_LEGAL_TYPES, type DocumentMetadata, type DocumentType, type ParsedSection, type YearSource } from '../src/core/types.ts';
import { canonicalDocNumber, docNumberParts, findDocNumbers, typeFromCode } from '../src/text/doc-number.ts';
import { detectIssuer, sentenceCase, withoutIssuer } from './issuer.ts';
import { extractReferences, isoDate } from './references.ts';
import { inferPlace } from './place.ts';
import { typeOfTitleLine } from './structure.ts';

const NAME_LINE = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;
const ROLE_LINE = /^(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.)\s*\S/u;
/** A law's signature has no `TM.` line: `CHỦ TỊCH QUỐC HỘI` / name. */
const STATE_ROLE_LINE = /^(?:CHỦ TỊCH QUỐC HỘI|CHỦ TỊCH NƯỚC|THỦ TƯỚNG|CHỦ NHIỆM|BỘ TRƯỞNG)(?!\p{L})/u;
const PLACE_DATE = /([\p{Lu}][\p{L} .-]*?),\s*ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u;
const RULE_LINE = /^[-–—_*=.\s]+$/u;
/** `năm 2023` in a title, unless it is a horizon (`đến năm 2030`, `tầm nhìn đến năm 2045`). */
const TITLE_YEAR = /(?<!(?:đến|tới)\s)năm\s+(\d{4})/giu;

/** Types whose documents are state legal documents: their issuer stands in the header. */
const STATE_TYPES = STATE_LEGAL_TYPES;
/** Types whose title is a name in capitals after the type word (`LUẬT` / `GIÁO DỤC`). */
const NAMED_TYPES: ReadonlySet<DocumentType> = new Set(['Hiến pháp', 'Bộ luật', 'Luật', 'Pháp lệnh']);

function nonBlankLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** How many leading lines may hold the `Số:` line when no title block was recognised. */
const HEADER_LINES = 10;

/**
 * `Số: 12 -KH/ĐU` → `12-KH/ĐU`, `Luật số: 45/2019/QH14`. Only a number introduced by `Số` (or by `… số:` with its
 * colon) is the document's own; `Đề án số 17-ĐA/TU` in a title is a citation.
 */
function detectNumber(...blocks: string[]): string | null {
  for (const block of blocks) {
    const own = findDocNumbers(block).find((m) => /(?:Số\s*:?|\s[Ss]ố\s*:)\s*$/u.test(block.slice(0, m.index)));
    if (own) return canonicalDocNumber(own.number);
  }
  return null;
}

/** The trích yếu: the rest of the type line and the non-blank lines after it, joined with single spaces. */
function detectTitle(lines: string[], typeLine: number, type: DocumentType | null): string {
  if (typeLine < 0) return '';
  const line = lines[typeLine] as string;
  const onTypeLine = type ? line.slice(type.length).trim() : '';
  const title = [onTypeLine, ...lines.slice(typeLine + 1)]
    .filter((l) => l && !RULE_LINE.test(l) && !PLACE_DATE.test(l))
    .join(' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return type && NAMED_TYPES.has(type) && title === title.toUpperCase() ? sentenceCase(title) : withoutIssuer(title);
}

function isAllCaps(line: string): boolean {
  return /\p{Lu}/u.test(line) && line === line.toUpperCase();
}

/** Signer and role from the signature block: `T/M BAN THƯỜNG VỤ` + `PHÓ BÍ THƯ` + name. */
function detectSigner(closing: string): { signer: string | null; signerRole: string | null } {
  const lines = nonBlankLines(closing);
  let at = lines.findIndex((line) => ROLE_LINE.test(line));
  if (at < 0) at = lines.findIndex((line) => STATE_ROLE_LINE.test(line));
  if (at < 0) return { signer: null, signerRole: null };
  const role = [lines[at] as string];
  let next = at + 1;
  while (next < lines.length && isAllCaps(lines[next] as string)) role.push(lines[next++] as string);
  const signer = lines.slice(next).find((line) => NAME_LINE.test(line)) ?? null;
  return { signer, signerRole: role.join(' – ') };
}

/** `Hà Nội, ngày 03 tháng 4 năm 2018` from the header, else the closing, else the first lines. */
function detectPlaceDate(...blocks: string[]): { place: string | null; issuedOn: string | null } {
  for (const block of blocks) {
    const m = PLACE_DATE.exec(block);
    if (!m) continue;
    const place = (m[1] as string).replace(/^(?:[\p{Lu}-]+\s+)+(?=\p{Lu}\p{Ll})/u, '').trim();
    return { place: place || null, issuedOn: isoDate(m[2] as string, m[3] as string, m[4] as string) };
  }
  return { place: null, issuedOn: null };
}

/**
 * Title `năm 2023` first (not a horizon such as `định hướng đến năm 2030`), then the document's own date, then
 * the year inside a state number (`45/2019/QH14`), then the latest date it cites in its opening.
 */
function detectYear(
  title: string,
  issuedOn: string | null,
  number: string | null,
  sections: ParsedSection[],
): { year: number | null; yearSource: YearSource | null } {
  const inTitle = [...title.matchAll(TITLE_YEAR)].pop();
  if (inTitle) return { year: Number(inTitle[1]), yearSource: 'title' };
  if (issuedOn) return { year: Number(issuedOn.slice(0, 4)), yearSource: 'date' };
  const numbered = number ? docNumberParts(number)?.year : undefined;
  if (numbered) return { year: Number(numbered), yearSource: 'date' };
  const dates = extractReferences(sections.filter((s) => s.label === ''))
    .map((r) => r.date)
    .filter((d): d is string => d !== null)
    .sort();
  const latest = dates.pop();
  return latest ? { year: Number(latest.slice(0, 4)), yearSource: 'references' } : { year: null, yearSource: null };
}

/** The type line's type, except that a consolidated text (`01/VBHN-VPQH`) is a Văn bản hợp nhất whatever it consolidates. */
function detectType(typeLineType: DocumentType | null, number: string | null): DocumentType | null {
  const parts = number ? docNumberParts(number) : null;
  const fromCode = parts ? typeFromCode(parts.typeCode, parts.style) : null;
  if (fromCode === 'Văn bản hợp nhất') return fromCode;
  return typeLineType ?? fromCode;
}

/** State type codes as file names spell them, without `Đ`. */
const FOLDED_STATE_CODES: Record<string, string> = { ND: 'NĐ', QD: 'QĐ' };

/**
 * A state or law number in a file name, for a text that has no header (legal corpora name files after the
 * number): `45-2019-qh14.txt` → `45/2019/QH14`, `01_2009_tt-bnn.txt` → `01/2009/TT-BNN`. Party numbers are not
 * read from names (their issuer codes carry a `Đ` a file name drops).
 */
export function numberFromSource(source: string): string | null {
  const name = source.replace(/\.[^.]+$/u, '');
  const law = /(?:^|[^\p{L}\d])(\d{1,4})[-_.](\d{4})[-_.]((?:ubtv)?qh\d{1,2})(?![\p{L}\d])/iu.exec(name);
  if (law) return `${law[1] as string}/${law[2] as string}/${(law[3] as string).toUpperCase()}`;
  const state = /(?:^|[^\p{L}\d])(\d{1,5})[-_.](\d{4})[-_.]([a-zđ]{1,5})[-_.]([a-zđ][a-zđ0-9]*(?:-[a-zđ0-9]+)*)$/iu.exec(name);
  if (!state) return null;
  const type = (state[3] as string).toUpperCase();
  return `${state[1] as string}/${state[2] as string}/${FOLDED_STATE_CODES[type] ?? type}-${(state[4] as string).toUpperCase()}`;
}

/**
 * Detects the metadata of a parsed directive. `titleBlock` and `closing` come from `parseSections`;
 * `text` is the repaired text, used only as a last place to look for a place-date line; `source` (the file
 * name) gives a state number when the text has none.
 */
export function extractMetadata(
  text: string,
  sections: ParsedSection[],
  closing: string,
  titleBlock: string,
  source = '',
): DocumentMetadata {
  const lines = nonBlankLines(titleBlock);
  const typeLine = lines.findIndex((line) => typeOfTitleLine(line) !== null);
  const typeLineType = typeLine >= 0 ? typeOfTitleLine(lines[typeLine] as string) : null;
  const header = nonBlankLines(text).slice(0, HEADER_LINES).join('\n');
  const number = detectNumber(titleBlock, header) ?? numberFromSource(source);
  const type = detectType(typeLineType, number);
  const rawTitle = detectTitle(lines, typeLine, typeLineType);
  const title = type === 'Văn bản hợp nhất' && typeLineType && typeLineType !== type ? `${typeLineType} ${rawTitle}` : rawTitle;
  const { place, issuedOn } = detectPlaceDate(titleBlock, closing, header);
  const style = number ? docNumberParts(number)?.style : undefined;
  const state = (type !== null && STATE_TYPES.has(type)) || style === 'law' || style === 'state';
  const fullTitle = lines.slice(typeLine + 1).join(' ');
  const issuer = detectIssuer({ sections, number, title: fullTitle, titleBlock, closing, place, state });
  return {
    type,
    number,
    title,
    issuer,
    ...detectSigner(closing),
    place: place ?? inferPlace(issuer, title, text),
    issuedOn,
    ...detectYear(title, issuedOn, number, sections),
  };
}
