import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/core/errors.ts';
import { extractMetadata } from '../../ingestion/metadata.ts';
import { parseDocument } from '../../ingestion/parse-document.ts';
import { extractReferences, findReferences } from '../../ingestion/references.ts';
import { parseSections } from '../../ingestion/structure.ts';

function metadataOf(text: string) {
  const { sections, closing, titleBlock } = parseSections(text);
  return extractMetadata(text, sections, closing, titleBlock);
}

const FULL = [
  'BAN CHẤP HÀNH ĐẢNG BỘ TỈNH',
  'BAN TUYÊN GIÁO',
  '*',
  'Số: 45 - HD/BTGTU',
  'Lào Cai, ngày 03 tháng 4 năm 2022',
  '',
  'HƯỚNG DẪN',
  'tuyên truyền kỷ niệm',
  '-----',
  '',
  'Căn cứ Kế hoạch số 12-KH/TU ngày 01/3/2022 của Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:',
  '',
  'I. NỘI DUNG',
  '- Tuyên truyền.',
  '',
  'Nơi nhận:',
  '- Lưu VT.',
  '',
  'K/T TRƯỞNG BAN',
  'PHÓ TRƯỞNG BAN',
  '',
  'Trần Thị B',
].join('\n');

describe('extractMetadata', () => {
  it('reads every field of a complete header', () => {
    expect(metadataOf(FULL)).toEqual({
      type: 'Hướng dẫn',
      number: '45-HD/BTGTU',
      title: 'tuyên truyền kỷ niệm',
      issuer: 'Ban Tuyên giáo Tỉnh ủy Lào Cai',
      signer: 'Trần Thị B',
      signerRole: 'K/T TRƯỞNG BAN – PHÓ TRƯỞNG BAN',
      place: 'Lào Cai',
      issuedOn: '2022-04-03',
      year: 2022,
      yearSource: 'date',
    });
  });

  it('falls back to the number for the type and to the signature for the issuer', () => {
    const meta = metadataOf('Số: 7-CTr/XY\n\nI. MỘT\n- nội dung.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nLê Văn C');
    expect(meta.type).toBe('Chương trình');
    expect(meta.issuer).toBe('Ban thường vụ');
    expect(meta.year).toBeNull();
  });

  it('does not take a cited number in the title for the document number', () => {
    const meta = metadataOf('KẾ HOẠCH\n\nThực hiện Đề án số 17-ĐA/TU năm 2022\n\nThực hiện Đề án số 17-ĐA/TU, Đảng ủy Khối xây dựng kế hoạch như sau:\n\nI. MỘT');
    expect(meta.number).toBeNull();
    expect(meta.title).toBe('Thực hiện Đề án số 17-ĐA/TU năm 2022');
    expect(meta).toMatchObject({ year: 2022, yearSource: 'title', issuer: 'Đảng ủy Khối' });
  });

  it('reads the issuer from the paragraph that issues this document, not from one telling who issued another', () => {
    const text = [
      'ĐẢNG BỘ TỈNH TÂY KHÁNH',
      'TỈNH ỦY',
      '*',
      'Số 61-CTr/TU',
      'Tây Khánh, ngày 25 tháng 02 năm 2025',
      '',
      'CHƯƠNG TRÌNH HÀNH ĐỘNG',
      'thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về chuyển đổi số',
      '-----',
      '',
      'Ngày 22/12/2024, Bộ Chính trị ban hành Nghị quyết số 57-NQ/TW về chuyển đổi số quốc gia.',
      'Thực hiện Nghị quyết 57, Ban Chấp hành Đảng bộ tỉnh xây dựng Chương trình hành động như sau:',
      '',
      'I - MỤC ĐÍCH',
      '- Quán triệt.',
    ].join('\n');
    expect(metadataOf(text).issuer).toBe('Ban Chấp hành Đảng bộ tỉnh Tây Khánh');
    // A name a comma cuts ("Sở Văn hóa, Thể thao và Du lịch thống nhất ban hành") is no issuer.
    const joint = 'QUY CHẾ\nphối hợp\n\nBan Tuyên giáo Tỉnh ủy và Sở Văn hóa, Thể thao và Du lịch thống nhất ban hành Quy chế như sau:\n\nI. MỘT';
    expect(metadataOf(joint).issuer ?? '').not.toMatch(/^Thể thao/u);
  });

  it('takes the latest date cited in the opening when nothing else gives a year', () => {
    const meta = metadataOf('KẾ HOẠCH\nthử\n\nThực hiện Nghị quyết số 1-NQ/TW ngày 02/02/2020 và Kế hoạch số 5-KH/TU ngày 03/3/2021, Huyện ủy xây dựng kế hoạch:\n\nI. MỘT');
    expect(meta).toMatchObject({ year: 2021, yearSource: 'references' });
  });
});

