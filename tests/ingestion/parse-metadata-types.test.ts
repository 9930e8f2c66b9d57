/**
 * Metadata for every document type: Party types with their own type lines and codes, and the state documents
 * directives cite and admins upload (Luật, Bộ luật, Nghị định, Thông tư, Quyết định, Văn bản hợp nhất).
 */
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../ingestion/metadata.ts';
import { findReferences } from '../../ingestion/references.ts';
import { parseSections } from '../../ingestion/structure.ts';
import { repairText } from '../../ingestion/repair.ts';

function metadataOf(raw: string) {
  const text = repairText(raw);
  const { sections, closing, titleBlock } = parseSections(text);
  return extractMetadata(text, sections, closing, titleBlock);
}

const STATE_HEADER = (issuer: string[], number: string, date = 'Hà Nội, ngày 14 tháng 6 năm 2019') => [
  ...issuer,
  '--------',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  '---------------',
  number,
  date,
  '',
];

describe('state documents', () => {
  it('reads a law: name after LUẬT, number with its term, issuer from the header, year from the date', () => {
    const meta = metadataOf(
      [...STATE_HEADER(['QUỐC HỘI'], 'Luật số: 43/2019/QH14'), 'LUẬT', 'GIÁO DỤC', '', 'Căn cứ Hiến pháp;', '', 'Chương I', 'NHỮNG QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi điều chỉnh', 'Luật này quy định.'].join('\n'),
    );
    expect(meta).toMatchObject({ type: 'Luật', number: '43/2019/QH14', title: 'Giáo dục', issuer: 'Quốc hội', issuedOn: '2019-06-14', year: 2019 });
  });

  it('takes a law’s year from its number when it has no date line', () => {
    const meta = metadataOf(['QUỐC HỘI', 'Luật số: 45/2019/QH14', '', 'BỘ LUẬT', 'LAO ĐỘNG', '', 'Điều 1. Phạm vi điều chỉnh', 'Nội dung.'].join('\n'));
    expect(meta).toMatchObject({ type: 'Bộ luật', number: '45/2019/QH14', title: 'Lao động', issuer: 'Quốc hội', year: 2019, yearSource: 'date' });
  });

  it('reads a Nghị định of the Government', () => {
    const meta = metadataOf(
      [...STATE_HEADER(['CHÍNH PHỦ'], 'Số: 31/2021/NĐ-CP', 'Hà Nội, ngày 26 tháng 3 năm 2021'), 'NGHỊ ĐỊNH', 'Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư', '', 'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;', '', 'Chương I', 'Điều 1. Phạm vi', 'Nội dung.', '', 'Nơi nhận:', '- Lưu: VT.', '', 'TM. CHÍNH PHỦ', 'THỦ TƯỚNG', '', 'Nguyễn Xuân Phúc'].join('\n'),
    );
    expect(meta).toMatchObject({
      type: 'Nghị định',
      number: '31/2021/NĐ-CP',
      title: 'Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư',
      issuer: 'Chính phủ',
      signer: 'Nguyễn Xuân Phúc',
      year: 2021,
    });
  });

  it('reads a Thông tư of a ministry, naming the ministry as written', () => {
    const meta = metadataOf([...STATE_HEADER(['BỘ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH'], 'Số: 08/2022/TT-BVHTTDL', 'Hà Nội, ngày 01 tháng 9 năm 2022'), 'THÔNG TƯ', 'Quy định về tổ chức lễ hội', '', 'Điều 1. Phạm vi', 'Nội dung.'].join('\n'));
    expect(meta).toMatchObject({ type: 'Thông tư', number: '08/2022/TT-BVHTTDL', year: 2022, issuer: 'Bộ Văn hóa, Thể thao và Du lịch' });
  });

  it('names a ministry from a wrapped header when its code is unknown', () => {
    const meta = metadataOf([...STATE_HEADER(['BỘ GIÁO DỤC', 'VÀ ĐÀO TẠO'], 'Số: 12/2020/TT-BXYZ'), 'THÔNG TƯ', 'Ban hành quy chế', '', 'Điều 1. Phạm vi', 'Nội dung.'].join('\n'));
    expect(meta.issuer).toBe('Bộ Giáo dục và Đào tạo');
  });

  it('reads a consolidated text as a Văn bản hợp nhất of the law it consolidates', () => {
    const meta = metadataOf([...STATE_HEADER(['VĂN PHÒNG QUỐC HỘI'], 'Số: 01/VBHN-VPQH', 'Hà Nội, ngày 10 tháng 01 năm 2023'), 'LUẬT', 'GIÁO DỤC', '', 'Điều 1. Phạm vi', 'Nội dung.'].join('\n'));
    expect(meta).toMatchObject({ type: 'Văn bản hợp nhất', number: '01/VBHN-VPQH', title: 'Luật Giáo dục', issuer: 'Văn phòng Quốc hội', year: 2023 });
  });

  it('reads a provincial Quyết định', () => {
    const meta = metadataOf([...STATE_HEADER(['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI'], 'Số: 123/QĐ-UBND', 'Lào Cai, ngày 05 tháng 3 năm 2024'), 'QUYẾT ĐỊNH', 'Về việc ban hành Kế hoạch', '', 'Điều 1. Ban hành', 'Nội dung.'].join('\n'));
    expect(meta).toMatchObject({ type: 'Quyết định', number: '123/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Lào Cai', year: 2024 });
  });
});

