/**
 * What a directive says about itself: type, number, trích yếu, issuing body, signer, place and date, and
 * the year it is for. Real directives often leave these implicit (no number, the year only in the title or
 * in the documents they implement, the issuer only in the opening sentence), so each field has fallbacks.
 */
import type { DocumentMetadata, ParsedSection, YearSource } from '../src/core/types.ts';
import { canonicalDocNumber, docNumberParts, findDocNumbers, typeFromCode } from '../src/text/doc-number.ts';
import { extractReferences, isoDate } from './references.ts';
import { inferPlace } from './place.ts';
import { typeOfTitleLine } from './structure.ts';

/** The subject of the opening sentence ends right before one of these verbs. */
const ISSUER_VERB = /\s(?:xây dựng|hướng dẫn|ban hành|triển khai|đề ra|thông báo|chỉ đạo|yêu cầu)(?!\p{L})/gu;
const OPENING_WORDS = /^(?:Thực hiện|Căn cứ)(?!\p{L})/u;
const MAX_ISSUER_WORDS = 14;
const ROLE_LINE = /^(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.)\s*\S/u;
const NAME_LINE = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;
const PLACE_DATE = /([\p{Lu}][\p{L} .-]*?),\s*ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u;
const RULE_LINE = /^[-–—_*=.\s]+$/u;

/**
 * Issuer codes of numbers whose body is unambiguous (used only when the text names no issuer). `TW` is left
 * out: it covers the Central Committee, the Politburo and the Secretariat alike.
 */
const ISSUER_BY_CODE: Record<string, string> = {
  TU: 'Tỉnh ủy',
  HU: 'Huyện ủy',
  QU: 'Quận ủy',
  ĐU: 'Đảng ủy',
  ĐUK: 'Đảng ủy Khối',
  BTGTU: 'Ban Tuyên giáo Tỉnh ủy',
  BTGTW: 'Ban Tuyên giáo Trung ương',
  BTCTW: 'Ban Tổ chức Trung ương',
  VPTW: 'Văn phòng Trung ương Đảng',
};

function nonBlankLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** How many leading lines may hold the `Số:` line when no title block was recognised. */
const HEADER_LINES = 10;

/** `Số: 12 -KH/ĐU` → `12-KH/ĐU`. Only a number introduced by `Số` is the document's own. */
function detectNumber(...blocks: string[]): string | null {
  for (const block of blocks) {
    const own = findDocNumbers(block).find((m) => /Số\s*:?\s*$/u.test(block.slice(0, m.index)));
    if (own) return canonicalDocNumber(own.number);
  }
  return null;
}

/** The trích yếu: non-blank lines after the type line, joined with single spaces. */
function detectTitle(lines: string[], typeLine: number): string {
  if (typeLine < 0) return '';
  return lines
    .slice(typeLine + 1)
    .filter((line) => !RULE_LINE.test(line) && !PLACE_DATE.test(line))
    .join(' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** `…, Đảng ủy Ban Quản lý Khu kinh tế xây dựng kế hoạch …` → `Đảng ủy Ban Quản lý Khu kinh tế`. */
function issuerFromOpening(sections: ParsedSection[]): string | null {
  const sentence = sections.find((s) => s.label === '')?.body.split('\n')[0] ?? '';
  for (const verb of sentence.matchAll(ISSUER_VERB)) {
    const before = sentence.slice(0, verb.index);
    const subject = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1).trim();
    const words = subject.split(/\s+/u).length;
    if (/^\p{Lu}/u.test(subject) && !/\d/u.test(subject) && !OPENING_WORDS.test(subject) && words <= MAX_ISSUER_WORDS) {
      return subject;
    }
  }
  return null;
}

/** `T/M BAN THƯỜNG VỤ` → `Ban Thường vụ`. */
function issuerFromRole(closing: string): string | null {
  const role = nonBlankLines(closing).find((line) => ROLE_LINE.test(line));
  const organ = role?.replace(/^\S+\s*/u, '').toLowerCase();
  return organ ? organ.charAt(0).toUpperCase() + organ.slice(1) : null;
}

function detectIssuer(sections: ParsedSection[], number: string | null, closing: string): string | null {
  const code = number ? docNumberParts(number)?.issuerCode : undefined;
  return issuerFromOpening(sections) ?? (code ? ISSUER_BY_CODE[code] : undefined) ?? issuerFromRole(closing);
}

function isAllCaps(line: string): boolean {
  return /\p{Lu}/u.test(line) && line === line.toUpperCase();
}

/** Signer and role from the signature block: `T/M BAN THƯỜNG VỤ` + `PHÓ BÍ THƯ` + name. */
function detectSigner(closing: string): { signer: string | null; signerRole: string | null } {
  const lines = nonBlankLines(closing);
  const at = lines.findIndex((line) => ROLE_LINE.test(line));
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

/** Title `năm 2023` first, then the document's own date, then the latest date it cites in its opening. */
function detectYear(
  title: string,
  issuedOn: string | null,
  sections: ParsedSection[],
): { year: number | null; yearSource: YearSource | null } {
  const inTitle = [...title.matchAll(/năm\s+(\d{4})/giu)].pop();
  if (inTitle) return { year: Number(inTitle[1]), yearSource: 'title' };
  if (issuedOn) return { year: Number(issuedOn.slice(0, 4)), yearSource: 'date' };
  const dates = extractReferences(sections.filter((s) => s.label === ''))
    .map((r) => r.date)
    .filter((d): d is string => d !== null)
    .sort();
  const latest = dates.pop();
  return latest ? { year: Number(latest.slice(0, 4)), yearSource: 'references' } : { year: null, yearSource: null };
}

/**
 * Detects the metadata of a parsed directive. `titleBlock` and `closing` come from `parseSections`;
 * `text` is the repaired text, used only as a last place to look for a place-date line.
 */
export function extractMetadata(
  text: string,
  sections: ParsedSection[],
  closing: string,
  titleBlock: string,
): DocumentMetadata {
  const lines = nonBlankLines(titleBlock);
  const typeLine = lines.findIndex((line) => typeOfTitleLine(line) !== null);
  const header = nonBlankLines(text).slice(0, HEADER_LINES).join('\n');
  const number = detectNumber(titleBlock, header);
  const code = number ? docNumberParts(number)?.typeCode : undefined;
  const type = (typeLine >= 0 ? typeOfTitleLine(lines[typeLine] as string) : null) ?? (code ? typeFromCode(code) : null);
  const title = detectTitle(lines, typeLine);
  const { place, issuedOn } = detectPlaceDate(titleBlock, closing, header);
  const issuer = detectIssuer(sections, number, closing);
  return {
    type,
    number,
    title,
    issuer,
    ...detectSigner(closing),
    place: place ?? inferPlace(issuer, title, text),
    issuedOn,
    ...detectYear(title, issuedOn, sections),
  };
}
