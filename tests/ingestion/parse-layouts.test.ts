import { describe, expect, it } from 'vitest';
import { headingMarker, parseSections } from '../../ingestion/structure.ts';

const labels = (text: string) => parseSections(text).sections.map((s) => s.label);
const section = (text: string, label: string) => parseSections(text).sections.find((s) => s.label === label);

describe('headingMarker: the other layouts', () => {
  it.each([
    ['Phần thứ nhất', 'part', 'Phần I', ''],
    ['PHẦN THỨ HAI: NHIỆM VỤ', 'part', 'Phần II', 'NHIỆM VỤ'],
    ['PHẦN I. NHỮNG VẤN ĐỀ CHUNG', 'part', 'Phần I', 'NHỮNG VẤN ĐỀ CHUNG'],
    ['Chương II', 'chapter', 'Chương II', ''],
    ['CHƯƠNG III. QUYỀN VÀ NGHĨA VỤ', 'chapter', 'Chương III', 'QUYỀN VÀ NGHĨA VỤ'],
    ['Mục 2. TRÁCH NHIỆM', 'group', 'Mục 2', 'TRÁCH NHIỆM'],
    ['Điều 5. Giải thích từ ngữ', 'article', 'Điều 5', 'Giải thích từ ngữ'],
    ['Điều 12.', 'article', 'Điều 12', ''],
    ['Điều 7a. Điều bổ sung', 'article', 'Điều 7a', 'Điều bổ sung'],
    ['A. MỤC ĐÍCH, YÊU CẦU', 'capital', 'A', 'MỤC ĐÍCH, YÊU CẦU'],
    ['Đ. NHIỆM VỤ KHÁC', 'capital', 'Đ', 'NHIỆM VỤ KHÁC'],
    ['III. nhiệm vụ, giải pháp', 'roman', 'III', 'nhiệm vụ, giải pháp'],
    ['IV - tổ chức thực hiện', 'roman', 'IV', 'tổ chức thực hiện'],
    ['PHỤ LỤC', 'appendix', 'Phụ lục', ''],
    ['Phụ lục 2', 'appendix', 'Phụ lục 2', ''],
    ['PHỤ LỤC SỐ 3: DANH MỤC', 'appendix', 'Phụ lục 3', 'DANH MỤC'],
    ['1. 100% chi bộ tổ chức học tập', 'arabic', '1', '100% chi bộ tổ chức học tập'],
    ['2/ Tuyên truyền trên mạng xã hội', 'arabic', '2', 'Tuyên truyền trên mạng xã hội'],
    ['a. Nâng cao chất lượng sinh hoạt chi bộ', 'letter', 'a', 'Nâng cao chất lượng sinh hoạt chi bộ'],
    ['b- Hình thức tuyên truyền', 'letter', 'b', 'Hình thức tuyên truyền'],
  ])('%s', (line, kind, part, rest) => {
    expect(headingMarker(line)).toEqual({ kind, part, rest });
  });

  it.each([
    'Phần I của Kế hoạch này quy định',
    'Chương trình hành động số 05-CTr/TU',
    'Điều 12 của Luật này được áp dụng',
    'Điều lệ Đảng quy định',
    'Phụ lục kèm theo Kế hoạch',
    'MỤC ĐÍCH, YÊU CẦU',
    '“Điều 5. Giải thích từ ngữ',
    '15-KH/ĐU của Đảng ủy',
    '1/2024 là năm đầu tiên',
    'a-xít hóa đất',
  ])('is not a heading: %s', (line) => {
    expect(headingMarker(line)).toBeNull();
  });
});

