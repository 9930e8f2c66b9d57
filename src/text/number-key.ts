/**
 * Matching keys for document numbers, however they are written: `35-NQ/TW`, `35 - NQ/TW`, `35-nq/tw`,
 * `NQ 35`, `nghị quyết 35`, `Nghị quyết số 35`. A full number gives two keys (`35-NQ/TW` and the partial
 * `35-NQ`); a type word or code followed by a number gives the partial key, so "nghị quyết 35" finds
 * `35-NQ/TW`. Keys are upper case, accent-folded (Đ→D), without spaces or leading zeros.
 */
import { stripDiacritics } from './normalize.ts';

const TYPE_WORDS: Array<[RegExp, string]> = [
  [/nghi quyet/, 'NQ'],
  [/quy dinh/, 'QD'],
  [/quyet dinh/, 'QD'],
  [/chi thi/, 'CT'],
  [/ket luan/, 'KL'],
  [/ke hoach/, 'KH'],
  [/huong dan/, 'HD'],
  [/de an/, 'DA'],
  [/chuong trinh(?: hanh dong)?/, 'CTR'],
  [/thong bao/, 'TB'],
  [/bao cao/, 'BC'],
  [/cong van/, 'CV'],
  [/thong tri/, 'TT'],
];

const PARTY_NUMBER = /(\d{1,4})\s*[-–]\s*([A-Za-z]{1,4})\s*\/\s*([A-Za-z][A-Za-z-]*)/g;
const STATE_NUMBER = /(\d{1,5})\/(?:(\d{4})\/)?([A-Za-z]{1,4})-([A-Za-z0-9-]+)/g;
const CODE_THEN_NUMBER = /\b(NQ|QD|QDI|CT|KL|KH|HD|DA|CTR|TB|BC)\s*[-.]?\s*(\d{1,4})\b/gi;

function fold(text: string): string {
  return stripDiacritics(text);
}

function key(num: string, type: string, issuer?: string): string {
  const n = String(Number(num));
  const t = type.toUpperCase() === 'QDI' ? 'QD' : type.toUpperCase();
  return issuer ? `${n}-${t}/${issuer.toUpperCase()}` : `${n}-${t}`;
}

/** Canonical matching key of a full document number (`85 - QĐ/TW` → `85-QD/TW`). */
export function numberKey(number: string): string {
  const folded = fold(number);
  const party = new RegExp(PARTY_NUMBER.source).exec(folded);
  if (party) return key(party[1] as string, party[2] as string, party[3] as string);
  return folded.toUpperCase().replace(/\s+/g, '');
}

/** Every number key found in a text (full and partial keys), deduplicated, in order of appearance. */
export function findNumberKeys(text: string): string[] {
  const folded = fold(text);
  const keys: string[] = [];
  for (const m of folded.matchAll(PARTY_NUMBER)) {
    keys.push(key(m[1] as string, m[2] as string, m[3] as string), key(m[1] as string, m[2] as string));
  }
  for (const m of folded.matchAll(STATE_NUMBER)) {
    keys.push(`${Number(m[1])}/${(m[3] as string).toUpperCase()}-${(m[4] as string).toUpperCase()}`);
  }
  const lower = folded.toLowerCase();
  for (const [words, code] of TYPE_WORDS) {
    const re = new RegExp(`\\b${words.source}\\s+(?:so\\s+)?(\\d{1,4})\\b(?!\\s*[-–/]\\s*\\d)`, 'g');
    for (const m of lower.matchAll(re)) keys.push(key(m[1] as string, code));
  }
  for (const m of folded.matchAll(CODE_THEN_NUMBER)) keys.push(key(m[2] as string, m[1] as string));
  return [...new Set(keys)];
}
