/**
 * Synthetic collections for the benchmark, built by recombining the real parts (I., II., …) of the bundled
 * documents under new headers: a new number, issuer, place, year (2015–2026), title and opening sentence.
 * Years inside the borrowed parts are shifted by the same amount and the real place names are replaced, so a
 * synthetic document is internally consistent. Deterministic for a given seed.
 */

/** A real document: its file name and text. */
export interface SourceDocument {
  name: string;
  text: string;
}

/** A generated document, ready for `ingestFile`. */
export interface SyntheticDocument {
  name: string;
  text: string;
  year: number;
}

interface Part {
  heading: string;
  body: string;
  sourceYear: number;
  /** Position of the part in its document (0 = I). */
  index: number;
}

/** A Roman top-level heading as written in the bundled files: `I.`, `I -`, `I.  `, `II. NỘI DUNG`. */
const ROMAN_HEADING = /^[ \t]*([IVX]{1,4})[ \t]*[.\-–][ \t]+(\S.*)$/u;
/** Place names of the real documents; synthetic documents must not claim them. */
const REAL_PLACES = ['Bắc Kạn', 'Lào Cai', 'Trà Vinh'];
const FIRST_YEAR = 2015;
const LAST_YEAR = 2026;

const PLACES = [
  'Cao Bằng', 'Hà Giang', 'Tuyên Quang', 'Yên Bái', 'Sơn La', 'Điện Biên', 'Lai Châu', 'Hòa Bình', 'Phú Thọ',
  'Thái Nguyên', 'Lạng Sơn', 'Quảng Ninh', 'Ninh Bình', 'Nghệ An', 'Hà Tĩnh', 'Quảng Bình', 'Quảng Trị',
  'Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Lâm Đồng', 'Bình Phước', 'Tây Ninh', 'Long An', 'Bến Tre', 'Sóc Trăng',
  'Bạc Liêu', 'Cà Mau', 'Hậu Giang', 'An Giang',
];

/**
 * Invented districts and communes under the synthetic provinces (none is a province's name, so the place of a
 * document stays its province): a province's collection holds plans of its huyện and their xã, not only its own.
 */
const DISTRICTS = ['Bình Sơn', 'Tân Phú', 'Yên Lạc', 'Đồng Xuân', 'Hòa An', 'Phú Lương', 'Thạch Bàn', 'Vĩnh Thạnh'];
const COMMUNES = ['Tân Lập', 'Quang Trung', 'Hồng Phong', 'Minh Khai', 'Đông Hòa', 'Kim Đồng'];

/** Where a synthetic body is: its province, and a district and commune in it (used by huyện and xã bodies). */
interface Locality {
  province: string;
  district: string;
  commune: string;
}

/**
 * Issuing bodies: the name pattern, the code after the slash in the number, and the body the plan implements.
 * Bumped with SYNTHETIC_VERSION when it changes, so a stored collection of another generator is rebuilt.
 */
const ISSUERS = [
  { name: (l: Locality) => `Tỉnh ủy ${l.province}`, code: 'TU', body: 'Ban Thường vụ Tỉnh ủy' },
  { name: (l: Locality) => `Thành ủy ${l.province}`, code: 'ThU', body: 'Ban Thường vụ Thành ủy' },
  { name: (l: Locality) => `Huyện ủy huyện ${l.district} tỉnh ${l.province}`, code: 'HU', body: 'Ban Thường vụ Tỉnh ủy' },
  { name: (l: Locality) => `Đảng ủy xã ${l.commune} huyện ${l.district} tỉnh ${l.province}`, code: 'ĐU', body: 'Ban Thường vụ Huyện ủy' },
  { name: (l: Locality) => `Đảng ủy Khối các cơ quan tỉnh ${l.province}`, code: 'ĐUK', body: 'Ban Thường vụ Đảng ủy Khối' },
  { name: (l: Locality) => `Ban Tuyên giáo Tỉnh ủy ${l.province}`, code: 'BTGTU', body: 'Ban Tuyên giáo Tỉnh ủy' },
  { name: (l: Locality) => `Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh ${l.province}`, code: 'MTTQ-BTT', body: 'Ban Thường trực' },
];

/** The generator's version: stored collections record it and are rebuilt when it changes. */
export const SYNTHETIC_VERSION = 2;

const TYPES = [
  { word: 'KẾ HOẠCH', code: 'KH', verb: 'xây dựng kế hoạch thực hiện như sau' },
  { word: 'HƯỚNG DẪN', code: 'HD', verb: 'hướng dẫn triển khai thực hiện như sau' },
  { word: 'CHƯƠNG TRÌNH', code: 'CTr', verb: 'xây dựng chương trình thực hiện như sau' },
];