describe('parseSections: Phần', () => {
  it('appends what is numbered inside a part to the part', () => {
    const text = [
      'ĐỀ CƯƠNG',
      'tuyên truyền thử',
      '',
      'Phần thứ nhất',
      'TÌNH HÌNH CHUNG',
      'I. KẾT QUẢ',
      '1. Về kinh tế',
      '2. Về xã hội',
      'II. HẠN CHẾ',
      '1. Nguyên nhân',
      'Phần thứ hai',
      'NHIỆM VỤ',
      'A. NHIỆM VỤ CHUNG',
      '1. Lãnh đạo',
      'a) Điểm một',
      'Đ. NHIỆM VỤ KHÁC',
      '1. Thứ nhất',
    ].join('\n');
    expect(labels(text)).toEqual([
      'Phần I', 'Phần I.I', 'Phần I.I.1', 'Phần I.I.2', 'Phần I.II', 'Phần I.II.1',
      'Phần II', 'Phần II.A', 'Phần II.A.1', 'Phần II.A.1.a', 'Phần II.Đ', 'Phần II.Đ.1',
    ]);
    expect(section(text, 'Phần II')).toMatchObject({ heading: 'NHIỆM VỤ', body: 'NHIỆM VỤ', level: 1 });
    expect(section(text, 'Phần II.A.1.a')).toMatchObject({ parentLabel: 'Phần II.A.1', level: 4 });
  });

  it('reads `PHẦN I.` with its title on the same line', () => {
    expect(labels('PHẦN I. CHUNG\n1. Một\nPHẦN II. RIÊNG\nI. Hai\n1. Ba')).toEqual(['Phần I', 'Phần I.1', 'Phần II', 'Phần II.I', 'Phần II.I.1']);
  });
});

describe('parseSections: lettered parts', () => {
  it('reads A. … Đ. … I. as letters, in the Vietnamese alphabet', () => {
    const parts = ['A', 'B', 'C', 'D', 'Đ', 'E', 'G', 'H', 'I', 'K'].map((l) => `${l}. PHẦN ${l}\n1. Mục của ${l}`).join('\n');
    expect(labels(parts)).toEqual(['A', 'B', 'C', 'D', 'Đ', 'E', 'G', 'H', 'I', 'K'].flatMap((l) => [l, `${l}.1`]));
  });

  it('nests Roman parts under lettered parts when the letters come first', () => {
    expect(labels('A. PHẦN CHUNG\nI. MỘT\n1. Một\nII. HAI\nB. PHẦN RIÊNG\nI. BA')).toEqual(['A', 'A.I', 'A.I.1', 'A.II', 'B', 'B.I']);
  });

  it('nests lettered parts under Roman parts when the Roman parts come first', () => {
    expect(labels('I. MỘT\nA. Một\n1. Một\nB. Hai\nII. HAI\n1. Ba')).toEqual(['I', 'I.A', 'I.A.1', 'I.B', 'II', 'II.1']);
  });
});

describe('parseSections: numbered points without parts (Chỉ thị, Kết luận, Thông báo)', () => {
  const text = [
    'CHỈ THỊ',
    'về việc thử',
    '',
    'Để lãnh đạo tốt, Ban Thường vụ yêu cầu:',
    '',
    '1. TĂNG CƯỜNG SỰ LÃNH ĐẠO CỦA CẤP ỦY. Các cấp ủy quán triệt sâu sắc nội dung Chỉ thị này.',
    '- gạch đầu dòng',
    '+ ý phụ',
    '2. Về công tác cán bộ: bảo đảm đúng quy trình.',
    'a) Về tiêu chuẩn: đủ tiêu chuẩn.',
    'đ) Về cơ cấu: hợp lý.',
    '3. Tổ chức thực hiện',
  ].join('\n');

  it('makes the points the top level, with their items under them', () => {
    expect(labels(text)).toEqual(['', '1', '2', '2.a', '2.đ', '3']);
  });

  it('takes a capitalised or colon lead as the heading and keeps bullets as body', () => {
    expect(section(text, '1')).toMatchObject({
      heading: 'TĂNG CƯỜNG SỰ LÃNH ĐẠO CỦA CẤP ỦY',
      body: 'Các cấp ủy quán triệt sâu sắc nội dung Chỉ thị này.\n\n- gạch đầu dòng\n\n+ ý phụ',
    });
    expect(section(text, '2.a')).toMatchObject({ heading: 'Về tiêu chuẩn', body: 'đủ tiêu chuẩn.' });
  });
});

