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
  pattern: RegExp;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One tone placement, case kept: a province is a proper name ("diễn biến hòa bình" is not Hòa Bình). */
function view(text: string): string {
  return canonicalTones(nfc(text));
}

/** Matches a name as written or in capitals, whole syllables only, any dash and spacing in "Bà Rịa - Vũng Tàu". */
function matcher(name: string): Matcher {
  const written = [name, ...(VARIANTS[name] ?? [])];
  const spellings = [...written, ...written.map((s) => s.toUpperCase())].map((s) =>
    escape(view(s)).replace(/ - /g, '\\s*[-–]\\s*').replace(/ /g, '\\s+'),
  );
  return { name, pattern: new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${spellings.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu') };
}

// "Thừa Thiên Huế" before "Huế", so the longer name is counted and the shorter one not counted twice.
const MATCHERS = PROVINCES.map(matcher).sort((a, b) => b.name.length - a.name.length);

/** Province mentions in `text`, by name (a longer name hides the shorter one it contains). */
function mentions(text: string): Map<string, number> {
  let rest = view(text);
  const counts = new Map<string, number>();
  for (const m of MATCHERS) {
    let n = 0;
    rest = rest.replace(m.pattern, () => {
      n++;
      return ' ';
    });
    if (n > 0) counts.set(m.name, n);
  }
  return counts;
}

/** The one province a short text names (issuer, title); null when none or several. */
function namedIn(text: string | null): string | null {
  if (!text) return null;
  const found = [...mentions(text).keys()];
  return found.length === 1 ? (found[0] as string) : null;
}

/** The province named most often in the body, when it clearly leads (a tie names no one). */
function leadingIn(body: string): string | null {
  const ranked = [...mentions(body)].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return null;
  return first[0];
}

/** Infers the place of a directive whose header names none. */
export function inferPlace(issuer: string | null, title: string, body: string): string | null {
  return namedIn(issuer) ?? namedIn(title) ?? leadingIn(body);
}