describe('Party types', () => {
  it.each([
    ['QUY CHẾ', 'Quy chế'],
    ['CHƯƠNG TRÌNH HÀNH ĐỘNG', 'Chương trình hành động'],
    ['ĐỀ CƯƠNG', 'Đề cương'],
    ['ĐIỀU LỆ', 'Điều lệ'],
    ['BÁO CÁO', 'Báo cáo'],
    ['CÔNG VĂN', 'Công văn'],
    ['QUY ĐỊNH', 'Quy định'],
    ['KẾT LUẬN', 'Kết luận'],
  ])('reads the type line %s', (line, type) => {
    expect(metadataOf(`TỈNH ỦY LÂM GIANG\n*\nSố 7-XX/TU\n\n${line}\nvề việc thử\n\nI. MỘT\n- nội dung.`).type).toBe(type);
  });

  it('strips the issuer from the trích yếu and names the locality from the header', () => {
    const meta = metadataOf(
      'ĐẢNG BỘ TỈNH LÂM GIANG\nHUYỆN ỦY ĐÔNG SƠN HÀ\n*\nSố 05-NQ/HU\n\nNGHỊ QUYẾT\ncủa Ban Chấp hành Đảng bộ huyện (Hội nghị lần thứ 17)\nvề phát triển nông nghiệp đến năm 2030\n\nI. MỘT\n- nội dung.',
    );
    expect(meta).toMatchObject({ title: 'về phát triển nông nghiệp đến năm 2030', issuer: 'Ban Chấp hành Đảng bộ huyện Đông Sơn Hà', year: null });
  });

  it('does not take a horizon year in the title for the document’s year', () => {
    const meta = metadataOf('NGHỊ QUYẾT\nvề nông nghiệp giai đoạn 2024 - 2025, định hướng đến năm 2030\n\nĐông Sơn Hà, ngày 18 tháng 4 năm 2024\n\nI. MỘT\n- nội dung.');
    expect(meta).toMatchObject({ year: 2024, yearSource: 'date' });
  });
});

describe('references in the state formats', () => {
  it('reads laws, decrees, circulars and consolidated texts with their type words', () => {
    const refs = findReferences(
      'Căn cứ Luật Giáo dục số 43/2019/QH14 ngày 14/6/2019 của Quốc hội; Nghị định số 31/2021/NĐ-CP; Thông tư 08/2022/TT-BVHTTDL; Văn bản hợp nhất số 01/VBHN-VPQH; Quyết định 1234/QĐ-TTg.',
      '',
    );
    expect(refs.map((r) => [r.type, r.number])).toEqual([
      ['Luật', '43/2019/QH14'],
      ['Nghị định', '31/2021/NĐ-CP'],
      ['Thông tư', '08/2022/TT-BVHTTDL'],
      ['Văn bản hợp nhất', '01/VBHN-VPQH'],
      ['Quyết định', '1234/QĐ-TTg'],
    ]);
    expect(refs[0]).toMatchObject({ text: 'Luật Giáo dục số 43/2019/QH14 ngày 14/6/2019 của Quốc hội', date: '2019-06-14', issuer: 'Quốc hội' });
  });

  it('types a state number without a type word by its code', () => {
    expect(findReferences('theo 31/2021/NĐ-CP và 15/2020/TT-BTC', '').map((r) => r.type)).toEqual(['Nghị định', 'Thông tư']);
  });
});

describe('a law without its header (articles only)', () => {
  it('takes the number from the file name, and with it the issuer and the year', async () => {
    const { parseDocument } = await import('../../ingestion/parse-document.ts');
    const doc = parseDocument({ source: '45-2019-qh14.txt', text: 'Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nBộ luật này quy định.', contentHash: 'h' });
    expect(doc.metadata).toMatchObject({ number: '45/2019/QH14', issuer: 'Quốc hội', year: 2019 });
    expect(doc.sections.map((s) => s.label)).toEqual(['Chương I', 'Điều 1']);
  });

  it.each([
    ['01_2009_tt-bnn.txt', '01/2009/TT-BNN'],
    ['31-2021-nd-cp.docx', '31/2021/NĐ-CP'],
    ['2021-ke-hoach-12-kh-du-tuyen-truyen.txt', null],
    ['luat-giao-duc.txt', null],
  ])('reads %s as %s', async (source, number) => {
    const { numberFromSource } = await import('../../ingestion/metadata.ts');
    expect(numberFromSource(source)).toBe(number);
  });
});