describe('parseSections: sloppy headings', () => {
  it('reads lower-case and dash headings', () => {
    expect(labels('I. mục đích, yêu cầu\n1. Mục đích\nIII. nhiệm vụ, giải pháp\nIV - tổ chức thực hiện\n1- Ban Tuyên giáo')).toEqual([
      'I', 'I.1', 'III', 'IV', 'IV.1',
    ]);
  });

  it('ignores `Mục` groupings outside a law-shaped text', () => {
    expect(labels('I. MỘT\nMục 1. Nội dung\n1. Hai')).toEqual(['I', 'I.1']);
  });
});

describe('parseSections: appendix tables', () => {
  const text = [
    'I. NỘI DUNG',
    '- Làm việc.',
    '',
    'Nơi nhận:',
    '- Lưu VT.',
    '',
    'T/M BAN THƯỜNG VỤ',
    'BÍ THƯ',
    '',
    'Nguyễn Văn A',
    '',
    'PHỤ LỤC 2',
    'DANH MỤC NHIỆM VỤ',
    '| STT | Nội dung | Cơ quan chủ trì | Thời hạn |',
    '| 1 | Tổ chức hội nghị | Ban Tuyên giáo | Tháng 3/2025 |',
    '| 2 | Kiểm tra | Ủy ban Kiểm tra | Quý III/2025 |',
  ].join('\n');

  it('starts a new top level after the signature, one section per row', () => {
    const { sections, closing } = parseSections(text);
    expect(sections.map((s) => s.label)).toEqual(['I', 'Phụ lục 2', 'Phụ lục 2.1', 'Phụ lục 2.2']);
    expect(closing.endsWith('Nguyễn Văn A')).toBe(true);
    expect(sections[2]).toMatchObject({ heading: 'Tổ chức hội nghị', body: '| 1 | Tổ chức hội nghị | Ban Tuyên giáo | Tháng 3/2025 |' });
    expect(sections[1]!.body).toContain('| STT | Nội dung |');
  });

  it('leaves numbered `|` rows outside an appendix as body text', () => {
    expect(labels('I. MỘT\nSTT | Việc\n1 | Việc một')).toEqual(['I']);
  });
});

describe('parseSections: chapters inside parts', () => {
  it('numbers what a Chương holds under the Phần around it, as the contract does', () => {
    const text = [
      'Phần thứ nhất: THỰC TRẠNG',
      'I. KẾT QUẢ',
      'Phần thứ hai: NỘI DUNG ĐỀ ÁN',
      'Chương I. MỤC TIÊU',
      'Mục 1. Mục tiêu',
      '1.1. Mục tiêu chung',
      '1.2. Mục tiêu cụ thể',
      'a) Chỉ tiêu một;',
      'Chương II. NHIỆM VỤ',
      '2.1. Đẩy mạnh tuyên truyền',
    ].join('\n');
    expect(labels(text)).toEqual(['Phần I', 'Phần I.I', 'Phần II', 'Chương I', 'Phần II.1.1', 'Phần II.1.2', 'Phần II.1.2.a', 'Chương II', 'Phần II.2.1']);
    expect(section(text, 'Phần II.1.1')).toMatchObject({ parentLabel: 'Chương I', heading: 'Mục tiêu chung' });
  });

  it('numbers a chapter outside any part from the top', () => {
    expect(labels('Chương I. CHUNG\nI. MỘT\n1. Việc một')).toEqual(['Chương I', 'I', 'I.1']);
  });
});