const TOPICS = [
  'thông tin, tuyên truyền về công tác xây dựng Đảng, xây dựng hệ thống chính trị',
  'đẩy mạnh công tác tuyên truyền, giáo dục chính trị tư tưởng',
  'tuyên truyền kỷ niệm các ngày lễ lớn, sự kiện lịch sử quan trọng',
  'nâng cao hiệu quả công tác dân vận và tuyên truyền miệng',
  'đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng',
  'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
];

/** Mulberry32: a small, fast, seedable generator (the benchmark needs repeatability, not cryptography). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** The year a real document is for: the one in its file name (`2023-…`), else its most frequent year. */
function yearOf(doc: SourceDocument): number {
  const fromName = /^(20\d{2})-/.exec(doc.name)?.[1];
  if (fromName) return Number(fromName);
  const counts = new Map<string, number>();
  for (const m of doc.text.matchAll(/\b20\d{2}\b/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ? Number(best) : 2023;
}

/** Splits a document into its Roman-numbered parts (the opening before part I is left out). */
export function splitParts(doc: SourceDocument): Part[] {
  const sourceYear = yearOf(doc);
  const parts: Part[] = [];
  let current: { heading: string; lines: string[] } | null = null;
  const flush = () => {
    if (current) parts.push({ heading: current.heading, body: current.lines.join('\n').trim(), sourceYear, index: parts.length });
  };
  for (const line of doc.text.split('\n')) {
    const m = ROMAN_HEADING.exec(line);
    if (m) {
      flush();
      current = { heading: (m[2] as string).trim(), lines: [] };
    } else current?.lines.push(line);
  }
  flush();
  return parts;
}

function roman(n: number): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n + 1);
}

/** Shifts every year 2000–2039 by `delta` and replaces the real place names. */
function adapt(text: string, delta: number, place: string): string {
  let out = text.replace(/\b(20[0-3]\d)\b/g, (y) => String(Number(y) + delta));
  for (const real of REAL_PLACES) out = out.split(real).join(place);
  return out;
}

/**
 * Generates `count` documents. Part k of each is taken from a random real document that has a part k (so the
 * usual order purpose → content → form → organisation is kept), 3 to 5 parts per document.
 */
export function generateSyntheticCorpus(sources: SourceDocument[], count: number, seed = 20260101): SyntheticDocument[] {
  const random = seededRandom(seed);
  const partsBySource = sources.map(splitParts).filter((p) => p.length > 0);
  if (partsBySource.length === 0) throw new Error('no Roman-numbered parts found in the source documents');
  const docs: SyntheticDocument[] = [];
  for (let i = 0; i < count; i++) {
    const year = FIRST_YEAR + Math.floor(random() * (LAST_YEAR - FIRST_YEAR + 1));
    const place = pick(random, PLACES);
    const issuer = pick(random, ISSUERS);
    const locality = { province: place, district: pick(random, DISTRICTS), commune: pick(random, COMMUNES) };
    const type = pick(random, TYPES);
    const topic = pick(random, TOPICS);
    const number = 1 + Math.floor(random() * 250);
    const parent = 1 + Math.floor(random() * 200);
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const partCount = 3 + Math.floor(random() * 3);
    const body: string[] = [];
    for (let k = 0; k < partCount; k++) {
      const withK = partsBySource.filter((p) => p.length > k);
      const part = withK.length > 0 ? (pick(random, withK)[k] as Part) : pick(random, pick(random, partsBySource));
      body.push(`${roman(k)}. ${adapt(part.heading, year - part.sourceYear, place)}\n\n${adapt(part.body, year - part.sourceYear, place)}`);
    }
    const issuerName = issuer.name(locality);
    const text = [
      `Số: ${number}-${type.code}/${issuer.code}`,
      `${place}, ngày ${day} tháng ${month} năm ${year}`,
      '',
      type.word,
      `${topic} năm ${year}`,
      '',
      `Thực hiện Kế hoạch số ${parent}-KH/TU ngày ${day}/${month}/${year} của ${issuer.body} tỉnh ${place} về ${topic} năm ${year}, ${issuerName} ${type.verb}:`,
      '',
      body.join('\n\n'),
      '',
    ].join('\n');
    docs.push({ name: `synthetic-${String(i + 1).padStart(5, '0')}-${year}.txt`, text, year });
  }
  return docs;
}
