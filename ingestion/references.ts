/**
 * Documents cited inside a directive ("Thực hiện Kế hoạch số 114-KH/BTCTW ngày 21/4/2023 của Ban Tổ chức
 * Trung ương …"). Indexed so that "Quy định 85-QĐ/TW được nhắc ở đâu?" can be answered by section.
 */
import { DOCUMENT_TYPES, type DocumentReference, type DocumentType, type ParsedSection } from '../src/core/types.ts';
import { docNumberParts, findDocNumbers, typeFromCode } from '../src/text/doc-number.ts';

/** Longest first, so `Bộ luật` is not read as `Luật` and `Chương trình hành động` wins over `Chương trình`. */
const TYPE_ALTERNATION = [...DOCUMENT_TYPES].sort((a, b) => b.length - a.length).join('|');
/** A type word right before a number: `Kế hoạch số `, `Chương trình hành động số `, `Nghị quyết `. */
const TYPE_BEFORE = new RegExp(`(${TYPE_ALTERNATION})(?: hành động)?(?:\\s+số)?\\s*$`, 'iu');
/** A law named before its number: `Luật Giáo dục số `, `Bộ luật Lao động số `, `Luật Cán bộ, công chức số `. */
const LAW_BEFORE = /(Bộ luật|Luật|Pháp lệnh)\s+\p{Lu}[\p{L}, -]{1,60}?\s+số\s*$/u;
const DATE_AFTER = /^,?\s*(?:ngày\s*)?(\d{1,2})[/-](\d{1,2})[/-](\d{4})/u;
const OF_AFTER = /^,?\s*của\s+/u;
/** A term after the issuer (`khóa XII`, `(khóa XIII)`) belongs to the citation text but not to the issuer. */
const TERM_AFTER = /^\s*\(?(?:khóa|khoá)\s+[IVXL]+(?:,\s*[IVXL]+)*\)?/u;
/** How far back a type word may stand before its number (`Chương trình hành động số ` is 26 characters). */
const LOOK_BACK = 40;
/** How far back a law's name may start (`Luật Phòng, chống tác hại của rượu, bia số `). */
const LAW_LOOK_BACK = 80;
const MAX_ISSUER = 100;

/** Where an issuer phrase (`của …`) ends: punctuation, a following subject (`về`, `khóa`, `ngày` …). */
const ISSUER_STOPS: RegExp[] = [
  /[,;:()“”"]/u,
  /\.(?=\s|$)/u,
  /\s(?:về|khóa|khoá|ngày|theo|để|nhằm|tại|trong|với|đã|đến)(?!\p{L})/u,
  /\sthành(?!\s+phố)(?!\p{L})/u,
  new RegExp(`\\svà\\s+(?=${TYPE_ALTERNATION}|\\d)`, 'iu'),
  /\s\d{1,4}[-/]/u,
];

/** Turns `d/m/yyyy` into ISO `yyyy-mm-dd`; null when the date does not exist. */
export function isoDate(day: string, month: string, year: string): string | null {
  const d = Number(day);
  const m = Number(month);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The `của …` issuer phrase, cut before what follows it (the subject, a date, another citation). */
function cutIssuer(rest: string): string {
  let end = Math.min(rest.length, MAX_ISSUER);
  for (const stop of ISSUER_STOPS) {
    const m = stop.exec(rest);
    if (m && m.index < end) end = m.index;
  }
  return rest.slice(0, end).trim();
}

function typeOfWord(word: string): DocumentType | null {
  const lower = word.toLowerCase();
  return DOCUMENT_TYPES.find((t) => t.toLowerCase() === lower) ?? null;
}

interface Citation {
  start: number;
  end: number;
  type: DocumentType | null;
  date: string | null;
  issuer: string | null;
}

/** The type word a number is introduced by (`Kế hoạch số `, `Luật Giáo dục số `) and where it starts. */
function typeWordBefore(text: string, index: number): { word: string; start: number } | null {
  const before = text.slice(Math.max(0, index - LOOK_BACK), index);
  const typed = TYPE_BEFORE.exec(before);
  if (typed) return { word: typed[1] as string, start: index - before.length + typed.index };
  const wide = text.slice(Math.max(0, index - LAW_LOOK_BACK), index);
  const law = LAW_BEFORE.exec(wide);
  return law ? { word: law[1] as string, start: index - wide.length + law.index } : null;
}

/** Reads the citation around one number: the type word before it, the date and issuer after it. */
function readCitation(text: string, index: number, length: number, number: string): Citation {
  const typeWord = typeWordBefore(text, index);
  const start = typeWord?.start ?? index;
  let end = index + length;
  const date = DATE_AFTER.exec(text.slice(end));
  const iso = date ? isoDate(date[1] as string, date[2] as string, date[3] as string) : null;
  if (date) end += date[0].length;
  let issuer: string | null = null;
  const of = OF_AFTER.exec(text.slice(end));
  if (of) {
    const name = cutIssuer(text.slice(end + of[0].length));
    if (/^\p{Lu}/u.test(name)) {
      issuer = name;
      end += of[0].length + name.length;
      end += TERM_AFTER.exec(text.slice(end))?.[0].length ?? 0;
    }
  }
  const parts = docNumberParts(number);
  const type = (typeWord ? typeOfWord(typeWord.word) : null) ?? (parts ? typeFromCode(parts.typeCode, parts.style) : null);
  return { start, end, type, date: iso, issuer };
}

/** A citation with where it stands in the text it was read from (`start` at its type word, `end` after its issuer). */
export interface LocatedReference {
  reference: DocumentReference;
  start: number;
  end: number;
}

/** Every citation in one text with its position, in reading order (statements of force need the positions). */
export function locateReferences(text: string, sectionLabel: string): LocatedReference[] {
  return findDocNumbers(text).map((m) => {
    const c = readCitation(text, m.index, m.length, m.number);
    const reference = {
      type: c.type,
      number: m.number,
      date: c.date,
      issuer: c.issuer,
      text: text.slice(c.start, c.end).replace(/\s+/gu, ' ').trim(),
      sectionLabel,
    };
    return { reference, start: c.start, end: c.end };
  });
}

/** Every citation in one text, in reading order. */
export function findReferences(text: string, sectionLabel: string): DocumentReference[] {
  return locateReferences(text, sectionLabel).map((r) => r.reference);
}

/**
 * Every document cited in the sections (heading lines and bodies), with type, canonical number, ISO date,
 * issuer, the citation text and the label of the section it appears in. A citation repeated verbatim in
 * the same section is listed once.
 */
export function extractReferences(sections: ParsedSection[]): DocumentReference[] {
  const seen = new Set<string>();
  const result: DocumentReference[] = [];
  for (const section of sections) {
    const found = [...findReferences(section.headingLine, section.label), ...findReferences(section.body, section.label)];
    for (const ref of found) {
      const key = `${ref.sectionLabel}\u0000${ref.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(ref);
    }
  }
  return result;
}
