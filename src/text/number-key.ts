/**
 * Matching keys for document numbers, however they are written: `35-NQ/TW`, `35 - NQ/TW`, `35-nq/tw`,
 * `NQ 35`, `nghị quyết 35`, `Nghị quyết số 35`. A full number gives two keys (`35-NQ/TW` and the partial
 * `35-NQ`); a type word or code followed by a number gives the partial key, so "nghị quyết 35" finds
 * `35-NQ/TW`. Keys are upper case, accent-folded (Đ→D), without spaces or leading zeros.
 *
 * State numbers key without their year (`31/2021/NĐ-CP` and `31/NĐ-CP` → `31/ND-CP`: people drop it), laws and
 * resolutions of the National Assembly with it (`45/2019/QH14` → `45/2019/QH14`: the serial restarts every year
 * and there is no type code to tell them apart).
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
  [/quy che/, 'QC'],
];

const PARTY_NUMBER = /(\d{1,4})\s*[-–]\s*([A-Za-z]{1,4})\s*\/\s*([A-Za-z][A-Za-z-]*)/g;
const STATE_NUMBER = /(\d{1,5})\/(?:(\d{4})\/)?([A-Za-z]{1,4})-([A-Za-z0-9-]+)/g;
const LAW_NUMBER = /(?<![\d/])(\d{1,5})\s*\/\s*(\d{4})\s*\/\s*((?:UBTV)?QH\d{1,2})(?![A-Za-z\d])/gi;
const CODE_THEN_NUMBER = /\b(NQ|QD|QDI|CT|KL|KH|HD|DA|CTR|TB|BC)\s*[-.]?\s*(\d{1,4})\b/gi;

function fold(text: string): string {
  return stripDiacritics(text);
}

function key(num: string, type: string, issuer?: string): string {
  const n = String(Number(num));
  const t = type.toUpperCase() === 'QDI' ? 'QD' : type.toUpperCase();
  return issuer ? `${n}-${t}/${issuer.toUpperCase()}` : `${n}-${t}`;
}

function stateKey(serial: string, type: string, issuer: string): string {
  return `${Number(serial)}/${type.toUpperCase()}-${issuer.toUpperCase()}`;
}

function lawKey(serial: string, year: string, code: string): string {
  return `${Number(serial)}/${year}/${code.toUpperCase()}`;
}

/**
 * Canonical matching key of a full document number (`85 - QĐ/TW` → `85-QD/TW`, `30/2020/NĐ-CP` → `30/ND-CP`,
 * `45/2019/QH14` → `45/2019/QH14`).
 */
export function numberKey(number: string): string {
  const folded = fold(number);
  const party = new RegExp(PARTY_NUMBER.source).exec(folded);
  if (party) return key(party[1] as string, party[2] as string, party[3] as string);
  const law = new RegExp(LAW_NUMBER.source, 'i').exec(folded);
  if (law) return lawKey(law[1] as string, law[2] as string, law[3] as string);
  const state = new RegExp(`^${STATE_NUMBER.source}$`).exec(folded.trim());
  if (state) return stateKey(state[1] as string, state[3] as string, state[4] as string);
  return folded.toUpperCase().replace(/\s+/g, '');
}

/** A type word and its number ("nghi quyet so 35"), not a date or a state number's serial ("chi thi 12/2021"). */
function typeWordNumber(words: RegExp): RegExp {
  return new RegExp(`\\b${words.source}\\s+(?:so\\s+)?(\\d{1,4})\\b(?!\\s*[-–/]\\s*\\d)`, 'g');
}

/** Every number key found in a text (full and partial keys), deduplicated, in order of appearance. */
export function findNumberKeys(text: string): string[] {
  const folded = fold(text);
  const keys: string[] = [];
  for (const m of folded.matchAll(PARTY_NUMBER)) {
    keys.push(key(m[1] as string, m[2] as string, m[3] as string), key(m[1] as string, m[2] as string));
  }
  for (const m of folded.matchAll(STATE_NUMBER)) keys.push(stateKey(m[1] as string, m[3] as string, m[4] as string));
  for (const m of folded.matchAll(LAW_NUMBER)) keys.push(lawKey(m[1] as string, m[2] as string, m[3] as string));
  const lower = folded.toLowerCase();
  for (const [words, code] of TYPE_WORDS) for (const m of lower.matchAll(typeWordNumber(words))) keys.push(key(m[1] as string, code));
  for (const m of folded.matchAll(CODE_THEN_NUMBER)) keys.push(key(m[2] as string, m[1] as string));
  return [...new Set(keys)];
}

/**
 * Where the first document number of a folded, lower-case text starts, its type word included ("chi thi 12",
 * "nq 35", "85-qd/tw"); -1 when it names none.
 */
export function numberStart(folded: string): number {
  const starts: number[] = [];
  const first = (re: RegExp) => {
    const m = new RegExp(re.source, 'i').exec(folded);
    if (m) starts.push(m.index);
  };
  first(PARTY_NUMBER);
  first(STATE_NUMBER);
  first(LAW_NUMBER);
  first(CODE_THEN_NUMBER);
  for (const [words] of TYPE_WORDS) first(typeWordNumber(words));
  return starts.length > 0 ? Math.min(...starts) : -1;
}
