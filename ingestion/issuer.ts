/**
 * Who issued a document. A Party directive names its body in the trích yếu (`của Ban Thường vụ Tỉnh ủy về …`),
 * in its opening sentence (`…, Đảng ủy Khối xây dựng kế hoạch …`), in its number (`/HU` Huyện ủy) or in the
 * signature (`T/M BAN THƯỜNG VỤ`); the locality it belongs to stands in the header (`TỈNH ỦY LÂM GIANG`). A state
 * document names its body in the header's first lines (`QUỐC HỘI`, `BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH`) and in its
 * number (`/NĐ-CP`, `/QH14`).
 */
import type { ParsedSection } from '../src/core/types.ts';
import { docNumberParts } from '../src/text/doc-number.ts';

const ISSUER_VERB = /\s(?:xây dựng|hướng dẫn|ban hành|triển khai|đề ra|thông báo|chỉ đạo|yêu cầu)(?!\p{L})/gu;
const OPENING_WORDS = /^(?:Thực hiện|Căn cứ)(?!\p{L})/u;
const MAX_ISSUER_WORDS = 14;
const ROLE_LINE = /^(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.)\s*\S/u;
/** `của Ban Thường vụ Tỉnh ủy về …`, `kết luận của Thường trực Tỉnh ủy tại …` at the start of a trích yếu. */
const TITLE_ISSUER = /^(?:kết luận |ý kiến chỉ đạo )?của\s+(\p{Lu}[^()]*?)\s*(?:\(|\s(?:về|tại|với)\s)/u;
const NATIONAL_LINES = /ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc/gu;

/**
 * Party issuer codes whose body is unambiguous (used only when the text names no issuer). `TW` is left out: it
 * covers the Central Committee, the Politburo and the Secretariat alike.
 */
const PARTY_ISSUER_BY_CODE: Record<string, string> = {
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

/** State issuer codes (`/NĐ-CP`, `/TT-BVHTTDL`, `/VBHN-VPQH`). */
const STATE_ISSUER_BY_CODE: Record<string, string> = {
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
  VPQH: 'Văn phòng Quốc hội',
  VPCP: 'Văn phòng Chính phủ',
  BGDĐT: 'Bộ Giáo dục và Đào tạo',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  BTC: 'Bộ Tài chính',
  BNV: 'Bộ Nội vụ',
  BCA: 'Bộ Công an',
  BQP: 'Bộ Quốc phòng',
  BYT: 'Bộ Y tế',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BLĐTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  BTP: 'Bộ Tư pháp',
  BKHĐT: 'Bộ Kế hoạch và Đầu tư',
  BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn',
  BTNMT: 'Bộ Tài nguyên và Môi trường',
  BXD: 'Bộ Xây dựng',
  BGTVT: 'Bộ Giao thông vận tải',
  BKHCN: 'Bộ Khoa học và Công nghệ',
  BCT: 'Bộ Công Thương',
  BNG: 'Bộ Ngoại giao',
  NHNN: 'Ngân hàng Nhà nước Việt Nam',
};

/** Header organs whose capitalisation no rule gives. */
const KNOWN_ORGANS: Record<string, string> = {
  'QUỐC HỘI': 'Quốc hội',
  'CHÍNH PHỦ': 'Chính phủ',
  'ỦY BAN THƯỜNG VỤ QUỐC HỘI': 'Ủy ban Thường vụ Quốc hội',
  'UỶ BAN THƯỜNG VỤ QUỐC HỘI': 'Ủy ban Thường vụ Quốc hội',
  'VĂN PHÒNG QUỐC HỘI': 'Văn phòng Quốc hội',
  'VĂN PHÒNG CHÍNH PHỦ': 'Văn phòng Chính phủ',
  'THỦ TƯỚNG CHÍNH PHỦ': 'Thủ tướng Chính phủ',
  'CHỦ TỊCH NƯỚC': 'Chủ tịch nước',
  'NGÂN HÀNG NHÀ NƯỚC VIỆT NAM': 'Ngân hàng Nhà nước Việt Nam',
  'TÒA ÁN NHÂN DÂN TỐI CAO': 'Tòa án nhân dân tối cao',
  'VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO': 'Viện kiểm sát nhân dân tối cao',
};

/** The level word an issuer ends with, and how the header names a unit of that level (`TỈNH ỦY LÂM GIANG`). */
const LEVELS: Array<[RegExp, string]> = [
  [/(?:Tỉnh ủy|Tỉnh uỷ|tỉnh)$/u, 'TỈNH'],
  [/(?:Thành ủy|Thành uỷ|thành phố)$/u, 'THÀNH PHỐ|THÀNH'],
  [/(?:Huyện ủy|Huyện uỷ|huyện)$/u, 'HUYỆN'],
  [/(?:Quận ủy|Quận uỷ|quận)$/u, 'QUẬN'],
  [/(?:Thị ủy|Thị uỷ|thị xã)$/u, 'THỊ XÃ|THỊ'],
  [/(?:Đảng ủy|Đảng uỷ) (?:xã|phường)$|(?:^|\s)(?:xã|phường)$/u, 'XÃ|PHƯỜNG'],
];

/** `LÂM GIANG` → `Lâm Giang`. */
export function titleCase(upper: string): string {
  return upper.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());
}

/** `GIÁO DỤC` → `Giáo dục`. */
export function sentenceCase(upper: string): string {
  const lower = upper.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** `BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH` → `Bộ Văn hóa, Thể thao và Du lịch`; `ỦY BAN NHÂN DÂN TỈNH LÀO CAI` → … `tỉnh Lào Cai`. */
export function organName(upper: string): string {
  const known = KNOWN_ORGANS[upper];
  if (known) return known;
  const ministry = /^BỘ\s+(.+)$/u.exec(upper);
  if (ministry) {
    const parts = (ministry[1] as string).split(/(,\s*|\s+VÀ\s+|\s+-\s+)/u);
    return `Bộ ${parts.map((p, i) => (i % 2 === 1 ? p.toLowerCase() : sentenceCase(p))).join('')}`;
  }
  const people = /^(?:ỦY|UỶ) BAN NHÂN DÂN\s+(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\s+(.+)$/u.exec(upper);
  if (people) return `Ủy ban nhân dân ${(people[1] as string).toLowerCase()} ${titleCase(people[2] as string)}`;
  return sentenceCase(upper);
}

/** The header's capitalised lines before the number, with the national motto lines removed. */
function headerLines(titleBlock: string): string[] {
  const lines: string[] = [];
  for (const raw of titleBlock.split('\n')) {
    const line = raw.replace(NATIONAL_LINES, ' ').replace(/\s+/gu, ' ').trim();
    if (/^Số\b|^[\p{L} ]*số\s*:/iu.test(line)) break;
    if (/\p{Lu}{2}/u.test(line) && line === line.toUpperCase() && !/\d/u.test(line)) lines.push(line.replace(/[-–—_*=.\s]+$/u, ''));
  }
  return lines.filter(Boolean);
}

/** A state body from the header: `QUỐC HỘI`, `ỦY BAN NHÂN DÂN` + `TỈNH LÀO CAI`, else the last organ line. */
function stateOrganFromHeader(titleBlock: string): string | null {
  const lines = headerLines(titleBlock);
  if (lines.length === 0) return null;
  let first = lines[0] as string;
  // A long name wraps: `BỘ VĂN HÓA, THỂ THAO` / `VÀ DU LỊCH`, `ỦY BAN NHÂN DÂN` / `TỈNH LÀO CAI`.
  const next = lines[1];
  if (next && (/^(?:VÀ|-)\s/u.test(next) || /,$/u.test(first) || /^(?:ỦY|UỶ) BAN NHÂN DÂN$/u.test(first))) first = `${first} ${next}`;
  return organName(first);
}

/** The first word of a body's name: "Thể thao và Du lịch thống nhất" is the tail of a name a comma cut. */
const ORGAN_START =
  /^(?:Ban|Đảng|Tỉnh|Huyện|Thành|Quận|Thị|Xã|Phường|Ủy|Uỷ|Sở|Bộ|Hội|Đoàn|Mặt trận|Thường trực|Thường vụ|Chi bộ|Văn phòng|Công đoàn|Liên|Chính phủ|Quốc hội|Cục|Trung tâm|Phòng|Viện|Trường|Tổng|Cấp ủy|Đài|Báo|Hợp tác xã|Khối|Đại hội|Hội nghị)(?!\p{L})/u;

/** A numbered document after the verb: the opening tells who issued another text ("Bộ Chính trị ban hành Nghị quyết số 57"). */
const OTHER_DOCUMENT = /^\s*(?:Nghị quyết|Chỉ thị|Kết luận|Quyết định|Quy định|Hướng dẫn|Kế hoạch|Thông tri|Chương trình|Đề án|Luật|Nghị định|Thông tư)\s+(?:số\s+)?\d/u;

/**
 * `…, Đảng ủy Ban Quản lý Khu kinh tế xây dựng kế hoạch …` → `Đảng ủy Ban Quản lý Khu kinh tế`, read from the
 * opening's paragraphs in turn; a body that issued another, numbered text ("Ngày 22/12/2024, Bộ Chính trị ban hành
 * Nghị quyết số 57-NQ/TW …") is the one the document carries out, not its issuer.
 */
function issuerFromOpening(sections: ParsedSection[]): string | null {
  const paragraphs = (sections.find((s) => s.label === '')?.body ?? '').split('\n').filter((line) => line.trim() !== '');
  for (const sentence of paragraphs) {
    for (const verb of sentence.matchAll(ISSUER_VERB)) {
      const before = sentence.slice(0, verb.index);
      const subject = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1).trim();
      const words = subject.split(/\s+/u).length;
      const other = OTHER_DOCUMENT.test(sentence.slice((verb.index ?? 0) + verb[0].length));
      if (ORGAN_START.test(subject) && !/\d/u.test(subject) && !OPENING_WORDS.test(subject) && words <= MAX_ISSUER_WORDS && !other) {
        return subject;
      }
    }
  }
  return null;
}

/** `T/M BAN THƯỜNG VỤ` → `Ban thường vụ`. */
function issuerFromRole(closing: string): string | null {
  const role = closing.split('\n').map((l) => l.trim()).find((line) => ROLE_LINE.test(line));
  const organ = role?.replace(/^\S+\s*/u, '').toLowerCase();
  return organ ? organ.charAt(0).toUpperCase() + organ.slice(1) : null;
}

function issuerFromCode(number: string | null): string | null {
  const parts = number ? docNumberParts(number) : null;
  if (!parts) return null;
  if (parts.style === 'law') return parts.issuerCode.startsWith('UBTV') ? 'Ủy ban Thường vụ Quốc hội' : 'Quốc hội';
  if (parts.style === 'state') return STATE_ISSUER_BY_CODE[parts.issuerCode] ?? null;
  return PARTY_ISSUER_BY_CODE[parts.issuerCode] ?? null;
}

/**
 * `Ban Thường vụ Tỉnh ủy` + header `TỈNH ỦY LÂM GIANG` → `Ban Thường vụ Tỉnh ủy Lâm Giang`: an issuer that ends
 * with its level gets the unit's name from the header, else from the place-date line (never guessed from the body).
 */
function withLocality(issuer: string, titleBlock: string, place: string | null): string {
  const level = LEVELS.find(([ending]) => ending.test(issuer));
  if (!level) return issuer;
  const unit = new RegExp(`(?:^|\\s)(?:${level[1]})(?:\\s+(?:ỦY|UỶ))?\\s+(\\p{Lu}[\\p{Lu}\\s-]*)$`, 'u');
  for (const line of headerLines(titleBlock)) {
    const m = unit.exec(line);
    if (m) return `${issuer} ${titleCase((m[1] as string).trim())}`;
  }
  return place ? `${issuer} ${place}` : issuer;
}

/** What issuer detection reads. */
export interface IssuerInput {
  sections: ParsedSection[];
  number: string | null;
  title: string;
  titleBlock: string;
  closing: string;
  /** The place of the document's own place-date line, if any. */
  place: string | null;
  /** A state legal document (Luật, Nghị định, Thông tư …): the header names the issuer. */
  state: boolean;
}

/** The issuing body; null when the document names none. */
export function detectIssuer(input: IssuerInput): string | null {
  // A known state code names the body exactly (`/TT-BVHTTDL`); the header's capitals are the fallback.
  if (input.state) return issuerFromCode(input.number) ?? stateOrganFromHeader(input.titleBlock) ?? issuerFromRole(input.closing);
  const named = TITLE_ISSUER.exec(input.title)?.[1]?.trim() ?? issuerFromOpening(input.sections) ?? issuerFromCode(input.number);
  return named ? withLocality(named, input.titleBlock, input.place) : issuerFromRole(input.closing);
}

/** The trích yếu without its leading issuer (`của Ban Thường vụ Tỉnh ủy về X` → `về X`). */
export function withoutIssuer(title: string): string {
  const m = /^của\s+\p{Lu}[^()]*?(?:\s*\([^)]*\))?\s+(về\s.*)$/u.exec(title);
  return m ? (m[1] as string) : title;
}
