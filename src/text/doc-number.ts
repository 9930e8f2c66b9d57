/**
 * Document numbers as they are written in Vietnamese directives, and one canonical spelling for them.
 *
 * Party documents number as `serial-TYPE/ISSUER` (`12-KH/ĐU`, `08-QĐi/TW`), state documents as
 * `serial[/year]/TYPE-ISSUER` (`81/HD-MTTW-BTT`, `30/2020/NĐ-CP`). Real texts space them (`72 - KH/BTGTU`,
 * `Số: 12 -KH/ĐU`) and users type them in lower case; ingestion and query understanding both need the
 * same canonical form so that a citation, a stored number and a question meet.
 */
import type { DocumentType } from '../core/types.ts';
import { nfc } from './normalize.ts';

/** A document number found in a text: canonical spelling plus where the raw spelling stands. */
export interface DocNumberMatch {
  number: string;
  index: number;
  length: number;
}

/** The parts of a canonical number. */
export interface DocNumberParts {
  serial: string;
  typeCode: string;
  issuerCode: string;
  style: 'party' | 'state';
}

const BEFORE = String.raw`(?<![\p{L}\p{N}./\-–])`;
const CODE = String.raw`\p{L}[\p{L}\d]*(?:-[\p{L}\d]+)*`;
const PARTY_SOURCE = String.raw`${BEFORE}(\d{1,4})[ \t]*[-–—][ \t]*(\p{L}{1,4})[ \t]*/[ \t]*(${CODE})`;
const STATE_SOURCE = String.raw`${BEFORE}(\d{1,5})(?:/(\d{4}))?[ \t]*/[ \t]*(\p{L}{1,5})-(${CODE})`;

/** Codes are plain letters: a letter with a tone or vowel mark means the match is prose (`5 - năm/lần`). */
const CODE_LETTERS = /^[A-Za-zĐđ\d/-]+$/u;

/** Type codes that are written in mixed case; every other code is upper case. */
const MIXED_CASE_TYPES: Record<string, string> = { QĐI: 'QĐi', CTR: 'CTr', TTR: 'TTr' };

/** Type codes whose meaning is unambiguous. `QĐ` is left out: it is used for both Quyết định and Quy định. */
const TYPE_BY_CODE: Record<string, DocumentType> = {
  KH: 'Kế hoạch',
  HD: 'Hướng dẫn',
  NQ: 'Nghị quyết',
  CT: 'Chỉ thị',
  KL: 'Kết luận',
  QĐi: 'Quy định',
  CTr: 'Chương trình',
  ĐA: 'Đề án',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  CV: 'Công văn',
};

function canonicalType(code: string): string {
  const upper = code.toUpperCase();
  return MIXED_CASE_TYPES[upper] ?? upper;
}

function partyNumber(serial: string, type: string, issuer: string): string {
  return `${serial}-${canonicalType(type)}/${issuer.toUpperCase()}`;
}

function stateNumber(serial: string, year: string | undefined, type: string, issuer: string): string {
  return `${serial}${year ? `/${year}` : ''}/${canonicalType(type)}-${issuer.toUpperCase()}`;
}

function matchesAt(text: string): Array<{ number: string; index: number; length: number; raw: string }> {
  const found: Array<{ number: string; index: number; length: number; raw: string }> = [];
  for (const m of text.matchAll(new RegExp(PARTY_SOURCE, 'gu'))) {
    const [raw, serial, type, issuer] = m as unknown as [string, string, string, string];
    if (!CODE_LETTERS.test(`${type}/${issuer}`)) continue;
    found.push({ number: partyNumber(serial, type, issuer), index: m.index ?? 0, length: raw.length, raw });
  }
  for (const m of text.matchAll(new RegExp(STATE_SOURCE, 'gu'))) {
    const [raw, serial, year, type, issuer] = m as unknown as [string, string, string | undefined, string, string];
    if (!CODE_LETTERS.test(`${type}/${issuer}`)) continue;
    found.push({ number: stateNumber(serial, year, type, issuer), index: m.index ?? 0, length: raw.length, raw });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Every document number in a text, in reading order, with its canonical spelling and the position and
 * length of the raw spelling (so callers can rewrite or quote it). Overlapping matches keep the first.
 * Pass NFC text (see `nfc`): positions refer to the text as given.
 */
export function findDocNumbers(text: string): DocNumberMatch[] {
  const result: DocNumberMatch[] = [];
  let end = 0;
  for (const m of matchesAt(text)) {
    if (m.index < end) continue;
    result.push({ number: m.number, index: m.index, length: m.length });
    end = m.index + m.length;
  }
  return result;
}

/**
 * Canonical spelling of one document number: no spaces, ASCII hyphen, upper-case codes except the
 * mixed-case type codes (`QĐi`, `CTr`, `TTr`), a leading `Số:` removed. `72 - KH/BTGTU` → `72-KH/BTGTU`,
 * `Số: 12 -KH/ĐU` → `12-KH/ĐU`, `81/HD-MTTW-BTT` stays. Text that is not a number is returned trimmed,
 * with spaces around `-` and `/` removed.
 */
export function canonicalDocNumber(raw: string): string {
  const text = nfc(raw).replace(/^\s*Số\s*:?\s*/iu, '').trim();
  const first = matchesAt(text)[0];
  if (first && first.index === 0) return first.number;
  return text.replace(/\s*([-–—/])\s*/g, (_m, sep: string) => (sep === '/' ? '/' : '-'));
}

/** Splits a canonical number into serial, type code and issuer code; null when it is not a number. */
export function docNumberParts(canonical: string): DocNumberParts | null {
  const party = /^(\d+)-([^/]+)\/(.+)$/u.exec(canonical);
  if (party) return { serial: party[1] as string, typeCode: party[2] as string, issuerCode: party[3] as string, style: 'party' };
  const state = /^(\d+)(?:\/\d{4})?\/([^-/]+)-(.+)$/u.exec(canonical);
  if (state) return { serial: state[1] as string, typeCode: state[2] as string, issuerCode: state[3] as string, style: 'state' };
  return null;
}

/** The document type a number's type code stands for (`KH` → Kế hoạch); null for unknown or ambiguous codes. */
export function typeFromCode(code: string): DocumentType | null {
  return TYPE_BY_CODE[canonicalType(code)] ?? null;
}

/**
 * Rewrites every document number in a text with its spacing removed and its dash made ASCII, keeping the
 * letters as written (`Đề án số 17 - ĐA/TU` → `Đề án số 17-ĐA/TU`), so repaired text stays quotable.
 */
export function tightenDocNumbers(text: string): string {
  const matches = findDocNumbers(text);
  let out = '';
  let last = 0;
  for (const m of matches) {
    const raw = text.slice(m.index, m.index + m.length);
    out += text.slice(last, m.index) + raw.replace(/[ \t]+/g, '').replace(/[–—]/g, '-');
    last = m.index + m.length;
  }
  return out + text.slice(last);
}