describe('references', () => {
  it('reads type, number, date, issuer and text', () => {
    const refs = findReferences(
      'theo Quy định số 85-QĐ/TW, ngày 07/10/2022 về việc; Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 (khóa XIII) và Chương trình hành động số 05-CTr/TU ngày 14/5/2021 của Tỉnh ủy về “Nâng cao”; bare 08-QĐi/TW.',
      'II.1',
    );
    expect(refs).toEqual([
      { type: 'Quy định', number: '85-QĐ/TW', date: '2022-10-07', issuer: null, text: 'Quy định số 85-QĐ/TW, ngày 07/10/2022', sectionLabel: 'II.1' },
      {
        type: 'Nghị quyết',
        number: '21-NQ/TW',
        date: '2022-06-16',
        issuer: 'Hội nghị Trung ương 5',
        text: 'Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 (khóa XIII)',
        sectionLabel: 'II.1',
      },
      {
        type: 'Chương trình hành động',
        number: '05-CTr/TU',
        date: '2021-05-14',
        issuer: 'Tỉnh ủy',
        text: 'Chương trình hành động số 05-CTr/TU ngày 14/5/2021 của Tỉnh ủy',
        sectionLabel: 'II.1',
      },
      { type: 'Quy định', number: '08-QĐi/TW', date: null, issuer: null, text: '08-QĐi/TW', sectionLabel: 'II.1' },
    ]);
  });

  it('cuts the issuer before what the citation is about', () => {
    const [a, b] = findReferences(
      'Kế hoạch số 114-KH/BTCTW ngày 21/4/2023 của Ban Tổ chức Trung ương và Kế hoạch số 57-KH/TU; Kế hoạch số 72-KH/BTGTU của Ban Tuyên giáo Tỉnh ủy thành nội dung chi tiết',
      '',
    );
    expect(a!.issuer).toBe('Ban Tổ chức Trung ương');
    expect(b).toMatchObject({ number: '57-KH/TU', issuer: null });
    expect(findReferences('Kế hoạch số 72-KH/BTGTU của Ban Tuyên giáo Tỉnh ủy thành nội dung', '')[0]!.issuer).toBe('Ban Tuyên giáo Tỉnh ủy');
  });

  it('lists a citation repeated in one section once, and keeps its section label', () => {
    const { sections } = parseSections('I. MỘT\n1. Theo Nghị quyết số 35-NQ/TW.\n- Nghị quyết số 35-NQ/TW.\nII. HAI\n- Nghị quyết số 35-NQ/TW.');
    expect(extractReferences(sections).map((r) => r.sectionLabel)).toEqual(['I.1', 'II']);
  });
});

describe('parseDocument', () => {
  const input = { source: 'thu.txt', text: FULL, contentHash: 'abc' };

  it('returns the repaired text, sections, references and no warnings for a complete document', () => {
    const doc = parseDocument(input);
    expect(doc).toMatchObject({ source: 'thu.txt', contentHash: 'abc', warnings: [] });
    expect(doc.text).toContain('Số: 45-HD/BTGTU');
    expect(doc.references.map((r) => r.number)).toEqual(['12-KH/TU']);
  });

  it('applies overrides and marks an overridden year', () => {
    const doc = parseDocument(input, { year: 2030, issuer: 'Ban Tuyên giáo' });
    expect(doc.metadata).toMatchObject({ year: 2030, yearSource: 'override', issuer: 'Ban Tuyên giáo', number: '45-HD/BTGTU' });
  });

  it('warns in Vietnamese about a document without number, year or headings', () => {
    const doc = parseDocument({ source: 'x.txt', text: 'Một đoạn văn không có đề mục.', contentHash: 'h' });
    expect(doc.warnings).toEqual(expect.arrayContaining(['Không có số văn bản', 'Không tìm thấy năm của văn bản', 'Không tìm thấy đề mục nào']));
    expect(doc.sections.map((s) => s.label)).toEqual(['']);
  });

  it('refuses a text with nothing readable, naming the source', () => {
    for (const text of ['', ' \n\t\r\n', '\uFEFF', '*** ---']) {
      expect(() => parseDocument({ source: 'rong.txt', text, contentHash: 'h' })).toThrow(IngestError);
    }
    expect(() => parseDocument({ source: 'rong.txt', text: '', contentHash: 'h' })).toThrow(/rong\.txt/u);
  });
});
