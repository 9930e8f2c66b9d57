/**
 * The province a directive belongs to, when its header has no "Bắc Kạn, ngày …" line: the corpus copies of
 * provincial plans often lose the header, yet users ask "Trà Vinh làm gì…". Looked for in the issuer, then
 * the title, then the body (the province named most often, if one clearly leads). An admin can correct it.
 */
import { canonicalTones, nfc } from '../src/text/normalize.ts';

/** The 63 provinces and centrally-run cities (as named before the 2025 mergers), plus Huế. */
const PROVINCES = [
  'Hà Nội', 'Thành phố Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế',
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre', 'Bình Định',
  'Bình Dương', 'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên',
  'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Tĩnh', 'Hải Dương', 'Hậu Giang', 'Hòa Bình',
  'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Long An',
  'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam',
  'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên',
  'Thanh Hóa', 'Thừa Thiên Huế', 'Tiền Giang', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
];

/** Spellings seen in real text that differ from the list. */
const VARIANTS: Record<string, string[]> = {
  'Bắc Kạn': ['Bắc Cạn'],
  'Đắk Lắk': ['Đắc Lắc', 'Dak Lak'],
  'Đắk Nông': ['Đắc Nông'],
  'Kon Tum': ['Kontum'],
  // "tư tưởng Hồ Chí Minh" is no place: the city only counts with its prefix.
  'Thành phố Hồ Chí Minh': ['TP. Hồ Chí Minh', 'TP Hồ Chí Minh', 'TP.HCM', 'TP. HCM', 'TPHCM'],
};

interface Matcher {
  name: string;
  /** As written (Title Case). */
  written: RegExp;
  /** In capitals, as issuer lines and titles are often set ("TỈNH ỦY BẮC KẠN"). */
  capitals: RegExp;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One tone placement, case kept: a province is a proper name ("diễn biến hòa bình" is not Hòa Bình). */
function view(text: string): string {
  return canonicalTones(nfc(text));
}

/** Whole syllables only, any dash and spacing inside "Bà Rịa - Vũng Tàu". */
function pattern(spellings: string[]): RegExp {
  const alternatives = spellings.map((s) => escape(view(s)).replace(/ - /g, '\\s*[-–]\\s*').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
}

function matcher(name: string): Matcher {
  const written = [name, ...(VARIANTS[name] ?? [])];
  return { name, written: pattern(written), capitals: pattern(written.map((s) => s.toUpperCase())) };
}

// "Thừa Thiên Huế" before "Huế", so the longer name is counted and the shorter one not counted twice.
const MATCHERS = PROVINCES.map(matcher).sort((a, b) => b.name.length - a.name.length);

/** Words that may stand capitalised right before a province name ("Tỉnh Lào Cai", "Thành phố Huế"). */
const BEFORE_NAME = new Set(['Tỉnh', 'Thành', 'Phố', 'Huyện', 'Quận', 'Thị', 'Xã', 'Ủy', 'Uỷ', 'Trận', 'Đảng', 'Bộ', 'Khối']);
const TITLE_WORD = /^\p{Lu}\p{Ll}/u;

/**
 * A match inside a longer proper name is no province: "Điện Biên Phủ" (a capitalised word follows) and
 * "Thái Bình Dương" (one precedes that is not an administrative word).
 */
function insideLongerName(text: string, at: number, length: number): boolean {
  // Only a word joined by spaces counts: after "Sóc Trăng, " the next name starts afresh.
  const next = /^\s+([\p{L}\p{M}]+)/u.exec(text.slice(at + length))?.[1] ?? '';
  const previous = /(?<![^\s])([\p{L}\p{M}]+)\s+$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1] ?? '';
  return TITLE_WORD.test(next) || (TITLE_WORD.test(previous) && !BEFORE_NAME.has(previous));
}

/** Province mentions in `text`, by name (a longer name hides the shorter one it contains). */
function mentions(text: string, withCapitals: boolean): Map<string, number> {
  let rest = view(text);
  const counts = new Map<string, number>();
  for (const m of MATCHERS) {
    let n = 0;
    const count = (found: string, at: number, all: string) => {
      if (!insideLongerName(all, at, found.length)) n++;
      return ' '.repeat(found.length);
    };
    rest = rest.replace(m.written, count);
    if (withCapitals) rest = rest.replace(m.capitals, count);
    if (n > 0) counts.set(m.name, n);
  }
  return counts;
}

/** The one province a short text names; null when none or several. Capitals count in an issuer line only. */
function namedIn(text: string | null, withCapitals: boolean): string | null {
  if (!text) return null;
  const found = [...mentions(text, withCapitals).keys()];
  return found.length === 1 ? (found[0] as string) : null;
}

/** The province named most often in the body (as written, not in capitals), when it clearly leads. */
function leadingIn(body: string): string | null {
  const ranked = [...mentions(body, false)].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return null;
  return first[0];
}

/** Infers the place of a directive whose header names none. */
export function inferPlace(issuer: string | null, title: string, body: string): string | null {
  return namedIn(issuer, true) ?? namedIn(title, false) ?? leadingIn(body);
}
