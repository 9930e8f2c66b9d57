import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../src/core/types.ts';
import { parseDocument } from '../../ingestion/parse-document.ts';

const DIR = join(import.meta.dirname, '../../data/documents');

function parse(source: string): ParsedDocument {
  return parseDocument({ source, text: readFileSync(join(DIR, source), 'utf8'), contentHash: 'test' });
}

const squash = (text: string) => text.replace(/\s+/gu, ' ');

interface Expected {
  source: string;
  type: string;
  number: string | null;
  year: number;
  issuer: string;
  /** Inferred from the issuer, title or body: none of the copies kept its place-date line. */
  place: string | null;
  labels: string[];
}

const EXPECTED: Expected[] = [
  {
    source: '2021-ke-hoach-12-kh-du-tuyen-truyen-sau-dai-hoi-xiii.txt',
    type: 'Kế hoạch',
    number: '12-KH/ĐU',
    year: 2021,
    issuer: 'Đảng ủy Ban Quản lý Khu kinh tế',
    place: null,
    labels: ['', 'I', 'I.1', 'I.2', 'II', 'II.1', 'II.1.1.1', 'II.1.1.2', 'II.2', 'II.2.2.1', 'II.2.2.2', 'II.2.2.3', 'II.2.2.4', 'III', 'III.1', 'III.2', 'III.3'],
  },
  {
    source: '2022-ke-hoach-dang-uy-khoi-lao-cai-de-an-17.txt',
    type: 'Kế hoạch',
    number: null,
    year: 2022,
    issuer: 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh',
    place: 'Lào Cai',
    labels: ['', 'I', 'II', 'II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'III', 'III.1', 'III.2', 'III.3', 'III.4'],
  },
  {
    source: '2022-ke-hoach-mttq-tra-vinh-tuyen-truyen-xay-dung-dang.txt',
    type: 'Kế hoạch',
    number: null,
    year: 2022,
    issuer: 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh',
    place: 'Trà Vinh',
    labels: ['', 'I', 'II', 'II.1', 'II.2', 'III', 'III.1', 'III.2', 'III.3'],
  },
  {
    source: '2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt',
    type: 'Hướng dẫn',
    number: null,
    year: 2023,
    issuer: 'Thành ủy Bắc Kạn',
    place: 'Bắc Kạn',
    labels: ['', 'I', 'I.1', 'I.2', 'II', 'II.1', 'II.2', 'II.3', 'II.4', 'III', 'III.1', 'III.2', 'III.3', 'III.4', 'IV', 'IV.1', 'IV.2', 'IV.3', 'IV.4', 'IV.5'],
  },
  {
    source: '2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt',
    type: 'Kế hoạch',
    number: null,
    year: 2023,
    issuer: 'Ban Thường vụ Huyện ủy',
    place: null,
    labels: ['', 'I', 'II', 'II.1', 'II.2', 'III', 'III.1', 'III.2', 'III.3', 'IV', 'IV.1', 'IV.2', 'IV.3', 'IV.4', 'IV.5', 'IV.6'],
  },
];

describe.each(EXPECTED)('$source', (expected) => {
  const doc = parse(expected.source);

  it('detects type, number, year, issuer and place', () => {
    expect(doc.metadata.type).toBe(expected.type);
    expect(doc.metadata.number).toBe(expected.number);
    expect(doc.metadata.year).toBe(expected.year);
    expect(doc.metadata.issuer).toBe(expected.issuer);
    expect(doc.metadata.place).toBe(expected.place);
  });

  it('finds the full ordered list of section labels', () => {
    expect(doc.sections.map((s) => s.label)).toEqual(expected.labels);
    expect(doc.sections.map((s) => s.order)).toEqual(expected.labels.map((_l, i) => i));
  });

  it('keeps every body a verbatim substring of the repaired text', () => {
    const text = squash(doc.text);
    for (const s of doc.sections) expect(text.includes(squash(s.body)), `body of ${s.label}`).toBe(true);
  });

  it('keeps the closing block and the signer out of every section', () => {
    for (const s of doc.sections) {
      expect(s.body).not.toContain('Nơi nhận');
      expect(s.body).not.toMatch(/T\/M /u);
      if (doc.metadata.signer) expect(s.body).not.toContain(doc.metadata.signer);
    }
  });

  it('sets parents and levels consistently', () => {
    const byLabel = new Map(doc.sections.map((s) => [s.label, s]));
    for (const s of doc.sections) {
      if (s.label === '') expect(s.level).toBe(0);
      else if (s.parentLabel === null) expect(s.level).toBe(1);
      else expect(s.level).toBe(byLabel.get(s.parentLabel)!.level + 1);
    }
  });
});

function section(doc: ParsedDocument, label: string) {
  const found = doc.sections.find((s) => s.label === label);
  if (!found) throw new Error(`no section ${label}`);
  return found;
}

describe('bundled documents: bodies, headings and metadata details', () => {
  const y2021 = parse(EXPECTED[0]!.source);
  const laoCai = parse(EXPECTED[1]!.source);
  const mttq = parse(EXPECTED[2]!.source);
  const bacKan = parse(EXPECTED[3]!.source);
  const hu = parse(EXPECTED[4]!.source);

  it('repairs page breaks inside the right sections', () => {
    expect(section(laoCai, 'II.2').body).toContain('của các cơ quan, doanh ngiệp, các tổ chức đoàn thể');
    expect(section(hu, 'II.1').body).toContain('Chương trình hành động số 05-CTr/TU ngày 14/5/2021');
    expect(section(y2021, 'II.1.1.1').body).toContain('Kỳ họp thứ 11 Quốc hội khoá XIV; trong đó');
    expect(section(bacKan, 'II.1').body).toContain('Ban Chấp hành Trung ương về đẩy mạnh xây dựng');
    expect(section(bacKan, 'IV.2').body).toContain('giải báo chí về chủ đề xây dựng Đảng');
  });

  it('reads numbered paragraphs with a lead and without one', () => {
    const iv1 = section(hu, 'IV.1');
    expect(iv1.heading).toBe('Ban Tổ chức Huyện uỷ');
    expect(iv1.body.startsWith('Theo dõi, đôn đốc các cấp ủy')).toBe(true);
    expect(section(hu, 'IV.5').heading).toBe('Các tổ chức cơ sở đảng trực thuộc Huyện ủy');
    const iii1 = section(laoCai, 'III.1');
    expect(iii1.heading.length).toBeLessThanOrEqual(80);
    expect(iii1.heading.endsWith('…')).toBe(true);
    expect(iii1.body).toBe(
      'Ban Thường vụ Đảng ủy Khối lãnh đạo, chỉ đạo, kiểm tra, đôn đốc các chi, đảng bộ cơ sở tổ chức triển khai thực hiện tốt các nội dung nêu trên.',
    );
    expect(section(hu, 'II').heading).toBe('NỘI DUNG TUYÊN TRUYỀN (có đề cương kèm theo)');
    expect(section(mttq, 'II.1').heading).toBe('Nội dung tuyên truyền trọng tâm');
  });

  it('keeps the wrap-up sentence and the opening in their places', () => {
    for (const s of laoCai.sections) expect(s.body).not.toContain('Trên đây là Kế hoạch');
    expect(section(hu, '').body.startsWith('Thực hiện Kế hoạch số 114-KH/BTCTW')).toBe(true);
    expect(section(hu, '').heading).toBe('');
  });

  it('reads title, signer and role', () => {
    expect(hu.metadata.title).toBe('thông tin, tuyên truyền về công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2023');
    expect(hu.metadata.signer).toBe('Nguyễn Đình Thuận');
    expect(hu.metadata.signerRole).toBe('T/M BAN THƯỜNG VỤ – PHÓ BÍ THƯ');
    expect(y2021.metadata.title).toBe('đẩy mạnh công tác tuyên truyền sau Đại hội đại biểu toàn quốc lần thứ XIII của Đảng');
    expect(mttq.metadata.title).toBe('Thông tin, tuyên truyền công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2022');
    expect(mttq.metadata.signer).toBeNull();
  });

  it('records where the year came from', () => {
    expect(hu.metadata.yearSource).toBe('title');
    expect(laoCai.metadata.yearSource).toBe('title');
    expect(y2021.metadata.yearSource).toBe('references');
    expect(bacKan.metadata.yearSource).toBe('references');
  });

  it('indexes cited documents by section', () => {
    const ref114 = hu.references.find((r) => r.number === '114-KH/BTCTW');
    expect(ref114).toMatchObject({ sectionLabel: '', date: '2023-04-21', type: 'Kế hoạch', issuer: 'Ban Tổ chức Trung ương' });
    expect(ref114!.text).toBe('Kế hoạch số 114-KH/BTCTW ngày 21/4/2023 của Ban Tổ chức Trung ương');
    const where = (doc: ParsedDocument, number: string) => doc.references.filter((r) => r.number === number).map((r) => r.sectionLabel);
    expect(where(bacKan, '85-QĐ/TW')).toEqual(['IV.1', 'IV.5']);
    expect(where(hu, '35-NQ/TW')).toEqual(['II.1']);
    expect(where(mttq, '35-NQ/TW')).toEqual(['II.1']);
    expect(where(hu, '05-CTr/TU')).toEqual(['II.1']);
    expect(where(bacKan, '08-QĐi/TW')).toEqual(['II.1']);
    const nq35 = mttq.references.find((r) => r.number === '35-NQ/TW');
    expect(nq35).toMatchObject({ type: 'Nghị quyết', date: '2018-10-22', issuer: 'Bộ Chính trị' });
    expect(nq35!.text).toBe('Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị khóa XII');
    expect(mttq.references.find((r) => r.number === '81/HD-MTTW-BTT')).toMatchObject({
      type: 'Hướng dẫn',
      issuer: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
      date: '2022-04-05',
    });
    expect(laoCai.references.find((r) => r.number === '17-ĐA/TU')).toMatchObject({ type: 'Đề án', date: '2020-12-11', issuer: 'Tỉnh ủy' });
    expect(y2021.references.find((r) => r.number === '09-KH/ĐU')!.text).toBe('Kế hoạch 09-KH/ĐU ngày 26/4/2021 của Đảng ủy Ban Quản lý Khu kinh tế');
  });

  it('warns about what is missing', () => {
    expect(hu.warnings).toContain('Không có số văn bản');
    expect(y2021.warnings).not.toContain('Không có số văn bản');
    expect(y2021.warnings).not.toContain('Không tìm thấy năm của văn bản');
  });
});