describe('parseSections: articles', () => {
  it('cites articles without their Phần or Chương, khoản and điểm under them', () => {
    const text = [
      'PHẦN THỨ NHẤT',
      'QUY ĐỊNH CHUNG',
      'Chương I',
      'PHẠM VI',
      'Điều 1. Phạm vi điều chỉnh',
      'Bộ luật này quy định chung.',
      'Điều 2.',
      '1. Khoản không có tiêu đề điều.',
      'a) Điểm a;',
      'Điều 3. Nghiêm cấm',
      'a) Hành vi một;',
      'PHẦN THỨ HAI',
      'Chương II',
      'Điều 4. Hiệu lực',
    ].join('\n');
    expect(labels(text)).toEqual(['Phần I', 'Chương I', 'Điều 1', 'Điều 2', 'Điều 2.1', 'Điều 2.1.a', 'Điều 3', 'Điều 3.a', 'Phần II', 'Chương II', 'Điều 4']);
    expect(section(text, 'Điều 1')).toMatchObject({ parentLabel: 'Chương I', level: 3, body: 'Bộ luật này quy định chung.' });
    expect(section(text, 'Chương I')).toMatchObject({ parentLabel: 'Phần I', heading: 'PHẠM VI' });
    expect(section(text, 'Điều 2')!.heading).toBe('');
  });

  it('keeps a quote opened on the khoản line itself inside that khoản', () => {
    const text = 'Điều 1. Sửa đổi\n1. Khoản 2 Điều 5 được sửa đổi như sau: “2. Nội dung mới:\na) Điểm mới;\n3. Khoản mới.”.\n2. Khoản tiếp theo.';
    expect(labels(text)).toEqual(['Điều 1', 'Điều 1.1', 'Điều 1.2']);
  });

  it('lets a quote that never closes hide nothing', () => {
    expect(labels('Điều 1. Một\n1. Sửa đổi như sau:\n“Nội dung mở ngoặc\nĐiều 2. Hai\n1. Khoản')).toEqual(['Điều 1', 'Điều 1.1', 'Điều 2', 'Điều 2.1']);
  });
});

describe('a sloppy web copy parses like the clean text', () => {
  const web = [
    'KẾ HOẠCH',
    'thử nghiệm năm 2024',
    '',
    'Thực hiện Kế hoạch số',
    '',
    '- 2 -',
    '',
    '15-KH/ĐU của Ban Thường vụ, Đảng ủy xây dựng kế hoạch như sau:',
    '',
    '**I. mục đích, yêu cầu**',
    '',
    '1.',
    'Mục đích',
    '',
    '- Nâng cao nhận thức của cán bộ, đảng viên về',
    '',
    '- 3 -',
    '',
    'công tác xây dựng Đảng.',
    '',
    'II - nội dung',
    '',
    '1. **Ban Xây dựng Đảng:** chủ trì tuyên truyền.',
  ].join('\n');

  it('finds the headings, drops the page numbers and joins the broken sentences', async () => {
    const { repairText } = await import('../../ingestion/repair.ts');
    const { sections } = parseSections(repairText(web));
    expect(sections.map((s) => s.label)).toEqual(['', 'I', 'I.1', 'II', 'II.1']);
    expect(sections[0]!.body).toBe('Thực hiện Kế hoạch số 15-KH/ĐU của Ban Thường vụ, Đảng ủy xây dựng kế hoạch như sau:');
    expect(sections[2]!.body).toBe('- Nâng cao nhận thức của cán bộ, đảng viên về công tác xây dựng Đảng.');
    expect(sections[4]).toMatchObject({ heading: 'Ban Xây dựng Đảng', body: 'chủ trì tuyên truyền.' });
  });
});

describe('parseSections: points written 1/ and items written a. or a-', () => {
  it('labels them as 1. and a) would be', () => {
    const text = ['KẾ HOẠCH', 'tuyên truyền năm 2025', '', 'I. MỤC ĐÍCH', 'Nâng cao nhận thức.', '', 'II. NỘI DUNG', '1/ Tuyên truyền trực tiếp', 'a. Qua sinh hoạt chi bộ;', 'b- Qua hội nghị báo cáo viên.', '2/ Tuyên truyền trên mạng', '- Trang thông tin điện tử.'].join('\n');
    expect(labels(text)).toEqual(['I', 'II', 'II.1', 'II.1.a', 'II.1.b', 'II.2']);
  });
});
