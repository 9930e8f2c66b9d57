/**
 * The five synthetic documents of ../shared/fixtures (copied into fixtures/layouts so the tests need nothing outside
 * the checkout): each parses to the labels listed in the fixtures' README, with the right type, number, issuer and
 * year. They are test data of invented localities, never bundled as directives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../src/core/types.ts';
import { parseDocument } from '../../ingestion/parse-document.ts';

const DIR = join(import.meta.dirname, 'fixtures/layouts');

function parse(source: string): ParsedDocument {
  return parseDocument({ source, text: readFileSync(join(DIR, source), 'utf8'), contentHash: 'fixture' });
}

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

interface Expected {
  source: string;
  type: string;
  number: string;
  /** The issuer must name this body (the README's table gives it in full). */
  issuer: string;
  year: number;
  issuedOn: string;
  labels: string[];
}

const EXPECTED: Expected[] = [
  {
    source: '2024-chi-thi-19-ct-tu-lam-giang-dai-hoi-dang-bo.txt',
    type: 'Chỉ thị',
    number: '19-CT/TU',
    issuer: 'Ban Thường vụ Tỉnh ủy Lâm Giang',
    year: 2024,
    issuedOn: '2024-07-26',
    labels: ['', '1', '2', '3', '3.a', '3.b', '3.c', '3.d', '3.đ', ...range('', 4, 9)],
  },
  {
    source: '2024-nghi-quyet-05-nq-hu-dong-son-ha-nong-nghiep.txt',
    type: 'Nghị quyết',
    number: '05-NQ/HU',
    issuer: 'Ban Chấp hành Đảng bộ huyện Đông Sơn Hà',
    year: 2024,
    issuedOn: '2024-04-18',
    labels: ['', 'I', 'I.1', 'I.2', 'II', 'II.1', 'II.2', 'II.2.2.1', 'II.2.2.2', 'II.2.2.2.a', 'II.2.2.2.b', 'III', ...range('III.', 1, 6), 'IV', ...range('IV.', 1, 5)],
  },
  {
    source: '2025-thong-bao-312-tb-tu-lam-giang-lam-viec-dong-son-ha.txt',
    type: 'Thông báo',
    number: '312-TB/TU',
    issuer: 'Tỉnh ủy Lâm Giang',
    year: 2025,
    issuedOn: '2025-04-22',
    labels: ['', '1', '2', '2.a', '2.b', '2.c', '2.d', '2.đ', '2.e', '3', '4'],
  },
  {
    source: '2025-ke-hoach-42-kh-duk-hai-lam-chuan-muc-dao-duc.txt',
    type: 'Kế hoạch',
    number: '42-KH/ĐUK',
    issuer: 'Ban Thường vụ Đảng ủy Khối Doanh nghiệp tỉnh Hải Lâm',
    year: 2025,
    issuedOn: '2025-01-06',
    labels: ['', 'I', 'I.1', 'I.2', 'II', ...range('II.', 1, 5), 'III', ...range('III.', 1, 5), 'Phụ lục', ...range('Phụ lục.', 1, 11)],
  },
  {
    source: '2026-huong-dan-04-hd-btgdvtu-lam-giang-ngay-le-lon.txt',
    type: 'Hướng dẫn',
    number: '04-HD/BTGDVTU',
    issuer: 'Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Giang',
    year: 2026,
    issuedOn: '2026-01-08',
    labels: ['', 'A', 'A.1', 'A.2', 'B', ...range('B.', 1, 5), 'C', ...range('C.', 1, 4), 'D', ...range('D.', 1, 5)],
  },
];

describe.each(EXPECTED)('$source', (expected) => {
  const doc = parse(expected.source);

  it('parses to the labels of the fixtures README', () => {
    expect(doc.sections.map((s) => s.label)).toEqual(expected.labels);
  });

  it('detects type, number, issuer, date and year', () => {
    expect(doc.metadata).toMatchObject({ type: expected.type, number: expected.number, year: expected.year, issuedOn: expected.issuedOn });
    expect(doc.metadata.issuer).toContain(expected.issuer);
  });

  it('keeps bodies verbatim and the signature out of every section', () => {
    const text = doc.text.replace(/\s+/gu, ' ');
    for (const s of doc.sections) {
      expect(text.includes(s.body.replace(/\s+/gu, ' ')), `body of ${s.label}`).toBe(true);
      expect(s.body).not.toContain('Nơi nhận');
      if (doc.metadata.signer) expect(s.body).not.toContain(doc.metadata.signer);
    }
  });
});

describe('fixture details', () => {
  const plan = parse(EXPECTED[3]!.source);
  const directive = parse(EXPECTED[0]!.source);

  it('keeps the appendix title, the note and the header row in the Phụ lục section', () => {
    const appendix = plan.sections.find((s) => s.label === 'Phụ lục')!;
    expect(appendix.heading).toBe('NHIỆM VỤ CỤ THỂ THỰC HIỆN QUY ĐỊNH SỐ 144-QĐ/TW NĂM 2025');
    expect(appendix.body).toContain('(Kèm theo Kế hoạch số 42-KH/ĐUK');
    expect(appendix.body).toContain('STT | Nội dung công việc | Cơ quan chủ trì');
    expect(appendix.parentLabel).toBeNull();
  });

  it('makes each table row a section: verbatim row as body, its task as heading', () => {
    const row = plan.sections.find((s) => s.label === 'Phụ lục.2')!;
    expect(row.body).toBe(
      '2 | Biên soạn, phát hành tài liệu hỏi - đáp về chuẩn mực đạo đức cách mạng | Ban Tuyên giáo Đảng ủy Khối | Ban Tổ chức Đảng ủy Khối | Trước ngày 31/3/2025',
    );
    expect(row.heading).toBe('Biên soạn, phát hành tài liệu hỏi - đáp về chuẩn mực đạo đức cách mạng');
    expect(row).toMatchObject({ parentLabel: 'Phụ lục', level: 2 });
  });

  it('keeps the signature out of the sections although the appendix follows it', () => {
    expect(plan.metadata.signer).toBe('Vũ Thị Ngọc Lan');
    expect(plan.sections.find((s) => s.label === 'III.5')!.body).not.toContain('T/M');
  });

  it('reads a numbered point’s lead sentence as its heading', () => {
    expect(directive.sections.find((s) => s.label === '2')!.heading).toBe('Chuẩn bị tốt văn kiện đại hội');
    expect(directive.sections.find((s) => s.label === '3.đ')!.heading).toBe('Không đưa vào cấp ủy những trường hợp');
  });

  it('indexes the Thông báo’s citation of the Chỉ thị', () => {
    const notice = parse(EXPECTED[2]!.source);
    expect(notice.references.filter((r) => r.number === '19-CT/TU').map((r) => r.sectionLabel)).toEqual(['2.c']);
  });
});
