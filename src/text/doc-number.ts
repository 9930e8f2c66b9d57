/**
 * Document numbers as they are written in Vietnamese directives, and one canonical spelling for them.
 *
 * Party documents number as `serial-TYPE/ISSUER` (`12-KH/ĐU`, `08-QĐi/TW`), state documents as
 * `serial[/year]/TYPE-ISSUER` (`81/HD-MTTW-BTT`, `30/2020/NĐ-CP`, `08/2022/TT-BVHTTDL`, `01/VBHN-VPQH`), and
 * laws and resolutions of the National Assembly as `serial/year/QH<term>` (`45/2019/QH14`, `02/2022/UBTVQH15`),
 * with no type code: the type line says whether it is a Luật or a Nghị quyết. Real texts space them (`72 - KH/BTGTU`,
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
  /** Empty for a National Assembly number (`45/2019/QH14`). */
  typeCode: string;
  issuerCode: string;
  style: 'party' | 'state' | 'law';
  /** The year inside a state or law number (`2019` in `45/2019/QH14`). */
  year?: string;
}

const BEFORE = String.raw`(?<![\p{L}\p{N}./\-–])`;
const CODE = String.raw`\p{L}[\p{L}\d]*(?:-[\p{L}\d]+)*`;
const PARTY_SOURCE = String.raw`${BEFORE}(\d{1,4})[ \t]*[-–—][ \t]*(\p{L}{1,4})[ \t]*/[ \t]*(${CODE})`;
const STATE_SOURCE = String.raw`${BEFORE}(\d{1,5})(?:/(\d{4}))?[ \t]*/[ \t]*(\p{L}{1,5})-(${CODE})`;
const LAW_SOURCE = String.raw`${BEFORE}(\d{1,5})[ \t]*/[ \t]*(\d{4})[ \t]*/[ \t]*((?:UBTV)?QH\d{1,2})(?![\p{L}\d])`;

/** Codes are plain letters: a letter with a tone or vowel mark means the match is prose (`5 - năm/lần`). */
const CODE_LETTERS = /^[A-Za-zĐđ\d/-]+$/u;

/** Type codes that are written in mixed case; every other code is upper case. */
const MIXED_CASE_TYPES: Record<string, string> = { QĐI: 'QĐi', CTR: 'CTr', TTR: 'TTr' };
/** Issuer codes written in mixed case (`1234/QĐ-TTg`, the Prime Minister). */
const MIXED_CASE_ISSUERS: Record<string, string> = { TTG: 'TTg' };

/**
 * Party type codes whose meaning is unambiguous. `QĐ` is left out: the Party uses it for both Quyết định and Quy
 * định. `TT` is left out too (Thông tri, but also Thường trực).
 */
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
  QC: 'Quy chế',
};

/** State type codes (Nghị định 30/2020/NĐ-CP, Phụ lục III): here `QĐ` is always Quyết định and `TT` Thông tư. */
const STATE_TYPE_BY_CODE: Record<string, DocumentType> = {
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  TTLT: 'Thông tư',
  QĐ: 'Quyết định',
  VBHN: 'Văn bản hợp nhất',
  NQ: 'Nghị quyết',
  CT: 'Chỉ thị',
  HD: 'Hướng dẫn',
  KH: 'Kế hoạch',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  QC: 'Quy chế',
  QyĐ: 'Quy định',
};

function canonicalType(code: string): string {
  const upper = code.toUpperCase();
  return MIXED_CASE_TYPES[upper] ?? upper;
}

function partyNumber(serial: string, type: string, issuer: string): string {
  return `${serial}-${canonicalType(type)}/${issuer.toUpperCase()}`;
}

function canonicalIssuer(issuer: string): string {
  return issuer
    .split('-')
    .map((part) => MIXED_CASE_ISSUERS[part.toUpperCase()] ?? part.toUpperCase())
    .join('-');
}

function stateNumber(serial: string, year: string | undefined, type: string, issuer: string): string {
  const code = type.toUpperCase() === 'QYĐ' ? 'QyĐ' : canonicalType(type);
  return `${serial}${year ? `/${year}` : ''}/${code}-${canonicalIssuer(issuer)}`;
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
  for (const m of text.matchAll(new RegExp(LAW_SOURCE, 'gu'))) {
    const [raw, serial, year, code] = m as unknown as [string, string, string, string];
    found.push({ number: `${serial}/${year}/${code.toUpperCase()}`, index: m.index ?? 0, length: raw.length, raw });
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

/** Splits a canonical number into serial, type code, issuer code and year; null when it is not a number. */
export function docNumberParts(canonical: string): DocNumberParts | null {
  const party = /^(\d+)-([^/]+)\/(.+)$/u.exec(canonical);
  if (party) return { serial: party[1] as string, typeCode: party[2] as string, issuerCode: party[3] as string, style: 'party' };
  const law = /^(\d+)\/(\d{4})\/((?:UBTV)?QH\d+)$/u.exec(canonical);
  if (law) return { serial: law[1] as string, typeCode: '', issuerCode: law[3] as string, style: 'law', year: law[2] as string };
  const state = /^(\d+)(?:\/(\d{4}))?\/([^-/]+)-(.+)$/u.exec(canonical);
  if (state) {
    const parts: DocNumberParts = { serial: state[1] as string, typeCode: state[3] as string, issuerCode: state[4] as string, style: 'state' };
    return state[2] ? { ...parts, year: state[2] } : parts;
  }
  return null;
}

/**
 * The document type a number's type code stands for (`KH` → Kế hoạch; in a state number `NĐ` → Nghị định,
 * `QĐ` → Quyết định); null for unknown or ambiguous codes.
 */
export function typeFromCode(code: string, style: DocNumberParts['style'] = 'party'): DocumentType | null {
  if (style === 'state') return STATE_TYPE_BY_CODE[code === 'QyĐ' ? code : canonicalType(code)] ?? null;
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
