/**
 * The words of a body's name, each with its folded form (no accents, lower case) and the way it was written,
 * with the common abbreviations spelled out: `TU` Tỉnh ủy, `ĐUK` Đảng ủy Khối, `BTG` Ban Tuyên giáo, `MTTQ` Mặt
 * trận Tổ quốc, `tp` thành phố … Parsing works on the folded forms, so a name typed without accents reads the same.
 */
import { exactView, foldedView, hasDiacritics, nfc } from '../text/normalize.ts';

/** One word of a name. */
export interface NameToken {
  /** Folded: `Tỉnh` → `tinh`. */
  fold: string;
  /** Lower case with accents (one tone placement), or null when the name was typed without any: `quản` is not `quận`. */
  exact: string | null;
  /** As written (or as the abbreviation spells out). */
  text: string;
  /** What separated it from the word before: `' '`, `' - '`, `', '`. */
  sep: string;
}

/** Abbreviations of body names, by folded form. */
const ABBREVIATIONS: Record<string, string> = {
  tu: 'Tỉnh ủy',
  hu: 'Huyện ủy',
  thu: 'Thành ủy',
  qu: 'Quận ủy',
  du: 'Đảng ủy',
  duk: 'Đảng ủy Khối',
  db: 'Đảng bộ',
  btg: 'Ban Tuyên giáo',
  btgtu: 'Ban Tuyên giáo Tỉnh ủy',
  btghu: 'Ban Tuyên giáo Huyện ủy',
  btc: 'Ban Tổ chức',
  bdv: 'Ban Dân vận',
  btv: 'Ban Thường vụ',
  bch: 'Ban Chấp hành',
  ubkt: 'Ủy ban Kiểm tra',
  mttq: 'Mặt trận Tổ quốc',
  ubmttq: 'Ủy ban Mặt trận Tổ quốc',
  ubnd: 'Ủy ban nhân dân',
  tw: 'Trung ương',
  tp: 'thành phố',
  tx: 'thị xã',
  tt: 'thị trấn',
  hcm: 'Hồ Chí Minh',
  tphcm: 'thành phố Hồ Chí Minh',
};

/**
 * Abbreviations that are also ordinary syllables (`tu`, `hu`, `du` …): spelled out only when written in capitals
 * or as the first word of a typed name ("tu bac kan"), never inside a place name ("xã Tú Sơn").
 */
const SYLLABLE_LIKE = new Set(['tu', 'hu', 'thu', 'qu', 'du', 'duk', 'db', 'tt', 'tw']);

function separator(raw: string): string {
  if (/[-–]/u.test(raw)) return ' - ';
  if (/,/u.test(raw)) return ', ';
  return ' ';
}

function expand(word: string, fold: string, first: boolean): string | null {
  const spelled = ABBREVIATIONS[fold];
  if (!spelled) return null;
  const capitals = word.length >= 2 && word === word.toUpperCase();
  if (SYLLABLE_LIKE.has(fold) && !capitals && !first) return null;
  return spelled;
}

/** The words of `name`, abbreviations spelled out. */
export function nameTokens(name: string): NameToken[] {
  const text = nfc(name).replace(/\bTP\.\s*/gu, 'TP ');
  const out: NameToken[] = [];
  let last = 0;
  let afterAbbreviation = false;
  // A name written with accents is read with them throughout (`Cơ quan` is no `quận`); one typed without, by letters.
  const accented = hasDiacritics(text);
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const word = m[0];
    const sep = separator(text.slice(last, m.index));
    last = (m.index ?? 0) + word.length;
    const fold = foldedView(word);
    // A syllable-like abbreviation after another one is one too: `btg tu` is Ban Tuyên giáo Tỉnh ủy.
    const spelled = expand(word, fold, out.length === 0 || afterAbbreviation);
    afterAbbreviation = spelled !== null;
    if (spelled === null) {
      out.push({ fold, exact: accented ? exactView(word) : null, text: word, sep });
      continue;
    }
    spelled.split(' ').forEach((part, i) => out.push({ fold: foldedView(part), exact: exactView(part), text: part, sep: i === 0 ? sep : ' ' }));
  }
  return out;
}

/** The tokens written out again: `Cơ quan - Doanh nghiệp`. */
export function joinTokens(tokens: NameToken[]): string {
  return tokens.map((t, i) => (i === 0 ? t.text : t.sep + t.text)).join('');
}

/** The folded words joined by spaces: the form keys and matching use. */
export function foldTokens(tokens: NameToken[]): string {
  return tokens.map((t) => t.fold).join(' ');
}

/**
 * True when the token is `word` (written with accents, lower case): the same accents when the token has any,
 * the same letters when it was typed without.
 */
export function isWord(token: NameToken | undefined, word: string): boolean {
  if (!token) return false;
  return token.exact === null ? token.fold === foldedView(word) : token.exact === exactView(word);
}

/** True when the phrase `words` (accented, lower case) stands at `at`. */
export function phraseAt(tokens: NameToken[], at: number, words: string[]): boolean {
  return words.every((w, k) => isWord(tokens[at + k], w));
}

/** Index of the first place where the phrase `words` starts, at or after `from`; -1 when none. */
export function findPhrase(tokens: NameToken[], words: string[], from = 0): number {
  for (let i = from; i + words.length <= tokens.length; i++) if (phraseAt(tokens, i, words)) return i;
  return -1;
}
